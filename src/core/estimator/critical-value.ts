import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { QuantileKind } from './types';

/**
 * Two-sided critical value q for a confidence level: q = Φ⁻¹(1 − (1 − confidence)/2), or the
 * Student t quantile with `degreesOfFreedom` (Cochran 1977, sec. 2.8; `survey`'s confint).
 * Quantiles come from stdlib, not a hand-written approximation.
 */
export function criticalValue(confidence: number, kind: QuantileKind, degreesOfFreedom: number): number {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`criticalValue requires a confidence level between 0 and 1, got ${confidence}`);
  }
  const upperTail = 1 - (1 - confidence) / 2;
  if (kind === 'normal') return normalQuantile(upperTail, 0, 1);
  if (!(degreesOfFreedom >= 1)) {
    throw new RangeError(`criticalValue requires at least 1 degree of freedom for a t quantile, got ${degreesOfFreedom}`);
  }
  return tQuantile(upperTail, degreesOfFreedom);
}
