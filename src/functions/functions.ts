/**
 * PERM Recon's custom functions, namespace PERM. The JSDoc below is the metadata:
 * custom-functions-metadata-plugin generates functions.json from it and appends a
 * `CustomFunctions.associate(id, fn)` call per function to this file at build time.
 * Each function is a thin shell over the core: it reads its arguments, calls the core and turns
 * problems into Excel errors (to-cell-error.ts). No statistics here.
 */
import { compareAmounts } from '../core/recon/compare.js';
import { defaultEstimatorOptions, estimateActive, sampleSize as planSampleSize } from '../core/estimator/index.js';
import { parseCents } from '../core/workbook/parse-money.js';
import { readSampleRows } from './sample-ranges.js';
import { divisionByZero, fromEstimatorIssues, invalidArgument, notAvailable } from './to-cell-error.js';

/** The quarterly threshold of the 64/21 reconciliation (15%), PERM.FLAG's default. */
export const DEFAULT_THRESHOLD = 0.15;

/**
 * The build appends `CustomFunctions.associate("ID", fn)` calls to this file, and they resolve
 * `CustomFunctions` here first. This binding passes them on to Excel's registry when office.js
 * provides one and ignores them elsewhere (the task pane's preview mode in a plain browser), so the
 * shared page never throws outside Excel. Errors use the global (to-cell-error.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used by the calls the build appends
const CustomFunctions = {
  associate(id: string, fn: (...args: never[]) => unknown): void {
    const registry = (globalThis as { CustomFunctions?: { associate?: (id: string, fn: unknown) => void } }).CustomFunctions;
    registry?.associate?.(id, fn);
  },
};

function cents(argument: string, value: number): number {
  const parsed = parseCents(value);
  if (!parsed.ok) throw invalidArgument(argument, parsed.reason);
  return parsed.value;
}

/**
 * The percentage difference of a universe amount from a report amount, (universe − report) / |report|, as a fraction (format the cell as %). Amounts are compared in exact cents.
 * @customfunction DIFFPCT
 * @param universe The universe amount (dollars).
 * @param report The report amount (dollars), for example a CMS-64 line for the quarter.
 * @returns The difference as a fraction of the report amount; #DIV/0! when the report amount is 0.
 */
export function diffPct(universe: number, report: number): number {
  const comparison = compareAmounts(cents('universe', universe), cents('report', report), DEFAULT_THRESHOLD, 'Report');
  if (comparison.percentDifference === null) throw divisionByZero();
  return comparison.percentDifference;
}

/**
 * TRUE when the universe and report amounts differ by strictly more than the threshold (decided exactly in cents: a difference of exactly 15% is not flagged).
 * @customfunction FLAG
 * @param universe The universe amount (dollars).
 * @param report The report amount (dollars).
 * @param [threshold] The threshold as a fraction, rounded to whole basis points: 15% (the default) for a quarter, 5% for a year.
 * @returns TRUE when |universe − report| / |report| is over the threshold; with a report of 0, TRUE when the amounts differ.
 */
export function flag(universe: number, report: number, threshold?: number): boolean {
  const t = threshold ?? DEFAULT_THRESHOLD; // Excel passes null for an omitted argument
  if (!(Number.isFinite(t) && t >= 0 && t <= 1)) {
    throw invalidArgument('threshold', `${String(t)} is not a threshold. Type a fraction between 0 and 1, such as 15% or 0.15.`);
  }
  return compareAmounts(cents('universe', universe), cents('report', report), t, 'Report').flagged;
}

/**
 * The PERM payment error rate of a stratified sample by the ratio estimator, with its standard error and precision at 95% confidence, spilled as one row.
 * @customfunction RATIOERRORRATE
 * @param cells The cell (stratum, or sample month and stratum) of each sampled case: one column, one row per case.
 * @param universeCounts The universe count N of each case's cell (the same on every row of a cell); the weight is N / n with n the cases of the cell.
 * @param paid Dollars paid for each case.
 * @param error Dollars in error for each case (absolute values are used).
 * @returns A row: rate, standard error, precision (1.96 × standard error).
 */
export function ratioErrorRate(
  cells: unknown[][],
  universeCounts: unknown[][],
  paid: unknown[][],
  error: unknown[][],
): Array<Array<number | CustomFunctions.Error>> {
  const rows = readSampleRows(cells, universeCounts, paid, error);
  if (!rows.ok) throw invalidArgument(rows.argument, rows.reason);
  const estimates = estimateActive(rows.cases, rows.universes, defaultEstimatorOptions);
  if (!estimates.ok) throw fromEstimatorIssues(estimates.issues);
  const rate = estimates.value.paymentErrorRate;
  if (Number.isNaN(rate.rate)) throw divisionByZero(); // no dollars paid in the sample
  if (rate.standardError === null || rate.interval.precision === null) {
    const why = notAvailable(
      `Not computable: cell(s) ${rate.precisionNotComputableCells.join(', ')} have a single sampled case, which leaves no estimate of their variance.`,
    );
    return [[rate.rate, why, why]];
  }
  return [[rate.rate, rate.standardError, rate.interval.precision]];
}

/**
 * The sample size that estimates an error rate to a precision: n0 = z² P(1 − P) / d², with the finite population correction n0 / (1 + (n0 − 1) / N) when a universe is given, rounded up.
 * @customfunction SAMPLESIZE
 * @param rate The anticipated error rate P as a fraction, for example 5%.
 * @param precision The precision d wanted, a half-width as a fraction: 3% for ±3 percentage points.
 * @param [confidence] The confidence level, 95% when omitted.
 * @param [universe] The universe N (cases), for the finite population correction; none when omitted.
 * @returns The number of cases to sample.
 */
export function sampleSize(rate: number, precision: number, confidence?: number, universe?: number): number {
  const plan = planSampleSize({
    anticipatedRate: rate,
    precision,
    confidence: confidence ?? defaultEstimatorOptions.confidence,
    ...(universe === undefined || universe === null ? {} : { universeCount: universe }),
  });
  if (!plan.ok) throw fromEstimatorIssues(plan.issues);
  return plan.value.requiredSize;
}
