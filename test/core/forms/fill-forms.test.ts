// CMS-10184E filled from Findings and Universe Counts tables built from the estimator's reference
// designs: lines D-F against counts made here from the same CSV rows, lines G-J against R's survey
// package (test/fixtures/r/estimator-reference.R printed test/fixtures/r/estimator-reference.json).
import { describe, expect, it } from 'vitest';
import { fillForms } from '../../../src/core/forms/fill-forms';
import { memorySource } from '../../../src/core/workbook/memory-source';
import type { CellValue } from '../../../src/core/workbook/port';
import { expectClose } from '../estimator/expect-close';
import sampleSizeRef from '../../fixtures/r/sample-size-reference.json' with { type: 'json' };
import { findingsRows, readCsv, reference, universeRows } from './eligibility-fixture';

const settings = (undeterminedAsError: string): CellValue[][] => [
  ['Setting', 'Value'],
  ['State', 'Testland'],
  ['Review Year', 'RY2025'],
  ['Report Date', '2025-07-01'],
  ['Undetermined As Error', undeterminedAsError],
];

function book(undeterminedAsError = 'Yes', edit?: (findings: CellValue[][], universe: CellValue[][]) => void) {
  const findings = [...findingsRows('Medicaid', 'tcp2-fraud', 'negative-domains'), ...findingsRows('CHIP', 'tcp2-monthly', 'negative-strata').slice(1)];
  const universe = [...universeRows('Medicaid', 'tcp2-fraud', 'negative-domains'), ...universeRows('CHIP', 'tcp2-monthly', 'negative-strata').slice(1)];
  edit?.(findings, universe);
  return memorySource('test.xlsx', { Settings: settings(undeterminedAsError), Findings: findings, 'Universe Counts': universe });
}

type Ref = Record<string, { estimate: number; se: number | null }> & { undeterminedShare: number; differenceRate?: { estimate: number; se: number; X: number } };
const ref = (design: string, variant: boolean): Ref => reference.designs[design]![`undeterminedAsError=${variant}`] as unknown as Ref;

