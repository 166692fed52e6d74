/**
 * Turns reviewed cases and universe counts into the estimator's cells and cases (shared spec
 * `estimator.md`, "Cells and weights"): a cell is a (month, stratum) pair when the universe counts
 * are monthly and a stratum when they are annual; the negative universe is one stratum a month, with
 * denials and terminations as domains, unless the counts give them apart.
 */
import type { CellUniverse, SampledCase } from '../estimator';
import type { ReviewedCase, Stratum, UniverseCount } from '../workbook/eligibility-types';
import { cellIssue, type Issue } from '../workbook/issue';
import { STRATUM_LABEL } from '../workbook/stratum';
import { isCaseError } from './summary-columns';

/** One estimator sample with the sheet rows behind it, so estimator issues can name cells. */
export interface EstimatorSample {
  readonly cases: readonly SampledCase[];
  readonly cells: readonly CellUniverse[];
  /** The reviewed case behind each estimator case. */
  readonly caseSources: readonly ReviewedCase[];
  /** The universe count row behind each cell. */
  readonly cellSources: ReadonlyMap<string, UniverseCount>;
  /** Month and stratum of each cell, for display. */
  readonly cellLabels: ReadonlyMap<string, { readonly month: string | null; readonly stratum: string }>;
}

export interface EligibilitySamples {
  readonly active: EstimatorSample;
  readonly negative: EstimatorSample;
  /** The universe counts inside the review year (or annual), used for the summary table. */
  readonly countsUsed: readonly UniverseCount[];
  readonly issues: readonly Issue[];
}

const ACTIVE: readonly Stratum[] = ['stratum1', 'stratum2', 'stratum3'];
const DOMAIN_LABEL: Readonly<Record<string, string>> = { denials: 'Denials', terminations: 'Terminations' };

const stratumLabel = (s: Stratum | 'negative'): string => (s === 'negative' ? 'Negative' : STRATUM_LABEL[s]);

/** The estimator inputs of one program. */
export function eligibilitySamples(cases: readonly ReviewedCase[], counts: readonly UniverseCount[], reviewMonths: readonly string[]): EligibilitySamples {
  const issues: Issue[] = [];
  const inYear = new Set(reviewMonths);
  const countsUsed = counts.filter((u) => {
    if (u.month === null || inYear.has(u.month)) return true;
    issues.push(cellIssue('warning', 'universe-counts.outside-year', { sheet: u.source.sheet, cell: u.source.cells.Month ?? `A${u.source.row}` }, `the ${u.program} ${stratumLabel(u.stratum)} count for ${u.month} is outside the review year (${reviewMonths[0]} to ${reviewMonths[reviewMonths.length - 1]}) and is not used.`));
    return false;
  });
  for (const c of cases) {
    if (!inYear.has(c.month)) {
      issues.push(cellIssue('warning', 'findings.outside-year', { sheet: c.source.sheet, cell: c.source.cells.Month ?? `A${c.source.row}` }, `case ${c.caseId} has sample month ${c.month}, outside the review year (${reviewMonths[0]} to ${reviewMonths[reviewMonths.length - 1]}). Check the month.`));
    }
  }

  // Annual or monthly, per stratum; both at once is ambiguous.
  const annualStrata = new Set<Stratum | 'negative'>();
  for (const s of [...ACTIVE, 'denials', 'terminations', 'negative'] as const) {
    const rows = countsUsed.filter((u) => u.stratum === s);
    const annual = rows.filter((u) => u.month === null);
    if (annual.length > 0 && annual.length < rows.length) {
      const a = annual[0]!;
      issues.push(cellIssue('error', 'universe-counts.mixed', { sheet: a.source.sheet, cell: a.source.cells.Month ?? `A${a.source.row}` }, `${a.program} ${stratumLabel(s)} has both an annual count (Month blank) and monthly counts. Keep either the twelve monthly rows or the one annual row.`));
    }
    if (annual.length > 0) annualStrata.add(s);
  }
  const split = countsUsed.some((u) => u.stratum === 'denials' || u.stratum === 'terminations');
  const unsplit = countsUsed.find((u) => u.stratum === 'negative');
  if (split && unsplit !== undefined) {
    issues.push(cellIssue('error', 'universe-counts.negative-mixed', { sheet: unsplit.source.sheet, cell: unsplit.source.cells.Stratum ?? `A${unsplit.source.row}` }, `${unsplit.program} has negative universe counts both as Negative and as Denials/Terminations. Use one or the other.`));
  }

  const cellOf = (stratum: Stratum | 'negative', month: string | null): string =>
    annualStrata.has(stratum) || month === null ? `${stratumLabel(stratum)}` : `${month}|${stratumLabel(stratum)}`;

  const build = (isActive: boolean): EstimatorSample => {
    const inSample = cases.filter((c) => ACTIVE.includes(c.stratum) === isActive);
    const cellSources = new Map<string, UniverseCount>();
    const cellLabels = new Map<string, { month: string | null; stratum: string }>();
    const cells: CellUniverse[] = [];
    for (const u of countsUsed) {
      if ((u.stratum !== 'negative' && ACTIVE.includes(u.stratum)) !== isActive) continue;
      const id = cellOf(u.stratum, u.month);
      cellSources.set(id, u);
      cellLabels.set(id, { month: u.month, stratum: stratumLabel(u.stratum) });
      cells.push({ cellId: id, universeCount: u.cases, ...(u.dollarsCents === null ? {} : { universeDollars: u.dollarsCents / 100 }) });
    }
    const sampled: SampledCase[] = inSample.map((c) => {
      const stratum: Stratum | 'negative' = !isActive && !split && unsplit !== undefined ? 'negative' : c.stratum;
      const id = cellOf(stratum, c.month);
      if (!cellLabels.has(id)) cellLabels.set(id, { month: annualStrata.has(stratum) ? null : c.month, stratum: stratumLabel(stratum) });
      return {
        cellId: id,
        paidDollars: c.paidCents / 100,
        errorDollars: c.errorCents / 100,
        caseError: c.finding !== null && isCaseError(c.finding),
        undetermined: c.finding === 'U',
        fraud: c.fraud,
        ...(isActive ? {} : { domain: DOMAIN_LABEL[c.stratum] ?? c.stratum }),
      };
    });
    return { cases: sampled, cells, caseSources: inSample, cellSources, cellLabels };
  };
  return { active: build(true), negative: build(false), countsUsed, issues };
}
