/** Sheet-qualified A1 ranges as the core writes them for charts: `'Reconciliation'!$A$3:$A$6`. */
import { parseRange } from '../core/workbook/address.js';

export interface SheetRangeRef {
  readonly sheet: string;
  /** Without `$`, for example `A3:A6`. */
  readonly address: string;
}

const QUALIFIED = /^(?:'((?:[^']|'')+)'|([^'!]+))!([^!]+)$/;

/** `'Run Log'!$A$1:$B$2` → { sheet: `Run Log`, address: `A1:B2` }; undefined when malformed. */
export function parseSheetRange(ref: string): SheetRangeRef | undefined {
  const m = QUALIFIED.exec(ref.trim());
  if (m === null) return undefined;
  const sheet = m[1] === undefined ? (m[2] ?? '') : m[1].replace(/''/g, "'");
  const address = (m[3] ?? '').replace(/\$/g, '').toUpperCase();
  if (sheet === '' || parseRange(address) === undefined) return undefined;
  return { sheet, address };
}

/** `Sheet1!B7` or `B7` → `B7`: a cell or range address without its sheet. */
export function withoutSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang < 0 ? address : address.slice(bang + 1)).trim();
}
