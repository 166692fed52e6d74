/**
 * office-js `Range.values` → the port's CellValue. Excel returns numbers, strings and booleans;
 * an empty cell is `''`; an error value is its code as a string (`#N/A`); a date is its serial
 * number, which is left a number (the core reads serials as dates where a date is expected).
 */
import type { CellValue } from '../core/workbook/port.js';

/** The error codes Excel returns in `values` (a text cell holding the same characters reads the same; Excel needs a `'` prefix to store one, which no PERM data uses). */
export const EXCEL_ERROR_CODES: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#BUSY!',
  '#FIELD!',
  '#CONNECT!',
  '#BLOCKED!',
  '#UNKNOWN!',
  '#PYTHON!',
  '#EXTERNAL!',
]);

export function cellFromOffice(value: unknown): CellValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : { kind: 'error', code: '#NUM!' };
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (value === '') return null;
    return EXCEL_ERROR_CODES.has(value) ? { kind: 'error', code: value } : value;
  }
  return null;
}

/** True when a converted row has no value at all. */
export function isEmptyRow(cells: readonly CellValue[]): boolean {
  return cells.every((v) => v === null);
}
