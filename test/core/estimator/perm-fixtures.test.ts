// PERM-shaped fixtures TC-P1 and TC-P2 (shared notes `estimator-references.md`, section 5),
// computed there with R 4.2.2 / survey 4.1.1 by the code in the notes' section 7.
import { describe, expect, it } from 'vitest';
import { estimateActive, estimateNegative, type CellUniverse, type SampledCase } from '../../../src/core/estimator';
import { loadDesign } from './design-fixtures';
import { expectClose } from './expect-close';

type Row = readonly [paid: number, error: number, caseError: number, undetermined: number];
const tcp1: Record<string, readonly Row[]> = {
  '1': [[1250, 0, 0, 0], [310.5, 310.5, 1, 0], [0, 0, 0, 0], [845.25, 0, 0, 0], [2210, 0, 0, 1], [95.75, 0, 0, 0], [560, 120, 1, 0], [1430.8, 0, 0, 0]],
  '2': [[420, 0, 0, 0], [1875.4, 0, 0, 0], [150, 150, 1, 0], [0, 0, 0, 0], [3320.1, 0, 0, 0], [710.25, 0, 0, 0], [88, 0, 0, 0], [1290, 0, 0, 0]],
  '3': [[510, 0, 0, 0], [0, 0, 1, 0], [2780.6, 2780.6, 1, 0], [325.4, 0, 0, 0], [1045, 0, 0, 0], [64.2, 64.2, 1, 0], [4120.75, 0, 0, 0], [230, 0, 0, 1]],
};
const tcp1Cases: SampledCase[] = Object.entries(tcp1).flatMap(([cellId, rows]) =>
  rows.map(([paid, error, caseError, undetermined]) => ({
    cellId, paidDollars: paid, errorDollars: error, caseError: caseError === 1, undetermined: undetermined === 1, fraud: false,
  })),
);
const tcp1Cells: CellUniverse[] = [
  { cellId: '1', universeCount: 2400, universeDollars: 2_180_000 },
  { cellId: '2', universeCount: 3600, universeDollars: 3_650_000 },
  { cellId: '3', universeCount: 48000, universeDollars: 46_500_000 },
];

describe('TC-P1: 3 strata × 8 active cases', () => {
  const A = estimateActive(tcp1Cases, tcp1Cells, { confidence: 0.95, quantile: 'normal', undeterminedAsError: false });
  const B = estimateActive(tcp1Cases, tcp1Cells, { confidence: 0.95, quantile: 'normal', undeterminedAsError: true });
  if (!A.ok || !B.ok) throw new Error('TC-P1 failed to estimate');

  it('variant A (undetermined not in error): rate, SE, z interval, totals', () => {
    const g = A.value.paymentErrorRate;
    expectClose(g.rate, 0.287754730361, 1e-9);
    expectClose(g.standardError, 0.249658237572, 1e-9);
    expectClose(g.interval.lower, -0.2015664237, 1e-9);
    expectClose(g.interval.upper, 0.7770758844, 1e-9);
    expectClose(g.interval.precision, 0.4893211541, 1e-9);
    expectClose(g.dollarsPaid.total, 60000577.5, 1e-12);
    expectClose(g.dollarsPaid.standardError, 25648856.94, 1e-9);
    expectClose(g.dollarsInError.total, 17265450, 1e-12);
    expectClose(g.dollarsInError.standardError, 16631962.01, 1e-9);
  });

  it('variant A with a t quantile (df = 21)', () => {
    const t = estimateActive(tcp1Cases, tcp1Cells, { confidence: 0.95, quantile: 't', undeterminedAsError: false });
    if (!t.ok) throw new Error('failed');
    expect(t.value.paymentErrorRate.interval.degreesOfFreedom).toBe(21);
    expectClose(t.value.paymentErrorRate.interval.quantile, 2.0796138447, 1e-9);
    expectClose(t.value.paymentErrorRate.interval.lower, -0.2314379969, 1e-9);
    expectClose(t.value.paymentErrorRate.interval.upper, 0.8069474577, 1e-9);
  });

  it('variant B (undetermined as error, the default)', () => {
    expectClose(B.value.paymentErrorRate.rate, 0.321804402633, 1e-9);
    expectClose(B.value.paymentErrorRate.standardError, 0.250726538492, 1e-9);
  });

  it('difference estimator with known universe dollars 52,330,000', () => {
    const d = A.value.paymentErrorRate.differenceEstimate;
    expect(d?.universeDollars).toBe(52_330_000);
    expectClose(d?.rate, 0.329934072234, 1e-9);
    expectClose(d?.standardError, 0.317828435187, 1e-9);
  });

  it('weighted case error rate 0.352777777778 (SE 0.163011168616) with undetermined not in error', () => {
    expectClose(A.value.caseErrorRate.rate, 0.352777777778, 1e-9);
    expectClose(A.value.caseErrorRate.standardError, 0.163011168616, 1e-9);
  });

  it('undetermined dollars 2,043,000 (SE 1,530,420.325) and share 2 of 24', () => {
    expectClose(A.value.undetermined.dollars.total, 2043000, 1e-12);
    expectClose(A.value.undetermined.dollars.standardError, 1530420.325, 1e-9);
    expect(A.value.undetermined.undeterminedCases).toBe(2);
    expectClose(A.value.undetermined.percentage, 2 / 24, 1e-15);
  });
});

