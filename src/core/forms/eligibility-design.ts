/**
 * Turns reviewed cases and universe counts into the estimator's cells and cases (shared spec
 * `estimator.md`, "Cells and weights"). Active: a cell is a (month, stratum) pair when the universe
 * counts are monthly and a stratum when they are annual. Negative: "The negative case universe is
 * not stratified" (42 CFR 431.978(d)(2) as revised by 72 FR 50490): one cell a month (or one annual
 * cell), N = denials + terminations, with denials and terminations as domains; only with Settings
 * `Negative Sample Stratified` = Yes is each of them its own stratum.
 */
import type { CellUniverse, SampledCase } from '../estimator';
import type { ReviewedCase, Stratum, UniverseCount } from '../workbook/eligibility-types';
import { cellIssue, type Issue } from '../workbook/issue';
import { ACTIVE_STRATA, isActiveStratum, STRATUM_LABEL } from '../workbook/strata';
import { isCaseError } from './summary-columns';

/** One estimator sample with the sheet rows behind it, so estimator issues can name cells. */
export interface EstimatorSample {
  readonly cases: readonly SampledCase[];
  readonly cells: readonly CellUniverse[];
  /** The reviewed case behind each estimator case. */
  readonly caseSources: readonly ReviewedCase[];
  /** The (first) universe count row behind each cell. */
  readonly cellSources: ReadonlyMap<string, UniverseCount>;
  /** Month and stratum of each cell, for display. */
  readonly cellLabels: ReadonlyMap<string, { readonly month: string | null; readonly stratum: string }>;
}

/** How the negative sample's cells were formed. */
export type NegativeDesign = 'unstratified' | 'stratified';

export interface EligibilitySamples {
  readonly active: EstimatorSample;
  readonly negative: EstimatorSample;
  readonly negativeDesign: NegativeDesign;
  /** The universe counts inside the review year (or annual), used for the summary table. */
  readonly countsUsed: readonly UniverseCount[];
  readonly issues: readonly Issue[];
}

const DOMAIN_LABEL: Readonly<Record<string, string>> = { denials: 'Denials', terminations: 'Terminations' };
/** The label of the one negative cell of a month. */
export const NEGATIVE_CELL_LABEL = 'Negative (denials + terminations)';

const stratumLabel = (s: Stratum | 'negative'): string => (s === 'negative' ? 'Negative' : STRATUM_LABEL[s]);
const isActive = (s: Stratum | 'negative'): boolean => s !== 'negative' && isActiveStratum(s);
const monthCell = (c: ReviewedCase): string => c.source.cells.Month ?? `A${c.source.row}`;

