/**
 * `--summary SUMMARY.xlsx`: the cross-state workbook of a many-book run. `Summary` has one row per
 * book and program; for `reconcile` the difference, the percentage and the flag are native formulas
 * over the dollar cells (the same exact-cent rules as the Reconciliation sheet), flagged rows are
 * highlighted by a rule on the flag cell, and a column chart sets each overall percentage beside its
 * threshold. For `fill` the rows hold lines G-J as the estimator gave them (each book's Estimator
 * Detail sheet derives them). `Unusable Books` lists the books that could not be used, with why.
 */
import { columnLetter, sheetRange } from '../core/workbook/address.js';
import { formulaCell, MONEY_FORMAT, numberCell, PERCENT_1DP_FORMAT, textCell } from '../core/workbook/output-cells.js';
import type { ChartSpec, OutputCell, OwnedSheet } from '../core/workbook/port.js';
import type { FillSummaryRow, ReconcileSummaryRow } from './book-summary.js';

export const SUMMARY_SHEET = 'Summary';
export const UNUSABLE_SHEET = 'Unusable Books';

export interface SummaryBook {
  readonly file: string;
  readonly state: string;
  readonly reviewYear: string;
}

export interface SummaryLine<R> extends SummaryBook {
  readonly row: R;
}

export interface UnusableBook {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
}

const HEADER = { bold: true, fill: 'D9E1F2', border: 'thin', wrap: true } as const;
const MONEY = { numberFormat: MONEY_FORMAT } as const;
const PERCENT = { numberFormat: PERCENT_1DP_FORMAT } as const;
const PERCENT_2DP = { numberFormat: '0.00%' } as const;
const FLAG_FILL = 'FFC7CE';
const FLAG_FONT = '9C0006';

/** Reconcile columns, 1-based. */
const R = { label: 1, file: 2, state: 3, year: 4, program: 5, report: 6, universe: 7, reportAmount: 8, difference: 9, percent: 10, threshold: 11, flag: 12, quarters: 13, open: 14, base: 15 } as const;
const c = (col: number, row: number): string => `${columnLetter(col)}${row}`;

const label = (b: SummaryBook, program: string): string => `${b.state === '' ? b.file : b.state} ${program}`;

export function reconcileSummarySheet(lines: readonly SummaryLine<ReconcileSummaryRow>[]): OwnedSheet {
  const headers = ['Book', 'File', 'State', 'Review Year', 'Program', 'Report', 'Overall universe', 'Overall report', 'Difference', 'Percent difference', 'Overall threshold', 'Flagged', 'Flagged quarters', 'Open items (flagged rows with no explanation, plus report lines the line map does not cover)', 'Percent base (Settings: Percent Base)'];
  const rows: OutputCell[][] = [headers.map((h) => textCell(h, HEADER))];
  lines.forEach((line, i) => {
    const r = line.row;
    const n = i + 2;
    const base = c(r.percentBase === 'Universe' ? R.universe : R.reportAmount, n);
    // Percent difference = difference / |base| (workbook-layout.md); base 0 to the cent → no percentage.
    const percent = `IF(ROUND(ABS(${base})*100,0)=0,"n/a (${r.percentBase.toLowerCase()} is 0)",${c(R.difference, n)}/ABS(${base}))`;
    // Flagged when |difference|/|base| > threshold, compared in whole cents and basis points (exact at the boundary); base 0 → flagged when the difference is not 0.
    const b = `ROUND(ABS(${base})*100,0)`;
    const d = `ROUND(ABS(${c(R.difference, n)})*100,0)`;
    const t = `ROUND(${c(R.threshold, n)}*10000,0)`;
    const flag = `IF(${b}=0,IF(${d}=0,"No","Yes"),IF(${d}*10000>${t}*${b},"Yes","No"))`;
    rows.push([
      textCell(label(line, r.program)),
      textCell(line.file),
      textCell(line.state),
      textCell(line.reviewYear),
      textCell(r.program),
      textCell(r.report),
      numberCell(r.universeCents / 100, MONEY),
      numberCell(r.reportCents / 100, MONEY),
      formulaCell(`${c(R.universe, n)}-${c(R.reportAmount, n)}`, (r.universeCents - r.reportCents) / 100, MONEY),
      formulaCell(percent, r.percentDifference ?? `n/a (${r.percentBase.toLowerCase()} is 0)`, { ...PERCENT, horizontal: 'right' }),
      numberCell(r.thresholdFraction, PERCENT_2DP),
      formulaCell(flag, r.flagged ? 'Yes' : 'No', { horizontal: 'center' }),
      textCell(r.flaggedQuarters.join(', ')),
      numberCell(r.openItems),
      textCell(r.percentBase),
    ]);
  });
  const last = lines.length + 1;
  const charts: ChartSpec[] = lines.length === 0 ? [] : [{
    kind: 'column',
    title: 'Overall percent difference against the overall threshold, by book and program',
    categories: sheetRange(SUMMARY_SHEET, R.label, 2, R.label, last),
    series: [
      { name: 'Overall percent difference', values: sheetRange(SUMMARY_SHEET, R.percent, 2, R.percent, last) },
      { name: 'Overall threshold', values: sheetRange(SUMMARY_SHEET, R.threshold, 2, R.threshold, last) },
    ],
    from: `B${last + 3}`,
    to: `L${last + 23}`,
  }];
  return {
    name: SUMMARY_SHEET,
    rows,
    columnWidths: [24, 28, 14, 11, 10, 20, 18, 18, 16, 12, 11, 9, 22, 24, 16],
    freezeRows: 1,
    highlights: lines.length === 0 ? [] : [{ range: `A2:${c(R.base, last)}`, formula: `$${columnLetter(R.flag)}2="Yes"`, fill: FLAG_FILL, fontColor: FLAG_FONT }],
    charts,
  };
}

