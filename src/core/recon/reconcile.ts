/**
 * The 64/21 reconciliation: the PERM universe by program × quarter × component against the
 * expenditure reports through the line map, quarter by quarter and overall (workbook-layout.md,
 * "Expenditure reports"; recon-domain.md 1.3). All sums are integer cents.
 */
import { isTableMissing } from '../workbook/find-table.js';
import { cellIssue, type Issue } from '../workbook/issue.js';
import { PROGRAMS, type Program } from '../workbook/program.js';
import type { ReviewYear } from '../workbook/quarter.js';
import type { PercentBase, Settings } from '../workbook/settings.js';
import { readUniverseTotals, type UniverseTotal } from '../workbook/universe-totals.js';
import type { WorkbookSource } from '../workbook/port.js';
import { compareAmounts } from './compare.js';
import { REPORT_NAME } from './forms.js';
import { LineMatcher } from './line-map.js';
import type { LineMapRow } from './line-map-row.js';
import type { OverallRecon, ProgramRecon, QuarterRecon, ReconInputs, ReconResult, ReportAmounts, ReportKind, UniverseAmounts } from './recon-result.js';
import { readReports, tableRange } from './report-read.js';
import type { ReportLine } from './report-line.js';
import { describeYear, emptyBuckets, totalReports, type Buckets, type ProgramReportTotals } from './report-totals.js';
import { inferReviewYear } from './review-year.js';

/** The settings the reconciliation uses (the Settings sheet supplies them; see `reconSettings`). */
export interface ReconSettings {
  /** Absent: inferred from the data, with a warning. */
  readonly reviewYear?: ReviewYear;
  readonly quarterlyThreshold: number;
  readonly overallThreshold: number;
  readonly percentBase: PercentBase;
  /** Add the prior-period forms (64.9P, 21P, 64.21UP) to the report amounts (default false). */
  readonly includePriorPeriod?: boolean;
  /** Which state's FMR sheets to read when the workbook holds several. */
  readonly state?: string;
}

/** The reconciliation settings out of the Settings sheet's settings. */
export function reconSettings(settings: Settings, includePriorPeriod = settings.includePriorPeriod): ReconSettings {
  return {
    ...(settings.reviewYear === undefined ? {} : { reviewYear: settings.reviewYear }),
    quarterlyThreshold: settings.quarterlyThreshold,
    overallThreshold: settings.overallThreshold,
    percentBase: settings.percentBase,
    includePriorPeriod,
    ...(settings.state === undefined ? {} : { state: settings.state }),
  };
}

/** Everything the comparison needs, already read. */
export interface ReconInput {
  readonly universe: readonly UniverseTotal[];
  readonly reportLines: readonly ReportLine[];
  readonly lineMap: readonly LineMapRow[];
  readonly settings: ReconSettings;
  /** Issues of the reading steps, carried into the result. */
  readonly issues?: readonly Issue[];
}

/** Universe totals read elsewhere (claim-level files), used in place of the workbook's universe table. */
export interface UniverseOverride {
  readonly totals: readonly UniverseTotal[];
  /** Where they came from, for the Run Log (for example `claim files a.csv, b.parquet`). */
  readonly origin: string;
  readonly issues?: readonly Issue[];
}

/** Reads the universe (or takes `universeOverride`) and the reports from `source` and reconciles them through `lineMap`. */
export async function reconcile(source: WorkbookSource, settings: ReconSettings, lineMap: readonly LineMapRow[], universeOverride?: UniverseOverride): Promise<ReconResult> {
  const universe = universeOverride === undefined
    ? await readUniverseTotals(source)
    : { totals: universeOverride.totals, issues: universeOverride.issues ?? [], tables: [], origin: universeOverride.origin };
  const reports = await readReports(source, settings.state === undefined ? {} : { state: settings.state });
  const inputs: ReconInputs = {
    universe: 'origin' in universe ? [universe.origin] : universe.tables.map(tableRange),
    reports: reports.tables.map((t) => ({ range: t.range, layout: t.layout, lines: t.lineCount })),
  };
  // A missing table is one message: comparing against nothing would add a warning for every quarter.
  const missing = [...universe.issues, ...reports.issues].filter(isTableMissing);
  if (missing.length > 0) {
    return { ...(settings.reviewYear === undefined ? {} : { reviewYear: settings.reviewYear }), percentBase: settings.percentBase, includePriorPeriod: settings.includePriorPeriod === true, programs: [], issues: missing, inputs };
  }
  const result = reconcileTotals({
    universe: universe.totals,
    reportLines: reports.lines,
    lineMap,
    settings,
    issues: [...universe.issues, ...reports.issues],
  });
  return { ...result, inputs };
}

