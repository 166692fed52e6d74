// Impossible input gives typed issues that name the cell; nothing is thrown.
import { describe, expect, it } from 'vitest';
import { buildDesign, estimateActive, estimateNegative, type SampledCase } from '../../../src/core/estimator';

const kase = (cellId: string, paidDollars = 100, errorDollars = 0, extra: Partial<SampledCase> = {}): SampledCase => ({
  cellId, paidDollars, errorDollars, caseError: errorDollars > 0, undetermined: false, fraud: false, ...extra,
});

describe('design errors', () => {
  it('n > N names the cell', () => {
    const r = buildDesign([kase('2023-07|1'), kase('2023-07|1'), kase('2023-07|1')], [{ cellId: '2023-07|1', universeCount: 2 }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({ code: 'sample_exceeds_universe', cellId: '2023-07|1', severity: 'error' })]);
    expect(r.issues[0]!.message).toBe('Cell 2023-07|1 has 3 sampled cases but a universe of only 2; the sample cannot be larger than the universe');
  });

  it('N = 0 with cases, a case without a universe count, negative and fractional counts, duplicate cells', () => {
    const r = buildDesign(
      [kase('a'), kase('b'), kase('c'), kase('d')],
      [
        { cellId: 'a', universeCount: 0 },
        { cellId: 'c', universeCount: -4 },
        { cellId: 'd', universeCount: 10.5 },
        { cellId: 'e', universeCount: 5 },
        { cellId: 'e', universeCount: 6 },
      ],
    );
    if (r.ok) throw new Error('expected errors');
    expect(r.issues.map((i) => [i.code, i.cellId])).toEqual([
      ['invalid_count', 'c'],
      ['invalid_count', 'd'],
      ['duplicate_cell', 'e'],
      ['empty_cell_with_cases', 'a'],
      ['missing_universe', 'b'],
    ]);
  });

  it('warns about a universe cell with no cases sampled', () => {
    const r = buildDesign([kase('a'), kase('a')], [{ cellId: 'a', universeCount: 9 }, { cellId: 'b', universeCount: 3 }]);
    if (!r.ok) throw new Error('expected a design');
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'cell_not_sampled', cellId: 'b', severity: 'warning' })]);
  });
});

describe('amount errors', () => {
  it('rejects non-numbers and negative paid amounts, naming the case', () => {
    const r = estimateActive([kase('a', Number.NaN), kase('a', -5), kase('a')], [{ cellId: 'a', universeCount: 100 }]);
    if (r.ok) throw new Error('expected errors');
    expect(r.issues.map((i) => [i.code, i.caseIndex])).toEqual([['invalid_amount', 0], ['negative_paid', 1]]);
  });

  it('takes a negative error as its absolute value, with a warning', () => {
    const r = estimateActive([kase('a', 100, -40), kase('a', 100, 0)], [{ cellId: 'a', universeCount: 10 }]);
    if (!r.ok) throw new Error('expected estimates');
    expect(r.value.paymentErrorRate.rate).toBeCloseTo(0.2, 15);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'negative_error_dollars', caseIndex: 0 })]);
  });

  it('rejects a confidence level outside (0, 1)', () => {
    const r = estimateActive([kase('a')], [{ cellId: 'a', universeCount: 1 }], { confidence: 95, quantile: 'normal', undeterminedAsError: true });
    expect(r.ok).toBe(false);
  });
});

describe('a cell with one case', () => {
  const cases = [kase('lonely', 500, 500), kase('b', 100, 0), kase('b', 300, 30), kase('b', 50, 0)];
  const cells = [{ cellId: 'lonely', universeCount: 40 }, { cellId: 'b', universeCount: 90 }];
  it('still returns the rate, marks the precision not computable and names the cell', () => {
    const r = estimateActive(cases, cells);
    if (!r.ok) throw new Error('expected estimates');
    const g = r.value.paymentErrorRate;
    // R̂ = (40·500 + 30·30) / (40·500 + 30·450)
    expect(g.rate).toBeCloseTo((40 * 500 + 30 * 30) / (40 * 500 + 30 * 450), 14);
    expect(g.standardError).toBeNull();
    expect(g.interval.precision).toBeNull();
    expect(g.precisionNotComputableCells).toEqual(['lonely']);
  });

  it('is computable when that one case is the whole cell (a census)', () => {
    const r = estimateActive(cases, [{ cellId: 'lonely', universeCount: 1 }, { cellId: 'b', universeCount: 90 }]);
    if (!r.ok) throw new Error('expected estimates');
    expect(r.value.paymentErrorRate.standardError).not.toBeNull();
    expect(r.value.paymentErrorRate.precisionNotComputableCells).toEqual([]);
  });
});

describe('edge cases defined by the survey code', () => {
  it('all-correct samples have rate 0 and SE 0', () => {
    const r = estimateActive([kase('a', 10), kase('a', 20), kase('b', 5), kase('b', 7)], [{ cellId: 'a', universeCount: 50 }, { cellId: 'b', universeCount: 60 }]);
    if (!r.ok) throw new Error('expected estimates');
    expect(r.value.paymentErrorRate.rate).toBe(0);
    expect(r.value.paymentErrorRate.standardError).toBe(0);
    expect(r.value.caseErrorRate.rate).toBe(0);
  });

  it('a sample with no dollars paid has an undefined rate (NaN), not a made-up number', () => {
    const r = estimateActive([kase('a', 0), kase('a', 0)], [{ cellId: 'a', universeCount: 50 }]);
    if (!r.ok) throw new Error('expected estimates');
    expect(r.value.paymentErrorRate.rate).toBeNaN();
    expect(r.value.paymentErrorRate.standardError).toBeNull();
  });

  it('fraud cases keep their weight but leave the domain', () => {
    const withFraud = estimateActive(
      [kase('a', 100, 100), kase('a', 100, 0), kase('a', 9999, 9999, { fraud: true }), kase('b', 50, 0), kase('b', 60, 6)],
      [{ cellId: 'a', universeCount: 30 }, { cellId: 'b', universeCount: 20 }],
    );
    if (!withFraud.ok) throw new Error('expected estimates');
    const w = withFraud.value.sample.design.cells.map((c) => c.weight);
    expect(w).toEqual([10, 10]);
    // R̂ = (10·100 + 10·6) / (10·200 + 10·110)
    expect(withFraud.value.paymentErrorRate.rate).toBeCloseTo(1060 / 3100, 14);
    expect(withFraud.value.undetermined.reviewedCases).toBe(4);
  });

  it('negative domains: denials and terminations estimated within the cells', () => {
    const cases: SampledCase[] = [
      ...Array.from({ length: 10 }, (_, i) => kase('m1', 0, 0, { domain: 'Denials', caseError: i === 0 })),
      ...Array.from({ length: 10 }, () => kase('m1', 0, 0, { domain: 'Terminations' })),
    ];
    const r = estimateNegative(cases, [{ cellId: 'm1', universeCount: 1000 }]);
    if (!r.ok) throw new Error('expected estimates');
    expect(r.value.caseErrorRate.rate).toBeCloseTo(0.05, 15);
    expect(r.value.byDomain.get('Denials')?.rate).toBeCloseTo(0.1, 15);
    expect(r.value.byDomain.get('Terminations')?.rate).toBe(0);
  });
});