export function fillSummarySheet(lines: readonly SummaryLine<FillSummaryRow>[]): OwnedSheet {
  const headers = ['Book', 'File', 'State', 'Review Year', 'Program', 'G. Active payment: dollars in error', 'G. Active payment error rate', 'G. Precision (±)', 'H. Active case error rate', 'H. Precision (±)', 'I. Negative case error rate', 'I. Precision (±)', 'J. Undetermined dollars', 'J. Undetermined percentage'];
  const rows: OutputCell[][] = [headers.map((h) => textCell(h, HEADER))];
  for (const line of lines) {
    const r = line.row;
    rows.push([
      textCell(label(line, r.program)), textCell(line.file), textCell(line.state), textCell(line.reviewYear), textCell(r.program),
      numberCell(r.activePaymentDollars, MONEY), numberCell(r.activePaymentRate, PERCENT_2DP), numberCell(r.activePaymentPrecision, PERCENT_2DP),
      numberCell(r.activeCaseRate, PERCENT_2DP), numberCell(r.activeCasePrecision, PERCENT_2DP),
      numberCell(r.negativeCaseRate, PERCENT_2DP), numberCell(r.negativeCasePrecision, PERCENT_2DP),
      numberCell(r.undeterminedDollars, MONEY), numberCell(r.undeterminedPercentage, PERCENT_2DP),
    ]);
  }
  const last = lines.length + 1;
  const charts: ChartSpec[] = lines.length === 0 ? [] : [{
    kind: 'column',
    title: 'Line G: active payment error rate, by book and program',
    categories: sheetRange(SUMMARY_SHEET, 1, 2, 1, last),
    series: [{ name: 'Active payment error rate', values: sheetRange(SUMMARY_SHEET, 7, 2, 7, last) }],
    from: `B${last + 3}`,
    to: `L${last + 23}`,
  }];
  return { name: SUMMARY_SHEET, rows, columnWidths: [24, 28, 14, 11, 10, 18, 14, 12, 14, 12, 14, 12, 16, 14], freezeRows: 1, charts };
}

export function unusableBooksSheet(books: readonly UnusableBook[]): OwnedSheet {
  const rows: OutputCell[][] = [['File', 'Sheet', 'Cell', 'Error'].map((h) => textCell(h, HEADER))];
  for (const b of books) rows.push([textCell(b.file), textCell(b.sheet), textCell(b.cell), textCell(b.message, { wrap: true })]);
  if (books.length === 0) rows.push([textCell('Every book could be used.', { italic: true })]);
  return { name: UNUSABLE_SHEET, rows, columnWidths: [32, 20, 10, 100], freezeRows: 1, highlights: books.length === 0 ? [] : [{ range: `A2:D${books.length + 1}`, formula: 'TRUE', fill: FLAG_FILL, fontColor: FLAG_FONT }] };
}
