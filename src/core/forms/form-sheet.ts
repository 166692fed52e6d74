/**
 * The `CMS-10184E <program>` sheet, laid out like the form (seed 003: blank form CMS-10184E (01/07)),
 * with its identification (agency header, OMB approval, Paperwork Reduction Act statement, form
 * number): lines A-C, the Summary Findings Table (D-F, with native SUM formulas on D, E and F) and
 * the Error Rate Table (G-J, formulas over the Estimator Detail sheet, rounded to one decimal as
 * the instructions ask), then the notes of `form-notes.ts`. Cells the instructions leave blank are
 * blank and shaded. Settings `Form Version` = 2013 gives the later Summary Findings form: lines A-F
 * with Number of Cases Dropped from Sample and Total Dollars Undetermined, and no error rate table.
 */
import { blankCell, COUNT_FORMAT, formulaCell, MONEY_FORMAT, numberCell, PERCENT_1DP_FORMAT, textCell } from '../workbook/output-cells';
import type { CellStyle, OutputCell, OwnedSheet } from '../workbook/port';
import type { DetailRefs } from './estimator-detail-sheet';
import { confidenceAndPrecisionText } from './error-rate-table';
import { ERROR_RATE_HEADER_ROW, ERROR_RATE_ROWS, ERROR_RATE_TITLE_ROW, FORM_ROWS, LINE_PARTS, SUMMARY_HEADER_ROW, SUMMARY_LINES, type SummaryLine } from './form-layout';
import type { ProgramForm } from './program-form';
import type { SummaryRow, SummaryRowKey } from './summary-findings';
import type { FormVersion } from '../workbook/settings';
import { formNotes } from './form-notes';
import { NEGATIVE_STRATA } from '../workbook/strata';

const BORDER: CellStyle = { border: 'thin' };
const NOT_APPLICABLE: CellStyle = { border: 'thin', fill: 'D9D9D9' };
const HEADER: CellStyle = { bold: true, wrap: true, horizontal: 'center', border: 'thin', fill: 'DDEBF7' };
const LABEL: CellStyle = { bold: true, border: 'thin' };

/** One column of the Summary Findings Table: its header and the summary field it shows. */
interface SummaryColumnSpec {
  readonly key: keyof SummaryRow;
  readonly header: string;
}

const COLUMN = (key: SummaryColumnSpec['key'], header: string): SummaryColumnSpec => ({ key, header });
/** The columns both editions have, in two runs: the 2013 edition puts Cases Dropped between them. */
const COUNTS_0107 = [
  COLUMN('universe', 'Number of Cases in Universe'),
  COLUMN('sampled', 'Number of Cases Sampled'),
  COLUMN('fraudExcluded', 'Number of Fraud Cases Excluded from the Universe or Sample'),
];
const FINDINGS_0107 = [
  COLUMN('correct', 'Number of Cases Correct'),
  COLUMN('incorrect', 'Number of Cases Incorrect'),
  COLUMN('undetermined', 'Number of Cases Undetermined'),
  COLUMN('dollarsPaidCents', 'Total Dollars Paid'),
  COLUMN('dollarsCorrectCents', 'Total Dollars Correct'),
  COLUMN('dollarsInErrorCents', 'Total Dollars in Error'),
];

/** The columns of the Summary Findings Table of each edition (seed 003's blank form; the 2013 Summary Findings form adds two). */
export const SUMMARY_COLUMNS: Readonly<Record<FormVersion, readonly SummaryColumnSpec[]>> = {
  '01/07': [...COUNTS_0107, ...FINDINGS_0107],
  '2013': [...COUNTS_0107, COLUMN('dropped', 'Number of Cases Dropped from Sample'), ...FINDINGS_0107, COLUMN('dollarsUndeterminedCents', 'Total Dollars Undetermined')],
};

const LETTERS = ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];
const IS_DOLLARS = (k: keyof SummaryRow) => k.endsWith('Cents');
const NEGATIVE_ROW_KEYS: ReadonlySet<SummaryRowKey> = new Set(NEGATIVE_STRATA);
/** Columns left blank on the negative rows (form instructions: fraud, undetermined and the dollar columns). */
const BLANK_ON_NEGATIVE: ReadonlySet<keyof SummaryRow> = new Set(['fraudExcluded', 'undetermined', 'dollarsPaidCents', 'dollarsCorrectCents', 'dollarsInErrorCents', 'dollarsUndeterminedCents']);

function valueCell(row: SummaryRow, key: keyof SummaryRow, style: CellStyle): OutputCell {
  const v = row[key];
  return v === null ? blankCell(BORDER) : numberCell(IS_DOLLARS(key) ? v / 100 : v, style);
}

