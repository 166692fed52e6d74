/**
 * Reads rows of a sheet's used range in chunks, one `Excel.run` and one sync per chunk, `values`
 * only, through `getRangeByIndexes`. Each chunk stays under the payload budget: its size comes
 * from the column count (see payload.ts), shrinks when a chunk turns out larger than estimated,
 * and a chunk Excel refuses for its size is read again in halves.
 */
import type { CellValue, ReadRowsOptions, SheetRow, SheetSummary } from '../core/workbook/port.js';
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

function toRows(firstRow: number, matrix: readonly (readonly unknown[])[], width: number): SheetRow[] {
  const rows: SheetRow[] = [];
  matrix.forEach((values, i) => {
    const cells: CellValue[] = [];
    for (let c = 0; c < width; c++) cells.push(cellFromOffice(values[c]));
    if (!isEmptyRow(cells)) rows.push({ row: firstRow + i, cells });
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

async function readBlock(run: ExcelRun, sheet: string, row: number, col: number, rowCount: number, columnCount: number): Promise<unknown[][]> {
  return run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRangeByIndexes(row - 1, col - 1, rowCount, columnCount);
    range.load('values');
    await context.sync();
    const values = range.values as unknown;
    // Over the five-million-cell limit Excel may return null without an error.
    if (!Array.isArray(values) || values.length !== rowCount) {
      throw new Error(`Excel returned no values for ${rowCount} rows of '${sheet}' from row ${row}; the range may be over Excel's read limit.`);
    }
    return values as unknown[][];
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
  if (head !== undefined && span.from >= head.firstRow && span.to <= head.lastRow) {
    yield* fromHead(head, span.from, span.to, options.chunkRows);
    return;
  }
  const width = summary.columnCount;
  let size = readChunkRows(width, read.budget, options.chunkRows);
  let row = span.from;
  // One Excel.run + context.sync per chunk, on purpose: the documented exception to
  // office-addins/no-context-sync-in-loop. A sheet larger than one payload cannot be read in one
  // sync, and reading chunk by chunk keeps only one chunk in memory.
  while (row <= span.to) {
    const n = Math.min(size, span.to - row + 1);
    let values: unknown[][];
    try {
      values = await readBlock(read.run, summary.name, row, summary.firstColumn, n, width);
    } catch (e) {
      if (n > 1 && isPayloadLimitError(e)) {
        size = Math.ceil(n / 2);
        continue;
      }
      throw e;
    }
    const perRow = matrixBytes(values) / n;
    if (perRow * size > read.budget) size = Math.max(1, Math.floor(read.budget / perRow));
    const rows = toRows(row, values, width);
    if (rows.length > 0) yield rows;
    row += n;
  }
}
