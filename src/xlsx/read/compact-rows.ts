/**
 * The cells of a sheet's opening pass kept in typed arrays (about 7 bytes a cell, plus 8 for a
 * number or date), so that a sheet read once to find its used range is not parsed a second time to
 * hand its rows to the core: a full claim sheet (1,048,576 rows x 5 columns) takes about 45 MB
 * here, against several hundred as JavaScript rows. A budget in estimated bytes bounds the store;
 * past it, the store stops at the last complete row and later rows are streamed from the file again.
 */
import type { CellValue } from '../../core/workbook/port.js';
import { FloatBlocks, IntBlocks } from './number-blocks.js';
import { TextStore, type SharedStringTable } from './text-store.js';


const NUMBER = 0;
const DATE = 1;
const SHARED = 2;
const TEXT = 3;
const TRUE = 4;
const FALSE = 5;
const ERROR = 6;
/** Plain text kept as its UTF-8 bytes (decoded when read). */
const BYTES = 7;

/** Distinct texts of inline strings and error codes kept once each (beyond it, texts are stored as they come). */
const INTERN_LIMIT = 4096;
/** Rows a store keeps once it is past its budget (the first rows, where tables are looked for). */
const ROWS_KEPT_PAST_BUDGET = 1_000;
/** Cells added between two checks of the budget. */
const CHECK_CELLS = 16_384;

/**
 * A row of `width` blanks. Built by a loop: `new Array(width).fill(null)` was measured at about
 * 400 ns a row, most of the time of handing a million rows to the core.
 */
export function blankRow(width: number): CellValue[] {
  const cells: CellValue[] = [];
  for (let k = 0; k < width; k++) cells.push(null);
  return cells;
}

export class CompactRows {
  private readonly rowNumbers = new IntBlocks();
  /** Index of each row's first cell; the row's cells end where the next row's begin. */
  private readonly rowStarts = new IntBlocks();
  /** Per cell: its column (at most 16,384) in the low 16 bits, its kind above. */
  private readonly cells = new IntBlocks();
  /** Per cell: its number's index in `numbers`, its text's in `texts` or the shared strings, or 0. */
  private readonly refs = new IntBlocks();
  private readonly styles = new IntBlocks();
  private readonly numbers = new FloatBlocks();
  private readonly texts: string[] = [];
  private readonly interned = new Map<string, number>();
  /** Plain texts as UTF-8 bytes (decoded when read). */
  private readonly plainTexts = new TextStore();
  private textBytes = 0;
  private rowOpen = false;
  private nextCheck = CHECK_CELLS;
  /** The last row whose cells are all kept (0 before the first). */
  through = 0;
  /** False once the budget ran out: rows after `through` are not kept. */
  complete = true;

  constructor(
    private readonly sharedStrings: SharedStringTable,
    private readonly budgetBytes: number,
    /** Keep each cell's format index too (the preview shows number formats); the core needs only values. */
    private readonly keepStyles = false,
  ) {}

  /** Estimated bytes held. */
  bytes(): number {
    return this.rowNumbers.bytes() * 2 + this.cells.bytes() + this.refs.bytes() + this.styles.bytes() + this.numbers.bytes() + this.textBytes + this.interned.size * 48 + this.plainTexts.bytes();
  }

  private text(s: string): number {
    const hit = this.interned.get(s);
    if (hit !== undefined) return hit;
    this.texts.push(s);
    this.textBytes += s.length * 2 + 32;
    if (this.interned.size < INTERN_LIMIT) this.interned.set(s, this.texts.length - 1);
    return this.texts.length - 1;
  }

  /** Adds a cell of row `row` (rows in order); `sharedIndex` is its shared-string index when it is one. */
  add(row: number, col: number, value: Exclude<CellValue, null>, style: number, sharedIndex: number): void {
    if (!this.complete) return;
    this.open(row, style);
    let kind: number;
    let ref = 0;
    if (typeof value === 'number') {
      kind = NUMBER;
      ref = this.numbers.length;
      this.numbers.push(value);
    } else if (typeof value === 'string') {
      kind = sharedIndex >= 0 ? SHARED : TEXT;
      ref = sharedIndex >= 0 ? sharedIndex : this.text(value);
    } else if (typeof value === 'boolean') {
      kind = value ? TRUE : FALSE;
    } else if (value instanceof Date) {
      kind = DATE;
      ref = this.numbers.length;
      this.numbers.push(value.getTime());
    } else {
      kind = ERROR;
      ref = this.text(value.code);
    }
    this.cells.push(col | (kind << 16));
    this.refs.push(ref);
  }

  /**
   * Adds a cell of plain text given as its UTF-8 bytes `b[from..to)` (valid only during the call):
   * kept as bytes, about a fifth of the memory of a string, and decoded only if it is read (a
   * claim sheet's Claim ID column never is).
   */
  addText(row: number, col: number, b: Uint8Array, from: number, to: number, style: number): void {
    if (!this.complete) return;
    this.open(row, style);
    this.cells.push(col | (BYTES << 16));
    this.refs.push(this.plainTexts.addBytes(b, from, to));
  }

  /** Adds a cell holding shared string `index` (not empty). */
  addShared(row: number, col: number, index: number, style: number): void {
    if (!this.complete) return;
    this.open(row, style);
    this.cells.push(col | (SHARED << 16));
    this.refs.push(index);
  }

  private open(row: number, style: number): void {
    if (!this.rowOpen) {
      this.rowNumbers.push(row);
      this.rowStarts.push(this.cells.length);
      this.rowOpen = true;
    }
    if (this.keepStyles) this.styles.push(style);
  }

