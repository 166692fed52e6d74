/**
 * The review year when Settings give none: the one holding most of the data's quarters. Each
 * quarter votes for the July-June review year and the federal fiscal year that contain it; an
 * annual report votes for its fiscal year. Ties go to the review year (every PERM cycle since
 * RY 2019 runs July to June).
 */
import { reviewYear, splitQuarter, type ReviewYear } from './quarter.js';

/** RY N runs (N−2)Q3 to (N−1)Q2; FFY N runs (N−1)Q4 to NQ3. */
function yearsOf(quarter: string): readonly string[] {
  const q = splitQuarter(quarter);
  if (q === undefined) return [];
  const ry = q.quarter >= 3 ? q.year + 2 : q.year + 1;
  const ffy = q.quarter === 4 ? q.year + 1 : q.year;
  return [`RY${ry}`, `FFY${ffy}`];
}

/** `quarters` may repeat (each occurrence votes); `fiscalYearVotes` are federal fiscal years with their weights. */
export function mostLikelyReviewYear(quarters: Iterable<string>, fiscalYearVotes: Iterable<readonly [year: number, weight: number]> = []): ReviewYear | undefined {
  const votes = new Map<string, number>();
  const vote = (label: string, weight: number) => votes.set(label, (votes.get(label) ?? 0) + weight);
  for (const [year, weight] of fiscalYearVotes) vote(`FFY${year}`, weight);
  for (const q of quarters) for (const y of yearsOf(q)) vote(y, 1);
  const rank = (label: string): number => (label.startsWith('RY') ? 0 : 1);
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]))[0];
  if (best === undefined) return undefined;
  const m = /^(RY|FFY)(\d{4})$/.exec(best[0]);
  return reviewYear(m?.[1] === 'FFY' ? 'FFY' : 'RY', Number(m?.[2]));
}
