/**
 * The claim-file aggregation and its data checks as portable SQL over a `claims` table (cli.md
 * "Claim-level universe files"): only what DuckDB, Spark SQL (3.2+) and Trino all run — SELECT,
 * GROUP BY, CASE, UNION ALL, TRY_CAST to DATE / INTEGER / DECIMAL(18,2), SUBSTRING, TRIM, REPLACE,
 * LOWER, UPPER, LPAD, REGEXP_EXTRACT, EXTRACT(YEAR / QUARTER), ROW_NUMBER() OVER, DATE-free
 * integer arithmetic — and no engine's own helpers (no QUALIFY, strftime, list, FILTER).
 *
 * The `claims` table holds one row per claim, every claim column as text:
 *   source_file, file_index (order of the files), source_row (row in the file),
 *   claim_id, program, component, paid_date (or NULL), paid_period (the quarter when there is no date), paid_amount.
 * Program and component spellings come from the workbook readers' synonyms (core/workbook), so a
 * file and a sheet read the same words the same way. Money is DECIMAL(18,2) and its sums exact.
 */
import { COMPONENT_SYNONYMS } from '../core/workbook/component.js';
import { PROGRAM_SYNONYMS, SYNONYM_KEY_DROPS } from '../core/workbook/program.js';
import type { ReviewYear } from '../core/workbook/quarter.js';
import { splitQuarter } from '../core/workbook/quarter.js';

/** The checks, in the order they are reported. */
export const CHECK_CODES = [
  'duplicate_claim_id',
  'blank_claim_id',
  'blank_program',
  'unknown_program',
  'blank_component',
  'unknown_component',
  'unparsable_paid_date',
  'paid_date_outside_review_year',
  'unparsable_amount',
  'negative_amount',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** Checks whose rows still count in the totals (reported only). */
export const KEPT_CHECKS: ReadonlySet<CheckCode> = new Set(['blank_claim_id', 'negative_amount']);

/** Examples listed per check (the first, by file and row). */
export const DEFAULT_EXAMPLES = 5;

export interface ClaimsSqlOptions {
  readonly reviewYear: ReviewYear;
  /** Number duplicate claim IDs with ROW_NUMBER (the first occurrence is kept); false when the data has none, which spares the sort. */
  readonly duplicates?: boolean;
  readonly examplesPerCheck?: number;
  /** The table read (default `claims`). */
  readonly table?: string;
  /** Extra columns carried through `cleaned` and `parsed` (the DuckDB fast path's pre-summed groups). */
  readonly carry?: readonly string[];
}

/** Paid Amount with `$`, `,` and spaces removed. */
export const amountCleanSql = (column: string): string => `REPLACE(REPLACE(REPLACE(TRIM(${column}), '$', ''), ',', ''), ' ', '')`;

/** The cleaned amount as DECIMAL(18,2), NULL when it is not one; `(1,234.56)` is negative. */
export const amountValueSql = (clean: string): string =>
  `CASE WHEN ${clean} LIKE '(%)' THEN -TRY_CAST(SUBSTRING(${clean}, 2, LENGTH(${clean}) - 2) AS DECIMAL(18,2)) ELSE TRY_CAST(${clean} AS DECIMAL(18,2)) END`;

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The synonym key in SQL: LOWER(TRIM(x)) with the key's dropped characters removed (core's `synonymKey`). */
function keySql(column: string): string {
  return SYNONYM_KEY_DROPS.reduce((expr, ch) => `REPLACE(${expr}, ${literal(ch)}, '')`, `LOWER(TRIM(${column}))`);
}

function synonymCase(column: string, synonyms: ReadonlyMap<string, string>): string {
  const whens = [...synonyms].map(([key, value]) => `WHEN ${literal(key)} THEN ${literal(value)}`).join(' ');
  return `CASE ${keySql(column)} ${whens} END`;
}

/** Quarter index year*4 + (quarter-1): the review year is a range of four consecutive indexes. */
function quarterIndexRange(reviewYear: ReviewYear): { first: number; last: number } {
  const first = splitQuarter(reviewYear.quarters[0] ?? '');
  const last = splitQuarter(reviewYear.quarters[reviewYear.quarters.length - 1] ?? '');
  if (first === undefined || last === undefined) throw new RangeError(`Review year ${reviewYear.label} has no quarters`);
  return { first: (first.year * 4) + first.quarter - 1, last: (last.year * 4) + last.quarter - 1 };
}

