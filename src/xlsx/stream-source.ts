/**
 * A WorkbookSource over a large .xlsx read with exceljs's streaming reader, so a sheet of
 * 1,048,576 rows is never held in memory. Opening parses only the first rows of each sheet (enough
 * to find tables by their headers) and takes the rest of the used range from the sheet's
 * `<dimension>`; reading further rows streams that one sheet again, one chunk at a time.
 */
import { parseRange } from '../core/workbook/address.js';
import type { CellValue, ReadRowsOptions, SheetRow, SheetSummary, WorkbookSource } from '../core/workbook/port.js';
import { cellValueOf } from './cell-from-exceljs.js';
import { DEFAULT_CHUNK_ROWS } from './full-source.js';
import { XlsxPackageReader, type ExcelStreamSheet, type PackageSheet } from './package-reader.js';
import { UsedRange } from './used-range.js';

/** Rows kept from the top of each sheet when it is opened (table headers are looked for there). */
export const DEFAULT_HEAD_ROWS = 200;

type Cells = readonly (readonly [number, CellValue])[];

/** A streamed row → [column, value] pairs of its non-empty cells. */
function nonEmptyCells(row: { eachCell: (opts: { includeEmpty: boolean }, fn: (cell: import('exceljs').Cell, col: number) => void) => void }): [number, CellValue][] {
  const out: [number, CellValue][] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const value = cellValueOf(cell);
    if (value !== null && value !== '') out.push([col, value]);
  });
  return out;
}

interface SheetScan {
  readonly sheet: PackageSheet;
  readonly summary: SheetSummary;
  /** Row number → non-empty cells, for every non-empty row up to `headThrough`. */
  readonly head: ReadonlyMap<number, Cells>;
  readonly headThrough: number;
}

function toSheetRow(rowNumber: number, cells: Cells, summary: SheetSummary): SheetRow {
  const out = new Array<CellValue>(summary.columnCount).fill(null);
  for (const [col, v] of cells) {
    const i = col - summary.firstColumn;
    if (i >= 0 && i < out.length) out[i] = v;
  }
  return { row: rowNumber, cells: out };
}

/** Iterates a streamed sheet's rows, closing the stream when the caller stops early. */
async function* rowsOf(ws: ExcelStreamSheet): AsyncGenerator<{ number: number; cells: [number, CellValue][] }> {
  for await (const row of ws) {
    const cells = nonEmptyCells(row);
    if (cells.length > 0) yield { number: row.number, cells };
  }
}

export interface StreamSourceOptions {
  readonly headRows?: number;
}

export class StreamWorkbookSource implements WorkbookSource {
  private constructor(
    readonly label: string,
    private readonly pkg: XlsxPackageReader,
    private readonly scans: readonly SheetScan[],
  ) {}

  /** Opens `path` and reads the head of every sheet. Throws when the file is not an .xlsx package. */
  static async open(label: string, path: string, options: StreamSourceOptions = {}): Promise<StreamWorkbookSource> {
    const headRows = options.headRows ?? DEFAULT_HEAD_ROWS;
    const pkg = await XlsxPackageReader.open(path);
    const scans: SheetScan[] = [];
    for (const sheet of pkg.sheets) scans.push(await StreamWorkbookSource.scanSheet(pkg, sheet, headRows));
    return new StreamWorkbookSource(label, pkg, scans);
  }

  private static async scanSheet(pkg: XlsxPackageReader, sheet: PackageSheet, headRows: number): Promise<SheetScan> {
    const range = new UsedRange();
    const head = new Map<number, Cells>();
    let complete = true;
    for await (const row of rowsOf(pkg.worksheet(sheet))) {
      if (range.firstRow !== 0 && row.number >= range.firstRow + headRows) {
        complete = false;
        break;
      }
      for (const [col] of row.cells) range.add(row.number, col);
      head.set(row.number, row.cells);
    }
    const headThrough = complete ? Number.POSITIVE_INFINITY : range.firstRow + headRows - 1;
    if (!complete) {
      const dim = parseRange((await pkg.dimension(sheet)) ?? '');
      if (dim !== undefined) {
        range.add(dim.to.row, Math.max(dim.to.col, range.lastColumn));
        range.add(range.firstRow, Math.min(dim.from.col, range.firstColumn));
      } else {
        // No <dimension>: count the rest of the sheet (one extra pass, still one row at a time).
        for await (const row of rowsOf(pkg.worksheet(sheet))) for (const [col] of row.cells) range.add(row.number, col);
      }
    }
    const summary: SheetSummary = { name: sheet.name, ...range.summary(), merges: [], ...(sheet.hidden ? { hidden: true } : {}) };
    return { sheet, summary, head, headThrough };
  }

  sheets(): Promise<readonly SheetSummary[]> {
    return Promise.resolve(this.scans.map((s) => s.summary));
  }

  async *readRows(sheet: string, options: ReadRowsOptions = {}): AsyncGenerator<readonly SheetRow[]> {
    const scan = this.scans.find((s) => s.summary.name === sheet);
    if (scan === undefined) throw new Error(`${this.label} has no sheet named '${sheet}'.`);
    const { summary } = scan;
    if (summary.rowCount === 0) return;
    const last = summary.firstRow + summary.rowCount - 1;
    const from = Math.max(options.fromRow ?? summary.firstRow, summary.firstRow);
    const to = Math.min(options.toRow ?? last, last);
    const size = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
    if (to < from) return;
    const rows = to <= scan.headThrough ? this.fromHead(scan, from, to) : this.fromStream(scan, from, to);
    let chunk: SheetRow[] = [];
    for await (const row of rows) {
      chunk.push(toSheetRow(row.number, row.cells, summary));
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  private async *fromHead(scan: SheetScan, from: number, to: number): AsyncGenerator<{ number: number; cells: Cells }> {
    const numbers = [...scan.head.keys()].filter((r) => r >= from && r <= to).sort((a, b) => a - b);
    for (const n of numbers) yield { number: n, cells: scan.head.get(n) ?? [] };
  }

  private async *fromStream(scan: SheetScan, from: number, to: number): AsyncGenerator<{ number: number; cells: Cells }> {
    for await (const row of rowsOf(this.pkg.worksheet(scan.sheet))) {
      if (row.number > to) return;
      if (row.number >= from) yield row;
    }
  }
}
