/** A CellStyle onto an office-js range: number format, font, fill, alignment, wrap, borders, lock. */
import type { CellStyle } from '../core/workbook/port.js';
import type { XlBorderIndex, XlRange } from './excel-api.js';

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const WEIGHT = { thin: 'Thin', medium: 'Medium' } as const;

/** `C00000` → `#C00000`. */
export const hexColour = (rgb: string): string => `#${rgb.toUpperCase()}`;

/** Every cell of the range gets the style; returns the number of property writes queued (for the payload estimate). */
export function applyStyle(range: XlRange, style: CellStyle, rowCount: number, colCount: number): number {
  let ops = 0;
  if (style.numberFormat !== undefined) {
    const format = style.numberFormat;
    range.numberFormat = Array.from({ length: rowCount }, () => Array.from({ length: colCount }, () => format));
    ops++;
  }
  const f = range.format;
  if (style.bold === true) {
    f.font.bold = true;
    ops++;
  }
  if (style.italic === true) {
    f.font.italic = true;
    ops++;
  }
  if (style.fontColor !== undefined) {
    f.font.color = hexColour(style.fontColor);
    ops++;
  }
  if (style.fill !== undefined) {
    f.fill.color = hexColour(style.fill);
    ops++;
  }
  if (style.horizontal !== undefined) {
    f.horizontalAlignment = HORIZONTAL[style.horizontal];
    ops++;
  }
  if (style.wrap === true) {
    f.wrapText = true;
    f.verticalAlignment = 'Top';
    ops += 2;
  }
  if (style.border !== undefined) {
    const edges: XlBorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (rowCount > 1) edges.push('InsideHorizontal');
    if (colCount > 1) edges.push('InsideVertical');
    for (const edge of edges) {
      const border = f.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = WEIGHT[style.border];
      ops += 2;
    }
  }
  if (style.unlocked === true) {
    f.protection.locked = false;
    ops++;
  }
  return ops;
}
