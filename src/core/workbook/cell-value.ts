/** Small helpers over a read cell value: blankness, plain text, and how to show it in a message. */
import type { CellError, CellValue } from './port.js';

export function isCellError(value: CellValue): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && value.kind === 'error';
}

/** Blank: empty, or text of spaces only (spaces, non-breaking spaces, line breaks). */
export function isBlank(value: CellValue): boolean {
  if (value === null) return true;
  if (typeof value !== 'string') return false;
  // Most text starts with a printable ASCII character, which is never a space: no regular expression then.
  const first = value.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return value.replace(/[\s\u00A0]/g, '') === '';
}

/** `2023-07-01` (UTC date part). */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The cell as text, for labels and ids: text trimmed, numbers in JavaScript's shortest form,
 * dates as `YYYY-MM-DD`, booleans as `TRUE`/`FALSE`, error values as their code, blank as ''.
 */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  return value.code;
}

const SHOWN = 40;

/** Code an adapter gives an error value whose code it cannot read (exceljs's streaming reader, for formula results). */
export const UNREADABLE_ERROR_CODE = '#ERROR';

/** How a value is quoted in a message: `"abc"`, `12.5`, `TRUE`, `the date 2023-07-01`, `the error value #N/A`, `blank`. */
export function describeCellValue(value: CellValue): string {
  if (value === null) return 'blank';
  if (typeof value === 'string') {
    const oneLine = value.replace(/[\r\n]+/g, ' ');
    return JSON.stringify(oneLine.length > SHOWN ? `${oneLine.slice(0, SHOWN - 1)}…` : oneLine);
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `the date ${isoDate(value)}`;
  return value.code === UNREADABLE_ERROR_CODE ? 'an error value' : `the error value ${value.code}`;
}
