import { buildDesign, type Design } from './design';
import { estimatorError, estimatorWarning, type EstimatorIssue, type EstimatorResult } from './issues';
import { checkOptions } from './check-options';
import type { CellUniverse, EstimatorOptions, SampledCase } from './types';

/** A validated sample: the design plus per-case columns, fraud cases zeroed out of the domain. */
export interface SampleData {
  readonly design: Design;
  readonly cases: readonly SampledCase[];
  /** 1 for a case in the estimation domain (not fraud), else 0. */
  readonly inDomain: Float64Array;
  /** Dollars paid, 0 for fraud cases. */
  readonly paid: Float64Array;
  /** Absolute dollars in error, 0 for fraud cases. */
  readonly error: Float64Array;
}

/**
 * Validates the options (when given) and the amounts, and builds the design. Fraud cases stay in the design (they count in n_c and
 * so in the weights) but their values are zero, as `subset(design, !fraud)` does in `survey`.
 * A negative error amount is taken as its absolute value (42 CFR 431.958, as amended 2010) and
 * warned about.
 */
export function prepareSample(
  cases: readonly SampledCase[],
  universes: readonly CellUniverse[],
  options?: EstimatorOptions,
): EstimatorResult<SampleData> {
  const issues: EstimatorIssue[] = options === undefined ? [] : checkOptions(options);
  const warnings: EstimatorIssue[] = [];
  const n = cases.length;
  const inDomain = new Float64Array(n);
  const paid = new Float64Array(n);
  const error = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cases[i] as SampledCase;
    if (!Number.isFinite(c.paidDollars) || !Number.isFinite(c.errorDollars)) {
      issues.push(estimatorError('invalid_amount', `Case ${i + 1} in cell ${c.cellId} has a dollar amount that is not a number`, { cellId: c.cellId, caseIndex: i }));
      continue;
    }
    if (c.paidDollars < 0) {
      issues.push(estimatorError('negative_paid', `Case ${i + 1} in cell ${c.cellId} has negative dollars paid (${c.paidDollars}); enter the amount paid as 0 or more`, { cellId: c.cellId, caseIndex: i }));
      continue;
    }
    if (c.errorDollars < 0) {
      warnings.push(estimatorWarning('negative_error_dollars', `Case ${i + 1} in cell ${c.cellId} has negative dollars in error (${c.errorDollars}); its absolute value is used`, { cellId: c.cellId, caseIndex: i }));
    }
    if (c.fraud) continue;
    inDomain[i] = 1;
    paid[i] = c.paidDollars;
    error[i] = Math.abs(c.errorDollars); // dollars in error are absolute (42 CFR 431.958)
  }
  const design = buildDesign(cases, universes);
  if (!design.ok) issues.push(...design.issues);
  if (issues.length > 0 || !design.ok) return { ok: false, issues };
  return { ok: true, value: { design: design.value, cases, inDomain, paid, error }, warnings: [...design.warnings, ...warnings] };
}
