/**
 * The review year when the Settings sheet gives none, from the universe and report quarters (an
 * annual FMR report names its federal fiscal year outright): see `mostLikelyReviewYear`.
 */
import { cellIssue, type Issue } from '../workbook/issue.js';
import { mostLikelyReviewYear } from '../workbook/infer-review-year.js';
import type { ReviewYear } from '../workbook/quarter.js';
import type { UniverseTotal } from '../workbook/universe-totals.js';
import type { ReportLine } from './report-line.js';
import { describeYear } from './report-totals.js';

export type InferredYear = { readonly reviewYear: ReviewYear; readonly issue: Issue } | { readonly reviewYear: undefined; readonly issue: Issue };

export function inferReviewYear(universe: readonly UniverseTotal[], lines: readonly ReportLine[]): InferredYear {
  const quarters = new Set<string>([...universe.map((t) => t.quarter)]);
  const fiscalYears: [number, number][] = [];
  for (const l of lines) {
    if (l.period.kind === 'quarter') quarters.add(l.period.quarter);
    else fiscalYears.push([l.period.fiscalYear, 4]);
  }
  const year = mostLikelyReviewYear(quarters, fiscalYears);
  if (year === undefined) {
    return { reviewYear: undefined, issue: cellIssue('error', 'recon.review-year-unknown', {}, 'The review year is not set and the workbook has no universe or report quarters to tell it from. Set Review Year in the Settings sheet, for example RY2025.') };
  }
  return {
    reviewYear: year,
    issue: cellIssue('warning', 'recon.review-year-inferred', {}, `The review year is not set, so ${describeYear(year)} was taken from the quarters in the data. Set Review Year in the Settings sheet (for example ${year.label}) to be sure.`),
  };
}
