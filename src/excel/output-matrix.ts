/**
 * An OwnedSheet's rows as the 2-D blocks written through `Range.formulas`, and its styles as
 * rectangles of identical style, so a sheet takes a few range objects rather than one per cell.
 *
 * Text is written with a leading apostrophe ('), Excel's "this is text" prefix: the apostrophe
 * is not stored (the cell's value is the text exactly) and nothing after it is interpreted, so
 * text starting with = + - or @ never becomes a formula, and `15%`, `00123`, `TRUE` or `1/2`
 * stay the text they are instead of becoming a number, a boolean or a date.
 */
import type { CellStyle, OutputCell } from '../core/workbook/port.js';

export type FormulaInput = string | number;

/** What one output cell writes into `Range.formulas`. */
export function formulaInput(cell: OutputCell | undefined): FormulaInput {
  if (cell === null || cell === undefined) return '';
  if ('text' in cell) return cell.text === '' ? '' : `'${cell.text}`;
  if ('number' in cell) return cell.number;
  if ('formula' in cell) return `=${cell.formula.startsWith('=') ? cell.formula.slice(1) : cell.formula}`;
  return '';
}

function hasValue(cell: OutputCell | undefined): boolean {
  return formulaInput(cell) !== '';
}

/** Rows `row`.. (0-based) of width `values[i].length`, starting at column A. */
export interface ValueBlock {
  readonly row: number;
  readonly values: FormulaInput[][];
}

/** Runs of consecutive rows holding at least one value, each as wide as its widest row (blank rows between runs are not written). */
export function valueBlocks(rows: readonly (readonly OutputCell[])[]): ValueBlock[] {
  const blocks: ValueBlock[] = [];
  let start = -1;
  const flush = (end: number): void => {
    if (start < 0) return;
    const slice = rows.slice(start, end);
    let width = 0;
    for (const cells of slice) {
      for (let c = cells.length - 1; c >= 0; c--) {
        if (hasValue(cells[c])) {
          width = Math.max(width, c + 1);
          break;
        }
      }
    }
    blocks.push({ row: start, values: slice.map((cells) => Array.from({ length: width }, (_, c) => formulaInput(cells[c]))) });
    start = -1;
  };
  rows.forEach((cells, r) => {
    if (cells.some(hasValue)) {
      if (start < 0) start = r;
    } else {
      flush(r);
    }
  });
  flush(rows.length);
  return blocks;
}

const STYLE_KEYS = ['numberFormat', 'bold', 'italic', 'fontColor', 'fill', 'horizontal', 'wrap', 'border', 'unlocked'] as const;

/** The style of a cell, with only the keys that change something; undefined when there are none. */
export function styleOf(cell: OutputCell | undefined): CellStyle | undefined {
  if (cell === null || cell === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of STYLE_KEYS) {
    const v = cell[k];
    if (v === undefined || v === false) continue;
    out[k] = v;
  }
  return Object.keys(out).length === 0 ? undefined : (out as CellStyle);
}

/** A rectangle of cells sharing one style; 0-based. */
export interface StyleRect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
  readonly style: CellStyle;
}

/** Horizontal runs of equal style in each row, merged down while the run below matches exactly. */
export function styleRects(rows: readonly (readonly OutputCell[])[]): StyleRect[] {
  const done: StyleRect[] = [];
  let open = new Map<string, { row: number; col: number; rowCount: number; colCount: number; style: CellStyle }>();
  rows.forEach((cells, r) => {
    const next = new Map<string, { row: number; col: number; rowCount: number; colCount: number; style: CellStyle }>();
    let c = 0;
    while (c < cells.length) {
      const style = styleOf(cells[c]);
      if (style === undefined) {
        c++;
        continue;
      }
      const key = JSON.stringify(style);
      let end = c + 1;
      while (end < cells.length && JSON.stringify(styleOf(cells[end]) ?? null) === key) end++;
      const id = `${c}:${end - c}:${key}`;
      const above = open.get(id);
      if (above !== undefined) {
        above.rowCount++;
        next.set(id, above);
        open.delete(id);
      } else {
        next.set(id, { row: r, col: c, rowCount: 1, colCount: end - c, style });
      }
      c = end;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Excel column width in characters (as in the .xlsx file, which exceljs writes) → points, for Calibri 11. */
export function columnWidthPoints(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}
