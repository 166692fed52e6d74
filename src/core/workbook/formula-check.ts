/**
 * A syntax check of the formulas the core writes, run by the owned-sheet guard before any adapter
 * writes: balanced parentheses outside strings and sheet names, no braces (the core writes no
 * array constants, so a brace is a placeholder left behind), and only functions Excel knows and
 * this project uses. Excel refuses a file or an office-js write with any of these, and LibreOffice
 * shows Err:5xx, so the guard stops them with the cell named instead.
 */

/** Every worksheet function a formula of this project may call (Excel names, upper case). */
export const KNOWN_FUNCTIONS: ReadonlySet<string> = new Set([
  'ABS', 'AND', 'COUNTIF', 'IF', 'IFERROR', 'ISNUMBER', 'LOWER', 'NA', 'NORMSINV', 'NORM.S.INV', 'OR', 'ROUND', 'ROWS', 'SQRT', 'SUM', 'TEXT', 'TINV', 'TRIM', 'T.INV.2T',
]);

/** What is wrong with `formula` (without the leading `=`), or undefined when it passes. */
export function formulaProblem(formula: string): string | undefined {
  const f = formula.startsWith('=') ? formula.slice(1) : formula;
  if (f.trim() === '') return 'the formula is empty';
  let depth = 0;
  let i = 0;
  while (i < f.length) {
    const ch = f[i]!;
    if (ch === '"') {
      const end = stringEnd(f, i, '"');
      if (end < 0) return 'a text in double quotes is not closed';
      i = end + 1;
      continue;
    }
    if (ch === "'") {
      const end = stringEnd(f, i, "'");
      if (end < 0 || f[end + 1] !== '!') return 'a quoted sheet name is not closed or not followed by !';
      i = end + 2;
      continue;
    }
    if (ch === '{' || ch === '}') return `it holds "${ch}" (a placeholder left in the formula?)`;
    if (ch === '(') depth++;
    if (ch === ')') {
      depth--;
      if (depth < 0) return 'a ")" has no "(" before it';
    }
    if (/[A-Za-z_]/.test(ch) && (i === 0 || !/[A-Za-z0-9_.$]/.test(f[i - 1]!))) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(f.slice(i))!;
      const name = m[0];
      if (f[i + name.length] === '(' && !KNOWN_FUNCTIONS.has(name.toUpperCase())) return `${name} is not a function PERM Recon writes`;
      i += name.length;
      continue;
    }
    i++;
  }
  if (depth !== 0) return `${depth} "(" ${depth === 1 ? 'is' : 'are'} not closed`;
  return undefined;
}

/** Index of the quote closing the one at `start` (a doubled quote is an escaped one), or -1. */
function stringEnd(f: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < f.length) {
    if (f[i] === quote) {
      if (f[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i;
    }
    i++;
  }
  return -1;
}
