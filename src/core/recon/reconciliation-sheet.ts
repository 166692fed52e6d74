/**
 * The `Reconciliation` sheet: per program, one row per quarter and an overall row, with native
 * formulas for the totals, the difference, the percentage and the flag, so the sheet stays right
 * when a user edits a number. Explanation, Status and any column the user added belong to the user
 * and are carried over from the previous run's sheet by key (note-placement.ts); notes whose row
 * this run does not have sit in an Earlier notes block at the foot. Flagged rows are highlighted by
 * a rule on the flag formula, and a column chart of universe against report sits beside the table.
 */
import { columnLetter, sheetRange } from '../workbook/address.js';
import { RECONCILIATION_SHEET } from '../workbook/owned-sheets.js';
import { formulaCell, numberCell, textCell } from '../workbook/output-cells.js';
import type { ChartSpec, ConditionalHighlight, OutputCell, OwnedSheet } from '../workbook/port.js';
import type { PercentBase } from '../workbook/settings.js';
import { FORMS } from './forms.js';
import type { ProgramRecon, ReconResult, ReportAmounts, UniverseAmounts } from './recon-result.js';
import { keptOutput } from './kept-cell.js';
import { NO_PLACEMENT, type NotePlacement } from './note-placement.js';
import { EARLIER_NOTES_HEADERS, RECONCILIATION_COLUMN, RECONCILIATION_COLUMNS, RECONCILIATION_HEADERS as HEADERS, type ReconciliationColumn, type ReconciliationColumnKey } from './reconciliation-columns.js';
import { noteKeyText, OVERALL_LABEL, PRIOR_TOTAL_LABEL, programLabel, quarterLabelOf, type NoteKey, type ReconciliationNote } from './reconciliation-notes.js';
import { describeYear } from './report-totals.js';

/** Column numbers of the table, from its column spec (reconciliation-columns.ts). */
const COL = RECONCILIATION_COLUMN;

/** Columns of the Earlier notes block's own key cells (Program and Quarter are A and B). */
const EARLIER_COL = { reviewYear: 3, lastSeen: 4, where: 5 } as const; // C, D, E

const col = (c: number): string => columnLetter(c);
const ref = (c: number, row: number): string => `${col(c)}${row}`;

const HEADER_STYLE = { bold: true, fill: 'D9E1F2', border: 'thin', wrap: true } as const;
const BOLD = { bold: true } as const;
const FLAG_FILL = 'FFC7CE';
const FLAG_FONT = '9C0006';

const dollars = (cents: number): number => cents / 100;

type TableCells = Readonly<Partial<Record<ReconciliationColumnKey, OutputCell>>>;

/** A number or formula cell takes its column's number format unless it sets its own. */
function withFormat(cell: OutputCell, column: ReconciliationColumn): OutputCell {
  if (cell === null || column.numberFormat === undefined || 'text' in cell) return cell;
  return { numberFormat: column.numberFormat, ...cell };
}

/** One table row in column order (the spec of reconciliation-columns.ts); `note` is Explanation, Status and the user's columns. */
function tableRow(cells: TableCells, note: readonly OutputCell[]): OutputCell[] {
  const [explanation = null, status = null, ...own] = note;
  const all: TableCells = { ...cells, explanation, status };
  return [...RECONCILIATION_COLUMNS.map((c) => withFormat(all[c.key] ?? null, c)), ...own];
}

/**
 * The percentage formula: (universe − report) / |base|, text when the base is 0
 * (workbook-layout.md: "A quarter whose report amount is zero while its universe is not has no percentage").
 */
function percentFormula(row: number, base: PercentBase): string {
  const b = ref(base === 'Universe' ? COL.universeTotal : COL.reportTotal, row);
  const zero = base === 'Universe' ? 'n/a (universe is 0)' : 'n/a (report is 0)';
  // Percent difference = difference / |base| (workbook-layout.md); the base is 0 to the cent → no percentage.
  return `IF(ROUND(ABS(${b})*100,0)=0,"${zero}",${ref(COL.difference, row)}/ABS(${b}))`;
}

/**
 * The flag formula, exact at the boundary: compares whole cents, |difference| × 10000 against
 * threshold in basis points × |base|, so exactly 15.00% is never flagged whatever floating point does.
 */
function flagFormula(row: number, base: PercentBase): string {
  const b = `ROUND(ABS(${ref(base === 'Universe' ? COL.universeTotal : COL.reportTotal, row)})*100,0)`;
  const d = `ROUND(ABS(${ref(COL.difference, row)})*100,0)`;
  const t = `ROUND(${ref(COL.threshold, row)}*10000,0)`;
  // Flagged when |diff|/|base| > threshold (workbook-layout.md), in integer cents and basis points; base 0 → flagged when diff ≠ 0.
  return `IF(${b}=0,IF(${d}=0,"No","Yes"),IF(${d}*10000>${t}*${b},"Yes","No"))`;
}

