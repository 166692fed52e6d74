// `perm-recon universe` and `reconcile --universe` (cli.md "Claim-level universe files").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readUniverseTotals } from '../../src/core/workbook/universe-totals';
import { openXlsx } from '../../src/xlsx/open-xlsx';
import { expectedTotals, generateRows, tempDir, totalsMap, writeCsv, writeParquet, type ClaimRow } from '../claims/claim-fixtures';
import { runCli } from './run-cli';
import { SAMPLE } from './sample-copy';

let dir: string;
let rows: ClaimRow[];
let csv: string;
let parquet: string;

beforeAll(async () => {
  dir = tempDir();
  const a = generateRows('A', 70, 21, 9);
  const b = generateRows('B', 40, 22);
  rows = [...a, ...b];
  csv = writeCsv(dir, 'state-claims.csv', a);
  parquet = await writeParquet(dir, 'state-claims.parquet', b);
});

interface UniverseDoc {
  reviewYear: string;
  totals: { program: string; quarter: string; component: string; amount: number; claims: number }[];
  checks: { code: string; count: number; examples: { file: string; row: number; claimId: string | null }[] }[];
  files: { file: string; format: string; claims: number }[];
}

describe('perm-recon universe', () => {
  it('--json: totals by program, quarter and component, the checks and the files', async () => {
    const run = await runCli(['universe', csv, parquet, '--review-year', 'RY2025', '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as UniverseDoc;
    expect(doc.reviewYear).toBe('RY2025');
    const expected = expectedTotals(rows);
    expect(new Map(doc.totals.map((t) => [`${t.program}|${t.quarter}|${t.component}`, { cents: Math.round(t.amount * 100), claims: t.claims }]))).toEqual(expected);
    expect(doc.checks.map((c) => c.code)).toContain('duplicate_claim_id');
    expect(doc.checks.find((c) => c.code === 'negative_amount')!.count).toBe(Math.floor(70 / 9));
    expect(doc.files.map((f) => [f.format, f.claims])).toEqual([['csv', 70], ['parquet', 40]]);
    // The checks that found claims are warnings on standard error, with the first examples.
    expect(run.stderr).toMatch(/warning: 7 claim\(s\) have a negative Paid Amount .*\[negative_amount\]:\n {2}.*state-claims\.csv row 10: Paid Amount:/);
  });

  it('prints a readable table without --json', async () => {
    const run = await runCli(['universe', csv, '--review-year', 'RY 2025']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Claim-level universe, review year RY2025 (2023Q3 to 2024Q2): 70 claims');
    expect(run.stdout).toMatch(/Medicaid +2023Q3 +FFS +\$[\d,]+\.\d\d/);
  });

  it('--out writes a Universe table that the workbook reader totals the same, to the cent', async () => {
    const out = join(tempDir(), 'totals.xlsx');
    const run = await runCli(['universe', csv, parquet, '--review-year', 'RY2025', '--out', out]);
    expect(run.code).toBe(0);
    const read = await readUniverseTotals(await openXlsx(out));
    expect(read.issues).toEqual([]);
    expect(totalsMap(read.totals.map((t) => ({ ...t, claims: t.claims ?? -1 })))).toEqual(expectedTotals(rows));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Universe', 'Claim Checks']);
  });

  it('--print-sql prints the portable statements, with each file\'s columns', async () => {
    const run = await runCli(['universe', csv, '--review-year', 'RY2025', '--print-sql']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^-- PERM claim-level universe, review year RY2025/);
    expect(run.stdout).toContain(`-- ${csv}: Claim ID = "Claim ID"`);
    expect(run.stdout.match(/;\n/g)).toHaveLength(3);
  });

  it('exits 2 naming the file when a file cannot be used, and 2 for a review year it cannot read', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const run = await runCli(['universe', csv, empty, join(dir, 'missing.parquet'), '--review-year', 'RY2025', '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${empty}: the file is empty.`);
    expect(run.stderr).toContain(`${join(dir, 'missing.parquet')}: file not found.`);
    const year = await runCli(['universe', csv, '--review-year', '2025']);
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--review-year 2025: 2025 does not say which kind of year. Write RY2025');
  });
});

describe('perm-recon reconcile --universe', () => {
  it('reconciles with the claim files in place of the workbook\'s universe table, and the Run Log says so', async () => {
    // Claim files whose totals are the sample's own universe table, each total split over three claims.
    const sample = await readUniverseTotals(await openXlsx(SAMPLE));
    const lines = ['Claim ID,Program,Component,Paid Date,Paid Amount'];
    let id = 0;
    for (const t of sample.totals) {
      const [y, q] = t.quarter.split('Q').map(Number) as [number, number];
      const date = `${y}-${String(((q - 1) * 3) + 2).padStart(2, '0')}-15`;
      const third = Math.trunc(t.cents / 3);
      for (const cents of [third, third, t.cents - (2 * third)]) {
        const abs = Math.abs(cents);
        lines.push(`C${id++},${t.program},${t.component},${date},${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
      }
    }
    const claims = join(tempDir(), 'sample-claims.csv');
    writeFileSync(claims, `${lines.join('\n')}\n`);
    const own = await runCli(['reconcile', SAMPLE, '--json']);
    const out = join(tempDir(), 'with-claims.xlsx');
    const withClaims = await runCli(['reconcile', SAMPLE, '--universe', claims, '--json', '--out', out]);
    expect(withClaims.code).toBe(0);
    expect((JSON.parse(withClaims.stdout) as { programs: unknown }).programs).toEqual((JSON.parse(own.stdout) as { programs: unknown }).programs);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const log = wb.getWorksheet('Run Log')!;
    const inputs = String(log.getCell('D2').value);
    expect(inputs).toContain(`Universe: claim files ${claims} (${sample.totals.length * 3} claims, RY2025), in place of the workbook's universe table`);
  });

  it('exits 2 when a claim file is unusable, naming it', async () => {
    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    const run = await runCli(['reconcile', SAMPLE, '--universe', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad}: no claim-level universe header`);
  });
});
