// CMS-10184E lines D-J against R's survey package for two PERM books (test/fixtures/r/books,
// values from test/fixtures/r/form-reference.R into form-reference.json, 1e-9 relative):
// - the bundled sample workbook (monthly counts; negative sample not stratified by default,
//   42 CFR 431.978(d)(2)), read from the .xlsx itself and from the CSV R read;
// - R's apistrat laid out as a PERM book with ANNUAL counts (Month blank), 200 active + 20
//   negative cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillForms } from '../../../src/core/forms/fill-forms';
import type { FormJson } from '../../../src/core/forms/form-json';
import { memorySource } from '../../../src/core/workbook/memory-source';
import type { CellValue } from '../../../src/core/workbook/port';
import { readFindings } from '../../../src/core/workbook/read-findings';
import { openXlsx } from '../../../src/xlsx';
import { expectClose } from '../estimator/expect-close';

const fixtures = new URL('../../fixtures/r/', import.meta.url);
const SAMPLE = new URL('../../../assets/samples/sample-state.xlsx', import.meta.url).pathname;

interface Est { estimate: number; se: number }
interface ActiveRef {
  G: Est & { ciNormal95: [number, number]; expansionTotal: Est; paidTotal: Est; universeDollars?: number; ratioTotal?: Est; differenceRate?: Est };
  H: Est;
  J: { dollars: Est; percentage: number };
}
interface NegativeRef extends Est { byDomain: Record<'Denials' | 'Terminations', Est>; cells: number; universe: number }
type SummaryRef = Record<string, Record<string, number | null>>;
interface ProgramRef {
  'undeterminedAsError=true': { summary: SummaryRef; active: ActiveRef };
  'undeterminedAsError=false': { summary: SummaryRef; active: ActiveRef };
  negative: { unstratified: NegativeRef; stratified: NegativeRef };
}
// `npm run crosscheck` points FORM_REFERENCE_JSON at a fresh run of the R script.
const reference = JSON.parse(readFileSync(process.env.FORM_REFERENCE_JSON ?? new URL('form-reference.json', fixtures), 'utf8')) as { books: Record<string, Record<string, ProgramRef>> };

/** A CSV of test/fixtures/r/books as table rows (header first); numbers stay text, as typed. */
function csvRows(name: string): CellValue[][] {
  return readFileSync(new URL(`books/${name}`, fixtures), 'utf8').trim().split(/\r?\n/).map((line) => line.split(',').map((v) => (v === '' ? null : v)));
}

function book(prefix: string, settings: readonly (readonly [string, string])[], edit?: (findings: CellValue[][], counts: CellValue[][]) => void) {
  const findings = csvRows(`${prefix}-findings.csv`);
  const counts = csvRows(`${prefix}-universe-counts.csv`);
  edit?.(findings, counts);
  return memorySource(`${prefix}.xlsx`, {
    Settings: [['Setting', 'Value'], ['State', 'Columbia'], ['Review Year', 'RY2025'], ['Report Date', '2025-07-01'], ...settings.map((s) => [...s])],
    Findings: findings,
    'Universe Counts': counts,
  });
}

const R = 1e-9;
function expectForm(form: FormJson, ref: ProgramRef, asError: boolean, stratified: boolean) {
  const v = ref[`undeterminedAsError=${asError}`];
  const g = form.errorRates.activePayment;
  expectClose(g.rate, v.active.G.estimate, R);
  expectClose(g.standardError, v.active.G.se, R);
  expectClose(g.precision, 1.959963984540054 * v.active.G.se, R);
  // Line G Dollar Amount: R·X where the universe dollars are known, else the expansion estimate.
  expectClose(g.dollarsInError, v.active.G.ratioTotal?.estimate ?? v.active.G.expansionTotal.estimate, R);
  if (v.active.G.differenceRate) {
    expectClose(g.differenceEstimate?.rate, v.active.G.differenceRate.estimate, R);
    expectClose(g.differenceEstimate?.standardError, v.active.G.differenceRate.se, R);
    expectClose((g.dollarsInError as number) / (g.differenceEstimate as { universeDollars: number }).universeDollars, g.rate as number, 1e-12);
  }
  expectClose(form.errorRates.activeCase.rate, v.active.H.estimate, R);
  expectClose(form.errorRates.activeCase.standardError, v.active.H.se, R);
  const n = ref.negative[stratified ? 'stratified' : 'unstratified'];
  expectClose(form.errorRates.negativeCase.rate, n.estimate, R);
  expectClose(form.errorRates.negativeCase.standardError, n.se, R);
  expectClose(form.errorRates.undetermined.dollars, v.active.J.dollars.estimate, R);
  expectClose(form.errorRates.undetermined.percentage, v.active.J.percentage, 1e-12);
  for (const [key, row] of Object.entries(v.summary)) {
    const ours = form.summary[key as keyof FormJson['summary']] as unknown as Record<string, number | null>;
    for (const [field, expected] of Object.entries(row)) {
      if (expected === null) expect(ours[field], `${key}.${field}`).toBeNull();
      else expectClose(ours[field], expected, 1e-12);
    }
    // Correct + in Error = Paid on every row.
    if (ours.dollarsPaid !== null) expect(Math.round((ours.dollarsCorrect as number) * 100) + Math.round((ours.dollarsInError as number) * 100)).toBe(Math.round((ours.dollarsPaid as number) * 100));
  }
}

