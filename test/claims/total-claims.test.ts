// Claim-level universe files through DuckDB: totals to the cent against sums worked out from the
// generated rows, the data checks with their first examples by file and row, and unusable files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClaimFileError } from '../../src/claims/claim-file';
import { totalClaimFiles, type ClaimTotalsRun } from '../../src/claims/total-claims';
import { reviewYear } from '../../src/core/workbook/quarter';
import { csvField, expectedTotals, generateRows, tempDir, totalsMap, writeCsv, writeParquet, type ClaimRow } from './claim-fixtures';

const RY2025 = reviewYear('RY', 2025);

let dir: string;
let a: ClaimRow[];
let b: ClaimRow[];
let c: ClaimRow[];
let files: { a: string; b: string; c: string };

beforeAll(async () => {
  dir = tempDir();
  a = generateRows('A', 150, 1, 17);
  b = generateRows('B', 60, 2);
  c = generateRows('C', 90, 3, 11);
  files = {
    a: writeCsv(dir, 'claims-a.csv', a),
    // gzip, other header spellings, same meaning
    b: writeCsv(dir, 'claims-b.csv.gz', b, ['Claim Number', 'Program Type', 'Claim Type', 'Date Paid', 'Amount Paid']),
    c: await writeParquet(dir, 'claims-c.parquet', c),
  };
});

const count = (run: ClaimTotalsRun, code: string): number => run.checks.find((x) => x.code === code)?.count ?? -1;

describe('totals of CSV, gzip CSV and Parquet files', () => {
  it('sums every program, quarter and component to the cent', async () => {
    const run = await totalClaimFiles([files.a, files.b, files.c], { reviewYear: RY2025 });
    expect(totalsMap(run.totals)).toEqual(expectedTotals([...a, ...b, ...c]));
    expect(run.claimsRead).toBe(300);
    expect(run.files.map((f) => [f.format, f.claims])).toEqual([['csv', 150], ['csv.gz', 60], ['parquet', 90]]);
    expect(run.files[1]!.columns).toMatchObject({ 'Claim ID': 'Claim Number', Program: 'Program Type', Component: 'Claim Type', 'Paid Date': 'Date Paid', 'Paid Amount': 'Amount Paid' });
    expect(run.path).toBe('scan');
    // Negatives are kept and reported: every 17th row of A, every 11th of C.
    expect(count(run, 'negative_amount')).toBe(Math.floor(150 / 17) + Math.floor(90 / 11));
    expect(run.checks.filter((x) => x.code !== 'negative_amount').every((x) => x.count === 0)).toBe(true);
    const neg = run.checks.find((x) => x.code === 'negative_amount')!;
    // First example: A row 17 is line 18 of the file (the header is line 1).
    expect(neg.examples[0]).toMatchObject({ file: files.a, row: 18, claimId: 'A000016' });
    expect(neg.examples).toHaveLength(5);
  });

  it('takes a folder of claim files in name order', async () => {
    const run = await totalClaimFiles([dir], { reviewYear: RY2025 });
    expect(run.files.map((f) => f.format)).toEqual(['csv', 'csv.gz', 'parquet']);
    expect(totalsMap(run.totals)).toEqual(expectedTotals([...a, ...b, ...c]));
  });
});