// The negative universe is not stratified (42 CFR 431.978(d)(2)): both books' line I is the
// monthly-cell design with denials and terminations as domains (negative-domains; negative-strata
// has the same cases and the same monthly N split in two).
describe.each([
  ['Medicaid', 'tcp2-fraud', 'negative-domains', 'negative-domains'],
  ['CHIP', 'tcp2-monthly', 'negative-strata', 'negative-domains'],
] as const)('%s (%s with %s)', (program, activeDesign, negativeDesign, negativeReference) => {
  describe.each([true, false])('undetermined as error: %s', (asError) => {
    it('fills lines G-J as R survey computes them, to 1e-9', async () => {
      const run = await fillForms(book(asError ? 'Yes' : 'No'), { today: '2026-11-23' });
      expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const form = run.json.forms.find((f) => f.program === program)!;
      const a = ref(activeDesign, asError);
      const n = ref(negativeReference, asError);
      const g = form.errorRates.activePayment;
      expectClose(g.rate, a.paymentRate!.estimate, 1e-9);
      expectClose(g.standardError, a.paymentRate!.se as number, 1e-9);
      // Universe dollars X known: the Dollar Amount is the ratio estimate R·X (R predict(svyratio, total = X)), else Ŷ_e.
      expectClose(g.dollarsInError, a.differenceRate ? a.paymentRate!.estimate * a.differenceRate.X : a.errorTotal!.estimate, 1e-9);
      expectClose(g.precision, 1.959963984540054 * (a.paymentRate!.se as number), 1e-9);
      expect(g.confidence).toBe(0.95);
      if (a.differenceRate) expectClose(g.differenceEstimate?.rate, a.differenceRate.estimate, 1e-9);
      expectClose(form.errorRates.activeCase.rate, a.caseRate!.estimate, 1e-9);
      expectClose(form.errorRates.activeCase.standardError, a.caseRate!.se as number, 1e-9);
      expectClose(form.errorRates.negativeCase.rate, (n.negativeRate as { estimate: number }).estimate, 1e-9);
      expectClose(form.errorRates.negativeCase.standardError, (n.negativeRate as { se: number }).se, 1e-9);
      expectClose(form.errorRates.undetermined.dollars, a.undeterminedPaidTotal!.estimate, 1e-9);
      expectClose(form.errorRates.undetermined.percentage, a.undeterminedShare, 1e-12);
    });
  });

  it('fills lines D-F with the counts and dollars of the rows, the negative quirk included', async () => {
    const run = await fillForms(book(), { today: '2026-11-23' });
    const form = run.json.forms.find((f) => f.program === program)!;
    const cases = readCsv(`${activeDesign}.cases.csv`);
    const cells = readCsv(`${activeDesign}.cells.csv`);
    for (const s of ['1', '2', '3'] as const) {
      const inStratum = cases.filter((c) => (c.cellId as string).endsWith(`|${s}`));
      const reviewed = inStratum.filter((c) => c.fraud !== '1');
      const cents = (k: 'paid' | 'error') => reviewed.reduce((t, c) => t + Math.round(Number(c[k]) * 100), 0);
      // Undetermined As Error = Yes: a U case's paid dollars are in error, as on line G.
      const inError = reviewed.reduce((t, c) => t + Math.round(Number(c.undetermined === '1' ? c.paid : c.error) * 100), 0);
      const row = form.summary[`stratum${s}`];
      expect(row).toEqual({
        universe: cells.filter((c) => (c.cellId as string).endsWith(`|${s}`)).reduce((t, c) => t + Number(c.N), 0),
        sampled: inStratum.length,
        fraudExcluded: inStratum.length - reviewed.length,
        correct: reviewed.filter((c) => c.caseError !== '1' && c.undetermined !== '1').length,
        incorrect: reviewed.filter((c) => c.caseError === '1').length,
        undetermined: reviewed.filter((c) => c.undetermined === '1').length,
        dollarsPaid: cents('paid') / 100,
        dollarsCorrect: (cents('paid') - inError) / 100,
        dollarsInError: inError / 100,
      });
    }
    const negatives = readCsv(`${negativeDesign}.cases.csv`);
    for (const [key, domain] of [['denials', 'Denials'], ['terminations', 'Terminations']] as const) {
      const inDomain = negatives.filter((c) => c.domain === domain);
      const row = form.summary[key];
      // Correct counts the cases found eligible (ID, IT); Incorrect those found ineligible (C).
      expect(row.correct).toBe(inDomain.filter((c) => c.caseError === '1').length);
      expect(row.incorrect).toBe(inDomain.filter((c) => c.caseError !== '1').length);
      expect(row.sampled).toBe(inDomain.length);
      expect([row.fraudExcluded, row.undetermined, row.dollarsPaid, row.dollarsCorrect, row.dollarsInError]).toEqual([null, null, null, null, null]);
    }
    const s = form.summary;
    expect(s.active.sampled).toBe(s.stratum1.sampled + s.stratum2.sampled + s.stratum3.sampled);
    expect(s.negative.sampled).toBe(s.denials.sampled + s.terminations.sampled);
    expect(s.totals.sampled).toBe(s.active.sampled + s.negative.sampled);
    expect(s.totals.fraudExcluded).toBe(s.active.fraudExcluded);
    expect(s.totals.dollarsPaid).toBe(s.active.dollarsPaid);
    expect(s.negative.universe).toBe(readCsv(`${negativeDesign}.cells.csv`).reduce((t, c) => t + Number(c.N), 0));
    expect([form.state, form.date]).toEqual(['Testland', '2025-07-01']);
  });
});

