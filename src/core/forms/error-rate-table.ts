/**
 * The Error Rate Table, lines G-J of CMS-10184E, from the estimates (form instructions, "Line G"
 * to "Line J"; shared spec `estimator.md`). Rates are fractions; precision is the half-width q·SE.
 */
import type { ActiveEstimates, NegativeEstimates, RateWithPrecision } from '../estimator';

/** One line of the table; null where the instructions leave the cell blank or the value is not computable. */
export interface ErrorRateLine {
  /** Dollar Amount column (line G: projected dollars in error; line J: undetermined dollars). */
  readonly dollars: number | null;
  readonly rate: number | null;
  readonly standardError: number | null;
  readonly confidence: number | null;
  readonly precision: number | null;
  /** Percentage column (line J only). */
  readonly percentage: number | null;
  /** Cells with one case that leave the precision not computable. */
  readonly notComputableCells: readonly string[];
}

export interface ErrorRateTable {
  readonly activePayment: ErrorRateLine;
  readonly activeCase: ErrorRateLine;
  readonly negativeCase: ErrorRateLine;
  readonly undetermined: ErrorRateLine;
}

const finite = (x: number | null): number | null => (x === null || !Number.isFinite(x) ? null : x);

function rateLine(r: RateWithPrecision, dollars: number | null): ErrorRateLine {
  return {
    dollars,
    rate: finite(r.rate),
    standardError: finite(r.standardError),
    confidence: r.interval.confidence,
    precision: finite(r.interval.precision),
    percentage: null,
    notComputableCells: r.precisionNotComputableCells,
  };
}

const EMPTY: ErrorRateLine = { dollars: null, rate: null, standardError: null, confidence: null, precision: null, percentage: null, notComputableCells: [] };

export function errorRateTable(active: ActiveEstimates | null, negative: NegativeEstimates | null): ErrorRateTable {
  return {
    // Line G: projected improper payments in the Dollar Amount column (R̂·X where the universe
    // dollars X are known, so amount / X = rate; else the expansion Ŷ_e); dollar-weighted rate.
    activePayment: active === null ? EMPTY : rateLine(active.paymentErrorRate, active.paymentErrorRate.ratioTotal?.total ?? active.paymentErrorRate.dollarsInError.total),
    // Line H: a simple case error rate; the Dollar Amount column stays blank.
    activeCase: active === null ? EMPTY : rateLine(active.caseErrorRate, null),
    // Line I: the negative case error rate; the Dollar Amount column stays blank.
    negativeCase: negative === null ? EMPTY : rateLine(negative.caseErrorRate, null),
    // Line J: undetermined dollars in the universe and the undetermined share of the sample.
    undetermined: active === null
      ? EMPTY
      : { ...EMPTY, dollars: active.undetermined.dollars.total, percentage: finite(active.undetermined.percentage) },
  };
}

/** `95.0%, +/- 1.8%`: the Confidence and Precision column as the instructions word it. */
export function confidenceAndPrecisionText(line: ErrorRateLine): string | null {
  if (line.confidence === null) return null;
  const confidence = `${(line.confidence * 100).toFixed(1)}%`;
  return line.precision === null ? `${confidence}, precision not computable` : `${confidence}, +/- ${(line.precision * 100).toFixed(1)}%`;
}
