/**
 * Totals claim-level universe files by program, calendar quarter and component, with the data
 * checks (cli.md "Claim-level universe files"). The work runs in embedded DuckDB over the files as
 * they are; JavaScript only receives the few total rows and the first examples of each check.
 *
 * Passes: one parallel scan gives every combination of keys and problems with its count and exact
 * sum, and a second counts repeated claim IDs. When no ID repeats (the usual case) those give the
 * totals and the check counts. When some do, the portable statements of claims-sql.ts (which
 * number each ID's rows to keep the first) give them instead. Examples, when a check has any,
 * come from the portable examples statement over the row-numbered view.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { Component } from '../core/workbook/component.js';
import { COMPONENTS } from '../core/workbook/component.js';
import { PROGRAMS, type Program } from '../core/workbook/program.js';
import { quarterLabel, type ReviewYear } from '../core/workbook/quarter.js';
import { checkClaimFiles, ClaimFileError, type ClaimFileFormat } from './claim-file.js';
import { claimsViewSql, mapClaimFiles } from './claims-view.js';
import {
  CHECK_CODES,
  checksStatement,
  DEFAULT_EXAMPLES,
  examplesStatement,
  fileExamplesStatement,
  groupsStatement,
  KEPT_CHECKS,
  totalsStatement,
  type CheckCode,
  type ClaimsSqlOptions,
} from './claims-sql.js';
import { CHECK_SUMMARY, exampleReason } from './check-messages.js';
import { openDuckDb, type DuckDbOptions } from './duckdb-session.js';

export interface ClaimTotal {
  readonly program: Program;
  /** Calendar quarter `YYYYQn`. */
  readonly quarter: string;
  readonly component: Component;
  /** Exact sum of Paid Amount, integer cents. */
  readonly cents: number;
  readonly claims: number;
}

export interface CheckExample {
  readonly file: string;
  readonly row: number;
  readonly claimId: string | null;
  readonly value: string | null;
  /** `claims.csv row 12: Program: "Medicare" is not a program. Write Medicaid ...`. */
  readonly message: string;
}

export interface ClaimCheck {
  readonly code: CheckCode;
  readonly count: number;
  /** Left out of the totals (false for the checks that are only reported). */
  readonly leftOut: boolean;
  readonly summary: string;
  readonly examples: readonly CheckExample[];
}

export interface ClaimFileSummary {
  readonly file: string;
  readonly format: ClaimFileFormat;
  readonly claims: number;
  /** Canonical column → the file's header. */
  readonly columns: Readonly<Record<string, string>>;
}

export interface ClaimTotalsRun {
  readonly reviewYear: ReviewYear;
  /** In the review year, sorted by program (Medicaid, CHIP), quarter, component (FFS, MC). */
  readonly totals: readonly ClaimTotal[];
  readonly checks: readonly ClaimCheck[];
  readonly files: readonly ClaimFileSummary[];
  /** Rows read, over all files. */
  readonly claimsRead: number;
  /** How the totals were computed: `scan` (no repeated IDs) or `numbered` (the portable statements). */
  readonly path: 'scan' | 'numbered';
}

export interface TotalClaimsOptions extends DuckDbOptions {
  readonly reviewYear: ReviewYear;
  readonly examplesPerCheck?: number;
}

/** Exact integer cents of a DuckDB DECIMAL (or integer) value. */
export function centsOf(v: DuckDBValue): bigint {
  if (v === null) return 0n;
  // A DECIMAL arrives as DuckDBDecimalValue { value: bigint (unscaled), scale }; told by its shape, so
  // that this module does not load DuckDB's native library before a claim file is read.
  if (typeof v === 'object' && typeof (v as { value?: unknown }).value === 'bigint' && typeof (v as { scale?: unknown }).scale === 'number') {
    const d = v as { value: bigint; scale: number };
    if (d.scale > 2) throw new RangeError(`DECIMAL scale ${d.scale} is finer than cents`);
    return d.value * (10n ** BigInt(2 - d.scale));
  }
  if (typeof v === 'bigint') return v * 100n;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v) * 100n;
  throw new TypeError(`Not an exact amount: ${String(v)}`);
}

