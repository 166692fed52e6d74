/**
 * Problems with estimator input, returned as data (never thrown), each naming the cell or case.
 */

export type EstimatorIssueCode =
  | 'duplicate_cell'
  | 'invalid_count'
  | 'missing_universe'
  | 'sample_exceeds_universe'
  | 'empty_cell_with_cases'
  | 'invalid_amount'
  | 'negative_paid'
  | 'negative_error_dollars'
  | 'cell_not_sampled'
  | 'single_case_cell'
  | 'zero_denominator'
  | 'invalid_option';

export interface EstimatorIssue {
  readonly severity: 'error' | 'warning';
  readonly code: EstimatorIssueCode;
  readonly message: string;
  /** The cell the issue is about, when it is about one. */
  readonly cellId?: string;
  /** Index of the case in the input array, when it is about one case. */
  readonly caseIndex?: number;
}

/** Either a value with any warnings, or the errors that prevented it. */
export type EstimatorResult<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly EstimatorIssue[] }
  | { readonly ok: false; readonly issues: readonly EstimatorIssue[] };

export function estimatorError(
  code: EstimatorIssueCode,
  message: string,
  where: { readonly cellId?: string; readonly caseIndex?: number } = {},
): EstimatorIssue {
  return { severity: 'error', code, message, ...where };
}

export function estimatorWarning(
  code: EstimatorIssueCode,
  message: string,
  where: { readonly cellId?: string; readonly caseIndex?: number } = {},
): EstimatorIssue {
  return { severity: 'warning', code, message, ...where };
}
