// Properties of the estimator that hold for any sample (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateActive, type CellUniverse, type SampledCase } from '../../../src/core/estimator';

interface Sample {
  readonly cases: SampledCase[];
  readonly cells: CellUniverse[];
}

const caseArb = (cellId: string): fc.Arbitrary<SampledCase> =>
  fc.record({
    paidCents: fc.integer({ min: 0, max: 500_000 }),
    errorShare: fc.constantFrom(0, 0, 0, 0.25, 1),
    undetermined: fc.boolean(),
  }).map(({ paidCents, errorShare, undetermined }) => ({
    cellId,
    paidDollars: paidCents / 100,
    errorDollars: Math.round(paidCents * errorShare) / 100,
    caseError: errorShare === 1,
    undetermined: undetermined && errorShare === 0,
    fraud: false,
  }));

const cellArb = (index: number): fc.Arbitrary<Sample> =>
  fc.integer({ min: 2, max: 12 }).chain((n) =>
    fc.tuple(fc.array(caseArb(`c${index}`), { minLength: n, maxLength: n }), fc.integer({ min: n, max: 100_000 })).map(([cases, N]) => ({
      cases,
      cells: [{ cellId: `c${index}`, universeCount: N }],
    })),
  );

const sampleArb: fc.Arbitrary<Sample> = fc.integer({ min: 1, max: 6 }).chain((k) =>
  fc.tuple(...Array.from({ length: k }, (_, i) => cellArb(i))).map((parts) => ({
    cases: parts.flatMap((p) => p.cases),
    cells: parts.flatMap((p) => p.cells),
  })),
).filter((s) => s.cases.some((c) => c.paidDollars > 0));

const estimate = (s: Sample) => {
  const r = estimateActive(s.cases, s.cells);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};

const relativelyEqual = (a: number | null, b: number | null, tol = 1e-9): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1e-300);

const withinRateScale = (a: number | null, b: number | null, rate: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= Math.max(1e-7 * Math.max(Math.abs(a), Math.abs(b)), 1e-12 * Math.abs(rate ?? 0));

describe('estimator properties', () => {
  it('the rate and its SE do not change when every dollar is scaled by the same factor', () => {
    fc.assert(
      fc.property(sampleArb, fc.double({ min: 0.01, max: 1000, noNaN: true }), (s, factor) => {
        const scaled = { cells: s.cells, cases: s.cases.map((c) => ({ ...c, paidDollars: c.paidDollars * factor, errorDollars: c.errorDollars * factor })) };
        const a = estimate(s).paymentErrorRate;
        const b = estimate(scaled).paymentErrorRate;
        expect(relativelyEqual(a.rate, b.rate)).toBe(true);
        // The SE is built from residuals e - R*p that can cancel to a few ulps of the rate (a cell of
        // cases all at the same rate): compare it at 1e-7 relative, with a floor of 1e-12 of the rate.
        expect(withinRateScale(a.standardError, b.standardError, a.rate)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reordering cases within and across cells changes nothing', () => {
    fc.assert(
      fc.property(sampleArb.chain((s) => fc.shuffledSubarray(s.cases, { minLength: s.cases.length, maxLength: s.cases.length }).map((cases) => [s, { ...s, cases }] as const)), ([s, shuffled]) => {
        const a = estimate(s);
        const b = estimate(shuffled);
        expect(relativelyEqual(a.paymentErrorRate.rate, b.paymentErrorRate.rate)).toBe(true);
        expect(withinRateScale(a.paymentErrorRate.standardError, b.paymentErrorRate.standardError, a.paymentErrorRate.rate)).toBe(true);
        expect(relativelyEqual(a.caseErrorRate.rate, b.caseErrorRate.rate)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the weights of each cell sum to its universe count N', () => {
    fc.assert(
      fc.property(sampleArb, (s) => {
        const { design } = estimate(s).sample;
        design.cells.forEach((cell, c) => {
          let sum = 0;
          for (let i = 0; i < design.sampleCount; i++) if (design.caseCell[i] === c) sum += design.caseWeight[i] as number;
          expect(Math.abs(sum - cell.universeCount)).toBeLessThanOrEqual(1e-9 * cell.universeCount);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the variance is zero when every cell is a census (n = N)', () => {
    fc.assert(
      fc.property(sampleArb, (s) => {
        const census = { cases: s.cases, cells: s.cells.map((c) => ({ ...c, universeCount: s.cases.filter((x) => x.cellId === c.cellId).length })) };
        const r = estimate(census);
        expect(r.paymentErrorRate.standardError).toBe(0);
        expect(r.caseErrorRate.standardError).toBe(0);
        expect(r.paymentErrorRate.dollarsInError.standardError).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('the rate lies between 0 and 1 when no error exceeds its payment', () => {
    fc.assert(
      fc.property(sampleArb, (s) => {
        const r = estimate(s).paymentErrorRate.rate;
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 200 },
    );
  });
});