interface Block {
  readonly program: ProgramRecon;
  readonly firstRow: number;
  readonly overallRow: number;
}

/** The prior-period quarters a program's sheet shows, and whether it shows their total (none when there are no quarters). */
function priorRows(p: ProgramRecon): { readonly quarters: readonly ProgramRecon['quarters'][number][]; readonly total: boolean } {
  const quarters = p.quarters.filter((q) => q.priorPeriod !== null);
  return quarters.length === 0 || p.overall.priorPeriod === null ? { quarters: [], total: false } : { quarters, total: true };
}

/** The key of every row the sheet for `result` has that takes notes, in sheet order. */
export function reconciliationRowKeys(result: ReconResult): NoteKey[] {
  const reviewYear = result.reviewYear?.label ?? '';
  return result.programs.flatMap((p) => {
    const prior = priorRows(p);
    return [
      ...p.quarters.map((q): NoteKey => ({ program: p.program, reviewYear, kind: 'quarter', quarter: q.quarter })),
      { program: p.program, reviewYear, kind: 'overall', quarter: '' },
      ...prior.quarters.map((q): NoteKey => ({ program: p.program, reviewYear, kind: 'prior-period', quarter: q.quarter })),
      ...(prior.total ? [{ program: p.program, reviewYear, kind: 'prior-period', quarter: '' } satisfies NoteKey] : []),
    ];
  });
}

const USER_CELL = { unlocked: true } as const;

/** Explanation, Status and the user's columns of one note (blank, unlocked cells when there is none). */
function userCells(note: ReconciliationNote | undefined, placement: NotePlacement): OutputCell[] {
  return [
    keptOutput(note?.explanation, { ...USER_CELL, wrap: true }),
    keptOutput(note?.status, USER_CELL),
    ...placement.columns.map((c) => keptOutput(note?.columns[c.id], USER_CELL)),
  ];
}

/**
 * The `Reconciliation` sheet for `result`. `notes` places what the user typed on the sheet before
 * (`placeNotes` over `readReconciliationNotes`): each note on the row of its key, the user's own
 * columns after Status, and the notes whose row this run does not have in an Earlier notes block.
 */
