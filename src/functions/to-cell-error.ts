/**
 * The one place where a problem becomes an Excel error value. Excel shows a custom message only for
 * #VALUE! and #N/A (learn.microsoft.com, "Handle and return errors from your custom function"), so:
 *   impossible input            → #VALUE! with the reason and the fix,
 *   a result that cannot exist  → #N/A with why (for example a standard error with single-case cells),
 *   division by zero            → #DIV/0! (no message).
 * CustomFunctions is the global office.js defines in Excel (CustomFunctionsRuntime 1.2).
 */
import type { EstimatorIssue } from '../core/estimator/index.js';

/** At most this many issues are quoted in one message; the rest are counted. */
const MAX_ISSUES_IN_MESSAGE = 3;

export function invalidInput(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

export function notAvailable(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
}

export function divisionByZero(): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
}

/** A cell that could not be read as the argument needs: `universe: "abc" is not a dollar amount. …` */
export function invalidArgument(argument: string, reason: string): CustomFunctions.Error {
  return invalidInput(`${argument}: ${reason}`);
}

/** The estimator's errors (warnings are left out) as one #VALUE! whose message quotes the first few. */
export function fromEstimatorIssues(issues: readonly EstimatorIssue[]): CustomFunctions.Error {
  const errors = issues.filter((i) => i.severity === 'error');
  const shown = (errors.length > 0 ? errors : issues).slice(0, MAX_ISSUES_IN_MESSAGE).map((i) => i.message);
  const more = errors.length - shown.length;
  return invalidInput(more > 0 ? `${shown.join('; ')}; and ${more} more.` : shown.join('; '));
}
