/** Converts exceljs cell values to the port's CellValue: formulas as their cached result, rich text as plain text. */
import ExcelJS from 'exceljs';
import { UNREADABLE_ERROR_CODE } from '../core/workbook/cell-value.js';
import type { CellValue, TypedCell } from '../core/workbook/port.js';

/**
 * Code used when a formula's cached result is an error whose code exceljs's streaming reader does
 * not keep (it reads the cached value as a number and gets NaN).
 */
export const UNKNOWN_ERROR_CODE = UNREADABLE_ERROR_CODE;

function richTextToString(runs: readonly { readonly text?: unknown }[]): string {
  return runs.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
}

function primitive(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isNaN(v) ? { kind: 'error', code: UNKNOWN_ERROR_CODE } : v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['error'] === 'string') return { kind: 'error', code: o['error'] };
    if (Array.isArray(o['richText'])) return richTextToString(o['richText'] as { text?: unknown }[]);
    if ('hyperlink' in o) return primitive(o['text']);
    if ('sharedString' in o) return null;
  }
  return null;
}

/**
 * One exceljs cell → CellValue. Formula cells give their cached result (blank when none was
 * saved), read from `cell.result`: `cell.value` drops a falsy result such as 0. The hidden cells
 * of a merged range are blank (exceljs repeats the top-left value there).
 */
export function cellValueOf(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  if (cell.type === ExcelJS.ValueType.Formula) return primitive(cell.result);
  return primitive(cell.value);
}

/**
 * What was typed in an exceljs cell beyond its value (`ReadRowsOptions.typed`): its formula with a
 * leading `=` (shared formulas translated to the cell, as exceljs does), and its number format
 * unless General. Null when it has neither; the hidden cells of a merged range have neither.
 */
export function typedCellOf(cell: ExcelJS.Cell): TypedCell | null {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
  const format = cell.numFmt;
  const numberFormat = typeof format === 'string' && format !== '' && format.toLowerCase() !== 'general' ? format : undefined;
  if ((formula === undefined || formula === '') && numberFormat === undefined) return null;
  return { ...(formula === undefined || formula === '' ? {} : { formula: `=${formula.replace(/^=/, '')}` }), ...(numberFormat === undefined ? {} : { numberFormat }) };
}
