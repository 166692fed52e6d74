/**
 * Column widths from the formatted content, so no number shows as `###` at 100% zoom in Excel's
 * default font (Calibri 11, where a digit is one width unit): each column is at least as wide as
 * its widest number as formatted (`formattedNumber`) plus a margin, and as wide as its widest
 * table text (bordered, unwrapped cells and formula text results), up to `MAX_TEXT_WIDTH`.
 * A width the sheet asks for is a minimum. Merged cells and wrapped text do not widen a column.
 */
import { parseRange } from './address.js';
import type { OutputCell, OwnedSheet } from './port.js';

/** Characters of margin beside a number (Excel's cell padding and the sign column). */
const NUMBER_MARGIN = 2;
/** Bold text is about a tenth wider. */
const BOLD_FACTOR = 1.1;
/** Table text wider than this wraps or spills; it does not widen its column further. */
const MAX_TEXT_WIDTH = 60;
/** Excel's standard column width (Calibri 11), for a column between wider ones that needs no more. */
const DEFAULT_WIDTH = 8.43;
/** Excel's widest column. */
const MAX_WIDTH = 255;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `value` formatted with an Excel number format, for the formats the tool writes (and plain ones like them). */
export function formattedNumber(value: number, numberFormat: string | undefined): string {
  const format = numberFormat ?? 'General';
  if (format === 'General' || format === '') {
    const t = String(Number(value.toPrecision(10)));
    return t.length > 11 ? value.toExponential(5).replace(/e([+-])(\d)$/, 'E$10$2').replace('e', 'E') : t;
  }
  const sections = format.split(';');
  const negative = value < 0 && sections.length > 1;
  const section = (negative ? sections[1] : sections[0]) ?? '';
  const v = negative ? -value : value;
  const code = section.replace(/\[[^\]]*\]/g, '').replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const decimals = /\.([0#]+)/.exec(code)?.[1]?.length ?? 0;
  const percent = code.includes('%');
  const exponent = /E[+-]0+/i.exec(code);
  let body: string;
  if (exponent !== null) {
    const [mantissa, exp] = v.toExponential(decimals).split('e') as [string, string];
    const digits = exponent[0].length - 2;
    body = `${mantissa}E${exp.startsWith('-') ? '-' : '+'}${exp.replace(/^[+-]/, '').padStart(digits, '0')}`;
  } else {
    const fixed = (percent ? v * 100 : v).toFixed(decimals);
    const [int, frac] = fixed.split('.') as [string, string?];
    const intText = /[#0],[#0]/.test(code) ? groupThousands(int.replace('-', '')) : int.replace('-', '');
    body = `${fixed.startsWith('-') ? '-' : ''}${intText}${frac === undefined ? '' : `.${frac}`}`;
  }
  const first = code.search(/[#0.]/);
  const last = Math.max(code.lastIndexOf('0'), code.lastIndexOf('#'), code.search(/E[+-]0+/i) >= 0 ? code.length - 1 : -1);
  const prefix = first < 0 ? '' : code.slice(0, first);
  const suffix = last < 0 ? '' : code.slice(last + 1).replace(/^[0#]+/, '');
  return `${prefix}${body}${suffix}`;
}

/** Width in characters a cell needs to show whole, or 0 when it does not constrain its column. */
export function cellWidth(cell: OutputCell): number {
  if (cell === null || 'blank' in cell) return 0;
  const factor = cell.bold === true ? BOLD_FACTOR : 1;
  if ('number' in cell) return Math.ceil(formattedNumber(cell.number, cell.numberFormat).length * factor) + NUMBER_MARGIN;
  if ('formula' in cell) {
    if (typeof cell.result === 'number') return Math.ceil(formattedNumber(cell.result, cell.numberFormat).length * factor) + NUMBER_MARGIN;
    if (typeof cell.result === 'string' && cell.wrap !== true) return Math.min(MAX_TEXT_WIDTH, Math.ceil(cell.result.length * factor) + 1);
    return 0;
  }
  if (cell.wrap === true || cell.border === undefined) return 0; // titles and notes spill over empty neighbours or wrap
  return Math.min(MAX_TEXT_WIDTH, Math.ceil(cell.text.length * factor) + 1);
}

/** The sheet with every column at least as wide as its content needs. */
export function fitColumnWidths(sheet: OwnedSheet): OwnedSheet {
  const merged = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    if (r === undefined) continue;
    for (let row = r.from.row; row <= r.to.row; row++) for (let col = r.from.col; col <= r.to.col; col++) merged.add(`${row}:${col}`);
  }
  const widths = [...(sheet.columnWidths ?? [])];
  sheet.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (merged.has(`${r + 1}:${c + 1}`)) return;
      const need = Math.min(MAX_WIDTH, cellWidth(cell));
      if (need > (widths[c] ?? 0)) widths[c] = need;
    });
  });
  for (let c = 0; c < widths.length; c++) widths[c] ??= DEFAULT_WIDTH;
  return widths.length === 0 ? sheet : { ...sheet, columnWidths: widths };
}
