/**
 * Where each line of CMS-10184E sits on the `CMS-10184E <program>` sheet (seed 003: blank form
 * CMS-10184E (01/07); the 2013 Summary Findings edition keeps lines A-F on the same rows): the one
 * place the sheet (its rows and SUM formulas) and the numbers (issues pointing at a line) read.
 */
import { ACTIVE_STRATA, NEGATIVE_STRATA, STRATUM_FORM_LABEL, STRATUM_LABEL, type Stratum } from '../workbook/strata';
import type { SummaryRowKey } from './summary-findings';

/** Row of the Summary Findings Table's column headings. */
export const SUMMARY_HEADER_ROW = 9;

/** One line of the Summary Findings Table: its key, its label on the form, whether it is a lettered line. */
export interface SummaryLine {
  readonly key: SummaryRowKey;
  readonly label: string;
  /** The label where room is short (the command line's table, the task pane): `Stratum 1`. */
  readonly shortLabel: string;
  readonly lettered: boolean;
}

const strataLines = (strata: readonly Stratum[]): SummaryLine[] => strata.map((s) => ({ key: s, label: `    ${STRATUM_FORM_LABEL[s]}`, shortLabel: STRATUM_LABEL[s], lettered: false }));

/** Lines D-F in form order, from the row after the headings (form instructions, "Line D" to "Line F"). */
export const SUMMARY_LINES: readonly SummaryLine[] = [
  { key: 'active', label: 'D. Active', shortLabel: 'D. Active', lettered: true },
  ...strataLines(ACTIVE_STRATA),
  { key: 'negative', label: 'E. Negative', shortLabel: 'E. Negative', lettered: true },
  ...strataLines(NEGATIVE_STRATA),
  { key: 'totals', label: 'F. Totals', shortLabel: 'F. Totals', lettered: true },
];

/** Row of each summary line on the sheet. */
export const FORM_ROWS: Readonly<Record<SummaryRowKey, number>> = Object.fromEntries(SUMMARY_LINES.map((l, i) => [l.key, SUMMARY_HEADER_ROW + 1 + i])) as Record<SummaryRowKey, number>;

/** The strata a lettered line sums (line D: strata 1-3; line E: denials and terminations). */
export const LINE_PARTS: Readonly<Partial<Record<SummaryRowKey, readonly SummaryRowKey[]>>> = {
  active: ACTIVE_STRATA,
  negative: NEGATIVE_STRATA,
  totals: ['active', 'negative'],
};

/** The Error Rate Table (01/07 edition only): a blank row, its title, its headings, then lines G-J. */
export const ERROR_RATE_TITLE_ROW = FORM_ROWS.totals + 2;
export const ERROR_RATE_HEADER_ROW = ERROR_RATE_TITLE_ROW + 1;
export const ERROR_RATE_ROWS = {
  G: ERROR_RATE_HEADER_ROW + 1,
  H: ERROR_RATE_HEADER_ROW + 2,
  I: ERROR_RATE_HEADER_ROW + 3,
  J: ERROR_RATE_HEADER_ROW + 4,
} as const;
