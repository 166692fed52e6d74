/** The rows and columns an address covers: `D21`, `B2:D9`, or whole rows `3:3` (as issues name a header row). */
import { parseRange } from '../../core/workbook/address.js';

export interface SelectionBox {
  readonly fromRow: number;
  readonly toRow: number;
  /** Undefined for whole rows. */
  readonly fromCol?: number;
  readonly toCol?: number;
}

export function selectionBox(address: string): SelectionBox | undefined {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address.trim());
  if (rows !== null) {
    const a = Number(rows[1]);
    const b = Number(rows[2]);
    return { fromRow: Math.min(a, b), toRow: Math.max(a, b) };
  }
  const r = parseRange(address);
  return r === undefined ? undefined : { fromRow: r.from.row, toRow: r.to.row, fromCol: r.from.col, toCol: r.to.col };
}

export function inBox(box: SelectionBox | undefined, row: number, col: number): boolean {
  if (box === undefined || row < box.fromRow || row > box.toRow) return false;
  return box.fromCol === undefined || box.toCol === undefined || (col >= box.fromCol && col <= box.toCol);
}