const US_DATE = "'^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})'";

/** The common table expressions `cleaned`, `parsed`, `numbered`, `checked` (without the WITH). */
export function claimsCtes(options: ClaimsSqlOptions): string {
  const { first, last } = quarterIndexRange(options.reviewYear);
  const duplicates = options.duplicates ?? true;
  const carry = (options.carry ?? []).map((c) => `, ${c}`).join('');
  return `cleaned AS (
  SELECT source_file, file_index, source_row,
    NULLIF(TRIM(claim_id), '') AS claim_key,
    program AS program_text,
    component AS component_text,
    COALESCE(paid_date, paid_period) AS period_text,
    paid_amount AS amount_text,
    -- ISO dates (2023-07-15, also with a time), else US dates (7/15/2023)
    COALESCE(
      TRY_CAST(SUBSTRING(TRIM(paid_date), 1, 10) AS DATE),
      TRY_CAST(REGEXP_EXTRACT(TRIM(paid_date), ${US_DATE}, 3) || '-' || LPAD(REGEXP_EXTRACT(TRIM(paid_date), ${US_DATE}, 1), 2, '0') || '-' || LPAD(REGEXP_EXTRACT(TRIM(paid_date), ${US_DATE}, 2), 2, '0') AS DATE)
    ) AS paid_day,
    -- a quarter label without a date: 2023Q3, 2023 Q3, 2023-Q3 or Q3 2023
    UPPER(REPLACE(REPLACE(TRIM(paid_period), ' ', ''), '-', '')) AS period_key,
    ${amountCleanSql('paid_amount')} AS amount_clean${carry}
  FROM ${options.table ?? 'claims'}
),
parsed AS (
  SELECT source_file, file_index, source_row, claim_key, program_text, component_text, period_text, amount_text,
    ${synonymCase('program_text', PROGRAM_SYNONYMS)} AS program_value,
    ${synonymCase('component_text', COMPONENT_SYNONYMS)} AS component_value,
    CASE WHEN paid_day IS NOT NULL THEN EXTRACT(YEAR FROM paid_day)
      WHEN period_key LIKE '____Q_' THEN TRY_CAST(SUBSTRING(period_key, 1, 4) AS INTEGER)
      WHEN period_key LIKE 'Q_____' THEN TRY_CAST(SUBSTRING(period_key, 3, 4) AS INTEGER) END AS paid_year,
    CASE WHEN paid_day IS NOT NULL THEN EXTRACT(QUARTER FROM paid_day)
      WHEN period_key LIKE '____Q_' THEN TRY_CAST(SUBSTRING(period_key, 6, 1) AS INTEGER)
      WHEN period_key LIKE 'Q_____' THEN TRY_CAST(SUBSTRING(period_key, 2, 1) AS INTEGER) END AS paid_q,
    -- (1,234.56) is negative
    ${amountValueSql('amount_clean')} AS amount${carry}
  FROM cleaned
),
numbered AS (
  SELECT parsed.*, ${duplicates ? 'ROW_NUMBER() OVER (PARTITION BY claim_key ORDER BY file_index, source_row)' : '1'} AS occurrence
  FROM parsed
),
checked AS (
  SELECT numbered.*,
    CASE WHEN claim_key IS NOT NULL AND occurrence > 1 THEN 1 ELSE 0 END AS is_duplicate,
    CASE WHEN program_text IS NULL OR TRIM(program_text) = '' THEN 'blank' WHEN program_value IS NULL THEN 'unknown' END AS program_problem,
    CASE WHEN component_text IS NULL OR TRIM(component_text) = '' THEN 'blank' WHEN component_value IS NULL THEN 'unknown' END AS component_problem,
    CASE WHEN paid_year IS NULL OR paid_q IS NULL OR paid_q < 1 OR paid_q > 4 THEN 'unparsable'
      WHEN paid_year * 4 + paid_q - 1 < ${first} OR paid_year * 4 + paid_q - 1 > ${last} THEN 'outside' END AS period_problem,
    CASE WHEN amount IS NULL THEN 'unparsable' WHEN amount < 0 THEN 'negative' END AS amount_problem
  FROM numbered
)`;
}