export function buildReconciliationSheet(result: ReconResult, notes: NotePlacement = NO_PLACEMENT): OwnedSheet {
  const reviewYear = result.reviewYear?.label ?? '';
  const headerRow = (): OutputCell[] => [...HEADERS, ...notes.columns.map((c) => c.header)].map((h) => textCell(h, HEADER_STYLE));
  const rows: OutputCell[][] = [];
  const highlights: ConditionalHighlight[] = [];
  const charts: ChartSpec[] = [];
  const base = result.percentBase;
  const baseWord = base === 'Universe' ? 'universe' : 'report';

  const year = result.reviewYear === undefined ? 'review year not set' : describeYear(result.reviewYear);
  rows.push([textCell(`64/21 reconciliation, ${year}: PERM universe against the CMS-64 (Medicaid) and the CMS-21 + CMS-64.21U (CHIP), total computable`, { bold: true })]);
  rows.push([
    textCell(
      `% difference = (universe − report) / |${baseWord}|; flagged when strictly over the threshold. The percentage base and the excluded lines (see the Line Map sheet) are this project's defaults, not published CMS rules; Settings (Percent Base) changes the base and the Line Map sheet the exclusions. Prior-period forms are ${result.includePriorPeriod ? 'included in' : 'left out of'} the report amounts.`,
      { italic: true },
    ),
  ]);
  rows.push([]);

  const noteCells = (program: ProgramRecon['program'], kind: NoteKey['kind'], quarter: string): OutputCell[] =>
    userCells(notes.onRows.get(noteKeyText({ program, reviewYear, kind, quarter })), notes);

  const blocks: Block[] = [];
  for (const p of result.programs) {
    const annual = p.reportKind === 'annual';
    rows.push([textCell(`${p.program}: universe against ${p.report}${annual ? ' (annual FMR report: compared overall only)' : ''}`, { bold: true })]);
    rows.push(headerRow());
    const firstRow = rows.length + 1;
    for (const q of p.quarters) {
      const row = rows.length + 1;
      rows.push(tableRow({
        program: textCell(p.program),
        quarter: textCell(q.quarter),
        ...universeCells(q.universe, row),
        ...(q.report === null ? {} : reportCells(q.report, row)), // an annual report has no quarterly amount
        difference: q.report === null ? textCell('n/a') : formulaCell(`${ref(COL.universeTotal, row)}-${ref(COL.reportTotal, row)}`, dollars(q.differenceCents ?? 0)),
        percent: q.report === null ? textCell('annual report', { italic: true }) : formulaCell(percentFormula(row, base), q.percentDifference ?? `n/a (${baseWord} is 0)`, { horizontal: 'right' }),
        threshold: numberCell(q.thresholdFraction),
        flag: q.report === null ? textCell('No') : formulaCell(flagFormula(row, base), q.flagged ? 'Yes' : 'No', { horizontal: 'center' }),
      }, noteCells(p.program, 'quarter', q.quarter)));
    }
    const lastQuarterRow = rows.length;
    const overallRow = rows.length + 1;
    const sum = (c: number, cents: number): OutputCell =>
      p.quarters.length === 0 ? numberCell(dollars(cents)) : formulaCell(`SUM(${ref(c, firstRow)}:${ref(c, lastQuarterRow)})`, dollars(cents), BOLD);
    const o = p.overall;
    rows.push(tableRow({
      program: textCell(p.program, BOLD),
      quarter: textCell(OVERALL_LABEL, BOLD),
      universeFfs: sum(COL.universeFfs, o.universe.ffsCents),
      universeMc: sum(COL.universeMc, o.universe.mcCents),
      universeTotal: formulaCell(`${ref(COL.universeFfs, overallRow)}+${ref(COL.universeMc, overallRow)}`, dollars(o.universe.totalCents), BOLD),
      reportFfs: annual ? numberCell(dollars(o.report.ffsCents), BOLD) : sum(COL.reportFfs, o.report.ffsCents),
      reportMc: annual ? numberCell(dollars(o.report.mcCents), BOLD) : sum(COL.reportMc, o.report.mcCents),
      reportTotal: formulaCell(`${ref(COL.reportFfs, overallRow)}+${ref(COL.reportMc, overallRow)}`, dollars(o.report.totalCents), BOLD),
      excluded: annual ? numberCell(dollars(o.report.excludedCents), BOLD) : sum(COL.excluded, o.report.excludedCents),
      difference: formulaCell(`${ref(COL.universeTotal, overallRow)}-${ref(COL.reportTotal, overallRow)}`, dollars(o.differenceCents), BOLD),
      percent: formulaCell(percentFormula(overallRow, base), o.percentDifference ?? `n/a (${baseWord} is 0)`, { horizontal: 'right', bold: true }),
      threshold: numberCell(o.thresholdFraction, BOLD),
      flag: formulaCell(flagFormula(overallRow, base), o.flagged ? 'Yes' : 'No', { horizontal: 'center', bold: true }),
    }, noteCells(p.program, 'overall', '')));
    blocks.push({ program: p, firstRow, overallRow });
    highlights.push({
      range: `${ref(COL.program, firstRow)}:${ref(COL.flag, overallRow)}`,
      formula: `$${col(COL.flag)}${firstRow}="Yes"`,
      fill: FLAG_FILL,
      fontColor: FLAG_FONT,
    });
    priorPeriodBlock(p, result.includePriorPeriod, rows, (kind, quarter) => noteCells(p.program, kind, quarter));
    rows.push([]);
  }

  earlierNotesBlock(notes, rows, headerRow);

  const lastColumn = COL.status + notes.columns.length;
  blocks.forEach((b, i) => charts.push(chartFor(b, i, lastColumn + 2)));
  return {
    name: RECONCILIATION_SHEET,
    rows,
    columnWidths: [...RECONCILIATION_COLUMNS.map((c) => c.width), ...notes.columns.map(() => 16)],
    highlights,
    charts,
    landscape: true,
    fitToPage: true,
  };
}

function universeCells(u: UniverseAmounts, row: number): TableCells {
  return {
    universeFfs: numberCell(dollars(u.ffsCents)),
    universeMc: numberCell(dollars(u.mcCents)),
    universeTotal: formulaCell(`${ref(COL.universeFfs, row)}+${ref(COL.universeMc, row)}`, dollars(u.totalCents)),
  };
}

function reportCells(r: ReportAmounts, row: number): TableCells {
  return {
    reportFfs: numberCell(dollars(r.ffsCents)),
    reportMc: numberCell(dollars(r.mcCents)),
    reportTotal: formulaCell(`${ref(COL.reportFfs, row)}+${ref(COL.reportMc, row)}`, dollars(r.totalCents)),
    excluded: numberCell(dollars(r.excludedCents)),
  };
}

