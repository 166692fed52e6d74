import type { Design } from './design';
import { stratifiedVariance, type VarianceOptions } from './stratified-variance';
import { weightedTotal } from './total-estimate';

export interface RatioEstimate {
  /** R̂ = Ŷ / X̂; NaN when X̂ = 0. */
  readonly ratio: number;
  readonly numeratorTotal: number;
  readonly denominatorTotal: number;
  readonly variance: number | null;
  readonly standardError: number | null;
  readonly singleCaseCells: readonly string[];
}

/**
 * Combined ratio estimator R̂ = Σ w_i y_i / Σ w_i x_i with its Taylor-linearised variance
 * (Cochran 1977, eq. 6.48; Lohr 2019, sec. 9.1; `survey`'s svyratio):
 *   z_i = (y_i − R̂ x_i) / X̂,  V(R̂) = stratifiedVariance(z).
 * With X̂ = 0 the ratio is undefined (NaN, variance null).
 */
export function estimateRatio(
  design: Design,
  numerator: ArrayLike<number>,
  denominator: ArrayLike<number>,
  options: VarianceOptions = {},
): RatioEstimate {
  const Y = weightedTotal(design, numerator);
  const X = weightedTotal(design, denominator);
  if (X === 0) {
    return { ratio: Number.NaN, numeratorTotal: Y, denominatorTotal: X, variance: null, standardError: null, singleCaseCells: [] };
  }
  const R = Y / X;
  const z = new Float64Array(design.sampleCount);
  for (let i = 0; i < design.sampleCount; i++) {
    z[i] = ((numerator[i] as number) - R * (denominator[i] as number)) / X; // linearised ratio, z_i = (y_i − R x_i)/X̂
  }
  const { variance, singleCaseCells } = stratifiedVariance(design, z, options);
  return {
    ratio: R,
    numeratorTotal: Y,
    denominatorTotal: X,
    variance,
    standardError: variance === null ? null : Math.sqrt(variance),
    singleCaseCells,
  };
}
