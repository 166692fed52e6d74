/**
 * A `Reconciliation` sheet as a workbook holds it, for the notes tests: each written cell becomes
 * what a reader gives back (text, a number, a formula as its cached result plus its formula text
 * and number format), the test types into it as a user would, and it is read again through a
 * WorkbookSource that answers typed reads. Runs chain: sheet → book → edits → next run.
 */
import { placeNotes, type NotePlacement } from '../../../src/core/recon/note-placement.js';
import type { ReconResult } from '../../../src/core/recon/recon-result.js';
import { readReconciliationNotes } from '../../../src/core/recon/reconciliation-notes.js';
import { buildReconciliationSheet, reconciliationRowKeys } from '../../../src/core/recon/reconciliation-sheet.js';
import { columnNumber } from '../../../src/core/workbook/address.js';
import type { CellValue, OwnedSheet, ReadRowsOptions, SheetRow, TypedCell, WorkbookSource } from '../../../src/core/workbook/port.js';

export interface BookCell {
  value: CellValue;
  typed: TypedCell | null;
}

export class NotesBook {
  readonly rows: (BookCell | null)[][];

  constructor(sheet: OwnedSheet) {
    this.rows = sheet.rows.map((row) =>
      row.map((c): BookCell | null => {
        if (c === null || 'blank' in c) return null;
        const numberFormat = c.numberFormat === undefined ? {} : { numberFormat: c.numberFormat };
        const typed = (extra: TypedCell): TypedCell | null => (Object.keys(extra).length === 0 ? null : extra);
        if ('text' in c) return c.text === '' ? null : { value: c.text, typed: typed(numberFormat) };
        if ('number' in c) return { value: c.number, typed: typed(numberFormat) };
        return { value: c.result ?? null, typed: { formula: `=${c.formula}`, ...numberFormat } };
      }),
    );
  }

  /** 1-based row of the row whose A and B cells read `a` and `b`. */
  rowOf(a: string, b: string, after = 0): number {
    const i = this.rows.findIndex((row, r) => r >= after && row[0]?.value === a && row[1]?.value === b);
    if (i < 0) throw new Error(`no row ${a} / ${b}`);
    return i + 1;
  }

  /** 1-based row of the first row whose A cell starts with `prefix`. */
  rowStarting(prefix: string): number {
    const i = this.rows.findIndex((row) => typeof row[0]?.value === 'string' && row[0].value.startsWith(prefix));
    if (i < 0) throw new Error(`no row starting ${prefix}`);
    return i + 1;
  }

  /** 1-based column of `header` on the first header row. */
  columnOf(header: string): number {
    const row = this.rows.find((r) => r[0]?.value === 'Program');
    const i = row?.findIndex((c) => c?.value === header) ?? -1;
    if (i < 0) throw new Error(`no column ${header}`);
    return i + 1;
  }

  cell(a1: string): BookCell | null {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    return this.rows[Number(m?.[2]) - 1]?.[(columnNumber(m?.[1] ?? '') ?? 0) - 1] ?? null;
  }

  at(row: number, col: number): BookCell | null {
    return this.rows[row - 1]?.[col - 1] ?? null;
  }

  /** Types into a cell as a user would: a value, or a formula (with the result Excel shows). */
  type(row: number, col: number, value: CellValue, typed: TypedCell | null = null): void {
    while (this.rows.length < row) this.rows.push([]);
    const line = this.rows[row - 1] ?? [];
    while (line.length < col) line.push(null);
    line[col - 1] = value === null && typed === null ? null : { value, typed };
  }

  /** Moves row `from` to the end of the rows block `to` (a user's sort). */
  moveRow(from: number, to: number): void {
    const [row] = this.rows.splice(from - 1, 1);
    this.rows.splice(to - 1, 0, row ?? []);
  }

  source(): WorkbookSource {
    const width = Math.max(...this.rows.map((r) => r.length));
    const rows = this.rows;
    return {
      label: 'book.xlsx',
      sheets: () => Promise.resolve([{ name: 'Reconciliation', firstRow: 1, firstColumn: 1, rowCount: rows.length, columnCount: width, merges: [] }]),
      async *readRows(_sheet: string, options: ReadRowsOptions = {}): AsyncGenerator<readonly SheetRow[]> {
        const out: SheetRow[] = [];
        rows.forEach((line, i) => {
          const cells = Array.from({ length: width }, (_, c) => line[c]?.value ?? null);
          const typed = Array.from({ length: width }, (_, c) => line[c]?.typed ?? null);
          if (cells.every((v) => v === null) && typed.every((t) => t?.formula === undefined)) return;
          out.push(options.typed === true ? { row: i + 1, cells, typed } : { row: i + 1, cells });
        });
        await Promise.resolve();
        yield out;
      },
    };
  }
}

export interface NotesRun {
  readonly sheet: OwnedSheet;
  readonly notes: NotePlacement;
  readonly book: NotesBook;
}

/** One run as runReconciliation does it for the notes: read the previous book, place, build. */
export async function notesRun(result: ReconResult, previous: NotesBook | undefined, today: string): Promise<NotesRun> {
  const read = previous === undefined ? { notes: [], columns: [] } : await readReconciliationNotes(previous.source());
  const notes = placeNotes(read, reconciliationRowKeys(result), today);
  const sheet = buildReconciliationSheet(result, notes);
  return { sheet, notes, book: new NotesBook(sheet) };
}
