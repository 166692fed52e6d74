import { CompensatedSum } from './compensated-sum';
import type { Design } from './design';
import { stratifiedVariance, type VarianceOptions } from './stratified-variance';

export interface TotalEstimate {
  /** Ŷ = Σ_i w_i y_i (Horvitz-Thompson total under stratified sampling). */
  readonly total: number;
  readonly variance: number | null;
  readonly standardError: number | null;
  readonly singleCaseCells: readonly string[];
}

/** Weighted total Σ_i w_i v_i. */
export function weightedTotal(design: Design, values: ArrayLike<number>): number {
  const s = new CompensatedSum();
  for (let i = 0; i < design.sampleCount; i++) s.add((design.caseWeight[i] as number) * (values[i] as number));
  return s.value;
}

/**
 * Estimated universe total of y and its standard error (Cochran 1977, sec. 5.3; `survey`'s svytotal).
 */
export function estimateTotal(design: Design, values: ArrayLike<number>, options: VarianceOptions = {}): TotalEstimate {
  const { variance, singleCaseCells } = stratifiedVariance(design, values, options);
  return {
    total: weightedTotal(design, values),
    variance,
    standardError: variance === null ? null : Math.sqrt(variance),
    singleCaseCells,
  };
}
