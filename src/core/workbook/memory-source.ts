/**
 * An in-memory WorkbookSource: sheets given as rows of cell values starting at A1. Used by tests
 * and by callers that already hold values (for example cells pasted into the task pane).
 */
import type { CellValue, ReadRowsOptions, SheetRow, SheetSummary, WorkbookSource } from './port.js';

export type MemorySheets = Readonly<Record<string, readonly (readonly CellValue[])[]>>;

const DEFAULT_CHUNK_ROWS = 10_000;

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

function summarize(name: string, rows: readonly (readonly CellValue[])[]): SheetSummary {
  let firstRow = 0;
  let lastRow = 0;
  let firstColumn = Infinity;
  let lastColumn = 0;
  rows.forEach((cells, r) => {
    cells.forEach((v, c) => {
      if (isEmpty(v)) return;
      if (firstRow === 0) firstRow = r + 1;
      lastRow = r + 1;
      firstColumn = Math.min(firstColumn, c + 1);
      lastColumn = Math.max(lastColumn, c + 1);
    });
  });
  if (firstRow === 0) return { name, firstRow: 1, firstColumn: 1, rowCount: 0, columnCount: 0, merges: [] };
  return { name, firstRow, firstColumn, rowCount: lastRow - firstRow + 1, columnCount: lastColumn - firstColumn + 1, merges: [] };
}

/** A source over `sheets` (name → rows from A1; `null` or missing cells are blank). */
export function memorySource(label: string, sheets: MemorySheets): WorkbookSource {
  const summaries = Object.entries(sheets).map(([name, rows]) => summarize(name, rows));
  return {
    label,
    sheets: () => Promise.resolve(summaries),
    async *readRows(sheet: string, options: ReadRowsOptions = {}): AsyncGenerator<readonly SheetRow[]> {
      const rows = sheets[sheet];
      const summary = summaries.find((s) => s.name === sheet);
      if (rows === undefined || summary === undefined) throw new Error(`No sheet named '${sheet}' in ${label}.`);
      if (summary.rowCount === 0) return;
      const lastRow = summary.firstRow + summary.rowCount - 1;
      const from = Math.max(options.fromRow ?? summary.firstRow, summary.firstRow);
      const to = Math.min(options.toRow ?? lastRow, lastRow);
      const size = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
      let chunk: SheetRow[] = [];
      for (let r = from; r <= to; r++) {
        const source = rows[r - 1] ?? [];
        const cells: CellValue[] = [];
        for (let c = summary.firstColumn; c < summary.firstColumn + summary.columnCount; c++) cells.push(source[c - 1] ?? null);
        chunk.push({ row: r, cells });
        if (chunk.length >= size) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield chunk;
    },
  };
}
