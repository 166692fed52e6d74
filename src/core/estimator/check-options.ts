import { estimatorError, type EstimatorIssue } from './issues';
import type { EstimatorOptions } from './types';

/** Options that cannot be used, as issues (confidence outside (0, 1), unknown quantile kind). */
export function checkOptions(options: EstimatorOptions): EstimatorIssue[] {
  const issues: EstimatorIssue[] = [];
  if (!(options.confidence > 0 && options.confidence < 1)) {
    issues.push(estimatorError('invalid_option', `Confidence must be between 0% and 100% (exclusive), got ${options.confidence}; for example 95%`));
  }
  if (options.quantile !== 'normal' && options.quantile !== 't') {
    issues.push(estimatorError('invalid_option', `Quantile must be 'normal' or 't', got ${String(options.quantile)}`));
  }
  return issues;
}
