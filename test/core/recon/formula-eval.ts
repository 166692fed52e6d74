/**
 * Test helper: evaluates the few native formulas the core writes (cell references, SUM over a
 * column range, IF, ROUND, ABS, + - * /, comparisons) over an OwnedSheet, as Excel would, so tests
 * can check that a sheet's formulas give the core's answers and stay right after an edit.
 */
import type { OutputCell, OwnedSheet } from '../../../src/core/workbook/port.js';
import { parseAddress } from '../../../src/core/workbook/address.js';

type Value = number | string | boolean;

/** Excel's ROUND: half away from zero. */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

function translate(formula: string): string {
  // Keep string literals apart so their text is never rewritten.
  return formula
    .split(/("[^"]*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(/SUM\(\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)\)/g, 'SUM(range("$1$2","$3$4"))')
        .replace(/(?<![A-Za-z"])\$?([A-Z]{1,3})\$?(\d+)(?![\d"(])/g, 'ref("$1$2")')
        .replace(/<>/g, '!==')
        .replace(/(?<![<>!=])=(?!=)/g, '===');
    })
    .join('');
}

export class SheetEvaluator {
  private readonly cells = new Map<string, OutputCell>();

  constructor(sheet: OwnedSheet) {
    sheet.rows.forEach((row, r) => row.forEach((cell, c) => this.cells.set(`${c + 1},${r + 1}`, cell)));
  }

  /** Replaces a cell's content, as a user typing into it would. */
  set(address: string, cell: OutputCell): void {
    const a = parseAddress(address);
    if (a === undefined) throw new Error(address);
    this.cells.set(`${a.col},${a.row}`, cell);
  }

  value(address: string): Value {
    const a = parseAddress(address);
    if (a === undefined) throw new Error(address);
    const cell = this.cells.get(`${a.col},${a.row}`) ?? null;
    if (cell === null || 'blank' in cell) return 0;
    if ('number' in cell) return cell.number;
    if ('text' in cell) return cell.text;
    return this.evaluate(cell.formula);
  }

  evaluate(formula: string): Value {
    const ref = (address: string): Value => this.value(address);
    const range = (from: string, to: string): Value[] => {
      const a = parseAddress(from);
      const b = parseAddress(to);
      if (a === undefined || b === undefined || a.col !== b.col) throw new Error(`${from}:${to}`);
      const out: Value[] = [];
      for (let r = a.row; r <= b.row; r++) out.push(ref(`${from.replace(/\d+$/, '')}${r}`));
      return out;
    };
    const IF = (c: Value, a: Value, b: Value): Value => (c === true ? a : b);
    const ROUND = (x: Value, d: Value): number => round(Number(x), Number(d));
    const ABS = (x: Value): number => Math.abs(Number(x));
    const SUM = (xs: Value[]): number => xs.reduce<number>((s, x) => s + (typeof x === 'number' ? x : 0), 0);
    const fn = new Function('ref', 'range', 'IF', 'ROUND', 'ABS', 'SUM', `return (${translate(formula)});`) as (...args: unknown[]) => Value;
    return fn(ref, range, IF, ROUND, ABS, SUM);
  }
}
