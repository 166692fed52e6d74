/**
 * A data problem found while reading a workbook. Problems are returned as values, never thrown,
 * so one run can report all of them. Every message names the sheet and cell and says how to fix it.
 */
import type { IssueCode, SeverityOf } from './issue-codes.js';

export type { IssueCode } from './issue-codes.js';

export interface Issue {
  readonly severity: 'error' | 'warning';
  /** Stable machine code from the registry (issue-codes.ts), for example `findings.month`. */
  readonly code: IssueCode;
  readonly message: string;
  readonly sheet?: string;
  /** A1 address (or range) of the cell the problem is in. */
  readonly cell?: string;
}

/** Where an issue sits: a sheet and, optionally, a cell. */
export interface IssueLocation {
  readonly sheet?: string;
  readonly cell?: string;
}

/** `'Sheet'!B7`, `'Sheet'` or `''`: the prefix that names where a problem is. */
export function describeLocation(at: IssueLocation): string {
  if (at.sheet === undefined) return at.cell ?? '';
  const quoted = `'${at.sheet.replace(/'/g, "''")}'`;
  return at.cell === undefined ? `sheet ${quoted}` : `${quoted}!${at.cell}`;
}

function make(severity: Issue['severity'], code: IssueCode, message: string, at: IssueLocation): Issue {
  return {
    severity,
    code,
    message,
    ...(at.sheet === undefined ? {} : { sheet: at.sheet }),
    ...(at.cell === undefined ? {} : { cell: at.cell }),
  };
}

/** An error: the value cannot be used, the run's result would be wrong without a fix. */
export function errorIssue<C extends IssueCode>(code: SeverityOf<C> extends 'warning' ? never : C, message: string, at: IssueLocation = {}): Issue {
  return make('error', code, message, at);
}

/** A warning: the run continues, but a person should look. */
export function warningIssue<C extends IssueCode>(code: SeverityOf<C> extends 'error' ? never : C, message: string, at: IssueLocation = {}): Issue {
  return make('warning', code, message, at);
}

/**
 * An issue whose message starts with the location, for example
 * `'Universe'!D7: Amount "abc" is not a number. Type a dollar amount such as 1234.56.`
 */
export function cellIssue<C extends IssueCode>(
  severity: SeverityOf<C>,
  code: C,
  at: IssueLocation,
  problem: string,
): Issue {
  const where = describeLocation(at);
  return make(severity, code, where === '' ? problem : `${where}: ${problem}`, at);
}

/**
 * An issue about one field of a table row, from a parser's reason:
 * `'Universe'!D7: Amount: "abc" is not a dollar amount. Type a dollar amount such as 1234.56, ...`
 */
export function fieldIssue<C extends IssueCode>(
  severity: SeverityOf<C>,
  code: C,
  at: IssueLocation,
  field: string,
  reason: string,
): Issue {
  return cellIssue(severity, code, at, `${field}: ${reason}`);
}

/** True when any issue is an error. */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
