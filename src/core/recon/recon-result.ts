/**
 * The result of a 64/21 reconciliation, in integer cents. It maps one to one onto the
 * `reconcile --json` shape of cli.md (see `reconcile-json.ts`, which turns cents into dollars).
 */
import type { MapComponent } from '../workbook/component.js';
import type { Issue } from '../workbook/issue.js';
import type { Program } from '../workbook/program.js';
import type { ReviewYear } from '../workbook/quarter.js';
import type { PercentBase } from '../workbook/settings.js';
import type { FormId } from './forms.js';

export interface UniverseAmounts {
  readonly ffsCents: number;
  readonly mcCents: number;
  /** FFS + MC. */
  readonly totalCents: number;
}

export interface ReportAmounts extends UniverseAmounts {
  /** Lines the line map excludes (subtotals never count), shown beside the difference. */
  readonly excludedCents: number;
}

export interface QuarterRecon {
  /** Calendar quarter `YYYYQn`. */
  readonly quarter: string;
  readonly universe: UniverseAmounts;
  /** Null when the program's report is annual (FMR): the quarter has no report amount. */
  readonly report: ReportAmounts | null;
  /** Prior-period forms (64.9P, 21P, 64.21UP) of the quarter, shown apart; in `report` only when Settings include them. Null when none were read. */
  readonly priorPeriod: ReportAmounts | null;
  /** Universe total − report total; null when the report is annual. */
  readonly differenceCents: number | null;
  /** Difference / |base|, a fraction; null when the base is 0 or the report annual. */
  readonly percentDifference: number | null;
  readonly thresholdFraction: number;
  readonly flagged: boolean;
}

export interface OverallRecon {
  readonly universe: UniverseAmounts;
  readonly report: ReportAmounts;
  readonly priorPeriod: ReportAmounts | null;
  readonly differenceCents: number;
  readonly percentDifference: number | null;
  readonly thresholdFraction: number;
  readonly flagged: boolean;
}

/** A report line the line map does not cover: listed, never silently dropped. */
export interface UnmappedLine {
  readonly form: FormId;
  readonly line?: string;
  readonly description: string;
  /** Where it was first seen, and how many times in all. */
  readonly sheet: string;
  readonly cell: string;
  readonly occurrences: number;
  /** Total computable of all its occurrences in the review year, integer cents. */
  readonly amountCents: number;
}

/** A mapped current-period report line of a program, with its total computable by quarter (for the call detail). */
export interface ReconLine {
  readonly form: FormId;
  readonly line?: string;
  readonly description: string;
  readonly component: MapComponent;
  /** Where it was first seen. */
  readonly sheet: string;
  readonly cell: string;
  /** Calendar quarter → integer cents; quarters without the line are absent. */
  readonly centsByQuarter: Readonly<Record<string, number>>;
}

/** `quarterly`: a report per quarter; `annual`: the FMR (overall comparison only); `none`: no report found. */
export type ReportKind = 'quarterly' | 'annual' | 'none';

export interface ProgramRecon {
  readonly program: Program;
  /** `CMS-64`, or `CMS-21 + CMS-64.21U`. */
  readonly report: string;
  readonly reportKind: ReportKind;
  /** Every quarter of the review year, in time order. */
  readonly quarters: readonly QuarterRecon[];
  readonly overall: OverallRecon;
  readonly unmappedLines: readonly UnmappedLine[];
  /** The mapped quarterly report lines behind the report amounts (absent when not read from report lines). */
  readonly reportLines?: readonly ReconLine[];
}

/** Where the inputs were read from, for the Run Log. */
export interface ReconInputs {
  /** Universe tables as sheet-qualified ranges, for example `'Universe'!A1:D9`. */
  readonly universe: readonly string[];
  /** Report tables as sheet-qualified ranges, with their layout. */
  readonly reports: readonly { readonly range: string; readonly layout: 'long' | 'wide' | 'fmr'; readonly lines: number }[];
}

export interface ReconResult {
  /** Absent only when it was not set and the data could not tell it (then there are no programs and an error says so). */
  readonly reviewYear?: ReviewYear;
  readonly percentBase: PercentBase;
  readonly includePriorPeriod: boolean;
  /** Programs with a universe or a report, Medicaid first. */
  readonly programs: readonly ProgramRecon[];
  /** Every warning and error of the run, each naming its sheet and cell. */
  readonly issues: readonly Issue[];
  /** Set by `reconcile` (which reads the workbook); absent from `reconcileTotals`. */
  readonly inputs?: ReconInputs;
}
