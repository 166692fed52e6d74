/** A1 addresses. Rows and columns are 1-based, as in Excel (max column XFD = 16384). */

export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;

/** 1 → `A`, 27 → `AA`, 16384 → `XFD`. Throws on a column outside 1..16384 (a programming error). */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLUMN) {
    throw new RangeError(`Column ${col} is outside 1..${MAX_COLUMN}.`);
  }
  let n = col;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `A` → 1, `xfd` → 16384; undefined when not a column name. */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = (n * 26) + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMN ? n : undefined;
}

/** (2, 7) → `B7`. */
export function cellAddress(col: number, row: number): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) {
    throw new RangeError(`Row ${row} is outside 1..${MAX_ROW}.`);
  }
  return `${columnLetter(col)}${row}`;
}

/** (2, 7) → `$B$7`: both parts absolute. */
export function absoluteAddress(col: number, row: number): string {
  cellAddress(col, row); // validates both parts
  return `$${columnLetter(col)}$${row}`;
}

export interface CellRef {
  readonly col: number;
  readonly row: number;
}

/** `B7`, `$B$7`, `b7` → { col: 2, row: 7 }; undefined when not a single-cell address. */
export function parseAddress(address: string): CellRef | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (m === null) return undefined;
  const col = columnNumber(m[1] ?? '');
  const row = Number(m[2]);
  if (col === undefined || row < 1 || row > MAX_ROW) return undefined;
  return { col, row };
}

export interface RangeRef {
  readonly from: CellRef;
  readonly to: CellRef;
}

/** `B2:D9` (or a single cell `B2`) → normalised corners (top-left, bottom-right); undefined if malformed. */
export function parseRange(range: string): RangeRef | undefined {
  const parts = range.trim().split(':');
  if (parts.length > 2) return undefined;
  const a = parseAddress(parts[0] ?? '');
  const b = parts.length === 2 ? parseAddress(parts[1] ?? '') : a;
  if (a === undefined || b === undefined) return undefined;
  return {
    from: { col: Math.min(a.col, b.col), row: Math.min(a.row, b.row) },
    to: { col: Math.max(a.col, b.col), row: Math.max(a.row, b.row) },
  };
}

/** (2, 3, 4, 9) → `B3:D9`; a single cell gives `B3`. Arguments are first col, first row, last col, last row. */
export function rangeAddress(fromCol: number, fromRow: number, toCol: number, toRow: number): string {
  const a = cellAddress(fromCol, fromRow);
  const b = cellAddress(toCol, toRow);
  return a === b ? a : `${a}:${b}`;
}

/** A sheet name quoted for a formula or chart reference: `'Run Log'`, with `'` doubled. */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Reconciliation'!$A$3:$A$6`: an absolute, sheet-qualified range. */
export function sheetRange(sheet: string, fromCol: number, fromRow: number, toCol: number, toRow: number): string {
  const a = absoluteAddress(fromCol, fromRow);
  const b = absoluteAddress(toCol, toRow);
  return `${quoteSheetName(sheet)}!${a === b ? a : `${a}:${b}`}`;
}