describe('precision against the 3-point target', () => {
  it('warns where line G misses it and gives the sample the next cycle needs, from the measured rate and design effect', async () => {
    const run = await fillForms(book(), { today: '2026-11-23' });
    const form = run.forms.find((f) => f.program === 'Medicaid')!;
    // Independent values: test/fixtures/r/sample-size-reference.R (survey's svyratio, then Kish's
    // design effect and Cochran 4.2 / 4.3 in R) printed test/fixtures/r/sample-size-reference.json.
    const plan = form.nextCycle.G!;
    expect(form.errorRates.activePayment.precision!).toBeGreaterThan(0.03);
    expectClose(plan.designEffect, sampleSizeRef.designEffect, 1e-9);
    expectClose(plan.initialSize, sampleSizeRef.initialSize, 1e-9);
    expectClose(plan.correctedSize, sampleSizeRef.correctedSize, 1e-9);
    expect([plan.perStratumMonth, plan.allocatedSize]).toEqual([sampleSizeRef.perStratumMonth, sampleSizeRef.allocatedSize]);
    const warning = run.issues.find((i) => i.code === 'form.precision-target' && i.cell === 'D21' && i.sheet === 'CMS-10184E Medicaid');
    expect(warning?.message).toContain(`sample about ${plan.allocatedSize} cases`);
  });
});

describe('Interval Quantile t', () => {
  it('gives line G the t interval with n − cells degrees of freedom, as R confint(df = degf) does', async () => {
    const withT = memorySource('t.xlsx', {
      Settings: [...settings('Yes'), ['Interval Quantile', 't']],
      Findings: [...findingsRows('Medicaid', 'tcp2-fraud', 'negative-domains')],
      'Universe Counts': [...universeRows('Medicaid', 'tcp2-fraud', 'negative-domains')],
    });
    const run = await fillForms(withT, { today: '2026-11-23' });
    const g = run.forms[0]!.active!.paymentErrorRate;
    const ref = (reference.designs['tcp2-fraud']!['undeterminedAsError=true'] as unknown as { paymentRate: { ciT95: [number, number]; df: number } }).paymentRate;
    expect(g.interval.quantileKind).toBe('t');
    expect(g.interval.degreesOfFreedom).toBe(ref.df);
    expectClose(g.interval.lower, ref.ciT95[0], 1e-9);
    expectClose(g.interval.upper, ref.ciT95[1], 1e-9);
  });
});

describe('bad input names the sheet and cell, and nothing is filled', () => {
  const firstError = async (edit: (findings: CellValue[][], universe: CellValue[][]) => void) => {
    const run = await fillForms(book('Yes', edit), { today: '2026-11-23' });
    expect(run.sheets).toEqual([]);
    return run.issues.filter((i) => i.severity === 'error');
  };

  it('an unknown finding code', async () => {
    const errors = await firstError((f) => { f[5]![4] = 'XYZ'; });
    expect(errors).toEqual([expect.objectContaining({ sheet: 'Findings', cell: 'E6', code: 'findings.finding-unknown' })]);
    expect(errors[0]!.message).toContain('"XYZ" is not a finding code');
  });

  it('text in a dollar cell', async () => {
    const errors = await firstError((f) => { f[3]![5] = 'about 300'; });
    expect(errors).toEqual([expect.objectContaining({ sheet: 'Findings', cell: 'F4', code: 'findings.dollars' })]);
  });

  it('a case in a month with no universe count', async () => {
    const errors = await firstError((_f, u) => { u.splice(1, 1); });
    expect(errors).toEqual([expect.objectContaining({ sheet: 'Findings', code: 'estimator.missing-universe' })]);
    expect(errors[0]!.message).toContain('2023-07|Stratum 1');
    expect(errors[0]!.cell).toMatch(/^B\d+$/);
  });

  it('n > N', async () => {
    const errors = await firstError((_f, u) => { u[1]![3] = 5; });
    expect(errors).toEqual([expect.objectContaining({ sheet: 'Universe Counts', cell: 'D2', code: 'estimator.sample-exceeds-universe' })]);
  });

  it('Dollars Correct that does not equal Paid minus Error', async () => {
    const errors = await firstError((f) => { f[2]![7] = 1; });
    expect(errors).toEqual([expect.objectContaining({ sheet: 'Findings', cell: 'H3', code: 'findings.dollars-correct-mismatch' })]);
  });
});