const amounts = (ffsCents: number, mcCents: number): UniverseAmounts => ({ ffsCents, mcCents, totalCents: ffsCents + mcCents });
const reportAmounts = (b: Buckets): ReportAmounts => ({ ...amounts(b.ffsCents, b.mcCents), excludedCents: b.excludedCents });
const addBuckets = (a: Buckets, b: Buckets): Buckets => ({ ffsCents: a.ffsCents + b.ffsCents, mcCents: a.mcCents + b.mcCents, excludedCents: a.excludedCents + b.excludedCents });

/** The reconciliation of data already read: pure, synchronous. */
export function reconcileTotals(input: ReconInput): ReconResult {
  const issues: Issue[] = [...(input.issues ?? [])];
  const { settings } = input;
  const includePriorPeriod = settings.includePriorPeriod === true;
  let reviewYear = settings.reviewYear;
  if (reviewYear === undefined) {
    const inferred = inferReviewYear(input.universe, input.reportLines);
    issues.push(inferred.issue);
    if (inferred.reviewYear === undefined) return { percentBase: settings.percentBase, includePriorPeriod, programs: [], issues };
    reviewYear = inferred.reviewYear;
  }
  const inYear = new Set(reviewYear.quarters);

  // Universe: program → quarter → FFS / MC cents; quarters outside the review year are warned about.
  const universe = new Map<Program, Map<string, { ffs: number; mc: number }>>();
  const universeOutside = new Map<string, number>();
  for (const t of input.universe) {
    if (!inYear.has(t.quarter)) {
      universeOutside.set(`${t.program} ${t.quarter}`, (universeOutside.get(`${t.program} ${t.quarter}`) ?? 0) + t.cents);
      continue;
    }
    let byQuarter = universe.get(t.program);
    if (byQuarter === undefined) universe.set(t.program, (byQuarter = new Map()));
    const q = byQuarter.get(t.quarter) ?? { ffs: 0, mc: 0 };
    if (t.component === 'FFS') q.ffs += t.cents;
    else q.mc += t.cents;
    byQuarter.set(t.quarter, q);
  }
  for (const key of universeOutside.keys()) {
    issues.push(cellIssue('warning', 'recon.universe-outside-year', {}, `The universe has ${key} rows, outside the review year ${describeYear(reviewYear)}; they are left out. Check their Quarter cells, or the Review Year in the Settings sheet.`));
  }

  const reports = totalReports(input.reportLines, new LineMatcher(input.lineMap), reviewYear);
  issues.push(...reports.issues);

  const programs: ProgramRecon[] = [];
  for (const program of PROGRAMS) {
    const programUniverse = universe.get(program);
    const programReport = reports.programs.get(program);
    if (programUniverse === undefined && programReport === undefined) continue;
    programs.push(
      reconcileProgram(program, reviewYear, programUniverse ?? new Map(), programReport, settings, includePriorPeriod, issues),
    );
  }
  return { reviewYear, percentBase: settings.percentBase, includePriorPeriod, programs, issues };
}

function reportKindOf(report: ProgramReportTotals | undefined): ReportKind {
  if (report === undefined) return 'none';
  if (report.quarterly.size > 0) return 'quarterly';
  if (report.annual !== undefined) return 'annual';
  return 'none';
}

