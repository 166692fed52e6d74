/**
 * Small claim files written by the tests themselves, and their expected totals worked out here in
 * plain integer-cent arithmetic from the generated rows (independent of DuckDB and of the reader):
 * each row is generated as canonical values first (program, component, date, cents), then written
 * with one of several spellings a state might use.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDuckDb } from '../../src/claims/duckdb-session';

export interface ClaimRow {
  readonly id: string;
  readonly program: 'Medicaid' | 'CHIP';
  readonly component: 'FFS' | 'MC';
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly cents: number;
}

const PROGRAM_SPELLINGS: Record<ClaimRow['program'], readonly string[]> = { Medicaid: ['Medicaid', 'Title XIX', 'MEDICAID', 'xix'], CHIP: ['CHIP', 'Title XXI', 's-chip', 'M-CHIP'] };
const COMPONENT_SPELLINGS: Record<ClaimRow['component'], readonly string[]> = { FFS: ['FFS', 'Fee-for-service', 'ffs'], MC: ['MC', 'Managed Care', 'Capitation'] };

/** A small deterministic generator (LCG), so the files are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Rows paid in RY2025 (July 2023 to June 2024). */
export function generateRows(prefix: string, n: number, seed: number, negativeEvery = 0): ClaimRow[] {
  const r = lcg(seed);
  const rows: ClaimRow[] = [];
  for (let i = 0; i < n; i++) {
    const monthIndex = Math.floor(r() * 12); // 0 = July 2023
    const year = monthIndex < 6 ? 2023 : 2024;
    const month = ((monthIndex + 6) % 12) + 1;
    const cents = Math.floor(r() * 5_000_000) + 1;
    rows.push({ id: `${prefix}${String(i).padStart(6, '0')}`, program: r() < 0.6 ? 'Medicaid' : 'CHIP', component: r() < 0.5 ? 'FFS' : 'MC', year, month, day: 1 + Math.floor(r() * 28), cents: negativeEvery > 0 && i % negativeEvery === negativeEvery - 1 ? -cents : cents });
  }
  return rows;
}

export const quarterOf = (row: Pick<ClaimRow, 'year' | 'month'>): string => `${row.year}Q${Math.floor((row.month - 1) / 3) + 1}`;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `1234.56`, `$1,234.56` or `(1,234.56)` for a negative. */
export function amountText(cents: number, style: number): string {
  const abs = Math.abs(cents);
  const plain = `${Math.floor(abs / 100)}.${pad(abs % 100)}`;
  const grouped = `${Math.floor(abs / 100).toLocaleString('en-US')}.${pad(abs % 100)}`;
  if (cents < 0) return style % 2 === 0 ? `-${plain}` : `(${grouped})`;
  return style % 3 === 0 ? plain : style % 3 === 1 ? `$${grouped}` : grouped;
}

export const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Text columns as a state might write them: varied spellings, ISO or US dates. */
export function textRow(row: ClaimRow, i: number): { id: string; program: string; component: string; date: string; amount: string } {
  const programs = PROGRAM_SPELLINGS[row.program];
  const components = COMPONENT_SPELLINGS[row.component];
  return {
    id: row.id,
    program: programs[i % programs.length] ?? row.program,
    component: components[i % components.length] ?? row.component,
    date: i % 2 === 0 ? `${row.year}-${pad(row.month)}-${pad(row.day)}` : `${row.month}/${row.day}/${row.year}`,
    amount: amountText(row.cents, i),
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'perm-recon-claims-'));
}

/** Writes a CSV with `headers` (Claim ID, Program, Component, Paid Date, Paid Amount in that order of meaning) and returns its text. */
export function csvText(rows: readonly ClaimRow[], headers: readonly [string, string, string, string, string]): string {
  const lines = [headers.map(csvField).join(',')];
  rows.forEach((row, i) => {
    const t = textRow(row, i);
    lines.push([t.id, t.program, t.component, t.date, t.amount].map(csvField).join(','));
  });
  return `${lines.join('\n')}\n`;
}

export function writeCsv(dir: string, name: string, rows: readonly ClaimRow[], headers: readonly [string, string, string, string, string] = ['Claim ID', 'Program', 'Component', 'Paid Date', 'Paid Amount']): string {
  const path = join(dir, name);
  const text = csvText(rows, headers);
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(text) : text);
  return path;
}

/** Parquet with typed columns (VARCHAR, DATE, DECIMAL(18,2)) written by DuckDB's COPY. */
export async function writeParquet(dir: string, name: string, rows: readonly ClaimRow[]): Promise<string> {
  const csv = join(tempDir(), `${name}.source.csv`);
  writeFileSync(csv, `id,program,component,day,cents\n${rows.map((r) => `${r.id},${r.program},${r.component},${r.year}-${pad(r.month)}-${pad(r.day)},${r.cents}`).join('\n')}\n`);
  const path = join(dir, name);
  const db = await openDuckDb();
  try {
    await db.run(`COPY (SELECT id AS "ICN", program AS "Program Type", component AS "FFS/MC", CAST(day AS DATE) AS "Payment Date", CAST(CAST(cents AS BIGINT) * 0.01 AS DECIMAL(18,2)) AS "Amount Paid" FROM read_csv('${csv}', header = true, all_varchar = true)) TO '${path}' (FORMAT parquet)`);
  } finally {
    db.close();
  }
  return path;
}

/** Expected totals: `program|quarter|component` → cents and claims. */
export function expectedTotals(rows: readonly ClaimRow[]): Map<string, { cents: number; claims: number }> {
  const out = new Map<string, { cents: number; claims: number }>();
  for (const r of rows) {
    const key = `${r.program}|${quarterOf(r)}|${r.component}`;
    const s = out.get(key) ?? { cents: 0, claims: 0 };
    s.cents += r.cents;
    s.claims += 1;
    out.set(key, s);
  }
  return out;
}

export function totalsMap(totals: readonly { program: string; quarter: string; component: string; cents: number; claims: number }[]): Map<string, { cents: number; claims: number }> {
  return new Map(totals.map((t) => [`${t.program}|${t.quarter}|${t.component}`, { cents: t.cents, claims: t.claims }]));
}
