/**
 * Which of the three report layouts a found `Total Computable` table is (workbook-layout.md,
 * "Expenditure reports"), and the form and period that the sheet itself supplies:
 * - long form: a Quarter column (the form from a Form column, else the sheet name or title);
 * - wide form: the form and the quarter in the sheet name or title (`CMS-64.9 Base FY2024 Q1`);
 * - FMR: a `MAP - <state>`-style sheet titled with a federal fiscal year.
 */
import type { FoundTable } from '../workbook/find-table.js';
import { cellIssue, type Issue } from '../workbook/issue.js';
import { fiscalYearFromTitle, quarterFromTitle } from '../workbook/quarter.js';
import { FORM_NAMES_HINT, parseFormName, type FormId } from './forms.js';
import { parseFmrSheetName, type FmrSheetName } from './report-fmr.js';

export { REPORT_TABLE } from '../workbook/input-tables.js';

export type ReportTableLayout =
  | { readonly layout: 'long'; readonly sheetForm?: FormId }
  | { readonly layout: 'wide'; readonly form: FormId; readonly quarter: string }
  | { readonly layout: 'fmr'; readonly fmr: FmrSheetName; readonly fiscalYear: number };

export type LayoutDecision = { readonly ok: true; readonly value: ReportTableLayout } | { readonly ok: false; readonly issue: Issue };

/**
 * Decides the layout of `table` on `sheet` whose rows above the header read `title`.
 * Fails (an error naming the sheet) when the form or the period cannot be told.
 */
export function decideLayout(table: FoundTable, title: string): LayoutDecision {
  const sheet = table.sheet;
  const at = { sheet: table.sheet, cell: `A${table.headerRow}` };
  const sheetForm = parseFormName(sheet) ?? parseFormName(title);
  if (table.columns.Quarter !== undefined) {
    if (table.columns.Form === undefined && sheetForm === undefined) {
      return {
        ok: false,
        issue: cellIssue('error', 'report.form-unknown', { sheet }, `this report table has a Quarter column but no Form column, and neither the sheet name nor its title names the form. Rename the sheet (for example "CMS-64" or "CMS-21") or add a Form column with ${FORM_NAMES_HINT}.`),
      };
    }
    return { ok: true, value: { layout: 'long', ...(sheetForm === undefined ? {} : { sheetForm }) } };
  }
  const fmr = parseFmrSheetName(sheet);
  const fiscalYear = fiscalYearFromTitle(title) ?? fiscalYearFromTitle(sheet);
  if (fmr !== undefined && fiscalYear !== undefined) return { ok: true, value: { layout: 'fmr', fmr, fiscalYear } };
  const quarter = quarterFromTitle(`${sheet} ${title}`);
  if (quarter.ok) {
    if (sheetForm === undefined) {
      return {
        ok: false,
        issue: cellIssue('error', 'report.form-unknown', { sheet }, `this report sheet names quarter ${quarter.value} but not its form. Put the form in the sheet name or title, for example "CMS-64.9 Base FY2024 Q1", using ${FORM_NAMES_HINT}.`),
      };
    }
    return { ok: true, value: { layout: 'wide', form: sheetForm, quarter: quarter.value } };
  }
  if (fmr !== undefined) {
    return {
      ok: false,
      issue: cellIssue('error', 'report.fiscal-year-unknown', at, `this looks like an FMR sheet but no title row names its federal fiscal year. Type the year above the header row, for example "FY 2023".`),
    };
  }
  return {
    ok: false,
    issue: cellIssue('error', 'report.period-unknown', at, `this report table (it has ${Object.keys(table.columns).join(', ')}) says neither which quarter it covers nor which fiscal year. ${quarter.reason} Or add a Quarter column.`),
  };
}
