import { compensatedSum } from './compensated-sum';
import { confidenceInterval, designDegreesOfFreedom, type Interval } from './confidence-interval';
import type { EstimatorResult } from './issues';
import { estimateRatio } from './ratio-estimate';
import { withPrecision, type RateWithPrecision } from './rate-with-precision';
import { prepareSample, type SampleData } from './sample-data';
import { estimateTotal, type TotalEstimate } from './total-estimate';
import { defaultEstimatorOptions, type CellUniverse, type EstimatorOptions, type SampledCase } from './types';

/** Line G: the dollar-weighted active payment error rate. */
export interface PaymentErrorRate extends RateWithPrecision {
  /** Projected dollars in error in the universe, Ŷ_e = Σ w_i e_i, with its SE and interval. */
  readonly dollarsInError: TotalEstimate & { readonly interval: Interval };
  /** Projected dollars paid, X̂ = Σ w_i p_i. */
  readonly dollarsPaid: TotalEstimate;
  /** Difference estimator Ŷ_e / X where the universe dollars X of every sampled cell are known; else null. */
  readonly differenceEstimate: (RateWithPrecision & { readonly universeDollars: number }) | null;
  /**
   * Ratio estimate of the dollars in error R̂·X, with SE(R̂)·X, where X is known (as for the
   * difference estimate); else null. Line G's Dollar Amount: with it, amount / X = rate.
   */
  readonly ratioTotal: { readonly total: number; readonly standardError: number | null; readonly universeDollars: number } | null;
  /** Which estimate line G's Dollar Amount is: `ratio` (R̂·X, X known) or `expansion` (Ŷ_e). */
  readonly dollarEstimator: 'ratio' | 'expansion';
}

/** Line J: undetermined cases. */
export interface UndeterminedEstimate {
  /** Projected paid dollars of undetermined cases, Σ_{U} w_i p_i, with its SE. */
  readonly dollars: TotalEstimate;
  /** Undetermined share of the reviewed (non-fraud) active sample, unweighted. */
  readonly percentage: number;
  readonly undeterminedCases: number;
  readonly reviewedCases: number;
}

export interface ActiveEstimates {
  readonly paymentErrorRate: PaymentErrorRate;
  /** Line H: weighted share of reviewed active cases found not eligible. */
  readonly caseErrorRate: RateWithPrecision;
  readonly undetermined: UndeterminedEstimate;
  readonly sample: SampleData;
  /** Per-case numerators used for line G (error dollars, or paid for `U` when counted as error). */
  readonly errorDollarsUsed: Float64Array;
  /** Per-case case-error indicators used for line H. */
  readonly caseErrorsUsed: Float64Array;
  readonly options: EstimatorOptions;
}

/**
 * Lines G, H and J of CMS-10184E from the active sample (shared spec `estimator.md`; 72 FR 50490):
 * ratio estimator of the payment error rate, case error rate, undetermined dollars and share.
 */
export function estimateActive(
  cases: readonly SampledCase[],
  universes: readonly CellUniverse[],
  options: EstimatorOptions = defaultEstimatorOptions,
): EstimatorResult<ActiveEstimates> {
  const prepared = prepareSample(cases, universes, options);
  if (!prepared.ok) return prepared;
  const sample = prepared.value;
  const { design } = sample;
  const n = design.sampleCount;

  const errorDollarsUsed = new Float64Array(n);
  const caseErrorsUsed = new Float64Array(n);
  const undeterminedPaid = new Float64Array(n);
  let undeterminedCases = 0;
  for (let i = 0; i < n; i++) {
    if (sample.inDomain[i] === 0) continue;
    const c = cases[i] as SampledCase;
    const countAsError = c.undetermined && options.undeterminedAsError;
    errorDollarsUsed[i] = countAsError ? (sample.paid[i] as number) : (sample.error[i] as number); // U counts for its full paid amount
    caseErrorsUsed[i] = c.caseError || countAsError ? 1 : 0; // NE (and U when counted as error)
    if (c.undetermined) {
      undeterminedPaid[i] = sample.paid[i] as number;
      undeterminedCases += 1;
    }
  }

  const ratio = estimateRatio(design, errorDollarsUsed, sample.paid);
  const dollarsInError = estimateTotal(design, errorDollarsUsed);
  const degreesOfFreedom = designDegreesOfFreedom(design);
  const difference = differenceEstimate(sample, universes, dollarsInError, degreesOfFreedom, options);
  // R̂·X with SE(R̂)·X, X non-random (Cochran 1977 eq. 6.9; survey's predict.svyratio).
  const ratioTotal = difference === null
    ? null
    : { total: ratio.ratio * difference.universeDollars, standardError: ratio.standardError === null ? null : ratio.standardError * difference.universeDollars, universeDollars: difference.universeDollars };
  const payment: PaymentErrorRate = {
    ...withPrecision(design, ratio, options),
    dollarsInError: { ...dollarsInError, interval: confidenceInterval(dollarsInError.total, dollarsInError.standardError, degreesOfFreedom, options) },
    dollarsPaid: estimateTotal(design, sample.paid),
    differenceEstimate: difference,
    ratioTotal,
    dollarEstimator: ratioTotal === null ? 'expansion' : 'ratio',
  };
  const caseRate = withPrecision(design, estimateRatio(design, caseErrorsUsed, sample.inDomain), options);
  const reviewedCases = compensatedSum(sample.inDomain);
  return {
    ok: true,
    value: {
      paymentErrorRate: payment,
      caseErrorRate: caseRate,
      undetermined: {
        dollars: estimateTotal(design, undeterminedPaid),
        percentage: reviewedCases === 0 ? Number.NaN : undeterminedCases / reviewedCases,
        undeterminedCases,
        reviewedCases,
      },
      sample,
      errorDollarsUsed,
      caseErrorsUsed,
      options,
    },
    warnings: prepared.warnings,
  };
}

/** Difference-type estimate R_d = Ŷ_e / X with SE(Ŷ_e)/X, when X is known for every sampled cell. */
function differenceEstimate(
  sample: SampleData,
  universes: readonly CellUniverse[],
  dollarsInError: TotalEstimate,
  degreesOfFreedom: number,
  options: EstimatorOptions,
): PaymentErrorRate['differenceEstimate'] {
  if (sample.design.cells.some((cell) => cell.universeDollars === undefined)) return null;
  const X = compensatedSum(universes.map((u) => u.universeDollars ?? 0));
  if (!(X > 0)) return null;
  const rate = dollarsInError.total / X; // R_d = Ŷ_e / X (72 FR 50490, difference estimator)
  const standardError = dollarsInError.standardError === null ? null : dollarsInError.standardError / X;
  return {
    rate,
    standardError,
    interval: confidenceInterval(rate, standardError, degreesOfFreedom, options),
    precisionNotComputableCells: dollarsInError.singleCaseCells,
    universeDollars: X,
  };
}