  /** Ends row `row`. Returns false when the budget has run out (the store then ends at the row before). */
  rowEnd(row: number): boolean {
    if (!this.complete) return false;
    if (this.rowOpen) {
      this.rowOpen = false;
      // Checked every 16,384 cells (not every row: a row may hold 16,384 cells).
      if (this.cells.length >= this.nextCheck) {
        this.nextCheck = this.cells.length + CHECK_CELLS;
        if (this.bytes() > this.budgetBytes) {
          this.drop();
          this.keepFirst(ROWS_KEPT_PAST_BUDGET);
          return false;
        }
      }
    }
    this.through = row;
    return true;
  }

  /** Stops keeping rows: the store keeps what it has through the last complete row. */
  drop(): void {
    if (!this.complete) return;
    this.complete = false;
    if (this.rowOpen) {
      // The open row is incomplete: forget it.
      const start = this.rowStarts.get(this.rowNumbers.length - 1);
      this.rowNumbers.truncate(this.rowNumbers.length - 1);
      this.rowStarts.truncate(this.rowStarts.length - 1);
      this.cells.truncate(start);
      this.refs.truncate(start);
      if (this.keepStyles) this.styles.truncate(start);
      this.rowOpen = false;
    }
  }

  /**
   * Past the budget, keeps only the first `rows` rows (where tables are looked for): rows after
   * them are streamed again when read anyway (a read goes through to the sheet's end), so keeping
   * them would only hold memory.
   */
  private keepFirst(rows: number): void {
    if (this.rowNumbers.length <= rows) return;
    const cellsEnd = this.rowStarts.get(rows);
    let numbers = 0;
    let texts = 0;
    let plain = 0;
    for (let i = 0; i < cellsEnd; i++) {
      const kind = this.cells.get(i) >>> 16;
      const ref = this.refs.get(i) + 1;
      if ((kind === NUMBER || kind === DATE) && ref > numbers) numbers = ref;
      else if ((kind === TEXT || kind === ERROR) && ref > texts) texts = ref;
      else if (kind === BYTES && ref > plain) plain = ref;
    }
    this.through = this.rowNumbers.get(rows - 1);
    this.rowNumbers.truncate(rows);
    this.rowStarts.truncate(rows);
    this.cells.truncate(cellsEnd);
    this.refs.truncate(cellsEnd);
    if (this.keepStyles) this.styles.truncate(cellsEnd);
    this.numbers.truncate(numbers);
    this.texts.length = texts;
    this.textBytes = this.texts.reduce((sum, t) => sum + t.length * 2 + 32, 0);
    this.interned.clear();
    this.plainTexts.truncate(plain);
  }

  private value(i: number): Exclude<CellValue, null> {
    const kind = this.cells.get(i) >>> 16;
    const ref = this.refs.get(i);
    switch (kind) {
      case NUMBER:
        return this.numbers.get(ref);
      case DATE:
        return new Date(this.numbers.get(ref));
      case SHARED:
        return this.sharedStrings.text(ref) as string;
      case TEXT:
        return this.texts[ref] as string;
      case TRUE:
        return true;
      case FALSE:
        return false;
      case BYTES:
        return this.plainTexts.text(ref) as string;
      default:
        return { kind: 'error', code: this.texts[ref] as string };
    }
  }

  /** Index of the first kept row numbered `row` or more. */
  private firstRowAtOrAfter(row: number): number {
    let lo = 0;
    let hi = this.rowNumbers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rowNumbers.get(mid) < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The kept rows from `from` to `to` as the port's rows: values of columns `firstColumn` to
   * `firstColumn + width - 1`; with `wanted` (1 by offset from `firstColumn`), only those columns' values.
   */
  *sheetRows(from: number, to: number, firstColumn: number, width: number, wanted?: Uint8Array): Generator<{ row: number; cells: CellValue[] }> {
    const n = this.rowNumbers.length;
    for (let r = this.firstRowAtOrAfter(from); r < n; r++) {
      const row = this.rowNumbers.get(r);
      if (row > to) return;
      const start = this.rowStarts.get(r);
      const end = r + 1 < n ? this.rowStarts.get(r + 1) : this.cells.length;
      const cells = blankRow(width);
      for (let i = start; i < end; i++) {
        const at = (this.cells.get(i) & 0xffff) - firstColumn;
        if (at >= 0 && at < width && (wanted === undefined || wanted[at] === 1)) cells[at] = this.value(i);
      }
      yield { row, cells };
    }
  }

  /** Every kept row from `from` to `to`, with its cells' columns, values and cell formats. */
  *rows(from: number, to: number): Generator<{ row: number; cols: number[]; values: Exclude<CellValue, null>[]; styles: number[] }> {
    const n = this.rowNumbers.length;
    for (let r = this.firstRowAtOrAfter(from); r < n; r++) {
      const row = this.rowNumbers.get(r);
      if (row > to) return;
      const start = this.rowStarts.get(r);
      const end = r + 1 < n ? this.rowStarts.get(r + 1) : this.cells.length;
      const cols: number[] = [];
      const values: Exclude<CellValue, null>[] = [];
      const styles: number[] = [];
      for (let i = start; i < end; i++) {
        cols.push(this.cells.get(i) & 0xffff);
        values.push(this.value(i));
        styles.push(this.keepStyles ? this.styles.get(i) : 0);
      }
      yield { row, cols, values, styles };
    }
  }
}
