/**
 * Keeps a long read from drowning its user: the first `perCode` issues of each code are kept
 * whole, the rest are counted and summarised at the end as one issue per code.
 */
import { cellIssue, type Issue } from './issue.js';

export interface IssueLimiter {
  add(issue: Issue): void;
  /** The kept issues, then one summary per code that went over the limit. */
  finish(): Issue[];
}

export function issueLimiter(perCode = 20): IssueLimiter {
  const kept: Issue[] = [];
  const counts = new Map<string, { readonly first: Issue; kept: number; more: number }>();
  return {
    add(issue) {
      let seen = counts.get(issue.code);
      if (seen === undefined) {
        seen = { first: issue, kept: 0, more: 0 };
        counts.set(issue.code, seen);
      }
      if (seen.kept >= perCode) {
        seen.more += 1;
        return;
      }
      seen.kept += 1;
      kept.push(issue);
    },
    finish() {
      const summaries: Issue[] = [];
      for (const [code, { first, more }] of counts) {
        if (more === 0) continue;
        summaries.push(
          cellIssue(first.severity, code, first.sheet === undefined ? {} : { sheet: first.sheet }, `${more.toLocaleString('en-US')} more cells have the same problem as ${first.cell ?? 'the one above'} (only the first ${perCode} are listed). Fix them the same way.`),
        );
      }
      return [...kept, ...summaries];
    },
  };
}
