/**
 * Writes the add-in's owned sheets in one `Excel.run`, with a fixed number of syncs:
 *   1. the names of the workbook's sheets (which owned sheets exist) and the ownership record;
 *   2. only when some exist: the charts on them (to delete them), and the first cells of those the
 *      record does not list (for the core's guard, `planOwnedWrite`, which refuses a user's sheet);
 *   3. everything else, with formula calculation suspended: existing owned sheets are cleared in
 *      place (so formulas elsewhere that point at them keep working), missing ones are added, then
 *      values and formulas in 2-D blocks, styles as rectangles, column widths, merges, frozen rows,
 *      page layout, conditional formats and native charts.
 * A write over 4 MB of request takes one more sync per further 4 MB (the project's sheets are far
 * below that). Nothing is written unless the guard passes every sheet; the write stores the new
 * ownership record (a hidden workbook-scoped defined name, core/workbook/owned-sheets.ts).
 */
import type { ChartSpec, ConditionalHighlight, OwnedSheet } from '../core/workbook/port.js';
import { applyStyle, hexColour } from './apply-style.js';
import type { XlRange, XlRequestContext, XlWorksheet, ExcelRun } from './excel-api.js';
import { columnWidthPoints, styleRects, valueBlocks, type FormulaInput } from './output-matrix.js';
import { checkOwnedSheets, HEAD_COLUMNS, HEAD_ROWS, OWNERSHIP_RECORD_NAME, ownershipRecordFormula, parseOwnershipRecord, planOwnedWrite, sheetsToInspect, type ExistingSheet } from '../core/workbook/owned-sheets.js';
import { cellFromOffice } from './cell-from-office.js';
import { matrixBytes } from './payload.js';
import { parseSheetRange } from './sheet-range.js';
import { OPERATION_BYTES, SyncBudget } from './sync-budget.js';

export interface WriteReport {
  /** Sheets written, in the order given. */
  readonly written: readonly string[];
  /** Write-once sheets (`Line Map`) left alone because the workbook already has them. */
  readonly kept: readonly string[];
  /** Syncs this write made. */
  readonly syncs: number;
}

/** Clears an owned sheet in place: charts, merges, conditional formats, contents and formats, widths, heights, frozen panes. */
function clearSheet(ws: XlWorksheet): void {
  for (const chart of ws.charts.items) chart.delete();
  const all = ws.getRange();
  all.unmerge();
  all.conditionalFormats.clearAll();
  all.clear('All');
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  ws.freezePanes.unfreeze();
}

