/**
 * The `CMS-10184E <program>` sheet, laid out like the form (seed: blank form CMS-10184E (01/07)):
 * lines A-C, the Summary Findings Table (D-F, with native SUM formulas on D, E and F) and the Error
 * Rate Table (G-J, formulas over the Estimator Detail sheet, rounded to one decimal as the
 * instructions ask). Cells the instructions leave blank are blank and shaded.
 */
import { blankCell, COUNT_FORMAT, formulaCell, MONEY_FORMAT, numberCell, PERCENT_1DP_FORMAT, textCell } from '../workbook/output-cells';
import type { CellStyle, OutputCell, OwnedSheet } from '../workbook/port';
import type { DetailRefs } from './estimator-detail-sheet';
import { confidenceAndPrecisionText } from './error-rate-table';
import type { ProgramForm } from './fill-program';
import type { SummaryRow, SummaryRowKey } from './summary-findings';

const BORDER: CellStyle = { border: 'thin' };
const NOT_APPLICABLE: CellStyle = { border: 'thin', fill: 'D9D9D9' };
const HEADER: CellStyle = { bold: true, wrap: true, horizontal: 'center', border: 'thin', fill: 'DDEBF7' };
const LABEL: CellStyle = { bold: true, border: 'thin' };

/** Row of each summary line on the sheet; the error-rate lines follow at 21-24. */
export const FORM_ROWS: Readonly<Record<SummaryRowKey, number>> = {
  active: 10, stratum1: 11, stratum2: 12, stratum3: 13, negative: 14, denials: 15, terminations: 16, totals: 17,
};
export const ERROR_RATE_ROWS = { G: 21, H: 22, I: 23, J: 24 } as const;

const COLUMNS: readonly (keyof SummaryRow)[] = ['universe', 'sampled', 'fraudExcluded', 'correct', 'incorrect', 'undetermined', 'dollarsPaidCents', 'dollarsCorrectCents', 'dollarsInErrorCents'];
const LETTERS = ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
const IS_DOLLARS = (k: keyof SummaryRow) => k.endsWith('Cents');
/** Columns left blank on the negative rows (form instructions: fraud, undetermined and the dollar columns). */
const BLANK_ON_NEGATIVE: ReadonlySet<keyof SummaryRow> = new Set(['fraudExcluded', 'undetermined', 'dollarsPaidCents', 'dollarsCorrectCents', 'dollarsInErrorCents']);

function valueCell(row: SummaryRow, key: keyof SummaryRow): OutputCell {
  const v = row[key];
  const style = { ...BORDER, numberFormat: IS_DOLLARS(key) ? MONEY_FORMAT : COUNT_FORMAT };
  return v === null ? blankCell(BORDER) : numberCell(IS_DOLLARS(key) ? v / 100 : v, style);
}

function summaryRow(form: ProgramForm, key: SummaryRowKey, label: string): OutputCell[] {
  const row = form.summary[key];
  const negativeRow = key === 'negative' || key === 'denials' || key === 'terminations';
  const cells: OutputCell[] = [textCell(label, key === 'active' || key === 'negative' || key === 'totals' ? LABEL : BORDER)];
  COLUMNS.forEach((k, i) => {
    const col = LETTERS[i]!;
    const style = { ...BORDER, numberFormat: IS_DOLLARS(k) ? MONEY_FORMAT : COUNT_FORMAT, bold: key === 'totals' };
    const value = row[k] === null ? null : IS_DOLLARS(k) ? (row[k] as number) / 100 : (row[k] as number);
    if (negativeRow && BLANK_ON_NEGATIVE.has(k)) {
      cells.push(blankCell(NOT_APPLICABLE));
    } else if (key === 'active' && row[k] !== null) {
      cells.push(formulaCell(`SUM(${col}11:${col}13)`, value, style)); // Line D: sum of strata 1-3
    } else if (key === 'negative' && form.summary.denials[k] !== null && form.summary.terminations[k] !== null) {
      cells.push(formulaCell(`SUM(${col}15:${col}16)`, value, style)); // Line E: denials + terminations
    } else if (key === 'totals') {
      cells.push(formulaCell(`SUM(${col}10,${col}14)`, value, style)); // Line F: total of each column
    } else {
      cells.push(valueCell(row, k));
    }
  });
  return cells;
}