function safeNumber(n: bigint, what: string): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new ClaimFileError([`The ${what} sums beyond what can be added exactly to the cent (about $90 trillion). Check the Paid Amount column for amounts written in cents or with extra digits.`]);
  }
  return Number(n);
}

const int = (v: DuckDBValue): number => (v === null ? 0 : Number(v as bigint | number));
const text = (v: DuckDBValue): string | null => (v === null ? null : String(v));

interface Group {
  readonly fileIndex: number;
  readonly program: string | null;
  readonly year: number | null;
  readonly quarter: number | null;
  readonly component: string | null;
  readonly programProblem: string | null;
  readonly componentProblem: string | null;
  readonly periodProblem: string | null;
  readonly amountProblem: string | null;
  readonly blankId: boolean;
  readonly cents: bigint;
  readonly claims: number;
}

function codesOf(g: Group): CheckCode[] {
  const codes: CheckCode[] = [];
  if (g.blankId) codes.push('blank_claim_id');
  if (g.programProblem !== null) codes.push(g.programProblem === 'blank' ? 'blank_program' : 'unknown_program');
  if (g.componentProblem !== null) codes.push(g.componentProblem === 'blank' ? 'blank_component' : 'unknown_component');
  if (g.periodProblem !== null) codes.push(g.periodProblem === 'outside' ? 'paid_date_outside_review_year' : 'unparsable_paid_date');
  if (g.amountProblem !== null) codes.push(g.amountProblem === 'negative' ? 'negative_amount' : 'unparsable_amount');
  return codes;
}

const isKept = (g: Group): boolean => g.programProblem === null && g.componentProblem === null && g.periodProblem === null && (g.amountProblem === null || g.amountProblem === 'negative');

function sortTotals(totals: ClaimTotal[]): ClaimTotal[] {
  return totals.sort((a, b) => PROGRAMS.indexOf(a.program) - PROGRAMS.indexOf(b.program) || a.quarter.localeCompare(b.quarter) || COMPONENTS.indexOf(a.component) - COMPONENTS.indexOf(b.component));
}

