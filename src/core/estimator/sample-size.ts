import { criticalValue } from './critical-value';
import { estimatorError, type EstimatorIssue, type EstimatorResult } from './issues';

export interface SampleSizeInput {
  /** P: anticipated error rate as a fraction (5% by default, or the last measured rate). */
  readonly anticipatedRate: number;
  /** d: the precision wanted, a half-width as a fraction (0.03 = 3 percentage points). */
  readonly precision: number;
  readonly confidence: number;
  /** deff: design effect, 1 for simple random sampling. */
  readonly designEffect?: number;
  /** N: the universe, for the finite population correction; omit for none. */
  readonly universeCount?: number;
  /** Strata and months the sample is spread over (3 and 12 for the active sample). */
  readonly strata?: number;
  readonly months?: number;
}

export interface SampleSizePlan {
  readonly quantile: number;
  readonly designEffect: number;
  /** n₀ = deff · q² · P(1 − P) / d² */
  readonly initialSize: number;
  /** n₀ / (1 + (n₀ − 1)/N), or n₀ without a universe count. */
  readonly correctedSize: number;
  /** ⌈corrected size⌉ */
  readonly requiredSize: number;
  readonly strata: number;
  readonly months: number;
  /** ⌈required / (strata · months)⌉ cases in each stratum and month. */
  readonly perStratumMonth: number;
  /** perStratumMonth · strata · months: the sample actually drawn. */
  readonly allocatedSize: number;
  /** The arithmetic, one line a step, so a user can check it. */
  readonly steps: readonly string[];
}

// Guard against a float like 203.00000000001 rounding up to 204.
const ceilCount = (x: number): number => Math.ceil(x - 1e-9);

const show = (x: number, digits = 6): string => Number(x.toPrecision(digits)).toString();

/**
 * Sample size for a rate estimated to a given precision (Cochran 1977, eqs. 4.2 and 4.3; 72 FR
 * 50490, sample size with finite population correction; shared spec `estimator.md`):
 *   n₀ = deff · q² · P(1 − P) / d²,  n = n₀ / (1 + (n₀ − 1)/N),
 * rounded up and spread equally over strata and months, each rounded up.
 */
export function sampleSize(input: SampleSizeInput): EstimatorResult<SampleSizePlan> {
  const issues: EstimatorIssue[] = [];
  const { anticipatedRate: P, precision: d, confidence } = input;
  const deff = input.designEffect ?? 1;
  const strata = input.strata ?? 3;
  const months = input.months ?? 12;
  if (!(P > 0 && P < 1)) issues.push(estimatorError('invalid_option', `The anticipated error rate must be between 0% and 100% (exclusive), got ${P}`));
  if (!(d > 0 && d < 1)) issues.push(estimatorError('invalid_option', `The precision must be between 0 and 1 as a fraction (3 points = 0.03), got ${d}`));
  if (!(confidence > 0 && confidence < 1)) issues.push(estimatorError('invalid_option', `The confidence must be between 0% and 100% (exclusive), got ${confidence}`));
  if (!(deff > 0 && Number.isFinite(deff))) issues.push(estimatorError('invalid_option', `The design effect must be a positive number, got ${deff}`));
  if (input.universeCount !== undefined && !(Number.isInteger(input.universeCount) && input.universeCount > 0)) {
    issues.push(estimatorError('invalid_count', `The universe must be a whole number of cases above 0, got ${input.universeCount}`));
  }
  if (!(Number.isInteger(strata) && strata > 0 && Number.isInteger(months) && months > 0)) {
    issues.push(estimatorError('invalid_option', `Strata and months must be whole numbers above 0, got ${strata} and ${months}`));
  }
  if (issues.length > 0) return { ok: false, issues };

  const q = criticalValue(confidence, 'normal', Number.POSITIVE_INFINITY);
  const initialSize = (deff * q * q * P * (1 - P)) / (d * d); // n₀ = deff q² P(1−P)/d² (Cochran 4.2)
  const N = input.universeCount;
  const correctedSize = N === undefined ? initialSize : initialSize / (1 + (initialSize - 1) / N); // Cochran 4.3
  const requiredSize = Math.min(ceilCount(correctedSize), N ?? Number.POSITIVE_INFINITY);
  const perStratumMonth = ceilCount(requiredSize / (strata * months));
  const allocatedSize = perStratumMonth * strata * months;
  const steps = [
    `q = ${show(q, 7)} (two-sided normal quantile at ${show(confidence * 100)}% confidence)`,
    `n0 = deff × q² × P × (1 − P) / d² = ${show(deff)} × ${show(q, 7)}² × ${show(P)} × ${show(1 - P)} / ${show(d)}² = ${show(initialSize)}`,
    N === undefined
      ? `no universe count given: n = n0 = ${show(correctedSize)}`
      : `n = n0 / (1 + (n0 − 1) / N) = ${show(initialSize)} / (1 + ${show(initialSize - 1)} / ${N}) = ${show(correctedSize)}`,
    `rounded up: ${requiredSize} cases`,
    `per stratum and month: ⌈${requiredSize} / (${strata} × ${months})⌉ = ${perStratumMonth}, so ${allocatedSize} cases in all`,
  ];
  return {
    ok: true,
    value: { quantile: q, designEffect: deff, initialSize, correctedSize, requiredSize, strata, months, perStratumMonth, allocatedSize, steps },
    warnings: [],
  };
}

/**
 * Design effect of a measured rate: its variance over the simple random sample variance
 * P(1 − P)/n of the same rate (Kish 1965, sec. 8.2).
 */
export function designEffect(variance: number, rate: number, sampleCount: number): number {
  return variance / ((rate * (1 - rate)) / sampleCount);
}
