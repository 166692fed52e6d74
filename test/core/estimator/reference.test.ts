// The estimator against R's survey package, to 1e-9 relative, on every design of
// test/fixtures/estimator (made by generate.ts there). The values were printed by
// test/fixtures/r/estimator-reference.R (R 4.2.2, survey 4.1.1) into estimator-reference.json;
// `npm run crosscheck` re-runs R where it is installed and points REFERENCE_JSON at the fresh run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  estimateActive,
  estimateNegative,
  type EstimatorOptions,
  type RateWithPrecision,
} from '../../../src/core/estimator';
import { loadDesign, referencePath } from './design-fixtures';
import { expectClose } from './expect-close';


interface Estimate { estimate: number; se: number | null }
interface ActiveReference {
  kind: 'active';
  paidTotal: Estimate;
  errorTotal: Estimate;
  undeterminedPaidTotal: Estimate;
  paymentRate: Estimate & { seNoFpc: number | null; ciNormal95: [number, number] | null; ciNormal90: [number, number] | null; ciT95: [number, number] | null; df: number };
  differenceRate?: Estimate & { X: number };
  caseRate: Estimate & { ciNormal95: [number, number] | null };
  undeterminedShare: number;
  perCell: Record<string, { N: number; n: number; weight: number }>;
}
interface NegativeReference {
  kind: 'negative';
  negativeRate: Estimate & { ciNormal95: [number, number] | null; df: number };
  byDomain?: Record<string, Estimate>;
  perCell: Record<string, { N: number; n: number; weight: number }>;
}
type Reference = ActiveReference | NegativeReference;
const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as { designs: Record<string, Record<string, Reference>> };

const TOLERANCE = 1e-9;
const close = (actual: number | null | undefined, expected: number | null) => {
  if (expected === null) expect(actual ?? null).toBeNull();
  else expectClose(actual, expected, TOLERANCE);
};
const closeRate = (actual: RateWithPrecision, expected: Estimate) => {
  close(actual.rate, expected.estimate);
  close(actual.standardError, expected.se);
};
const closeInterval = (actual: RateWithPrecision, expected: [number, number] | null) => {
  close(actual.interval.lower, expected === null ? null : expected[0]);
  close(actual.interval.upper, expected === null ? null : expected[1]);
};

const options = (undeterminedAsError: boolean, confidence = 0.95, quantile: 'normal' | 't' = 'normal'): EstimatorOptions => ({ confidence, quantile, undeterminedAsError });

describe.each(Object.keys(reference.designs))('design %s against R survey', (design) => {
  const { cases, cells } = loadDesign(design);
  const variants = reference.designs[design] as Record<string, Reference>;

  it.each(Object.keys(variants))('%s', (variant) => {
    const ref = variants[variant] as Reference;
    const undeterminedAsError = variant === 'undeterminedAsError=true';
    if (ref.kind === 'negative') {
      const r = estimateNegative(cases, cells, options(undeterminedAsError));
      if (!r.ok) throw new Error(JSON.stringify(r.issues));
      closeRate(r.value.caseErrorRate, ref.negativeRate);
      closeInterval(r.value.caseErrorRate, ref.negativeRate.ciNormal95);
      expect(r.value.caseErrorRate.interval.degreesOfFreedom).toBe(ref.negativeRate.df);
      for (const [domain, expected] of Object.entries(ref.byDomain ?? {})) {
        const actual = r.value.byDomain.get(domain);
        expect(actual, `domain ${domain}`).toBeDefined();
        closeRate(actual as RateWithPrecision, expected);
      }
      checkCells(r.value.sample.design.cells, ref.perCell);
      return;
    }

    const r = estimateActive(cases, cells, options(undeterminedAsError));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const g = r.value.paymentErrorRate;
    close(g.dollarsPaid.total, ref.paidTotal.estimate);
    close(g.dollarsPaid.standardError, ref.paidTotal.se);
    close(g.dollarsInError.total, ref.errorTotal.estimate);
    close(g.dollarsInError.standardError, ref.errorTotal.se);
    close(r.value.undetermined.dollars.total, ref.undeterminedPaidTotal.estimate);
    close(r.value.undetermined.dollars.standardError, ref.undeterminedPaidTotal.se);
    closeRate(g, ref.paymentRate);
    closeInterval(g, ref.paymentRate.ciNormal95);
    expect(g.interval.degreesOfFreedom).toBe(ref.paymentRate.df);
    closeRate(r.value.caseErrorRate, ref.caseRate);
    closeInterval(r.value.caseErrorRate, ref.caseRate.ciNormal95);
    close(r.value.undetermined.percentage, ref.undeterminedShare);
    if (ref.differenceRate) {
      expect(g.differenceEstimate).not.toBeNull();
      close(g.differenceEstimate?.universeDollars, ref.differenceRate.X);
      close(g.differenceEstimate?.rate, ref.differenceRate.estimate);
      close(g.differenceEstimate?.standardError, ref.differenceRate.se);
    } else {
      expect(g.differenceEstimate).toBeNull();
    }

    const at90 = estimateActive(cases, cells, options(undeterminedAsError, 0.9));
    const withT = estimateActive(cases, cells, options(undeterminedAsError, 0.95, 't'));
    if (!at90.ok || !withT.ok) throw new Error('variant failed');
    closeInterval(at90.value.paymentErrorRate, ref.paymentRate.ciNormal90);
    closeInterval(withT.value.paymentErrorRate, ref.paymentRate.ciT95);
    checkCells(r.value.sample.design.cells, ref.perCell);
  });
});

function checkCells(actual: readonly { cellId: string; universeCount: number; sampleCount: number; weight: number }[], expected: Record<string, { N: number; n: number; weight: number }>) {
  expect(actual.map((c) => c.cellId).sort()).toEqual(Object.keys(expected).sort());
  for (const cell of actual) {
    const e = expected[cell.cellId] as { N: number; n: number; weight: number };
    expect([cell.universeCount, cell.sampleCount]).toEqual([e.N, e.n]);
    close(cell.weight, e.weight);
  }
}