/** The estimator inputs of one program. */
export function eligibilitySamples(
  cases: readonly ReviewedCase[],
  counts: readonly UniverseCount[],
  reviewMonths: readonly string[],
  negativeStratified = false,
): EligibilitySamples {
  const issues: Issue[] = [];
  const inYear = new Set(reviewMonths);
  const span = `${reviewMonths[0]} to ${reviewMonths[reviewMonths.length - 1]}`;
  const countsUsed = counts.filter((u) => {
    if (u.month === null || inYear.has(u.month)) return true;
    issues.push(cellIssue('warning', 'universe-counts.outside-year', { sheet: u.source.sheet, cell: u.source.cells.Month ?? `A${u.source.row}` }, `the ${u.program} ${stratumLabel(u.stratum)} count for ${u.month} is outside the review year (${span}) and is not used.`));
    return false;
  });
  for (const c of cases) {
    if (c.month !== null && !inYear.has(c.month)) {
      issues.push(cellIssue('warning', 'findings.outside-year', { sheet: c.source.sheet, cell: monthCell(c) }, `case ${c.caseId} has sample month ${c.month}, outside the review year (${span}). Check the month.`));
    }
  }

  // Annual or monthly, per active stratum and for the negative universe as a whole (per negative
  // stratum when they are strata); both at once is ambiguous.
  const annual = new Set<Stratum | 'negative'>();
  const mixedCheck = (rows: readonly UniverseCount[], label: string): boolean => {
    const yearly = rows.filter((u) => u.month === null);
    if (yearly.length > 0 && yearly.length < rows.length) {
      const a = yearly[0]!;
      issues.push(cellIssue('error', 'universe-counts.mixed', { sheet: a.source.sheet, cell: a.source.cells.Month ?? `A${a.source.row}` }, `${a.program} ${label} has both an annual count (Month blank) and monthly counts. Keep either the twelve monthly rows or the one annual row.`));
    }
    return yearly.length > 0;
  };
  for (const s of ACTIVE_STRATA) if (mixedCheck(countsUsed.filter((u) => u.stratum === s), stratumLabel(s))) annual.add(s);
  const negativeCounts = countsUsed.filter((u) => !isActive(u.stratum));
  if (negativeStratified) {
    for (const s of ['denials', 'terminations'] as const) if (mixedCheck(negativeCounts.filter((u) => u.stratum === s), stratumLabel(s))) annual.add(s);
  } else if (mixedCheck(negativeCounts, 'Negative (denials and terminations)')) {
    annual.add('negative');
  }
  const split = negativeCounts.some((u) => u.stratum === 'denials' || u.stratum === 'terminations');
  const unsplit = negativeCounts.find((u) => u.stratum === 'negative');
  if (split && unsplit !== undefined) {
    issues.push(cellIssue('error', 'universe-counts.negative-mixed', { sheet: unsplit.source.sheet, cell: unsplit.source.cells.Stratum ?? `A${unsplit.source.row}` }, `${unsplit.program} has negative universe counts both as Negative and as Denials/Terminations. Use one or the other.`));
  }
  if (negativeStratified && unsplit !== undefined && !split) {
    issues.push(cellIssue('error', 'universe-counts.negative-not-split', { sheet: unsplit.source.sheet, cell: unsplit.source.cells.Stratum ?? `A${unsplit.source.row}` }, `Settings say Negative Sample Stratified = Yes, but the ${unsplit.program} negative universe is counted as one Negative row, so denials and terminations cannot be strata. Give Denials and Terminations counts, or set Negative Sample Stratified to No.`));
  }

  const cellOf = (stratum: Stratum | 'negative', month: string | null): string =>
    annual.has(stratum) || month === null ? stratumLabel(stratum) : `${month}|${stratumLabel(stratum)}`;
  /** The design stratum of a count row or a case: the negative universe is one unless stratified. */
  const designStratum = (s: Stratum | 'negative'): Stratum | 'negative' => (isActive(s) || negativeStratified ? s : 'negative');
  const labelOf = (s: Stratum | 'negative'): string => (s === 'negative' ? NEGATIVE_CELL_LABEL : stratumLabel(s));

  const build = (active: boolean): EstimatorSample => {
    const inSample = cases.filter((c) => isActiveStratum(c.stratum) === active);
    const cellSources = new Map<string, UniverseCount>();
    const cellLabels = new Map<string, { month: string | null; stratum: string }>();
    const totals = new Map<string, { cases: number; dollarsCents: number | null }>();
    /** Which negative strata (denials, terminations) have a count in each cell, to catch a missing one. */
    const countedDomains = new Map<string, Set<Stratum | 'negative'>>();
    for (const u of countsUsed) {
      if (isActive(u.stratum) !== active) continue;
      const s = designStratum(u.stratum);
      const id = cellOf(s, u.month);
      if (!cellSources.has(id)) cellSources.set(id, u);
      cellLabels.set(id, { month: annual.has(s) ? null : u.month, stratum: labelOf(s) });
      const t = totals.get(id);
      // N of an unstratified negative cell = denials + terminations of the month.
      totals.set(id, t === undefined
        ? { cases: u.cases, dollarsCents: u.dollarsCents }
        : { cases: t.cases + u.cases, dollarsCents: t.dollarsCents === null || u.dollarsCents === null ? null : t.dollarsCents + u.dollarsCents });
      const d = countedDomains.get(id) ?? new Set();
      d.add(u.stratum);
      countedDomains.set(id, d);
    }
    const cells: CellUniverse[] = [...totals].map(([id, t]) => ({ cellId: id, universeCount: t.cases, ...(t.dollarsCents === null ? {} : { universeDollars: t.dollarsCents / 100 }) }));
    const reported = new Set<string>();
    const sampled: SampledCase[] = inSample.map((c) => {
      const s = designStratum(c.stratum);
      if (c.month === null && !annual.has(s)) {
        issues.push(cellIssue('error', 'findings.month-needed', { sheet: c.source.sheet, cell: monthCell(c) }, `the sample month is blank, but the ${c.program} universe counts of the case's stratum are monthly. Enter each case's sample month, or give one annual count per stratum (Month blank) if the sample was drawn for the year.`));
      }
      const id = cellOf(s, c.month);
      if (!cellLabels.has(id)) cellLabels.set(id, { month: annual.has(s) ? null : c.month, stratum: labelOf(s) });
      const present = countedDomains.get(id);
      if (s === 'negative' && present !== undefined && !present.has('negative') && !present.has(c.stratum) && !reported.has(`${id}|${c.stratum}`)) {
        reported.add(`${id}|${c.stratum}`);
        issues.push(cellIssue('error', 'universe-counts.negative-domain-missing', { sheet: c.source.sheet, cell: monthCell(c) }, `${c.program} ${stratumLabel(c.stratum)} cases were sampled for ${c.month ?? 'the year'}, but the universe counts have no ${stratumLabel(c.stratum)} row for it, so N of that month's negative universe (denials + terminations) would leave them out. Add the count.`));
      }
      return {
        cellId: id,
        paidDollars: c.paidCents / 100,
        errorDollars: c.errorCents / 100,
        caseError: c.finding !== null && isCaseError(c.finding),
        undetermined: c.finding === 'U',
        fraud: c.fraud,
        ...(active ? {} : { domain: DOMAIN_LABEL[c.stratum] ?? c.stratum }),
      };
    });
    return { cases: sampled, cells, caseSources: inSample, cellSources, cellLabels };
  };
  return { active: build(true), negative: build(false), negativeDesign: negativeStratified ? 'stratified' : 'unstratified', countsUsed, issues };
}