/** Rows that count in the totals: first occurrences with a program, component, in-year paid date and amount. */
export const KEPT_CONDITION = "is_duplicate = 0 AND program_problem IS NULL AND component_problem IS NULL AND period_problem IS NULL AND (amount_problem IS NULL OR amount_problem = 'negative')";

/** Each check as a condition on `checked`, and the raw value its examples show. */
const CHECK_SQL: Readonly<Record<CheckCode, { readonly where: string; readonly value: string }>> = {
  duplicate_claim_id: { where: 'is_duplicate = 1', value: 'claim_key' },
  blank_claim_id: { where: 'claim_key IS NULL', value: 'claim_key' },
  blank_program: { where: "program_problem = 'blank'", value: 'program_text' },
  unknown_program: { where: "program_problem = 'unknown'", value: 'program_text' },
  blank_component: { where: "component_problem = 'blank'", value: 'component_text' },
  unknown_component: { where: "component_problem = 'unknown'", value: 'component_text' },
  unparsable_paid_date: { where: "period_problem = 'unparsable'", value: 'period_text' },
  paid_date_outside_review_year: { where: "period_problem = 'outside'", value: 'period_text' },
  unparsable_amount: { where: "amount_problem = 'unparsable'", value: 'amount_text' },
  negative_amount: { where: "amount_problem = 'negative'", value: 'amount_text' },
};

/** `problems`: one row per claim and check it fails. A duplicate is reported as a duplicate only. */
function problemsCte(codes: readonly CheckCode[]): string {
  const parts = codes.map((code) => {
    const c = CHECK_SQL[code];
    const where = code === 'duplicate_claim_id' ? c.where : `is_duplicate = 0 AND ${c.where}`;
    return `  SELECT ${literal(code)} AS code, source_file, file_index, source_row, claim_key AS claim_id, ${c.value} AS raw_value FROM checked WHERE ${where}`;
  });
  return `problems AS (\n${parts.join('\n  UNION ALL\n')}\n)`;
}

/** Totals by program, calendar quarter (paid_year, paid_quarter 1-4) and component. */
export function totalsStatement(options: ClaimsSqlOptions): string {
  return `WITH ${claimsCtes(options)}
SELECT program_value AS program, paid_year, paid_q AS paid_quarter, component_value AS component,
  SUM(amount) AS amount, COUNT(*) AS claims
FROM checked
WHERE ${KEPT_CONDITION}
GROUP BY program_value, paid_year, paid_q, component_value
ORDER BY 1, 2, 3, 4`;
}

/** How many claims fail each check. */
export function checksStatement(options: ClaimsSqlOptions): string {
  return `WITH ${claimsCtes(options)},
${problemsCte(CHECK_CODES)}
SELECT code, COUNT(*) AS claims
FROM problems
GROUP BY code
ORDER BY code`;
}

/** The first examples of each check, by file order and row. */
export function examplesStatement(options: ClaimsSqlOptions, codes: readonly CheckCode[] = CHECK_CODES): string {
  const n = options.examplesPerCheck ?? DEFAULT_EXAMPLES;
  return `WITH ${claimsCtes(options)},
${problemsCte(codes)}
SELECT code, source_file, source_row, claim_id, raw_value
FROM (
  SELECT problems.*, ROW_NUMBER() OVER (PARTITION BY code ORDER BY file_index, source_row) AS example_number
  FROM problems
) ranked
WHERE example_number <= ${n}
ORDER BY code, example_number`;
}

/**
 * DuckDB's fast path (engine SQL, not printed): ONE parallel scan that parses only the amount per
 * claim and groups claims by their raw program, component and paid date text (a handful of
 * distinct values), and in the same pass (GROUPING SETS) groups the claim IDs by their 64-bit hash
 * to find any that may repeat. The portable parsing above then runs over the few groups. The result
 * is every combination of keys and problems with its claim count and exact sum, from which the
 * totals and the check counts follow — the same as the portable statements, since every parsed
 * value depends only on the raw text it is grouped by — and, on each row, `duplicated_ids`: when it
 * is 0 no ID repeats. Equal IDs always share a hash, so no repeat is missed; a collision of two
 * different IDs (odds about n²/2⁶⁵) only sends the run down the exact, numbered path.
 */
