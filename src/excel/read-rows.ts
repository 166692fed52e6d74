/**
 * Reads rows of a sheet's used range in chunks, one `Excel.run` and one sync per chunk, `values`
 * only, through `getRangeByIndexes`. Each chunk stays under the payload budget: its size comes
 * from the column count (see payload.ts), shrinks when a chunk turns out larger than estimated,
 * and a chunk Excel refuses for its size is read again in halves.
 */
import type { CellValue, ReadRowsOptions, SheetRow, SheetSummary, TypedCell } from '../core/workbook/port.js';
import { cellFromOffice, isEmptyRow } from './cell-from-office.js';
import type { ExcelRun } from './excel-api.js';
import { isPayloadLimitError, matrixBytes, readChunkRows } from './payload.js';
import type { SheetHead } from './sheet-snapshot.js';

/** Rows `from`..`to` of the request, clipped to the used range; undefined when nothing is left. */
export function rowSpan(summary: SheetSummary, options: ReadRowsOptions): { from: number; to: number } | undefined {
  if (summary.rowCount === 0) return undefined;
  const last = summary.firstRow + summary.rowCount - 1;
  const from = Math.max(options.fromRow ?? summary.firstRow, summary.firstRow);
  const to = Math.min(options.toRow ?? last, last);
  return from <= to ? { from, to } : undefined;
}

/** `Range.formulas` and `Range.numberFormat` of a block, read when `ReadRowsOptions.typed` asks. */
interface TypedMatrix {
  readonly formulas: readonly (readonly unknown[])[];
  readonly numberFormats: readonly (readonly unknown[])[];
}

/**
 * One cell's formula and number format. `formulas` gives a constant's value, so a cell holds a
 * formula when that entry starts with `=` and differs from its value (a text constant `=x`, typed
 * with Excel's ' prefix, reads the same in both and stays a constant).
 */
function typedOf(value: unknown, formula: unknown, format: unknown): TypedCell | null {
  const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula.length > 1 && formula !== value;
  const numberFormat = typeof format === 'string' && format !== '' && format.toLowerCase() !== 'general' ? format : undefined;
  if (!isFormula && numberFormat === undefined) return null;
  return { ...(isFormula ? { formula } : {}), ...(numberFormat === undefined ? {} : { numberFormat }) };
}

/** Rows of `width` cells from a matrix whose first column is cell `offset` of each row (a read of fewer columns than the used range). */
function toRows(firstRow: number, matrix: readonly (readonly unknown[])[], width: number, typed?: TypedMatrix, offset = 0): SheetRow[] {
  const rows: SheetRow[] = [];
  matrix.forEach((values, i) => {
    const cells: CellValue[] = [];
    for (let c = 0; c < width; c++) cells.push(c < offset ? null : cellFromOffice(values[c - offset]));
    if (typed === undefined) {
      if (!isEmptyRow(cells)) rows.push({ row: firstRow + i, cells });
      return;
    }
    const line = Array.from({ length: width }, (_, c) => typedOf(values[c], typed.formulas[i]?.[c], typed.numberFormats[i]?.[c]));
    if (!isEmptyRow(cells) || line.some((t) => t?.formula !== undefined)) rows.push({ row: firstRow + i, cells, typed: line });
  });
  return rows;
}

/** Serves a request inside the rows `sheets()` already read; no sync. */
function* fromHead(head: SheetHead, from: number, to: number, chunkRows: number | undefined): Generator<readonly SheetRow[]> {
  const rows: SheetRow[] = [];
  for (let r = from; r <= to; r++) {
    const cells = head.rows[r - head.firstRow];
    if (cells !== undefined && !isEmptyRow(cells)) rows.push({ row: r, cells });
  }
  const size = chunkRows === undefined ? rows.length : Math.max(1, Math.floor(chunkRows));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

interface Block {
  readonly values: unknown[][];
  readonly typed?: TypedMatrix;
}

async function readBlock(run: ExcelRun, sheet: string, row: number, col: number, rowCount: number, columnCount: number, typed: boolean): Promise<Block> {
  return run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row - 1, col - 1, rowCount, columnCount);
    range.load(typed ? 'values,formulas,numberFormat' : 'values');
    await context.sync();
    const values = range.values as unknown;
    // Over the five-million-cell limit Excel may return null without an error.
    if (!Array.isArray(values) || values.length !== rowCount) {
      throw new Error(`Excel returned no values for ${rowCount} rows of '${sheet}' from row ${row}; the range may be over Excel's read limit.`);
    }
    if (!typed) return { values: values as unknown[][] };
    const formulas = range.formulas as unknown;
    const numberFormats = range.numberFormat as unknown;
    return { values: values as unknown[][], typed: { formulas: Array.isArray(formulas) ? (formulas as unknown[][]) : [], numberFormats: Array.isArray(numberFormats) ? (numberFormats as unknown[][]) : [] } };
  });
}

export interface ChunkReadOptions {
  readonly run: ExcelRun;
  readonly budget: number;
  readonly head?: SheetHead | undefined;
}

/** The rows of `summary`'s sheet in chunks; blank rows are skipped. */
export async function* readSheetRows(summary: SheetSummary, options: ReadRowsOptions, read: ChunkReadOptions): AsyncGenerator<readonly SheetRow[]> {
  const span = rowSpan(summary, options);
  if (span === undefined) return;
  const { head } = read;
  const typed = options.typed === true;
  // The rows read ahead hold values only: a typed read asks Excel for formulas and formats too.
  if (!typed && head !== undefined && span.from >= head.firstRow && span.to <= head.lastRow) {
    yield* fromHead(head, span.from, span.to, options.chunkRows);
    return;
  }
  const width = summary.columnCount;
  // Only the span of the columns asked for is loaded (ReadRowsOptions.columns): a claim table's
  // Claim ID column, often the first, is not sent to the add-in at all.
  let first = summary.firstColumn;
  let spanWidth = width;
  if (options.columns !== undefined && !typed) {
    const inRange = options.columns.filter((c) => c >= summary.firstColumn && c < summary.firstColumn + width);
    if (inRange.length === 0) return;
    first = Math.min(...inRange);
    spanWidth = Math.max(...inRange) - first + 1;
  }
  // A typed read loads three matrices (values, formulas, number formats) per chunk.
  let size = readChunkRows(spanWidth, typed ? Math.floor(read.budget / 3) : read.budget, options.chunkRows);
  let row = span.from;
  // One Excel.run + context.sync per chunk, on purpose: the documented exception to
  // office-addins/no-context-sync-in-loop. A sheet larger than one payload cannot be read in one
  // sync, and reading chunk by chunk keeps only one chunk in memory.
  while (row <= span.to) {
    const n = Math.min(size, span.to - row + 1);
    let block: Block;
    try {
      block = await readBlock(read.run, summary.name, row, first, n, spanWidth, typed);
    } catch (e) {
      if (n > 1 && isPayloadLimitError(e)) {
        size = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    const perRow = (matrixBytes(block.values) * (typed ? 3 : 1)) / n;
    if (perRow * size > read.budget) size = Math.max(1, Math.floor(read.budget / perRow));
    const rows = toRows(row, block.values, width, block.typed, first - summary.firstColumn);
    if (rows.length > 0) yield rows;
    row += n;
  }
}
