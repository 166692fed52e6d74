/**
 * The fake's check of a formula written through `Range.formulas` or a conditional format, as
 * Excel does before it takes one: it refuses unbalanced parentheses, unclosed text or sheet
 * names, braces that are not an array constant, and calls of functions it does not have (Excel
 * turns an unknown function into #NAME?; office-js and Excel's file loader refuse a malformed
 * formula outright). Written independently of src/core/workbook/formula-check.ts on purpose.
 */

/** Excel worksheet functions (a subset: the statistical, math, logical and text ones a workbook like this could use). */
const EXCEL_FUNCTIONS = new Set(
  (
    'ABS AND AVERAGE AVERAGEIF AVERAGEIFS CEILING CHOOSE COUNT COUNTA COUNTBLANK COUNTIF COUNTIFS DATE DAY EXP FLOOR IF IFERROR IFNA IFS INDEX INT ' +
    'ISBLANK ISERROR ISNA ISNUMBER ISTEXT LEFT LEN LN LOG LOOKUP LOWER MATCH MAX MEDIAN MID MIN MOD MONTH NA NORM.S.INV NORMSINV NOT OR POWER ' +
    'PRODUCT RIGHT ROUND ROUNDDOWN ROUNDUP ROW ROWS SQRT STDEV SUBTOTAL SUM SUMIF SUMIFS SUMPRODUCT T.INV T.INV.2T TEXT TINV TRIM UPPER VALUE VAR VLOOKUP XLOOKUP YEAR'
  ).split(' '),
);

/** Why Excel would refuse `formula` (with its `=`), or undefined. */
export function excelWouldRefuse(formula: string): string | undefined {
  const f = formula.slice(1);
  const stack: string[] = [];
  for (let i = 0; i < f.length; ) {
    const ch = f[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= f.length) return `unclosed ${ch}`;
        if (f[j] === ch && f[j + 1] === ch) j += 2;
        else if (f[j] === ch) break;
        else j++;
      }
      i = j + 1;
      continue;
    }
    if (ch === '{') {
      const close = f.indexOf('}', i);
      if (close < 0 || !/^\{[-0-9.,;"A-Za-z ]*\}$/.test(f.slice(i, close + 1)) || /[A-Za-z]/.test(f.slice(i, close + 1).replace(/"[^"]*"|TRUE|FALSE/g, ''))) return 'braces that are not an array constant';
      i = close + 1;
      continue;
    }
    if (ch === '}') return 'a stray }';
    if (ch === '(') stack.push('(');
    if (ch === ')' && stack.pop() === undefined) return 'unbalanced )';
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(f.slice(i));
    if (name !== null && (i === 0 || !/[A-Za-z0-9_.$!:]/.test(f[i - 1]!))) {
      if (f[i + name[0].length] === '(' && !EXCEL_FUNCTIONS.has(name[0].toUpperCase())) return `unknown function ${name[0]}`;
      i += name[0].length;
      continue;
    }
    i++;
  }
  return stack.length === 0 ? undefined : 'unbalanced (';
}
