import { criticalValue } from './critical-value';
import type { Design } from './design';
import type { EstimatorOptions } from './types';

export interface Interval {
  readonly confidence: number;
  readonly quantileKind: 'normal' | 't';
  /** q: the two-sided critical value used. */
  readonly quantile: number;
  readonly degreesOfFreedom: number;
  /** Half-width q·SE, the precision (72 FR 50490: "precision" at 95% confidence); null when SE is. */
  readonly precision: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Degrees of freedom of a stratified design: n − number of cells (`survey`'s degf). */
export function designDegreesOfFreedom(design: Design): number {
  return design.sampleCount - design.cells.length;
}

/** Confidence interval estimate ± q·SE (Cochran 1977, sec. 2.8). */
export function confidenceInterval(
  estimate: number,
  standardError: number | null,
  degreesOfFreedom: number,
  options: Pick<EstimatorOptions, 'confidence' | 'quantile'>,
): Interval {
  // A t quantile needs at least one degree of freedom; with none the precision is not computable.
  const noDegrees = options.quantile === 't' && degreesOfFreedom < 1;
  const quantile = noDegrees ? Number.NaN : criticalValue(options.confidence, options.quantile, degreesOfFreedom);
  const precision = standardError === null || noDegrees ? null : quantile * standardError; // half-width q·SE
  return {
    confidence: options.confidence,
    quantileKind: options.quantile,
    quantile,
    degreesOfFreedom,
    precision,
    lower: precision === null ? null : estimate - precision,
    upper: precision === null ? null : estimate + precision,
  };
}