/** Splits a block's rows so each part stays under the budget. */
function* budgetedParts(row: number, values: FormulaInput[][], budget: number): Generator<{ row: number; values: FormulaInput[][]; bytes: number }> {
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < values.length; i++) {
    const rowBytes = matrixBytes([values[i] ?? []]);
    if (i > start && bytes + rowBytes > budget) {
      yield { row: row + start, values: values.slice(start, i), bytes };
      start = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (start < values.length) yield { row: row + start, values: values.slice(start), bytes };
}

async function writeValues(ws: XlWorksheet, sheet: OwnedSheet, budget: SyncBudget, limit: number): Promise<void> {
  for (const block of valueBlocks(sheet.rows)) {
    const width = block.values[0]?.length ?? 0;
    if (width === 0) continue;
    // Each part is one range and one 2-D assignment; a further sync only past the payload budget
    // (see sync-budget.ts): the documented exception to office-addins/no-context-sync-in-loop.
    for (const part of budgetedParts(block.row, block.values, limit)) {
      await budget.reserve(part.bytes + OPERATION_BYTES);
      ws.getRangeByIndexes(part.row, 0, part.values.length, width).formulas = part.values;
    }
  }
}

async function writeStyles(ws: XlWorksheet, sheet: OwnedSheet, budget: SyncBudget): Promise<void> {
  for (const rect of styleRects(sheet.rows)) {
    const formatBytes = rect.style.numberFormat === undefined ? 0 : rect.rowCount * rect.colCount * (rect.style.numberFormat.length + 3);
    await budget.reserve(formatBytes + 12 * OPERATION_BYTES);
    applyStyle(ws.getRangeByIndexes(rect.row, rect.col, rect.rowCount, rect.colCount), rect.style, rect.rowCount, rect.colCount);
  }
}

function writeColumnWidths(ws: XlWorksheet, widths: readonly number[]): void {
  let c = 0;
  while (c < widths.length) {
    const w = widths[c] ?? 0;
    let end = c + 1;
    while (end < widths.length && widths[end] === w) end++;
    if (w > 0) ws.getRangeByIndexes(0, c, 1, end - c).getEntireColumn().format.columnWidth = columnWidthPoints(w);
    c = end;
  }
}

function writeLayout(ws: XlWorksheet, sheet: OwnedSheet, cleared: boolean): void {
  if (sheet.columnWidths !== undefined) writeColumnWidths(ws, sheet.columnWidths);
  for (const m of sheet.merges ?? []) ws.getRange(m).merge(false);
  if (sheet.freezeRows !== undefined && sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
  if (sheet.landscape === true || cleared) ws.pageLayout.orientation = sheet.landscape === true ? 'Landscape' : 'Portrait';
  if (sheet.fitToPage === true) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
  else if (sheet.fitToWidth === true) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  else if (cleared) ws.pageLayout.zoom = { scale: 100 };
  if (sheet.printTitleRows !== undefined) ws.pageLayout.setPrintTitleRows(`$${sheet.printTitleRows.from}:$${sheet.printTitleRows.to}`);
}

function addHighlight(ws: XlWorksheet, h: ConditionalHighlight): void {
  const cf = ws.getRange(h.range).conditionalFormats.add('Custom');
  cf.custom.rule.formula = `=${h.formula.startsWith('=') ? h.formula.slice(1) : h.formula}`;
  cf.custom.format.fill.color = hexColour(h.fill);
  if (h.fontColor !== undefined) cf.custom.format.font.color = hexColour(h.fontColor);
}

function rangeOf(context: XlRequestContext, ref: string): XlRange {
  const parsed = parseSheetRange(ref);
  if (parsed === undefined) throw new Error(`Chart range "${ref}" is not a sheet-qualified A1 range.`); // checked by checkWritable
  return context.workbook.worksheets.getItem(parsed.sheet).getRange(parsed.address);
}

/** A native chart: created over the first series' values, the other series added, categories on every series. */
function addChart(context: XlRequestContext, ws: XlWorksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  if (first === undefined) return;
  const categories = rangeOf(context, spec.categories);
  const chart = ws.charts.add(spec.kind === 'line' ? 'Line' : 'ColumnClustered', rangeOf(context, first.values), 'Columns');
  chart.title.text = spec.title;
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(rangeOf(context, s.values));
    series.setXAxisValues(categories);
  }
  chart.setPosition(spec.from, spec.to);
}

export async function writeOwnedSheets(run: ExcelRun, sheets: readonly OwnedSheet[], payloadBudget: number): Promise<WriteReport> {
  checkOwnedSheets(sheets);
  if (sheets.length === 0) return { written: [], kept: [], syncs: 0 };
  return run(async (context) => {
    let syncs = 0;
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    const recordItem = context.workbook.names.getItemOrNullObject(OWNERSHIP_RECORD_NAME);
    recordItem.load('formula');
    await context.sync(); // sync 1: which sheets exist, and which of them the tool created
    syncs++;
    const record = recordItem.isNullObject ? undefined : parseOwnershipRecord(String(recordItem.formula));
    // Excel compares sheet names ignoring case.
    const existing = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    const existingNames = worksheets.items.map((ws) => ws.name);
    const inspect = sheetsToInspect(sheets, existingNames, record).map((name) => {
      const range = existing.get(name.toLowerCase())!.getRangeByIndexes(0, 0, HEAD_ROWS, HEAD_COLUMNS);
      range.load('values');
      return { name, range };
    });
    const reused = sheets.flatMap((s) => existing.get(s.name.toLowerCase()) ?? []);
    if (reused.length > 0) {
      for (const ws of reused) ws.charts.load('items/name');
      await context.sync(); // sync 2: the charts on the owned sheets that will be cleared, and the first cells of unrecorded ones
      syncs++;
    }
    const inspected: ExistingSheet[] = inspect.map(({ name, range }) => ({ name, head: range.values.map((row) => row.map(cellFromOffice)) }));
    const plan = planOwnedWrite(sheets, existingNames, record, inspected); // throws before anything is written
    const toWrite = plan.write;
    const kept = plan.kept;

    const budget = new SyncBudget(context, payloadBudget); // suspends calculation until the next sync
    const targets = toWrite.map((sheet) => {
      const ws = existing.get(sheet.name.toLowerCase());
      if (ws !== undefined) clearSheet(ws);
      return { sheet, ws: ws ?? worksheets.add(sheet.name), cleared: ws !== undefined };
    });
    for (const { sheet, ws, cleared } of targets) {
      await writeValues(ws, sheet, budget, payloadBudget);
      await writeStyles(ws, sheet, budget);
      await budget.reserve(OPERATION_BYTES * (8 + (sheet.columnWidths?.length ?? 0) + (sheet.merges?.length ?? 0) + 4 * (sheet.highlights?.length ?? 0)));
      writeLayout(ws, sheet, cleared);
      for (const h of sheet.highlights ?? []) addHighlight(ws, h);
    }
    // Charts last: their ranges may be on any of the sheets written above.
    for (const { sheet, ws } of targets) {
      for (const spec of sheet.charts ?? []) {
        await budget.reserve(OPERATION_BYTES * (6 + 4 * spec.series.length));
        addChart(context, ws, spec);
      }
    }
    await budget.reserve(OPERATION_BYTES * 3);
    const formula = ownershipRecordFormula(plan.record);
    if (recordItem.isNullObject) context.workbook.names.add(OWNERSHIP_RECORD_NAME, formula).visible = false;
    else recordItem.formula = formula;
    await budget.flush(); // the write sync
    syncs += 1 + budget.extraSyncs;
    return { written: toWrite.map((s) => s.name), kept, syncs };
  });
}