/** The prior-period forms of a program, by quarter, shown apart from the comparison; each row takes notes. */
function priorPeriodBlock(p: ProgramRecon, included: boolean, rows: OutputCell[][], noteCells: (kind: 'prior-period', quarter: string) => OutputCell[]): void {
  const { quarters, total: hasTotal } = priorRows(p);
  if (!hasTotal || p.overall.priorPeriod === null) return;
  const forms = FORMS.filter((f) => f.program === p.program && f.period === 'prior').map((f) => f.id).join(', ');
  rows.push([textCell(`${p.program} prior-period adjustments (${forms}): ${included ? 'included in the report amounts above (Settings)' : 'not in the report amounts above (the project default)'}`, { italic: true })]);
  const first = rows.length + 1;
  for (const q of quarters) {
    const prior = q.priorPeriod;
    if (prior === null) continue;
    const row = rows.length + 1;
    // No universe and no comparison on a prior-period row.
    rows.push(tableRow({ program: textCell(`${p.program} prior period`), quarter: textCell(q.quarter), ...reportCells(prior, row) }, noteCells('prior-period', q.quarter)));
  }
  const last = rows.length;
  const total = p.overall.priorPeriod;
  const row = rows.length + 1;
  rows.push(tableRow({
    program: textCell(`${p.program} prior period`, BOLD),
    quarter: textCell(PRIOR_TOTAL_LABEL, BOLD),
    reportFfs: formulaCell(`SUM(${ref(COL.reportFfs, first)}:${ref(COL.reportFfs, last)})`, dollars(total.ffsCents), BOLD),
    reportMc: formulaCell(`SUM(${ref(COL.reportMc, first)}:${ref(COL.reportMc, last)})`, dollars(total.mcCents), BOLD),
    reportTotal: formulaCell(`${ref(COL.reportFfs, row)}+${ref(COL.reportMc, row)}`, dollars(total.totalCents), BOLD),
    excluded: formulaCell(`SUM(${ref(COL.excluded, first)}:${ref(COL.excluded, last)})`, dollars(total.excludedCents), BOLD),
  }, noteCells('prior-period', '')));
}

/**
 * The Earlier notes block: every note whose row this run does not have, with its key (Program and
 * Quarter as on a table row, and its Review year), the date it was last seen on its row, and, for
 * text typed outside the tables, where it was typed. Read back like the tables' rows.
 */
function earlierNotesBlock(notes: NotePlacement, rows: OutputCell[][], headerRow: () => OutputCell[]): void {
  if (notes.earlier.length === 0) return;
  rows.push([
    textCell(
      'Earlier notes: typed on rows this run does not show (another review year, a quarter no longer in the table, a program not reconciled this run, or outside the tables). Kept so nothing typed is lost; each goes back to its row when a run shows that row again. Delete a note here once it is no longer needed.',
      { bold: true },
    ),
  ]);
  const header = headerRow().map((cell, i) => (i + 1 > COL.quarter && i + 1 < COL.explanation ? null : cell));
  header[EARLIER_COL.reviewYear - 1] = textCell(EARLIER_NOTES_HEADERS.reviewYear, HEADER_STYLE);
  header[EARLIER_COL.lastSeen - 1] = textCell(EARLIER_NOTES_HEADERS.lastSeen, HEADER_STYLE);
  header[EARLIER_COL.where - 1] = textCell(EARLIER_NOTES_HEADERS.where, HEADER_STYLE);
  rows.push(header);
  for (const n of notes.earlier) {
    const line: OutputCell[] = Array.from({ length: COL.explanation - 1 }, () => null);
    if (n.key !== undefined) {
      line[COL.program - 1] = textCell(programLabel(n.key));
      line[COL.quarter - 1] = textCell(quarterLabelOf(n.key));
      line[EARLIER_COL.reviewYear - 1] = textCell(n.key.reviewYear);
    }
    line[EARLIER_COL.lastSeen - 1] = textCell(n.lastSeen);
    if (n.key === undefined) line[EARLIER_COL.where - 1] = textCell(n.where ?? '', { wrap: true });
    rows.push([...line, ...userCells(n, notes)]);
  }
}

/** Clustered columns, universe against report total by quarter, to the right of the table; one chart per program, stacked. */
function chartFor(block: Block, index: number, fromColumn: number): ChartSpec {
  const { program, firstRow, overallRow } = block;
  const lastQuarterRow = overallRow - 1;
  const top = 3 + (index * 18);
  const series = [{ name: 'Universe', values: sheetRange(RECONCILIATION_SHEET, COL.universeTotal, firstRow, COL.universeTotal, lastQuarterRow) }];
  if (program.reportKind !== 'annual') {
    series.push({ name: `Report (${program.report})`, values: sheetRange(RECONCILIATION_SHEET, COL.reportTotal, firstRow, COL.reportTotal, lastQuarterRow) });
  }
  return {
    kind: 'column',
    title: `${program.program}: universe against ${program.report}, by quarter${program.reportKind === 'annual' ? ' (annual report: no quarterly amounts)' : ''}`,
    categories: sheetRange(RECONCILIATION_SHEET, COL.quarter, firstRow, COL.quarter, lastQuarterRow),
    series,
    from: `${columnLetter(fromColumn)}${top}`,
    to: `${columnLetter(fromColumn + 9)}${top + 16}`,
  };
}