const longDate = (iso: string): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
};

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

  const rows: OutputCell[][] = [
    [textCell('Payment Error Rate Measurement (PERM) Eligibility Reviews:', { bold: true, horizontal: 'center' })],
    [textCell('Summary Findings and Error Rate Tables', { bold: true, horizontal: 'center' })],
    [textCell('Due July 1 following the Federal fiscal year being measured.', { italic: true, horizontal: 'center' })],
    [],
    [textCell('A. State', LABEL), textCell(form.state, BORDER)],
    [textCell('B. Date', LABEL), textCell(longDate(form.date), BORDER)],
    [textCell('C. Program', LABEL), textCell(form.program, BORDER)],
    [],
    [blankCell(HEADER), ...['Number of Cases in Universe', 'Number of Cases Sampled', 'Number of Fraud Cases Excluded from the Universe or Sample', 'Number of Cases Correct', 'Number of Cases Incorrect', 'Number of Cases Undetermined', 'Total Dollars Paid', 'Total Dollars Correct', 'Total Dollars in Error'].map((h) => textCell(h, HEADER))],
    summaryRow(form, 'active', 'D. Active'),
    summaryRow(form, 'stratum1', '    Stratum 1 (Applications)'),
    summaryRow(form, 'stratum2', '    Stratum 2 (Redeterminations)'),
    summaryRow(form, 'stratum3', '    Stratum 3 (All Other Cases)'),
    summaryRow(form, 'negative', 'E. Negative'),
    summaryRow(form, 'denials', '    Denials'),
    summaryRow(form, 'terminations', '    Terminations'),
    summaryRow(form, 'totals', 'F. Totals'),
    [],
    [textCell('Error Rate Table', { bold: true })],
    [blankCell(HEADER), ...['Dollar Amount in Error', 'Error Rate', 'Confidence and Precision', 'Percentage'].map((h) => textCell(h, HEADER))],
    [textCell('G. Active Payment Error Rate', LABEL), dollars(refs.G?.dollarsInError, r.activePayment.dollars), rate(refs.G?.rate, r.activePayment.rate), conf('G'), blankCell(NOT_APPLICABLE)],
    [textCell('H. Active Case Error Rate', LABEL), blankCell(NOT_APPLICABLE), rate(refs.H?.rate, r.activeCase.rate), conf('H'), blankCell(NOT_APPLICABLE)],
    [textCell('I. Negative Case Error Rate', LABEL), blankCell(NOT_APPLICABLE), rate(refs.I?.rate, r.negativeCase.rate), conf('I'), blankCell(NOT_APPLICABLE)],
    [textCell('J. Undetermined Cases', LABEL), dollars(refs.J?.dollars, r.undetermined.dollars), blankCell(NOT_APPLICABLE), blankCell(NOT_APPLICABLE), rate(refs.J?.percentage, r.undetermined.percentage)],
    [],
    [textCell('Shaded cells are left blank as the form instructions say. Rates are rounded to one decimal; the unrounded values and how each was computed are on the Estimator Detail sheet.', { italic: true, wrap: true })],
    [],
    [textCell('Signature: _______________________________________'), blankCell(), blankCell(), blankCell(), blankCell(), textCell('Date: _______________')],
    [textCell('State Medicaid/SCHIP Director or Designee', { italic: true })],
  ];
  return {
    name: sheetName,
    rows,
    columnWidths: [32, 19, 14, 17, 14, 14, 14, 17, 17, 17],
    rowHeights: { 9: 48, 20: 32, 26: 30 },
    merges: ['A1:J1', 'A2:J2', 'A3:J3', 'B5:D5', 'B6:D6', 'B7:D7', 'A26:J26'],
    landscape: true,
    fitToPage: true,
  };
}
