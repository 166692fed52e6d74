/**
 * Dollar amounts and counts read from cells. Money becomes integer cents so sums are exact;
 * rounding is half away from zero at the cent, on the decimal digits as written
 * (1.005 → 101 cents, -0.005 → -1 cent), never on the binary float.
 */
import { describeCellValue, isBlank, isCellError } from './cell-value.js';
import type { CellValue } from './port.js';
import { parsedFail, parsedOk, type Parsed } from './parsed.js';

const MONEY_EXAMPLES = 'Type a dollar amount such as 1234.56, $1,234.56 or (1,234.56) for a negative.';
const COUNT_EXAMPLES = 'Type a whole number such as 1250.';

/** Largest amount that still has exact cents in a JavaScript number (about $90 trillion). */
const MAX_CENTS = Number.MAX_SAFE_INTEGER;
/** 2^44 dollars (about $17.6 trillion): below it a double's spacing is under 0.4 cents. */
const FAST_CENTS_BELOW = 2 ** 44;

/** Reasons shared by every numeric parser: the cell holds something that is not a number at all. */
function notNumberReason(value: CellValue, examples: string): string | undefined {
  if (isBlank(value)) return `The cell is blank. ${examples} Use 0 when there is none.`;
  if (typeof value === 'boolean') return `${describeCellValue(value)} is a TRUE/FALSE value, not a number. ${examples}`;
  if (value instanceof Date) {
    return `${describeCellValue(value)} is a date, not a number. Format the cell as Number or Currency and retype the value.`;
  }
  if (isCellError(value)) {
    return `The cell holds ${describeCellValue(value)}. Fix the formula or its source so the cell shows a number, or type the number.`;
  }
  return undefined;
}

/** Digits of a decimal (without sign) → cents, rounding half away from zero on the third decimal. */
function digitsToCents(intDigits: string, fracDigits: string): number {
  const whole = intDigits === '' ? 0 : Number(intDigits);
  const frac = `${fracDigits}000`;
  const cents = (whole * 100) + Number(frac.slice(0, 2));
  return Number(frac[2]) >= 5 ? cents + 1 : cents;
}

/** A finite number's shortest decimal form, expanded out of exponent notation: 1e-7 → `0.0000001`. */
function plainDecimal(n: number): string {
  const s = String(Math.abs(n));
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (m === null) return s;
  const digits = `${m[1] ?? ''}${m[2] ?? ''}`;
  const point = (m[1] ?? '').length + Number(m[3]);
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${digits}${'0'.repeat(point - digits.length)}`;
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

function signed(negative: boolean, cents: number): number {
  return negative && cents !== 0 ? -cents : cents;
}

function tooLarge(value: CellValue): string {
  return `${describeCellValue(value)} is too large to be a dollar amount. Check the cell for a typing error.`;
}

/** `1,234.56`, `1234.56`, `.5`, `12.` (digits only, commas in groups of three). */
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;

function textToCents(text: string, original: CellValue): Parsed<number> {
  let s = text.replace(/[\s\u00A0\u202F]/g, '');
  let negative = false;
  const paren = /^\$?\((.*)\)$/.exec(s);
  if (paren !== null) {
    negative = true;
    s = paren[1] ?? '';
  }
  // One optional sign, before or after one optional dollar sign: -$5, $-5, +5, $5.
  const m = /^([+\-\u2212])?(\$)?([+\-\u2212])?(.*)$/.exec(s);
  const sign1 = m?.[1];
  const sign2 = m?.[3];
  const body = m?.[4] ?? '';
  const amount = AMOUNT.exec(body);
  const hasDigit = /\d/.test(body);
  if (m === null || amount === null || !hasDigit || (sign1 !== undefined && sign2 !== undefined) || (negative && (sign1 ?? sign2) !== undefined)) {
    return parsedFail(`${describeCellValue(original)} is not a dollar amount. ${MONEY_EXAMPLES}`);
  }
  const sign = sign1 ?? sign2;
  if (sign === '-' || sign === '\u2212') negative = true;
  const cents = digitsToCents((amount[1] ?? '').replace(/,/g, ''), amount[2] ?? '');
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return parsedFail(tooLarge(original));
  return parsedOk(signed(negative, cents));
}

/**
 * A dollar amount → integer cents. Accepts numbers and text such as `$1,234.56`, `1234.56`,
 * `(1,234.56)`, `-1,234.56`, `-$5`, `$-5` (spaces ignored). Blank, other text, TRUE/FALSE,
 * dates and error values such as #N/A fail, each with its own reason and fix.
 */
export function parseCents(value: CellValue): Parsed<number> {
  const notNumber = notNumberReason(value, MONEY_EXAMPLES);
  if (notNumber !== undefined) return parsedFail(notNumber);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return parsedFail(`${describeCellValue(value)} is not a finite number. ${MONEY_EXAMPLES}`);
    if (Math.abs(value) * 100 > MAX_CENTS) return parsedFail(tooLarge(value));
    // Fast path, exact: below 2^44 a double's rounding interval is narrower than half a cent, so
    // when c/100 is this very number (c/100 is one correctly rounded division of exact integers),
    // c/100 is its shortest decimal form and the digits below would give c too. Otherwise (1.005,
    // 1e-7, larger amounts) the decimal digits are read as written.
    const magnitude = Math.abs(value);
    if (magnitude < FAST_CENTS_BELOW) {
      const c = Math.round(magnitude * 100);
      if (c / 100 === magnitude) return parsedOk(signed(value < 0, c));
    }
    const [intDigits = '', fracDigits = ''] = plainDecimal(value).split('.');
    return parsedOk(signed(value < 0, digitsToCents(intDigits, fracDigits)));
  }
  if (typeof value === 'string') return textToCents(value, value);
  return parsedFail(`${describeCellValue(value)} is not a dollar amount. ${MONEY_EXAMPLES}`);
}

/** Whole dollars and cents → a number of dollars, for display and for the estimator (which takes dollars). */
export function centsToDollars(cents: number): number {
  return cents / 100;
}

/** A count of cases or claims: a non-negative whole number (a number cell, or text such as `1,250`). */
export function parseCount(value: CellValue): Parsed<number> {
  const notNumber = notNumberReason(value, COUNT_EXAMPLES);
  if (notNumber !== undefined) return parsedFail(notNumber);
  let n: number;
  if (typeof value === 'number') {
    n = value;
  } else if (typeof value === 'string') {
    const s = value.replace(/[\s\u00A0\u202F]/g, '');
    if (!/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$/.test(s)) {
      return parsedFail(`${describeCellValue(value)} is not a count. ${COUNT_EXAMPLES}`);
    }
    n = Number(s.replace(/,/g, ''));
  } else {
    return parsedFail(`${describeCellValue(value)} is not a count. ${COUNT_EXAMPLES}`);
  }
  if (!Number.isFinite(n)) return parsedFail(`${describeCellValue(value)} is not a finite number. ${COUNT_EXAMPLES}`);
  if (n < 0) return parsedFail(`${describeCellValue(value)} is negative; a count cannot be. ${COUNT_EXAMPLES}`);
  if (!Number.isInteger(n)) return parsedFail(`${describeCellValue(value)} has a fraction; a count is a whole number. ${COUNT_EXAMPLES}`);
  if (!Number.isSafeInteger(n)) return parsedFail(`${describeCellValue(value)} is too large to be a count. Check the cell for a typing error.`);
  return parsedOk(n === 0 ? 0 : n);
}