/** Reads and totals the claim files named by `inputs` (files or folders). Throws ClaimFileError for unusable files. */
export async function totalClaimFiles(inputs: readonly string[], options: TotalClaimsOptions): Promise<ClaimTotalsRun> {
  const { files, problems } = checkClaimFiles(inputs);
  const db = await openDuckDb(options);
  try {
    const mapped = await mapClaimFiles(db, files, problems);
    const readFailure = (e: unknown): never => {
      const message = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
      const named = mapped.filter((f) => message.includes(f.path));
      const which = named.length > 0 ? named : mapped;
      throw new ClaimFileError(which.map((f) => `${f.label}: cannot be read as ${f.format === 'parquet' ? 'Parquet' : 'CSV'} (${message}). Check that every row has the header's columns and that quotes are closed, then export it again.`));
    };
    try {
      await db.run(claimsViewSql('claims', mapped, true));
      await db.run(claimsViewSql('claims_scan', mapped, false));
    } catch (e) {
      readFailure(e);
    }
    const sql: ClaimsSqlOptions = { reviewYear: options.reviewYear, examplesPerCheck: options.examplesPerCheck ?? DEFAULT_EXAMPLES };
    let groups: Group[] = [];
    let duplicatedIds = 0;
    try {
      const rawGroups = await db.all(groupsStatement({ ...sql, scanTable: 'claims_scan' }));
      groups = rawGroups.map((r) => ({
        fileIndex: int(r['file_index'] ?? null),
        program: text(r['program_value'] ?? null),
        year: r['paid_year'] === null ? null : int(r['paid_year'] ?? null),
        quarter: r['paid_q'] === null ? null : int(r['paid_q'] ?? null),
        component: text(r['component_value'] ?? null),
        programProblem: text(r['program_problem'] ?? null),
        componentProblem: text(r['component_problem'] ?? null),
        periodProblem: text(r['period_problem'] ?? null),
        amountProblem: text(r['amount_problem'] ?? null),
        blankId: int(r['blank_id'] ?? null) === 1,
        cents: centsOf(r['amount'] ?? null),
        claims: int(r['claims'] ?? null),
      }));
      duplicatedIds = int(rawGroups[0]?.['duplicated_ids'] ?? null);
    } catch (e) {
      if (e instanceof ClaimFileError) throw e;
      readFailure(e);
    }

    const perFile = new Map<number, number>();
    for (const g of groups) perFile.set(g.fileIndex, (perFile.get(g.fileIndex) ?? 0) + g.claims);
    const counts = new Map<CheckCode, number>(CHECK_CODES.map((c) => [c, 0]));
    let totals: ClaimTotal[];
    let path: ClaimTotalsRun['path'];
    if (duplicatedIds === 0) {
      path = 'scan';
      const sums = new Map<string, { cents: bigint; claims: number }>();
      for (const g of groups) {
        for (const code of codesOf(g)) counts.set(code, (counts.get(code) ?? 0) + g.claims);
        if (!isKept(g)) continue;
        const key = `${g.program ?? ''}|${g.year ?? 0}|${g.quarter ?? 0}|${g.component ?? ''}`;
        const s = sums.get(key) ?? { cents: 0n, claims: 0 };
        s.cents += g.cents;
        s.claims += g.claims;
        sums.set(key, s);
      }
      totals = [...sums].map(([key, s]) => {
        const [program = '', year = '', quarter = '', component = ''] = key.split('|');
        const q = quarterLabel(Number(year), Number(quarter));
        return { program: program as Program, quarter: q, component: component as Component, cents: safeNumber(s.cents, `${program} ${component} universe of ${q}`), claims: s.claims };
      });
    } else {
      path = 'numbered';
      totals = (await db.all(totalsStatement(sql))).map((r) => {
        const q = quarterLabel(int(r['paid_year'] ?? null), int(r['paid_quarter'] ?? null));
        const program = String(r['program']) as Program;
        const component = String(r['component']) as Component;
        return { program, quarter: q, component, cents: safeNumber(centsOf(r['amount'] ?? null), `${program} ${component} universe of ${q}`), claims: int(r['claims'] ?? null) };
      });
      for (const r of await db.all(checksStatement(sql))) counts.set(String(r['code']) as CheckCode, int(r['claims'] ?? null));
    }

    const found = CHECK_CODES.filter((c) => (counts.get(c) ?? 0) > 0);
    const examples = new Map<CheckCode, CheckExample[]>();
    if (found.length > 0) {
      const byDate = new Map(mapped.map((f) => [f.label, f.columns['Paid Date'] !== undefined]));
      const limit = sql.examplesPerCheck ?? DEFAULT_EXAMPLES;
      const add = (r: Record<string, DuckDBValue>): void => {
        const code = String(r['code']) as CheckCode;
        const file = String(r['source_file']);
        const row = int(r['source_row'] ?? null);
        const value = text(r['raw_value'] ?? null);
        const list = examples.get(code) ?? [];
        list.push({ file, row, claimId: text(r['claim_id'] ?? null), value, message: `${file} row ${row}: ${exampleReason(code, value, options.reviewYear, byDate.get(file) ?? true)}` });
        examples.set(code, list);
      };
      if (duplicatedIds > 0) {
        for (const r of await db.all(examplesStatement({ ...sql, duplicates: true }, found))) add(r);
      } else {
        // File by file, each query stopping at its examples: a check found early in a big file costs little.
        for (const code of found) {
          for (let i = 0; i < mapped.length && (examples.get(code)?.length ?? 0) < limit; i++) {
            const need = limit - (examples.get(code)?.length ?? 0);
            for (const r of await db.all(fileExamplesStatement({ ...sql, examplesPerCheck: need }, code, i))) add(r);
          }
        }
      }
    }
    const checks: ClaimCheck[] = CHECK_CODES.map((code) => ({
      code,
      count: counts.get(code) ?? 0,
      leftOut: !KEPT_CHECKS.has(code),
      summary: CHECK_SUMMARY[code],
      examples: examples.get(code) ?? [],
    }));
    const summaries: ClaimFileSummary[] = mapped.map((f, i) => ({ file: f.label, format: f.format, claims: perFile.get(i) ?? 0, columns: f.columns }));
    return {
      reviewYear: options.reviewYear,
      totals: sortTotals(totals),
      checks,
      files: summaries,
      claimsRead: summaries.reduce((n, f) => n + f.claims, 0),
      path,
    };
  } finally {
    db.close();
  }
}
