// The SQL `--print-sql` prints, run here in DuckDB over a `claims` table filled straight from the
// generated rows (not through the file readers): the same totals, counts and examples, and only the
// standard subset that DuckDB, Spark SQL and Trino share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printedSql } from '../../src/claims/claims-sql';
import { openDuckDb, type DuckDbSession } from '../../src/claims/duckdb-session';
import { centsOf, totalClaimFiles } from '../../src/claims/total-claims';
import { COMPONENT_SYNONYMS, parseComponent } from '../../src/core/workbook/component';
import { parseProgram, PROGRAM_SYNONYMS } from '../../src/core/workbook/program';
import { reviewYear } from '../../src/core/workbook/quarter';
import { expectedTotals, generateRows, tempDir, textRow, writeCsv, type ClaimRow } from './claim-fixtures';

const RY2025 = reviewYear('RY', 2025);
const lit = (s: string | null): string => (s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`);

let db: DuckDbSession;
let rows: ClaimRow[];
const extra: { id: string | null; program: string | null; component: string | null; date: string | null; amount: string | null }[] = [
  { id: 'A000003', program: 'Medicaid', component: 'FFS', date: '2023-09-01', amount: '5.00' }, // repeat of row 3: left out
  { id: 'Y1', program: 'Medicare', component: 'FFS', date: '2023-09-01', amount: '5.00' },
  { id: 'Y2', program: 'CHIP', component: 'MC', date: '2022-09-01', amount: '5.00' },
  { id: 'Y3', program: 'CHIP', component: 'MC', date: '2023-09-01', amount: 'n/a' },
];

beforeAll(async () => {
  db = await openDuckDb();
  rows = generateRows('A', 80, 9, 13);
  const values = rows.map((r, i) => {
    const t = textRow(r, i);
    return `('mem', 0, ${i + 2}, ${lit(t.id)}, ${lit(t.program)}, ${lit(t.component)}, ${lit(t.date)}, NULL, ${lit(t.amount)})`;
  });
  extra.forEach((e, i) => values.push(`('mem', 0, ${rows.length + i + 2}, ${lit(e.id)}, ${lit(e.program)}, ${lit(e.component)}, ${lit(e.date)}, NULL, ${lit(e.amount)})`));
  await db.run(`CREATE TABLE claims (source_file VARCHAR, file_index INTEGER, source_row BIGINT, claim_id VARCHAR, program VARCHAR, component VARCHAR, paid_date VARCHAR, paid_period VARCHAR, paid_amount VARCHAR)`);
  await db.run(`INSERT INTO claims VALUES ${values.join(',\n')}`);
});
afterAll(() => db.close());

const statements = (): string[] => printedSql({ reviewYear: RY2025 }).split(/;\n/).map((s) => s.trim()).filter((s) => /SELECT/.test(s));

describe('--print-sql', () => {
  it('prints three statements that DuckDB runs over a claims table, with the totals of the rows', async () => {
    const [totals, checks, examples] = statements();
    const got = new Map((await db.all(totals!)).map((r) => [`${String(r['program'])}|${String(r['paid_year'])}Q${String(r['paid_quarter'])}|${String(r['component'])}`, { cents: Number(centsOf(r['amount'] ?? null)), claims: Number(r['claims']) }]));
    expect(got).toEqual(expectedTotals(rows));
    const counts = Object.fromEntries((await db.all(checks!)).map((r) => [String(r['code']), Number(r['claims'])]));
    expect(counts).toEqual({ duplicate_claim_id: 1, unknown_program: 1, paid_date_outside_review_year: 1, unparsable_amount: 1, negative_amount: Math.floor(80 / 13) });
    const ex = await db.all(examples!);
    expect(ex.filter((r) => r['code'] === 'duplicate_claim_id').map((r) => Number(r['source_row']))).toEqual([82]);
    expect(ex.filter((r) => r['code'] === 'negative_amount')).toHaveLength(5);
  });

  it('gives the same totals as the command over the same rows written to a file', async () => {
    const path = writeCsv(tempDir(), 'same.csv', rows);
    const run = await totalClaimFiles([path], { reviewYear: RY2025 });
    const [totals] = statements();
    const got = new Map((await db.all(totals!)).map((r) => [`${String(r['program'])}|${String(r['paid_year'])}Q${String(r['paid_quarter'])}|${String(r['component'])}`, { cents: Number(centsOf(r['amount'] ?? null)), claims: Number(r['claims']) }]));
    expect(new Map(run.totals.map((t) => [`${t.program}|${t.quarter}|${t.component}`, { cents: t.cents, claims: t.claims }]))).toEqual(got);
  });

  it('keeps to the subset DuckDB, Spark SQL and Trino share', () => {
    const sql = printedSql({ reviewYear: RY2025 });
    const code = sql.split('\n').filter((l) => !l.trim().startsWith('--')).join('\n');
    for (const banned of [/\bQUALIFY\b/i, /\bstrftime\b/i, /::/, /GROUP BY ALL/i, /\bFILTER\s*\(/i, /\blist\s*\(/i, /\bread_(csv|parquet)\b/i, /"/, /`/, /\bVARCHAR\b/i, /\bSTRING\b/i, /\bregexp_matches\b/i, /\bDOUBLE\b/i, /\bFLOAT\b/i]) {
      expect(code, String(banned)).not.toMatch(banned);
    }
    expect(code).toMatch(/DECIMAL\(18,2\)/);
    expect(code).toMatch(/ROW_NUMBER\(\) OVER \(PARTITION BY claim_key ORDER BY file_index, source_row\)/);
  });

  it('maps program and component spellings exactly as the workbook readers do', async () => {
    const spellings = [...PROGRAM_SYNONYMS.keys(), 'Title XIX', 'TITLE-XXI', ' S-CHIP ', 'M.CHIP', 'Medicare', 'Fee-for-service', 'Managed Care', 'capitation', 'FFS', 'Dental', '(MC)'];
    for (const s of spellings) {
      const [row] = await db.all(`WITH claims AS (SELECT 'f' AS source_file, 0 AS file_index, 1 AS source_row, 'x' AS claim_id, ${lit(s)} AS program, ${lit(s)} AS component, '2023-07-01' AS paid_date, CAST(NULL AS VARCHAR) AS paid_period, '1' AS paid_amount), ${printedSql({ reviewYear: RY2025 }).split('WITH ')[1]!.split('\nSELECT program_value')[0]} SELECT program_value, component_value FROM checked`);
      const p = parseProgram(s);
      const c = parseComponent(s);
      expect(row!['program_value'] ?? null, s).toBe(p.ok ? p.value : null);
      expect(row!['component_value'] ?? null, s).toBe(c.ok ? c.value : null);
    }
    expect(COMPONENT_SYNONYMS.size).toBeGreaterThan(3);
  });
});