function reconcileProgram(
  program: Program,
  reviewYear: ReviewYear,
  universe: ReadonlyMap<string, { ffs: number; mc: number }>,
  report: ProgramReportTotals | undefined,
  settings: ReconSettings,
  includePriorPeriod: boolean,
  issues: Issue[],
): ProgramRecon {
  const kind = reportKindOf(report);
  const name = REPORT_NAME[program];
  if (kind === 'none') {
    issues.push(cellIssue('warning', 'recon.no-report', {}, `No ${name} report lines were found for ${program} in ${describeYear(reviewYear)}, so every report amount is 0. Add the report as a sheet with Description and Total Computable columns (and a Quarter column, or the quarter in the sheet name).`));
  }
  if (kind === 'quarterly' && report?.annual !== undefined) {
    issues.push(cellIssue('warning', 'recon.annual-report-unused', { sheet: [...report.annualSheets][0] ?? '' }, `${program} has quarterly ${name} reports as well as this annual one; the quarterly reports are compared and the annual one is left out, so no dollar is counted twice. Remove one of the two if that is not what you meant.`));
  }

  const quarters: QuarterRecon[] = [];
  let universeSum = amounts(0, 0);
  let reportSum = emptyBuckets();
  let priorSum: Buckets | undefined;
  for (const quarter of reviewYear.quarters) {
    const u = universe.get(quarter);
    if (u === undefined) {
      issues.push(cellIssue('warning', 'recon.universe-missing-quarter', {}, `The ${program} universe has no rows for ${quarter}, so its universe amounts are 0. Add the quarter's FFS and MC rows to the universe table, or check the Quarter cells.`));
    }
    const universeAmounts = amounts(u?.ffs ?? 0, u?.mc ?? 0);
    universeSum = amounts(universeSum.ffsCents + universeAmounts.ffsCents, universeSum.mcCents + universeAmounts.mcCents);
    const prior = report?.priorQuarterly.get(quarter);
    if (prior !== undefined) priorSum = addBuckets(priorSum ?? emptyBuckets(), prior);
    const priorPeriod = prior === undefined ? null : reportAmounts(prior);

    if (kind === 'annual') {
      quarters.push({ quarter, universe: universeAmounts, report: null, priorPeriod, differenceCents: null, percentDifference: null, thresholdFraction: settings.quarterlyThreshold, flagged: false });
      continue;
    }
    const current = report?.quarterly.get(quarter);
    if (kind === 'quarterly' && current === undefined) {
      issues.push(cellIssue('warning', 'recon.report-missing-quarter', {}, `The ${program} report (${name}) has no lines for ${quarter}, so its report amounts are 0. Add that quarter's report, or check its quarter label.`));
    }
    let reported = current ?? emptyBuckets();
    if (includePriorPeriod && prior !== undefined) reported = addBuckets(reported, prior);
    reportSum = addBuckets(reportSum, reported);
    const r = reportAmounts(reported);
    const c = compareAmounts(universeAmounts.totalCents, r.totalCents, settings.quarterlyThreshold, settings.percentBase);
    quarters.push({ quarter, universe: universeAmounts, report: r, priorPeriod, ...c, thresholdFraction: settings.quarterlyThreshold });
  }

  // Overall from summed dollars of the review year, never from averaged percentages.
  const overallReport = kind === 'annual' ? reportAmounts(report?.annual ?? emptyBuckets()) : reportAmounts(reportSum);
  const c = compareAmounts(universeSum.totalCents, overallReport.totalCents, settings.overallThreshold, settings.percentBase);
  const overall: OverallRecon = {
    universe: universeSum,
    report: overallReport,
    priorPeriod: priorSum === undefined ? null : reportAmounts(priorSum),
    ...c,
    thresholdFraction: settings.overallThreshold,
  };
  const unmappedLines = report === undefined ? [] : [...report.unmapped.values()].map((u) => u.line);
  const reportLines = report === undefined ? [] : [...report.lines.values()];
  return { program, report: name, reportKind: kind, quarters, overall, unmappedLines, reportLines };
}
