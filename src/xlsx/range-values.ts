/** Looks up the values of a sheet-qualified range in the owned sheets being written (for chart caches). */
import { parseRange } from '../core/workbook/address.js';
import type { OutputCell, OwnedSheet } from '../core/workbook/port.js';
import type { RangeValues } from './chart-xml.js';

function cellValue(cell: OutputCell | undefined): string | number | null {
  if (cell === null || cell === undefined) return null;
  if ('text' in cell) return cell.text;
  if ('number' in cell) return cell.number;
  if ('formula' in cell) return cell.result ?? null;
  return null;
}

/** `'Reconciliation'!$A$3:$A$6` → the values there, when the sheet is one of `sheets`; else undefined. */
export function ownedRangeValues(sheets: readonly OwnedSheet[]): RangeValues {
  return (ref) => {
    const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref.trim());
    if (m === null) return undefined;
    const name = (m[1] ?? m[2] ?? '').replace(/''/g, "'");
    const sheet = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const range = parseRange((m[3] ?? '').replace(/\$/g, ''));
    if (sheet === undefined || range === undefined) return undefined;
    const out: (string | number | null)[] = [];
    for (let r = range.from.row; r <= range.to.row; r++) {
      for (let c = range.from.col; c <= range.to.col; c++) out.push(cellValue(sheet.rows[r - 1]?.[c - 1]));
    }
    return out;
  };
}
