/**
 * The formula of a cell in a shared formula group (ECMA-376 part 1, 18.3.1.40, `t="shared"`): only
 * the group's first cell holds the text; every other cell's formula is that text with its relative
 * references moved by the cell's offset from the first, as Excel's formula bar shows it. References
 * with `$` stay put; text in double quotes (strings) and single quotes (sheet names) is left alone.
 */
import { MAX_COLUMNS, MAX_ROWS } from './sheet-scanner.js';

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
const NAME_CHAR = /[A-Za-z0-9_.]/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `text` with its relative A1 references moved `rows` down and `cols` right; a reference moved off the sheet becomes `#REF!`. */
export function shiftFormula(text: string, rows: number, cols: number): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' || ch === "'") {
      // A string or a quoted sheet name, with its doubled quotes, copied as it is.
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ch) {
          if (text[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if ((ch === '$' || /[A-Za-z]/.test(ch)) && (i === 0 || !NAME_CHAR.test(text[i - 1]!))) {
      REF.lastIndex = i;
      const m = REF.exec(text);
      const after = m === null ? '' : (text[i + m[0].length] ?? '');
      // Not a reference when it runs on into a name, a function call (LOG10() or a sheet name (ABC1!).
      if (m !== null && !/[A-Za-z0-9_(!.]/.test(after)) {
        const [, colAbs, letters, rowAbs, digits] = m as unknown as [string, string, string, string, string];
        const col = colAbs === '$' ? columnNumber(letters) : columnNumber(letters) + cols;
        const row = rowAbs === '$' ? Number(digits) : Number(digits) + rows;
        out += col < 1 || col > MAX_COLUMNS || row < 1 || row > MAX_ROWS ? '#REF!' : `${colAbs}${columnLetters(col)}${rowAbs}${row}`;
        i += m[0].length;
        continue;
      }
    }
    // A name or function: copied whole, so that its tail is not read as a reference.
    if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j]!)) j++;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
