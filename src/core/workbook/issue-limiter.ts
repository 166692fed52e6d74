/**
 * Keeps a long read from drowning its user (developers' guide: "once per column or range, not once
 * per cell"). Issues of the same code and the same kind of problem (the message with its cell
 * values taken out) in the same column of the same sheet become one issue naming the range, for example `'Findings'!B2:B221: 220 cells have the same problem ...`, placed where
 * the first of them was. Issues that name no single cell keep the earlier rule: the first
 * `perCode` of each code are kept whole, the rest counted in one summary per code.
 * Memory is bounded: a group keeps its first issue and its row span, never the others.
 */
import type { IssueCode } from './issue-codes.js';
import { cellIssue, describeLocation, type Issue } from './issue.js';

export interface IssueLimiter {
  add(issue: Issue): void;
  /** The issues in the order first seen, each column group as one issue, then one summary per code that went over the limit. */
  finish(): Issue[];
}

interface ColumnGroup {
  readonly first: Issue;
  readonly column: string;
  minRow: number;
  maxRow: number;
  count: number;
}

const SINGLE_CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

/**
 * The kind of problem, for grouping: the message without its location, with the quoted cell
 * values, error codes and numbers taken out, so `"abc" is not a dollar amount` and `"n/a" is not
 * a dollar amount` are the same problem and `the cell holds #N/A` another.
 */
function problemKind(issue: Issue): string {
  return problemOf(issue).replace(/"[^"]*"/g, '""').replace(/#[A-Z0-9/!?]+/g, '#').replace(/the error value #/g, 'an error value').replace(/\d+(\.\d+)?/g, '0');
}

/** The problem of an issue without its location prefix (`'Sheet'!B2: `). */
function problemOf(issue: Issue): string {
  const prefix = `${describeLocation(issue)}: `;
  return issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
}

function groupIssue(g: ColumnGroup): Issue {
  if (g.count === 1) return g.first;
  const range = `${g.column}${g.minRow}:${g.column}${g.maxRow}`;
  const span = g.maxRow - g.minRow + 1 === g.count ? `All ${g.count.toLocaleString('en-US')} cells` : `${g.count.toLocaleString('en-US')} cells`;
  return cellIssue(
    g.first.severity,
    g.first.code,
    { ...(g.first.sheet === undefined ? {} : { sheet: g.first.sheet }), cell: range },
    `${span} of this range have the same problem; the first, ${g.first.cell ?? ''}: ${problemOf(g.first)} Fix them the same way.`,
  );
}

export function issueLimiter(perCode = 20): IssueLimiter {
  const order: (Issue | ColumnGroup)[] = [];
  const groups = new Map<string, ColumnGroup>();
  const uncounted = new Map<string, { readonly first: Issue; kept: number; more: number }>();
  const seenMessages = new Set<string>();
  return {
    add(issue) {
      const m = issue.sheet === undefined || issue.cell === undefined ? null : SINGLE_CELL.exec(issue.cell);
      if (m !== null) {
        const column = m[1] as string;
        const row = Number(m[2]);
        const key = `${issue.severity}\u0000${issue.code}\u0000${issue.sheet ?? ''}\u0000${column}\u0000${problemKind(issue)}`;
        const g = groups.get(key);
        if (g === undefined) {
          const created: ColumnGroup = { first: issue, column, minRow: row, maxRow: row, count: 1 };
          groups.set(key, created);
          order.push(created);
        } else {
          g.count += 1;
          g.minRow = Math.min(g.minRow, row);
          g.maxRow = Math.max(g.maxRow, row);
        }
        return;
      }
      // The same message again (for example a missing column, found on every row) is said once.
      const messageKey = `${issue.severity}\u0000${issue.code}\u0000${issue.message}`;
      if (seenMessages.has(messageKey)) return;
      if (seenMessages.size < 10_000) seenMessages.add(messageKey);
      let seen = uncounted.get(issue.code);
      if (seen === undefined) {
        seen = { first: issue, kept: 0, more: 0 };
        uncounted.set(issue.code, seen);
      }
      if (seen.kept >= perCode) {
        seen.more += 1;
        return;
      }
      seen.kept += 1;
      order.push(issue);
    },
    finish() {
      const out = order.map((x) => ('column' in x ? groupIssue(x) : x));
      for (const [code, { first, more }] of uncounted) {
        if (more === 0) continue;
        out.push(
          cellIssue(first.severity, code as IssueCode, first.sheet === undefined ? {} : { sheet: first.sheet }, `${more.toLocaleString('en-US')} more issues like ${first.cell === undefined ? 'the one above' : `the one at ${first.cell}`} (only the first ${perCode} are listed). Fix them the same way.`),
        );
      }
      return out;
    },
  };
}

/** Runs a list of issues through a limiter: the same problem down one column becomes one issue. */
export function limitIssues(issues: readonly Issue[], perCode?: number): Issue[] {
  const limiter = issueLimiter(perCode);
  for (const i of issues) limiter.add(i);
  return limiter.finish();
}