/** `SUM(B11:B13)` over contiguous rows, else `SUM(B10,B14)`: the rows of `form-layout.ts`. */
function sumOf(col: string, parts: readonly SummaryRowKey[]): string {
  const rows = parts.map((p) => FORM_ROWS[p]);
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
  return contiguous ? `SUM(${col}${rows[0]}:${col}${rows[rows.length - 1]})` : `SUM(${rows.map((r) => `${col}${r}`).join(',')})`;
}

function summaryRow(form: ProgramForm, columns: readonly SummaryColumnSpec[], line: SummaryLine): OutputCell[] {
  const { key, label } = line;
  const row = form.summary[key];
  const negativeRow = key === 'negative' || NEGATIVE_ROW_KEYS.has(key);
  const parts = LINE_PARTS[key];
  const cells: OutputCell[] = [textCell(label, line.lettered ? LABEL : BORDER)];
  columns.forEach(({ key: k }, i) => {
    const col = LETTERS[i]!;
    const style = { ...BORDER, numberFormat: IS_DOLLARS(k) ? MONEY_FORMAT : COUNT_FORMAT, bold: key === 'totals' };
    const value = row[k] === null ? null : IS_DOLLARS(k) ? (row[k] as number) / 100 : (row[k] as number);
    if (negativeRow && BLANK_ON_NEGATIVE.has(k)) {
      cells.push(blankCell(NOT_APPLICABLE));
    } else if (parts !== undefined && (key === 'totals' || parts.every((p) => form.summary[p][k] !== null))) {
      // Line D: sum of strata 1-3; line E: denials + terminations; line F: D + E (form instructions)
      cells.push(formulaCell(sumOf(col, parts), value, style));
    } else {
      cells.push(valueCell(row, k, style));
    }
  });
  return cells;
}

const longDate = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
};

/** The Paperwork Reduction Act statement printed on the form (seed 003). */
export const PAPERWORK_REDUCTION_ACT = 'According to the Paperwork Reduction Act of 1995, no persons are required to respond to a collection of information unless it displays a valid OMB control number. The valid OMB control number for this information is 0938-1012. The time required to complete this information collection estimated to average 100 hours per response, including the time to review instructions, search existing data resources, gather the data needed, and complete and review the information collection. If you have any comments concerning the accuracy of the time estimate(s) or suggestions for improving this form, please write to: CMS, Attention: PRA Reports Clearance Officer, 7500 Security Boulevard, Baltimore, Maryland 21244-1850.';