describe('TC-P2: 504 cases in 36 monthly cells', () => {
  // The notes' generator, run by test/fixtures/estimator/generate.ts into the tcp2-monthly CSVs.
  const { cases, cells } = loadDesign('tcp2-monthly');
  const A = estimateActive(cases, cells, { confidence: 0.95, quantile: 'normal', undeterminedAsError: false });
  if (!A.ok) throw new Error('TC-P2 failed');
  const g = A.value.paymentErrorRate;

  it('reproduces the generation checks', () => {
    expect(cases.filter((c) => c.caseError)).toHaveLength(24);
    expect(cases.filter((c) => c.undetermined)).toHaveLength(5);
    expect(cases.filter((c) => c.paidDollars === 0)).toHaveLength(20);
  });

  it('matches R: totals, rate, SE, intervals', () => {
    expectClose(g.dollarsPaid.total, 1311728162.5057144, 1e-12);
    expectClose(g.dollarsPaid.standardError, 41894985.5921141, 1e-9);
    expectClose(g.dollarsInError.total, 46493955.7478571, 1e-12);
    expectClose(g.dollarsInError.standardError, 17422939.9870215, 1e-9);
    expectClose(g.rate, 0.035444810195, 1e-9);
    expectClose(g.standardError, 0.013274546832, 1e-9);
    expectClose(g.interval.lower, 0.009427176494, 1e-9);
    expectClose(g.interval.upper, 0.061462443897, 1e-9);
    expectClose(g.interval.precision, 0.026017633701, 1e-9);
  });

  it('matches R with undetermined as error, and the weighted case error rate', () => {
    const B = estimateActive(cases, cells);
    if (!B.ok) throw new Error('failed');
    expectClose(B.value.paymentErrorRate.rate, 0.0480325222249, 1e-9);
    expectClose(B.value.paymentErrorRate.standardError, 0.0152446817246, 1e-9);
    expectClose(A.value.caseErrorRate.rate, 0.04758684995, 1e-9);
    expectClose(A.value.caseErrorRate.standardError, 0.014905311564, 1e-9);
  });

  // The notes' collapsed-strata row keeps the monthly weights N_hm/14 with an annual FPC, a design
  // this estimator does not make (its weights are always N_c/n_c); the annual design is checked
  // against R in reference.test.ts instead. Here: weights and degrees of freedom of annual cells.
  it('weights annual cells by N_h / 168 with 501 degrees of freedom', () => {
    const annual = cases.map((c) => ({ ...c, cellId: c.cellId.split('|')[1]! }));
    const N = [31686, 46086, 578886];
    const r = estimateActive(annual, N.map((n, i) => ({ cellId: String(i + 1), universeCount: n })), { confidence: 0.95, quantile: 't', undeterminedAsError: false });
    if (!r.ok) throw new Error('failed');
    expect(r.value.sample.design.cells.map((c) => c.weight)).toEqual(N.map((n) => n / 168));
    expect(r.value.paymentErrorRate.interval.degreesOfFreedom).toBe(501);
    expectClose(r.value.paymentErrorRate.interval.quantile, 1.96471032218, 1e-9);
  });
});

describe('negative case error rate: one cell, 9 errors in 204', () => {
  const cases: SampledCase[] = Array.from({ length: 204 }, (_, i) => ({
    cellId: 'neg', paidDollars: 0, errorDollars: 0, caseError: i < 9, undetermined: false, fraud: false,
  }));
  it('is k/n with variance (1 − n/N) p(1 − p)/(n − 1)', () => {
    const r = estimateNegative(cases, [{ cellId: 'neg', universeCount: 15000 }]);
    if (!r.ok) throw new Error('failed');
    expectClose(r.value.caseErrorRate.rate, 0.044117647059, 1e-9);
    expectClose(r.value.caseErrorRate.standardError, 0.014314853436, 1e-9);
    const p = 9 / 204;
    expectClose(r.value.caseErrorRate.standardError, Math.sqrt((1 - 204 / 15000) * p * (1 - p) / 203), 1e-12);
  });
});
