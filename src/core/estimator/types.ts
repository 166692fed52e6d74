/**
 * Domain types of the PERM estimator. Plain data, no workbook types.
 * Definitions: shared spec `estimator.md`; 72 FR 50490 (the 2007 PERM final rule).
 */

/** One sampled case, active or negative. Dollars are US dollars, not cents. */
export interface SampledCase {
  /** The case's cell: a (sample month, stratum) pair, or a stratum when universe counts are annual. */
  readonly cellId: string;
  /** Dollars paid for the case in the review period (active cases; 0 for negative cases). */
  readonly paidDollars: number;
  /** Absolute dollars in error (active cases; 0 for negative cases). */
  readonly errorDollars: number;
  /** Active: finding `NE`. Negative: finding `ID` or `IT`. */
  readonly caseError: boolean;
  /** Finding `U` (active cases only). */
  readonly undetermined: boolean;
  /** Excluded for beneficiary fraud: kept for the weights, outside the estimation domain. */
  readonly fraud: boolean;
  /** Optional domain label within the cell (for example `Denials` or `Terminations`). */
  readonly domain?: string;
}

/** The universe of one cell. */
export interface CellUniverse {
  readonly cellId: string;
  /** N_c: cases in the cell's universe. */
  readonly universeCount: number;
  /** Universe paid dollars of the cell, where known (enables the difference estimator). */
  readonly universeDollars?: number;
}

/** Which quantile the confidence interval uses. */
export type QuantileKind = 'normal' | 't';

export interface EstimatorOptions {
  /** Confidence level as a fraction, for example 0.95. */
  readonly confidence: number;
  /** Normal quantile (default) or t with n − number of cells degrees of freedom. */
  readonly quantile: QuantileKind;
  /** Whether `U` cases count as errors for their full paid amount (Settings `Undetermined As Error`). */
  readonly undeterminedAsError: boolean;
}

export const defaultEstimatorOptions: EstimatorOptions = {
  confidence: 0.95,
  quantile: 'normal',
  undeterminedAsError: true,
};
