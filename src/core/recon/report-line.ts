/** One line of an expenditure report (CMS-64, CMS-21, CMS-64.21U ...), as read from any of the three layouts. */
import type { FormId } from './forms.js';
import type { LineBlock } from './line-map.js';

/** A quarterly report line (calendar quarter `YYYYQn`), or a line of an annual report (federal fiscal year). */
export type ReportPeriod =
  | { readonly kind: 'quarter'; readonly quarter: string }
  | { readonly kind: 'annual'; readonly fiscalYear: number };

/** `long`: Quarter column; `wide`: one sheet per form and quarter; `fmr`: the annual Financial Management Report export. */
export type ReportLayout = 'long' | 'wide' | 'fmr';

export interface ReportLine {
  readonly form: FormId;
  readonly period: ReportPeriod;
  /** Line number as written, when the report has one. */
  readonly line?: string;
  /** Description as written in the report. */
  readonly description: string;
  /** The block the line sits in by position (FMR and wide layouts), when not the main block. */
  readonly block?: LineBlock;
  /** Total computable (federal and state share together), integer cents: what is compared. */
  readonly totalComputableCents: number;
  /** Shown, never compared. */
  readonly federalShareCents?: number;
  readonly stateShareCents?: number;
  readonly layout: ReportLayout;
  readonly sheet: string;
  readonly row: number;
  /** A1 address of the total computable cell. */
  readonly cell: string;
}

/** `2023Q3`, or `FFY2023 (annual)`. */
export function periodLabel(period: ReportPeriod): string {
  return period.kind === 'quarter' ? period.quarter : `FFY${period.fiscalYear} (annual)`;
}
