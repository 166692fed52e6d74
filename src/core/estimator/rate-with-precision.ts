import { confidenceInterval, designDegreesOfFreedom, type Interval } from './confidence-interval';
import type { Design } from './design';
import type { RatioEstimate } from './ratio-estimate';
import type { EstimatorOptions } from './types';

/** A rate with its standard error, interval and precision. */
export interface RateWithPrecision {
  /** A fraction; NaN when the denominator total is 0. */
  readonly rate: number;
  readonly standardError: number | null;
  readonly interval: Interval;
  /** Cells with a single case, which leave the precision not computable (empty when computable). */
  readonly precisionNotComputableCells: readonly string[];
}

/** Attaches interval and precision (q·SE) to a ratio estimate. */
export function withPrecision(design: Design, estimate: RatioEstimate, options: Pick<EstimatorOptions, 'confidence' | 'quantile'>): RateWithPrecision {
  return {
    rate: estimate.ratio,
    standardError: estimate.standardError,
    interval: confidenceInterval(estimate.ratio, estimate.standardError, designDegreesOfFreedom(design), options),
    precisionNotComputableCells: estimate.singleCaseCells,
  };
}