describe('the bundled sample against R survey', () => {
  it('the CSV R read holds the rows of the bundled workbook', async () => {
    const xlsx = await openXlsx(SAMPLE);
    const read = await readFindings(xlsx);
    const csv = csvRows('sample-findings.csv').slice(1);
    expect(read.cases.length).toBe(csv.length);
    read.cases.forEach((c, i) => {
      const [program, month, id, , finding, paid, error, fraud] = csv[i] as (string | null)[];
      expect([c.program, c.month, c.caseId, c.finding ?? null, c.fraud]).toEqual([program, month, id, finding, fraud === 'Y']);
      if (paid !== null) expect([c.paidCents, c.errorCents]).toEqual([Math.round(Number(paid) * 100), Math.round(Number(error) * 100)]);
    });
  });

  it('the workbook as bundled: line I is the unstratified design with domains (5.8% Medicaid, not the 6.2% of separate strata)', async () => {
    const run = await fillForms(await openXlsx(SAMPLE), { today: '2026-11-23' });
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const program of ['Medicaid', 'CHIP'] as const) {
      const form = run.json.forms.find((f) => f.program === program)!;
      expectForm(form, reference.books.sample![program]!, true, false);
      const ours = run.forms.find((f) => f.program === program)!.negative!;
      const n = reference.books.sample![program]!.negative.unstratified;
      expect(ours.sample.design.cells.length).toBe(n.cells);
      for (const d of ['Denials', 'Terminations'] as const) {
        expectClose(ours.byDomain.get(d)!.rate, n.byDomain[d].estimate, R);
        expectClose(ours.byDomain.get(d)!.standardError, n.byDomain[d].se, R);
      }
    }
    const medicaid = run.json.forms.find((f) => f.program === 'Medicaid')!;
    expect(Math.round((medicaid.errorRates.negativeCase.rate as number) * 1000) / 10).toBe(5.8);
  });

  it.each([
    [true, false], [false, false], [true, true], [false, true],
  ])('Undetermined As Error %s, Negative Sample Stratified %s', async (asError, stratified) => {
    const run = await fillForms(book('sample', [['Undetermined As Error', asError ? 'Yes' : 'No'], ['Negative Sample Stratified', stratified ? 'Yes' : 'No']]), { today: '2026-11-23' });
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const program of ['Medicaid', 'CHIP'] as const) expectForm(run.json.forms.find((f) => f.program === program)!, reference.books.sample![program]!, asError, stratified);
    if (stratified) {
      const medicaid = run.json.forms.find((f) => f.program === 'Medicaid')!;
      expect(Math.round((medicaid.errorRates.negativeCase.rate as number) * 1000) / 10).toBe(6.2);
    }
  });
});

describe('apistrat as a PERM book with annual counts (Month blank)', () => {
  it.each([true, false])('Undetermined As Error %s: lines D-J as R survey computes them', async (asError) => {
    const run = await fillForms(book('apistrat', [['Undetermined As Error', asError ? 'Yes' : 'No']]), { today: '2026-11-23' });
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(run.forms.map((f) => f.program)).toEqual(['Medicaid']);
    const form = run.forms[0]!;
    expect(form.active!.sample.design.cells.map((c) => c.cellId)).toEqual(['Stratum 1', 'Stratum 2', 'Stratum 3']);
    // One annual negative cell, N = denials + terminations; with it line I is the binomial k/n.
    expect(form.negative!.sample.design.cells.map((c) => [c.cellId, c.universeCount])).toEqual([['Negative', 4600]]);
    expectForm(run.json.forms[0]!, reference.books.apistrat!.Medicaid!, asError, false);
  });

  it('stratified negative sample, annual: Denials and Terminations as two annual strata', async () => {
    const run = await fillForms(book('apistrat', [['Negative Sample Stratified', 'Yes']]), { today: '2026-11-23' });
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expectForm(run.json.forms[0]!, reference.books.apistrat!.Medicaid!, true, true);
  });

  it('monthly counts with findings that have no month: one error naming the whole Month range, not 220', async () => {
    const run = await fillForms(book('apistrat', [], (_f, counts) => { for (const r of counts.slice(1)) r[1] = '2023-07'; }), { today: '2026-11-23' });
    const errors = run.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'findings.month-needed', sheet: 'Findings', cell: 'B2:B221' })]);
    expect(errors[0]!.message).toMatch(/^'Findings'!B2:B221: All 220 cells of this range have the same problem; the first, B2: the sample month is blank/);
    expect(run.sheets).toEqual([]);
  });

  it('a Month column of text that is not a month: one reader error naming the range', async () => {
    const run = await fillForms(book('apistrat', [], (f) => { for (const r of f.slice(1)) r[1] = 'soon'; }), { today: '2026-11-23' });
    const errors = run.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'findings.month', sheet: 'Findings', cell: 'B2:B221' })]);
  });

  it('the findings without any Month column at all are read, the counts being annual', async () => {
    const run = await fillForms(book('apistrat', [], (f) => { for (const r of f) r.splice(1, 1); }), { today: '2026-11-23' });
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expectForm(run.json.forms[0]!, reference.books.apistrat!.Medicaid!, true, false);
  });
});

describe('annual counts and no Review Year', () => {
  it('is an error saying to set one, never an empty run without a word', async () => {
    const src = memorySource('x.xlsx', { Findings: csvRows('apistrat-findings.csv'), 'Universe Counts': csvRows('apistrat-universe-counts.csv') });
    const run = await fillForms(src, { today: '2026-11-23' });
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({ code: 'settings.review-year-needed' })]);
  });
});
