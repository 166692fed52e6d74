// Published worked examples (shared notes `estimator-references.md`, section 5): Lehtonen &
// Pahkinen p.74 (TC-1), survey's fpc data (TC-2), Levy & Lemeshow hospital data (TC-3), and the
// sample-size formula values (TC-S). Published digits are compared at their printed precision;
// R-computed digits (R 4.2.2, survey 4.1.1, code in the notes' section 7) at 1e-9 relative.
import { describe, expect, it } from 'vitest';
import {
  buildDesign,
  confidenceInterval,
  designDegreesOfFreedom,
  estimateRatio,
  estimateTotal,
  sampleSize,
  type Design,
  type SampledCase,
} from '../../../src/core/estimator';
import { expectClose } from './expect-close';

function designOf(strata: readonly { id: string; N: number; values: readonly number[] }[]): Design {
  const cases: SampledCase[] = strata.flatMap((s) =>
    s.values.map(() => ({ cellId: s.id, paidDollars: 0, errorDollars: 0, caseError: false, undetermined: false, fraud: false })),
  );
  const built = buildDesign(cases, strata.map((s) => ({ cellId: s.id, universeCount: s.N })));
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  return built.value;
}

describe('TC-1 Lehtonen & Pahkinen p.74: stratified ratio with FPC', () => {
  const ue91 = [4123, 666, 760, 457, 61, 262, 331, 98];
  const lab91 = [33786, 6016, 5919, 3022, 573, 1737, 2543, 545];
  const design = designOf([
    { id: '1', N: 7, values: ue91.slice(0, 4) },
    { id: '2', N: 25, values: ue91.slice(4) },
  ]);
  const r = estimateRatio(design, ue91, lab91);

  it('matches the published ratio and SE (SUDAAN-consistent)', () => {
    expect(r.ratio).toBeCloseTo(0.1277788, 7);
    expect(r.standardError).toBeCloseTo(0.003173564, 9);
  });

  it('matches R survey to 1e-9', () => {
    expectClose(r.ratio, 0.127778792862, 1e-9);
    expectClose(r.standardError, 0.003173563794, 1e-9);
    expectClose(r.numeratorTotal, 15210.5, 1e-12);
    expectClose(r.denominatorTotal, 119037.75, 1e-12);
    expectClose(estimateTotal(design, ue91).standardError, 4279.4516, 1e-8);
    expectClose(estimateTotal(design, lab91).standardError, 34962.539, 1e-8);
    const z = confidenceInterval(r.ratio, r.standardError, designDegreesOfFreedom(design), { confidence: 0.95, quantile: 'normal' });
    expectClose(z.lower, 0.1215587221, 1e-9);
    expectClose(z.upper, 0.1339988636, 1e-9);
    const t = confidenceInterval(r.ratio, r.standardError, designDegreesOfFreedom(design), { confidence: 0.95, quantile: 't' });
    expect(t.degreesOfFreedom).toBe(6);
    expectClose(t.lower, 0.120013362, 1e-9);
    expectClose(t.upper, 0.1355442237, 1e-9);
  });

  it('gives the mean as a ratio over ones: 475.33, SE 133.73', () => {
    const mean = estimateRatio(design, ue91, ue91.map(() => 1));
    expect(mean.ratio).toBeCloseTo(475.32812, 5);
    expect(mean.standardError).toBeCloseTo(133.73286, 5);
  });
});

describe('TC-2 survey fpc data: stratified mean with and without FPC', () => {
  const x = [2.8, 4.1, 6.8, 6.8, 9.2, 3.7, 6.6, 4.2];
  const design = designOf([
    { id: '1', N: 15, values: x.slice(0, 5) },
    { id: '2', N: 12, values: x.slice(5) },
  ]);
  const ones = x.map(() => 1);
  it('matches the published mean, SEs and total', () => {
    const withFpc = estimateRatio(design, x, ones);
    const withoutFpc = estimateRatio(design, x, ones, { finitePopulationCorrection: false });
    expect(withFpc.ratio).toBeCloseTo(5.4481481, 7);
    expect(withFpc.standardError).toBeCloseTo(0.61604, 5);
    expect(withoutFpc.standardError).toBeCloseTo(0.74127, 5);
    const total = estimateTotal(design, x);
    expect(total.total).toBeCloseTo(147.1, 10);
    expect(total.standardError).toBeCloseTo(16.6331, 4);
  });
});

describe('TC-3 Levy & Lemeshow hospital data: stratified mean and total', () => {
  const births = [480, 426, 342, 174, 2022, 576, 1999, 482, 836, 3108, 4674, 2539, 1610, 4618, 1781];
  const design = designOf([
    { id: '1', N: 42, values: births.slice(0, 4) },
    { id: '2', N: 99, values: births.slice(4, 9) },
    { id: '3', N: 17, values: births.slice(9) },
  ]);
  it('matches the published total 183983 (SE 34014) and mean 1164.4 (SE 215.28)', () => {
    const total = estimateTotal(design, births);
    expectClose(total.total, 183983, 1e-9);
    expect(total.standardError).toBeCloseTo(34014.35, 2);
    const mean = estimateRatio(design, births, births.map(() => 1));
    expect(mean.ratio).toBeCloseTo(1164.4494, 4);
    expect(mean.standardError).toBeCloseTo(215.2807, 4);
  });
});

describe('TC-S sample size formula', () => {
  it('gives n0 = 202.743659981 → 203 at P = 5%, d = 3 points, 95%', () => {
    const plan = sampleSize({ anticipatedRate: 0.05, precision: 0.03, confidence: 0.95, strata: 1, months: 1 });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expectClose(plan.value.initialSize, 202.743659981, 1e-10);
    expect(plan.value.requiredSize).toBe(203);
  });

  it.each([
    [1000, 168.7079],
    [5000, 194.8805],
    [9999, 198.7339],
  ])('applies the finite population correction n0/(1+(n0-1)/N) at N = %i', (N, expected) => {
    const plan = sampleSize({ anticipatedRate: 0.05, precision: 0.03, confidence: 0.95, universeCount: N });
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.value.correctedSize).toBeCloseTo(expected, 4);
  });

  it('spreads the sample over 3 strata and 12 months, rounding each month up, and shows its arithmetic', () => {
    const plan = sampleSize({ anticipatedRate: 0.05, precision: 0.03, confidence: 0.95, universeCount: 5000 });
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.value.requiredSize).toBe(195);
    expect(plan.value.perStratumMonth).toBe(6);
    expect(plan.value.allocatedSize).toBe(216);
    expect(plan.value.steps.join('\n')).toContain('n0 = deff × q² × P × (1 − P) / d² = 1 × 1.959964² × 0.05 × 0.95 / 0.03² = 202.744');
  });

  it('scales n0 by the design effect and rejects impossible input', () => {
    const plan = sampleSize({ anticipatedRate: 0.05, precision: 0.03, confidence: 0.95, designEffect: 2, strata: 1, months: 1 });
    if (!plan.ok) throw new Error('plan failed');
    expectClose(plan.value.initialSize, 2 * 202.743659981, 1e-10);
    const bad = sampleSize({ anticipatedRate: 1.5, precision: 0, confidence: 0.95, universeCount: -3 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((i) => i.code)).toEqual(['invalid_option', 'invalid_option', 'invalid_count']);
  });
});