describe('data checks', () => {
  it('counts a repeated claim ID once (first occurrence kept) and names the repeats by file and row', async () => {
    const d = tempDir();
    const first = generateRows('D', 40, 4);
    // Repeats of A's claims with other amounts, and one repeat within the file.
    const repeats: ClaimRow[] = [{ ...a[3]!, cents: 999 }, { ...a[7]!, cents: 12345 }, { ...first[0]!, cents: 1 }];
    const path = writeCsv(d, 'dups.csv', [...first, ...repeats]);
    const run = await totalClaimFiles([files.a, path], { reviewYear: RY2025 });
    expect(run.path).toBe('numbered');
    expect(totalsMap(run.totals)).toEqual(expectedTotals([...a, ...first]));
    const dup = run.checks.find((x) => x.code === 'duplicate_claim_id')!;
    expect(dup.count).toBe(3);
    expect(dup.examples.map((e) => [e.file, e.row, e.claimId])).toEqual([[path, 42, a[3]!.id], [path, 43, a[7]!.id], [path, 44, first[0]!.id]]);
    expect(dup.examples[0]!.message).toContain(`dups.csv row 42: Claim ID: "${a[3]!.id}" appears earlier`);
  });

  it('leaves out claims paid outside the review year, and says so', async () => {
    const d = tempDir();
    const inYear = generateRows('E', 20, 5);
    const outside: ClaimRow[] = [{ ...inYear[0]!, id: 'X1', year: 2023, month: 6, day: 30 }, { ...inYear[1]!, id: 'X2', year: 2024, month: 7, day: 1 }];
    const path = writeCsv(d, 'out-of-year.csv', [...inYear, ...outside]);
    const run = await totalClaimFiles([path], { reviewYear: RY2025 });
    expect(totalsMap(run.totals)).toEqual(expectedTotals(inYear));
    const out = run.checks.find((x) => x.code === 'paid_date_outside_review_year')!;
    expect(out.count).toBe(2);
    expect(out.leftOut).toBe(true);
    expect(out.examples.map((e) => e.row)).toEqual([22, 23]);
    expect(out.examples[0]!.message).toMatch(/out-of-year\.csv row 22: Paid Date: "2023-06-30" \(2023Q2\) is outside the review year RY2025 \(2023Q3 to 2024Q2\)/);
  });

  it('reports blank and unknown programs and components, bad dates and amounts, each with the workbook reader\'s reason', async () => {
    const d = tempDir();
    const good = generateRows('F', 10, 6);
    const lines = [
      'Claim ID,Program,Component,Paid Date,Paid Amount',
      ...good.map((r) => [r.id, r.program, r.component, `${r.year}-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`, (r.cents / 100).toFixed(2)].map(csvField).join(',')),
      'P1,Medicare,FFS,2023-08-01,10.00', // unknown program (line 12)
      'P2,,FFS,2023-08-01,10.00', // blank program
      'P3,CHIP,Dental,2023-08-01,10.00', // unknown component
      'P4,CHIP,,2023-08-01,10.00', // blank component
      'P5,CHIP,MC,August 1st,10.00', // unparsable date
      'P6,CHIP,MC,2023-08-01,ten dollars', // unparsable amount
      ',CHIP,MC,2023-08-01,2.50', // blank claim ID: kept
    ];
    const path = join(d, 'problems.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const run = await totalClaimFiles([path], { reviewYear: RY2025 });
    const expected = expectedTotals([...good, { id: '', program: 'CHIP', component: 'MC', year: 2023, month: 8, day: 1, cents: 250 }]);
    expect(totalsMap(run.totals)).toEqual(expected);
    const example = (code: string) => run.checks.find((x) => x.code === code)!.examples[0]!.message;
    expect(example('unknown_program')).toBe(`${path} row 12: Program: "Medicare" is not a program. Write Medicaid (or Title XIX) or CHIP (or Title XXI).`);
    expect(example('blank_program')).toBe(`${path} row 13: Program: The program is blank. Write Medicaid (or Title XIX) or CHIP (or Title XXI).`);
    expect(example('unknown_component')).toBe(`${path} row 14: Component: "Dental" is not a universe component. Write FFS (fee-for-service) or MC (managed care).`);
    expect(example('blank_component')).toContain('row 15: Component: The component is blank.');
    expect(example('unparsable_paid_date')).toBe(`${path} row 16: Paid Date: "August 1st" is not a date. Write it as 2023-07-15 or 7/15/2023.`);
    expect(example('unparsable_amount')).toContain('row 17: Paid Amount: "ten dollars" is not a dollar amount.');
    expect(example('blank_claim_id')).toContain('row 18: Claim ID: the Claim ID is blank.');
    for (const code of ['unknown_program', 'blank_program', 'unknown_component', 'blank_component', 'unparsable_paid_date', 'unparsable_amount', 'blank_claim_id']) expect(count(run, code)).toBe(1);
  });

  it('reads a Quarter column when the file has no paid date', async () => {
    const d = tempDir();
    const path = join(d, 'by-quarter.csv');
    writeFileSync(path, 'TCN,Program,FFS/MC,Quarter,Amount\nQ1,Medicaid,FFS,2023Q3,1.10\nQ2,Medicaid,FFS,Q3 2023,2.20\nQ3,Medicaid,MC,2024 Q2,3.30\nQ4,CHIP,MC,2022Q1,4.40\nQ5,CHIP,MC,next year,5.50\n');
    const run = await totalClaimFiles([path], { reviewYear: RY2025 });
    expect(totalsMap(run.totals)).toEqual(new Map([['Medicaid|2023Q3|FFS', { cents: 330, claims: 2 }], ['Medicaid|2024Q2|MC', { cents: 330, claims: 1 }]]));
    expect(count(run, 'paid_date_outside_review_year')).toBe(1);
    expect(run.checks.find((x) => x.code === 'unparsable_paid_date')!.examples[0]!.message).toContain('Quarter: "next year" is not a quarter.');
  });

  it('sums money exactly: a million cents of 0.01 and amounts that binary floating point cannot hold', async () => {
    const d = tempDir();
    const path = join(d, 'cents.csv');
    const rows = ['Claim ID,Program,Component,Paid Date,Paid Amount'];
    for (let i = 0; i < 10_000; i++) rows.push(`Z${i},Medicaid,FFS,2023-07-01,${i % 2 === 0 ? '0.10' : '0.20'}`);
    rows.push('Z-big,Medicaid,MC,2023-07-01,"9,999,999,999,999.99"', 'Z-big2,Medicaid,MC,2023-07-02,0.01');
    writeFileSync(path, `${rows.join('\n')}\n`);
    const run = await totalClaimFiles([path], { reviewYear: RY2025 });
    expect(totalsMap(run.totals)).toEqual(new Map([['Medicaid|2023Q3|FFS', { cents: 150_000, claims: 10_000 }], ['Medicaid|2023Q3|MC', { cents: 1_000_000_000_000_000, claims: 2 }]]));
  });
});

describe('the DuckDB session', () => {
  it('never autoloads or installs an extension, and has Parquet linked in', async () => {
    const { openDuckDb } = await import('../../src/claims/duckdb-session');
    const db = await openDuckDb();
    try {
      const [s] = await db.all(`SELECT current_setting('autoload_known_extensions') AS autoload, current_setting('autoinstall_known_extensions') AS autoinstall, current_setting('allow_community_extensions') AS community`);
      expect(s).toEqual({ autoload: false, autoinstall: false, community: false });
      const loaded = (await db.all(`SELECT extension_name FROM duckdb_extensions() WHERE loaded`)).map((r) => r['extension_name']);
      expect(loaded).toContain('parquet');
      expect(loaded).not.toContain('httpfs');
    } finally {
      db.close();
    }
  });
});

describe('unusable files: exit-2 errors naming the file', () => {
  const fails = async (inputs: string[]): Promise<string> => {
    try {
      await totalClaimFiles(inputs, { reviewYear: RY2025 });
    } catch (e) {
      expect(e).toBeInstanceOf(ClaimFileError);
      return (e as ClaimFileError).message;
    }
    throw new Error('expected a ClaimFileError');
  };

  it('an empty file', async () => {
    const path = join(tempDir(), 'empty.csv');
    writeFileSync(path, '');
    expect(await fails([path])).toBe(`${path}: the file is empty. Export the claims with a header row (Claim ID, Program, Component, Paid Date, Paid Amount) and one row per claim.`);
  });

  it('a malformed CSV (a row with more fields than the header, an unclosed quote)', async () => {
    const d = tempDir();
    const path = join(d, 'malformed.csv');
    writeFileSync(path, `Claim ID,Program,Component,Paid Date,Paid Amount\n${Array.from({ length: 50 }, (_, i) => `M${i},Medicaid,FFS,2023-07-01,1.00`).join('\n')}\nM99,Medicaid,FFS,2023-07-01,1.00,extra,"open\n`);
    expect(await fails([path])).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: cannot be read as CSV \\(`));
  });

  it('a file with no claim header, one that lacks a column, and one that is not CSV or Parquet', async () => {
    const d = tempDir();
    const noHeader = join(d, 'numbers.csv');
    writeFileSync(noHeader, '1,2,3\n4,5,6\n');
    const lacks = join(d, 'lacks.csv');
    writeFileSync(lacks, 'Claim ID,Program,Paid Date,Paid Amount\nA,Medicaid,2023-07-01,1\n');
    const workbook = join(d, 'claims.xlsx');
    writeFileSync(workbook, 'PK\u0003\u0004');
    const message = await fails([noHeader, lacks, workbook]);
    expect(message).toContain(`${noHeader}: no claim-level universe header: the first row has none of Claim ID, Program, Component, Paid Amount, Paid Date or Quarter.`);
    expect(message).toContain(`${lacks}: the header row has Claim ID, Program, Paid Amount but lacks Component.`);
    expect(message).toContain(`${workbook}: is not a claim file PERM Recon reads. Use CSV (.csv, or gzip-compressed .csv.gz) or Parquet (.parquet).`);
  });

  it('a file whose bytes do not fit its name', async () => {
    const d = tempDir();
    const fakeParquet = join(d, 'fake.parquet');
    writeFileSync(fakeParquet, 'Claim ID,Program\n');
    const fakeGz = join(d, 'fake.csv.gz');
    writeFileSync(fakeGz, 'Claim ID,Program\n');
    const zipCsv = join(d, 'book.csv');
    writeFileSync(zipCsv, gzipSync('x').subarray(0, 0).length === 0 ? 'PK\u0003\u0004rest' : '');
    const message = await fails([fakeParquet, fakeGz, zipCsv]);
    expect(message).toContain(`${fakeParquet}: is named as a Parquet file but is not one`);
    expect(message).toContain(`${fakeGz}: is named .gz but is not gzip-compressed`);
    expect(message).toContain(`${zipCsv}: is a zip package (an Excel workbook?), not CSV text`);
  });
});
