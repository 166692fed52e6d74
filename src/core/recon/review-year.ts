/**
 * The review year when the Settings sheet gives none: the one that holds most of the data's
 * quarters (an annual FMR report names its federal fiscal year outright). Ties go to the July-June
 * review year, which every PERM cycle since RY 2019 uses.
 */
import { cellIssue, type Issue } from '../workbook/issue.js';
import { reviewYear, splitQuarter, type ReviewYear } from '../workbook/quarter.js';
import type { UniverseTotal } from '../workbook/universe-totals.js';
import type { ReportLine } from './report-line.js';
import { describeYear } from './report-totals.js';

export type InferredYear = { readonly reviewYear: ReviewYear; readonly issue: Issue } | { readonly reviewYear: undefined; readonly issue: Issue };

/** The RY and the FFY that contain a calendar quarter: RY N runs (N−2)Q3 to (N−1)Q2; FFY N runs (N−1)Q4 to NQ3. */
function yearsOf(quarter: string): readonly string[] {
  const q = splitQuarter(quarter);
  if (q === undefined) return [];
  const ry = q.quarter >= 3 ? q.year + 2 : q.year + 1;
  const ffy = q.quarter === 4 ? q.year + 1 : q.year;
  return [`RY${ry}`, `FFY${ffy}`];
}

export function inferReviewYear(universe: readonly UniverseTotal[], lines: readonly ReportLine[]): InferredYear {
  const votes = new Map<string, number>();
  const vote = (label: string, weight: number) => votes.set(label, (votes.get(label) ?? 0) + weight);
  const quarters = new Set<string>([...universe.map((t) => t.quarter)]);
  for (const l of lines) {
    if (l.period.kind === 'quarter') quarters.add(l.period.quarter);
    else vote(`FFY${l.period.fiscalYear}`, 4);
  }
  for (const q of quarters) for (const y of yearsOf(q)) vote(y, 1);
  const rank = (label: string): number => (label.startsWith('RY') ? 0 : 1);
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))[0];
  if (best === undefined) {
    return { reviewYear: undefined, issue: cellIssue('error', 'recon.review-year', {}, 'The review year is not set and the workbook has no universe or report quarters to tell it from. Set Review Year in the Settings sheet, for example RY2025.') };
  }
  const m = /^(RY|FFY)(\d{4})$/.exec(best[0]);
  const year = reviewYear(m?.[1] === 'FFY' ? 'FFY' : 'RY', Number(m?.[2]));
  return {
    reviewYear: year,
    issue: cellIssue('warning', 'recon.review-year', {}, `The review year is not set, so ${describeYear(year)} was taken from the quarters in the data. Set Review Year in the Settings sheet (for example ${year.label}) to be sure.`),
  };
}
