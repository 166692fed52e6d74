/** A WorkbookSource over a workbook exceljs has loaded whole (files under the streaming threshold). */
import type ExcelJS from 'exceljs';
import type { CellValue, ReadRowsOptions, SheetRow, SheetSummary, TypedCell, WorkbookSource } from '../core/workbook/port.js';
import { cellValueOf, typedCellOf } from './cell-from-exceljs.js';
import { UsedRange } from './used-range.js';

export const DEFAULT_CHUNK_ROWS = 10_000;

function isEmpty(v: CellValue): boolean {
  return v === null || v === '';
}

function valueOf(cell: ExcelJS.Cell | undefined): CellValue {
  return cell === undefined ? null : cellValueOf(cell);
}

function summarize(ws: ExcelJS.Worksheet): SheetSummary {
  const range = new UsedRange();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A formula saved without a cached result (openpyxl writes them so) still holds what was typed.
      if (!isEmpty(valueOf(cell)) || cell.formula !== undefined) range.add(rowNumber, col);
    });
  });
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  return { name: ws.name, ...range.summary(), merges: [...merges], ...(ws.state === 'visible' ? {} : { hidden: true }) };
}

export class FullWorkbookSource implements WorkbookSource {
  private summaries: readonly SheetSummary[] | undefined;

  constructor(
    readonly label: string,
    private readonly workbook: ExcelJS.Workbook,
  ) {}

  sheets(): Promise<readonly SheetSummary[]> {
    this.summaries ??= this.workbook.worksheets.map(summarize);
    return Promise.resolve(this.summaries);
  }

  async *readRows(sheet: string, options: ReadRowsOptions = {}): AsyncGenerator<readonly SheetRow[]> {
    const ws = this.workbook.getWorksheet(sheet);
    const summary = (await this.sheets()).find((s) => s.name === sheet);
    if (ws === undefined || summary === undefined) throw new Error(`${this.label} has no sheet named '${sheet}'.`);
    if (summary.rowCount === 0) return;
    const last = summary.firstRow + summary.rowCount - 1;
    const from = Math.max(options.fromRow ?? summary.firstRow, summary.firstRow);
    const to = Math.min(options.toRow ?? last, last);
    const size = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
    let chunk: SheetRow[] = [];
    for (let r = from; r <= to; r++) {
      const row = ws.findRow(r);
      if (row === undefined) continue;
      const cells: CellValue[] = [];
      const typed: (TypedCell | null)[] = [];
      for (let c = summary.firstColumn; c < summary.firstColumn + summary.columnCount; c++) {
        const cell = row.findCell(c);
        cells.push(valueOf(cell));
        if (options.typed === true) typed.push(cell === undefined ? null : typedCellOf(cell));
      }
      if (cells.every(isEmpty) && !typed.some((t) => t?.formula !== undefined)) continue;
      chunk.push(options.typed === true ? { row: r, cells, typed } : { row: r, cells });
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }
}