describe('Negative Sample Stratified', () => {
  const chipOnly = (value: string | null) => memorySource('neg.xlsx', {
    Settings: [...settings('Yes'), ...(value === null ? [] : [['Negative Sample Stratified', value]])],
    Findings: findingsRows('CHIP', 'tcp2-monthly', 'negative-strata'),
    'Universe Counts': universeRows('CHIP', 'tcp2-monthly', 'negative-strata'),
  });
  const domainsOf = (n: { byDomain: ReadonlyMap<string, { rate: number; standardError: number | null }> }) => Object.fromEntries([...n.byDomain].map(([k, v]) => [k, { estimate: v.rate, se: v.standardError }]));

  it.each([[null, 'negative-domains', 'unstratified'], ['No', 'negative-domains', 'unstratified'], ['Yes', 'negative-strata', 'stratified']] as const)(
    'set to %s: line I and its domains are R survey’s %s design',
    async (value, design, kind) => {
      const run = await fillForms(chipOnly(value), { today: '2026-11-23' });
      expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const form = run.forms[0]!;
      expect(form.samples.negativeDesign).toBe(kind);
      const r = reference.designs[design]!['undeterminedAsError=true'] as unknown as { negativeRate: { estimate: number; se: number }; byDomain: Record<string, { estimate: number; se: number }> };
      expectClose(form.negative!.caseErrorRate.rate, r.negativeRate.estimate, 1e-9);
      expectClose(form.negative!.caseErrorRate.standardError, r.negativeRate.se, 1e-9);
      const domains = domainsOf(form.negative!);
      for (const d of ['Denials', 'Terminations']) {
        expectClose(domains[d]!.estimate, r.byDomain[d]!.estimate, 1e-9);
        expectClose(domains[d]!.se, r.byDomain[d]!.se, 1e-9);
      }
      const detail = run.sheets.find((s) => s.name === 'Estimator Detail')!;
      const texts = detail.rows.flat().map((c) => (c !== null && 'text' in c ? c.text : ''));
      expect(texts.some((t) => t.includes(kind === 'stratified' ? 'negative sample: STRATIFIED' : 'negative sample: NOT STRATIFIED'))).toBe(true);
    },
  );

  it('Yes with one Negative count a month is an error naming the cell', async () => {
    const src = memorySource('neg.xlsx', {
      Settings: [...settings('Yes'), ['Negative Sample Stratified', 'Yes']],
      Findings: findingsRows('Medicaid', 'tcp2-fraud', 'negative-domains'),
      'Universe Counts': universeRows('Medicaid', 'tcp2-fraud', 'negative-domains'),
    });
    const run = await fillForms(src, { today: '2026-11-23' });
    expect(run.sheets).toEqual([]);
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({ code: 'universe-counts.negative-not-split', sheet: 'Universe Counts', cell: expect.stringMatching(/^C\d+$/) })]);
  });

  it('a month with terminations sampled but no Terminations count is an error (N would leave them out)', async () => {
    const run = await fillForms(book('Yes', (_f, u) => {
      const i = u.findIndex((r) => r[0] === 'CHIP' && r[2] === 'Terminations');
      u.splice(i, 1);
    }), { today: '2026-11-23' });
    expect(run.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({ code: 'universe-counts.negative-domain-missing', sheet: 'Findings' })]);
  });
});

describe('universe counts for a program with no findings', () => {
  it('warns, naming the counts, instead of leaving the form out without a word', async () => {
    const src = memorySource('chip-missing.xlsx', {
      Settings: settings('Yes'),
      Findings: findingsRows('Medicaid', 'tcp2-fraud', 'negative-domains'),
      'Universe Counts': [...universeRows('Medicaid', 'tcp2-fraud', 'negative-domains'), ...universeRows('CHIP', 'tcp2-monthly', 'negative-strata').slice(1)],
    });
    const run = await fillForms(src, { today: '2026-11-23' });
    expect(run.forms.map((f) => f.program)).toEqual(['Medicaid']);
    const w = run.issues.find((i) => i.code === 'findings.program-missing');
    expect(w).toEqual(expect.objectContaining({ severity: 'warning', sheet: 'Universe Counts', cell: expect.stringMatching(/^A\d+$/) }));
    expect(w!.message).toContain('no CMS-10184E CHIP form is filled');
    expect(run.json.warnings).toContain(w!.message);
  });
});
