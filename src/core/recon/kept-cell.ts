/**
 * A cell a user typed on the `Reconciliation` sheet, kept to be written back as it was typed:
 * text as text, a number as a number with its format (a date is its serial with its date format),
 * and anything Excel would run (a formula, or text starting with = + - @) as literal text showing
 * what was typed (the formula's text, never its result).
 */
import { isBlank, isCellError } from '../workbook/cell-value.js';
import { dateToExcelSerial } from '../workbook/excel-date.js';
import type { CellStyle, CellValue, OutputCell, TypedCell } from '../workbook/port.js';

export type KeptCell = { readonly text: string } | { readonly number: number; readonly numberFormat?: string };

/** The format given to a date when the reader cannot tell the cell's own (Excel's ISO date). */
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * The cell as typed; undefined when blank. Booleans and error values typed as constants are kept as
 * their text (`TRUE`, `#N/A`); the port's output cells hold text, numbers and core-built formulas only.
 */
export function keptCell(value: CellValue, typed: TypedCell | null | undefined): KeptCell | undefined {
  if (typed?.formula !== undefined) return { text: typed.formula };
  if (value === null || isBlank(value)) return undefined;
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return typed?.numberFormat === undefined ? { number: value } : { number: value, numberFormat: typed.numberFormat };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { number: dateToExcelSerial(value), numberFormat: typed?.numberFormat ?? DATE_FORMAT };
  return isCellError(value) ? { text: value.code } : undefined;
}

/** The output cell that writes `kept` back (blank when undefined), with `style` (user cells are unlocked). */
export function keptOutput(kept: KeptCell | undefined, style: CellStyle): OutputCell {
  if (kept === undefined) return { text: '', ...style };
  if ('text' in kept) return { text: kept.text, ...style };
  return kept.numberFormat === undefined ? { number: kept.number, ...style } : { ...style, number: kept.number, numberFormat: kept.numberFormat };
}

/** The cell as plain text, for the task pane and summaries (numbers in JavaScript's shortest form). */
export function keptText(kept: KeptCell | undefined): string {
  if (kept === undefined) return '';
  return 'text' in kept ? kept.text : String(kept.number);
}
