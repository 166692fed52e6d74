/** Small constructors for output cells (see `OutputCell` in port.ts). */
import type { CellStyle, OutputCell } from './port.js';

/** Literal text: never interpreted as a formula, whatever it starts with. */
export const textCell = (text: string, style: CellStyle = {}): OutputCell => ({ text, ...style });

/** A number, or a blank cell when it is null or not finite. */
export const numberCell = (value: number | null, style: CellStyle = {}): OutputCell =>
  value === null || !Number.isFinite(value) ? { blank: true, ...style } : { number: value, ...style };

/** A native formula (without `=`), with its result as computed by the core for the cached value. */
export const formulaCell = (formula: string, result: number | string | null, style: CellStyle = {}): OutputCell =>
  result === null || (typeof result === 'number' && !Number.isFinite(result)) ? { formula, ...style } : { formula, result, ...style };

export const blankCell = (style: CellStyle = {}): OutputCell => ({ blank: true, ...style });

export const MONEY_FORMAT = '$#,##0.00;($#,##0.00)';
export const COUNT_FORMAT = '#,##0';
export const PERCENT_1DP_FORMAT = '0.0%';
export const DECIMAL_FORMAT = '0.000000000';