export function groupsStatement(options: ClaimsSqlOptions & { readonly scanTable: string }): string {
  const clean = amountCleanSql('paid_amount');
  return `WITH amounts AS (
  SELECT file_index, program, component, paid_date, paid_period,
    CASE WHEN claim_id IS NULL OR TRIM(claim_id) = '' THEN 1 ELSE 0 END AS blank_id,
    CASE WHEN claim_id IS NULL OR TRIM(claim_id) = '' THEN NULL ELSE hash(TRIM(claim_id)) END AS id_hash,
    -- the plain cast first: most amounts need no cleaning, and the cleaned cast gives the same value when it works
    COALESCE(TRY_CAST(paid_amount AS DECIMAL(18,2)), ${amountValueSql(clean)}) AS amount
  FROM ${options.scanTable}
),
scanned AS (
  SELECT amounts.*, CASE WHEN amount IS NULL THEN 'unparsable' WHEN amount < 0 THEN 'negative' END AS pre_amount_problem FROM amounts
),
sets AS MATERIALIZED (
  SELECT file_index, program, component, paid_date, paid_period, blank_id, pre_amount_problem, id_hash,
    GROUPING(id_hash) AS is_group, SUM(amount) AS pre_amount, COUNT(*) AS pre_claims
  FROM scanned
  GROUP BY GROUPING SETS ((file_index, program, component, paid_date, paid_period, blank_id, pre_amount_problem), (id_hash))
  HAVING GROUPING(id_hash) = 1 OR (id_hash IS NOT NULL AND COUNT(*) > 1)
),
grouped_claims AS (
  SELECT 'scan' AS source_file, file_index, CAST(NULL AS BIGINT) AS source_row, CASE WHEN blank_id = 1 THEN NULL ELSE 'id' END AS claim_id,
    program, component, paid_date, paid_period, '0' AS paid_amount, pre_amount_problem, pre_amount, pre_claims
  FROM sets WHERE is_group = 1
),
${claimsCtes({ ...options, duplicates: false, table: 'grouped_claims', carry: ['pre_amount_problem', 'pre_amount', 'pre_claims'] })}
SELECT file_index, program_value, paid_year, paid_q, component_value, program_problem, component_problem, period_problem, pre_amount_problem AS amount_problem,
  CASE WHEN claim_key IS NULL THEN 1 ELSE 0 END AS blank_id, SUM(pre_amount) AS amount, SUM(pre_claims) AS claims,
  (SELECT COUNT(*) FROM sets WHERE is_group = 0) AS duplicated_ids
FROM checked
GROUP BY file_index, program_value, paid_year, paid_q, component_value, program_problem, component_problem, period_problem, pre_amount_problem, CASE WHEN claim_key IS NULL THEN 1 ELSE 0 END`;
}

/**
 * The first examples of one check in one file (DuckDB, no repeated IDs): rows come in file order
 * (insertion order is preserved), so LIMIT stops the scan at the examples.
 */
export function fileExamplesStatement(options: ClaimsSqlOptions, code: CheckCode, fileIndex: number): string {
  const n = options.examplesPerCheck ?? DEFAULT_EXAMPLES;
  return `WITH ${claimsCtes({ ...options, duplicates: false })},
${problemsCte([code])}
SELECT code, source_file, source_row, claim_id, raw_value
FROM problems
WHERE file_index = ${fileIndex}
LIMIT ${n}`;
}

/** What `--print-sql` prints: the three statements, each ending in `;`, with a note on the table they read. */
export function printedSql(options: ClaimsSqlOptions, header: readonly string[] = []): string {
  const note = [
    `-- PERM claim-level universe, review year ${options.reviewYear.label} (${options.reviewYear.quarters[0] ?? ''} to ${options.reviewYear.quarters[options.reviewYear.quarters.length - 1] ?? ''}).`,
    '-- Reads a table or view `claims` with text columns: source_file, file_index, source_row,',
    '--   claim_id, program, component, paid_date (or NULL), paid_period (quarter when there is no date), paid_amount.',
    '-- Standard SQL that DuckDB, Spark SQL 3.2+ and Trino all run (see docs/claim-files.md).',
    ...header.map((h) => `-- ${h}`),
  ];
  return `${note.join('\n')}\n\n-- 1. Totals by program, calendar quarter and component (duplicates, blanks, unknowns and out-of-year claims left out).\n${totalsStatement(options)};\n\n-- 2. Claims failing each check.\n${checksStatement(options)};\n\n-- 3. The first examples of each check.\n${examplesStatement(options)};\n`;
}
