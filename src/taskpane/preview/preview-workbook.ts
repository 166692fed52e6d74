/**
 * The preview's workbook: an .xlsx file held in memory, read with the same reader as the command
 * line (src/xlsx/read: the same sheet scanner and cell decoding, over an in-memory zip). Writing
 * the owned sheets builds the copy exactly as the command line's --out does (build-copy.ts) and
 * reads it back, so the preview shows and downloads what a run writes.
 */
import { withNoteEdits, type NoteEdit } from '../../core/recon/note-cells.js';
import { RECONCILIATION_SHEET } from '../../core/workbook/owned-sheets.js';
import { cellText } from '../../core/workbook/cell-value.js';
import type { CellValue, OwnedSheet, WorkbookSource } from '../../core/workbook/port.js';
import { buildCopy } from '../../xlsx/build-copy.js';
import { openXlsxBytes } from '../../xlsx/read/open-bytes.js';
import { XlsxReadError } from '../../xlsx/read/read-error.js';
import type { XlsxBook } from '../../xlsx/read/xlsx-book.js';

/** One row of a sheet as the preview shows it. */
export interface GridRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** A window of a sheet: rows `fromRow` on, columns 1 to `columnCount`. */
export interface SheetGrid {
  readonly sheet: string;
  readonly columnCount: number;
  readonly rows: readonly GridRow[];
  /** The sheet's last used row (the window may stop earlier). */
  readonly lastRow: number;
}

const MAX_COLUMNS = 40;

/** A cell's value as the preview shows it: numbers with the cell's number format when it is a percentage or money. */
export function displayText(value: CellValue, numberFormat: string | undefined): string {
  if (typeof value === 'number') {
    const fmt = numberFormat ?? '';
    if (fmt.includes('%')) {
      const digits = /0\.(0+)%/.exec(fmt)?.[1]?.length ?? 0;
      return `${(value * 100).toFixed(digits)}%`;
    }
    if (/[#0],[#0]{3}/.test(fmt) || fmt.includes('$')) {
      const digits = /0\.(0+)/.exec(fmt)?.[1]?.length ?? 0;
      return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  }
  return cellText(value);
}

interface SheetText {
  readonly columnCount: number;
  readonly lastRow: number;
  /** Row number → display text of columns 1 to columnCount. */
  readonly rows: ReadonlyMap<number, readonly string[]>;
}

/** Reads `bytes` with the shared reader; the message names the file and says what to do. */
async function readBook(label: string, bytes: Uint8Array): Promise<XlsxBook> {
  try {
    return await openXlsxBytes(label, bytes, { styles: true });
  } catch (e) {
    if (e instanceof XlsxReadError) throw new Error(`${label} could not be opened as an Excel workbook (.xlsx): ${e.message.slice(label.length).replace(/^:?\s*/, '')}`, { cause: e });
    throw e;
  }
}

async function sheetTexts(book: XlsxBook): Promise<Map<string, SheetText>> {
  const out = new Map<string, SheetText>();
  for (const summary of await book.sheets()) {
    const lastColumn = summary.rowCount === 0 ? 0 : summary.firstColumn + summary.columnCount - 1;
    const columnCount = Math.min(MAX_COLUMNS, Math.max(1, lastColumn));
    const rows = new Map<number, string[]>();
    for await (const batch of book.readCells(summary.name)) {
      for (const r of batch) {
        const cells = new Array<string>(columnCount).fill('');
        for (const [col, value, style] of r.cells) if (col <= columnCount) cells[col - 1] = displayText(value, book.formatCode(style));
        rows.set(r.row, cells);
      }
    }
    out.set(summary.name, { columnCount, lastRow: summary.rowCount === 0 ? 0 : summary.firstRow + summary.rowCount - 1, rows });
  }
  return out;
}

export class PreviewWorkbook {
  /** The latest version of each owned sheet written, by lower-case name, for the download. */
  private readonly written = new Map<string, OwnedSheet>();

  private constructor(
    readonly label: string,
    private readonly original: Uint8Array,
    private book: XlsxBook,
    private texts: Map<string, SheetText>,
  ) {}

  /** Opens an .xlsx file's bytes. Throws with a readable message when they are not an .xlsx workbook. */
  static async open(label: string, bytes: ArrayBuffer): Promise<PreviewWorkbook> {
    const original = new Uint8Array(bytes.slice(0));
    const book = await readBook(label, original);
    return new PreviewWorkbook(label, original, book, await sheetTexts(book));
  }

  /** The workbook as it is now (a new source after each write, so no summary is stale). */
  get source(): WorkbookSource {
    return this.book;
  }

  sheetNames(): string[] {
    return [...this.texts.keys()];
  }

  /** Up to `maxRows` rows of `sheet` from `fromRow`, as display text. */
  grid(sheet: string, fromRow: number, maxRows: number): SheetGrid {
    const text = this.texts.get(sheet);
    if (text === undefined) return { sheet, columnCount: 0, rows: [], lastRow: 0 };
    const rows: GridRow[] = [];
    const blank = new Array<string>(text.columnCount).fill('');
    for (let r = Math.max(1, fromRow); r <= text.lastRow && rows.length < maxRows; r++) rows.push({ row: r, cells: text.rows.get(r) ?? blank });
    return { sheet, columnCount: text.columnCount, rows, lastRow: text.lastRow };
  }

  /**
   * Writes the owned sheets: each replaces the sheet of its name (or is added at the end), as the
   * command line's copy does, through the same core owned-sheet guard (buildCopy): a sheet of the
   * user's with an owned name stops the write (UserSheetConflictError) and nothing is written.
   */
  async writeOwned(sheets: readonly OwnedSheet[]): Promise<void> {
    const next = new Map(this.written);
    for (const sheet of sheets) next.set(sheet.name.toLowerCase(), sheet);
    const bytes = new Uint8Array(await this.copyWith([...next.values()]));
    this.written.clear();
    for (const [k, v] of next) this.written.set(k, v);
    this.book = await readBook(this.label, bytes);
    this.texts = await sheetTexts(this.book);
  }


  /** Puts Explanation / Status text into the Reconciliation sheet last written (checked by the host), as Excel would. */
  async writeNoteCells(edits: readonly NoteEdit[]): Promise<void> {
    const recon = this.written.get(RECONCILIATION_SHEET.toLowerCase());
    if (recon === undefined) throw new Error(`The ${RECONCILIATION_SHEET} sheet has not been written yet; run Reconcile first.`);
    await this.writeOwned([withNoteEdits(recon, edits)]);
  }

  /**
   * The workbook as an .xlsx file: the opened file with the written sheets added or replaced at the
   * package level, exactly as the command line's --out writes it (native charts included).
   */
  async toBytes(): Promise<ArrayBuffer> {
    return this.copyWith([...this.written.values()]);
  }

  private async copyWith(sheets: readonly OwnedSheet[]): Promise<ArrayBuffer> {
    const zip = await buildCopy(this.original, sheets);
    return zip.generateAsync({ type: 'arraybuffer', compression: 'DEFLATE' });
  }
}