export function buildFormSheet(form: ProgramForm, refs: DetailRefs, sheetName: string): OwnedSheet {
  const r = form.errorRates;
  const conf = (line: keyof typeof refs & ('G' | 'H' | 'I')): OutputCell => {
    const x = refs[line];
    const rates = { G: r.activePayment, H: r.activeCase, I: r.negativeCase }[line];
    if (x === undefined) return blankCell(BORDER);
    const text = `TEXT(${x.confidence},"0.0%")`;
    // "95.0%, +/- 1.8%" as the instructions word it
    return formulaCell(`IFERROR(${text}&", +/- "&TEXT(${x.precision},"0.0%"),${text}&", precision not computable")`, confidenceAndPrecisionText(rates), { ...BORDER, horizontal: 'center' });
  };
  const rate = (ref: string | undefined, value: number | null): OutputCell =>
    ref === undefined ? blankCell(BORDER) : formulaCell(`ROUND(${ref},3)`, value === null ? null : Math.round(value * 1000) / 1000, { ...BORDER, numberFormat: PERCENT_1DP_FORMAT }); // one decimal, e.g. 4.2%
  const dollars = (ref: string | undefined, value: number | null): OutputCell =>
    ref === undefined ? blankCell(BORDER) : formulaCell(`ROUND(${ref},2)`, value === null ? null : Math.round(value * 100) / 100, { ...BORDER, numberFormat: MONEY_FORMAT });

  const edition = form.settings.formVersion;
  const columns = SUMMARY_COLUMNS[edition];
  const lastCol = LETTERS[columns.length - 1]!;
  const right = { horizontal: 'right' } as const;
  const wide = (text: string, style: CellStyle = {}): OutputCell[] => [textCell(text, { wrap: true, ...style })];
  // Identification as on the form (seed 003): agency header, OMB approval, title, due date.
  const rows: OutputCell[][] = [
    [textCell('DEPARTMENT OF HEALTH AND HUMAN SERVICES', { bold: true }), ...Array.from({ length: columns.length - 1 }, () => blankCell()), textCell('Form Approved', right)],
    [textCell('CENTERS FOR MEDICARE & MEDICAID SERVICES', { bold: true }), ...Array.from({ length: columns.length - 1 }, () => blankCell()), textCell('OMB No. 0938-1012', right)],
    [textCell(edition === '2013' ? 'Payment Error Rate Measurement (PERM) Eligibility Reviews: Summary Findings' : 'Payment Error Rate Measurement (PERM) Eligibility Reviews: Summary Findings and Error Rate Tables', { bold: true, horizontal: 'center' })],
    [textCell('Due July 1 following the Federal fiscal year being measured.', { italic: true, horizontal: 'center' })],
    [textCell('A. State', LABEL), textCell(form.state, BORDER)],
    [textCell('B. Date', LABEL), textCell(longDate(form.date), BORDER)],
    [textCell('C. Program', LABEL), textCell(form.program, BORDER)],
    [],
  ];
  // Rows placed where form-layout.ts says; a layout that drifted from the rows built is a bug, not output.
  const place = (at: number, cells: OutputCell[]): void => {
    while (rows.length < at - 1) rows.push([]);
    if (rows.length !== at - 1) throw new Error(`CMS-10184E layout: row ${at} is already taken`);
    rows.push(cells);
  };
  place(SUMMARY_HEADER_ROW, [blankCell(HEADER), ...columns.map((c) => textCell(c.header, HEADER))]);
  for (const line of SUMMARY_LINES) place(FORM_ROWS[line.key], summaryRow(form, columns, line));
  if (edition === '01/07') {
    place(ERROR_RATE_TITLE_ROW, [textCell('Error Rate Table', { bold: true })]);
    place(ERROR_RATE_HEADER_ROW, [blankCell(HEADER), ...['Dollar Amount in Error', 'Error Rate', 'Confidence and Precision', 'Percentage'].map((h) => textCell(h, HEADER))]);
    place(ERROR_RATE_ROWS.G, [textCell('G. Active Payment Error Rate', LABEL), dollars(refs.G?.dollarsInError, r.activePayment.dollars), rate(refs.G?.rate, r.activePayment.rate), conf('G'), blankCell(NOT_APPLICABLE)]);
    place(ERROR_RATE_ROWS.H, [textCell('H. Active Case Error Rate', LABEL), blankCell(NOT_APPLICABLE), rate(refs.H?.rate, r.activeCase.rate), conf('H'), blankCell(NOT_APPLICABLE)]);
    place(ERROR_RATE_ROWS.I, [textCell('I. Negative Case Error Rate', LABEL), blankCell(NOT_APPLICABLE), rate(refs.I?.rate, r.negativeCase.rate), conf('I'), blankCell(NOT_APPLICABLE)]);
    place(ERROR_RATE_ROWS.J, [textCell('J. Undetermined Cases', LABEL), dollars(refs.J?.dollars, r.undetermined.dollars), blankCell(NOT_APPLICABLE), blankCell(NOT_APPLICABLE), rate(refs.J?.percentage, r.undetermined.percentage)]);
  }
  rows.push([]);
  const noteRows: number[] = [];
  const shading = edition === '01/07'
    ? 'Shaded cells are left blank as the form instructions say. Rates are rounded to one decimal; the unrounded values and how each was computed are on the Estimator Detail sheet, with the choices the instructions leave open.'
    : 'Shaded cells are left blank as the form instructions say. This edition has no error rate table; the rates are on the Estimator Detail sheet, with the choices the instructions leave open. Number of Cases Dropped from Sample counts the sampled cases the findings mark as not reviewed (Fraud = Y, the one reason the findings record); Total Dollars Undetermined is the paid dollars of the undetermined cases.';
  for (const note of [shading, ...formNotes(form)]) {
    rows.push(wide(note, { italic: true }));
    noteRows.push(rows.length);
  }
  rows.push(
    [],
    [textCell('Signature: _______________________________________'), blankCell(), blankCell(), blankCell(), blankCell(), textCell('Date: _______________')],
    [textCell('State Medicaid/SCHIP Director or Designee', { italic: true })],
    [],
  );
  rows.push(wide(PAPERWORK_REDUCTION_ACT, { italic: true }));
  const praRow = rows.length;
  rows.push([textCell(edition === '2013' ? 'FORM CMS-10184E (2013 Summary Findings edition)' : 'FORM CMS-10184E (01/07)', { bold: true })]);
  const lastColumnIndex = columns.length + 1;
  return {
    name: sheetName,
    rows,
    columnWidths: [32, 19, 14, 17, 14, 14, 14, 17, 17, 17, ...(edition === '2013' ? [17, 17] : [])].slice(0, lastColumnIndex),
    rowHeights: { [SUMMARY_HEADER_ROW]: 64, ...(edition === '01/07' ? { [ERROR_RATE_HEADER_ROW]: 32 } : {}), ...Object.fromEntries(noteRows.map((n) => [n, 30])), [praRow]: 60 },
    merges: [`A3:${lastCol}3`, `A4:${lastCol}4`, 'B5:D5', 'B6:D6', 'B7:D7', ...noteRows.map((n) => `A${n}:${lastCol}${n}`), `A${praRow}:${lastCol}${praRow}`],
    landscape: true,
    fitToPage: true,
  };
}
