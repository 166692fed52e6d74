import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCents, parseCount } from '../../../src/core/workbook/parse-money.js';
import type { CellValue } from '../../../src/core/workbook/port.js';

function cents(v: CellValue): number {
  const p = parseCents(v);
  if (!p.ok) throw new Error(p.reason);
  return p.value;
}

function reason(v: CellValue, parse = parseCents): string {
  const p = parse(v);
  if (p.ok) throw new Error(`expected a failure, got ${p.value}`);
  return p.reason;
}

describe('parseCents', () => {
  it.each<[CellValue, number]>([
    [1234.56, 123456],
    [0, 0],
    [-0, 0],
    [-12.5, -1250],
    ['$1,234.56', 123456],
    ['1234.56', 123456],
    ['(1,234.56)', -123456],
    ['($1,234.56)', -123456],
    ['$(1,234.56)', -123456],
    ['-1,234.56', -123456],
    ['-$5', -500],
    ['$-5', -500],
    ['+5', 500],
    ['\u22125', -500],
    [' $ 1 234 ', 123400],
    ['$\u00A01,000,000', 100000000],
    ['.5', 50],
    ['7.', 700],
    ['1,234,567,890.12', 123456789012],
  ])('%j → %i cents', (input, expected) => {
    expect(cents(input)).toBe(expected);
  });

  it('rounds half away from zero at the cent, on the digits as written', () => {
    expect(cents(1.005)).toBe(101); // 1.005 is 1.00499999... in binary
    expect(cents(-1.005)).toBe(-101);
    expect(cents(0.005)).toBe(1);
    expect(cents(-0.005)).toBe(-1);
    expect(cents(0.0049999)).toBe(0);
    expect(cents(-0.0049999)).toBe(0);
    expect(Object.is(cents(-0.004), 0)).toBe(true);
    expect(cents(2.675)).toBe(268);
    expect(cents('2.675')).toBe(268);
    expect(cents('2.674999')).toBe(267);
    expect(cents('(0.005)')).toBe(-1);
    expect(cents(1e-7)).toBe(0);
    expect(cents(0.1 + 0.2)).toBe(30);
    expect(cents(1e12)).toBe(1e14);
    expect(cents(90_000_000_000_000)).toBe(9_000_000_000_000_000);
  });

  it('agrees with exact cent amounts for any whole number of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        const dollars = c / 100;
        return cents(dollars) === c && cents(dollars.toFixed(2)) === c;
      }),
    );
  });

  it('a number cell gives the cents of its digits as written: the same as the text of its shortest form', () => {
    // The text path reads the decimal digits; a number takes a fast path when it is a whole number
    // of cents below 2^44 and the digits otherwise, so both must agree everywhere.
    const amount = fc.oneof(
      fc.double({ min: 1e-6, max: 2 ** 46, noNaN: true }),
      fc.integer({ min: 0, max: 2 ** 46 }).map((c) => c / 100),
      fc.integer({ min: 0, max: 2 ** 40 }).map((m) => m / 1000),
      fc.constantFrom(2 ** 44 - 0.01, 2 ** 44, 2 ** 44 + 0.02, 17_592_186_044_415.99),
    );
    fc.assert(
      fc.property(amount, fc.boolean(), (n, negative) => {
        const v = negative ? -n : n;
        const text = String(v);
        if (/e/i.test(text)) return;
        expect(cents(v), text).toBe(cents(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('gives a distinct reason for each kind of bad cell', () => {
    expect(reason(null)).toMatch(/^The cell is blank\. Type a dollar amount/);
    expect(reason('   ')).toMatch(/^The cell is blank/);
    expect(reason('abc')).toBe('"abc" is not a dollar amount. Type a dollar amount such as 1234.56, $1,234.56 or (1,234.56) for a negative.');
    expect(reason(true)).toMatch(/^TRUE is a TRUE\/FALSE value, not a number/);
    expect(reason(new Date(Date.UTC(2023, 6, 1)))).toMatch(/^the date 2023-07-01 is a date, not a number\. Format the cell as Number/);
    expect(reason({ kind: 'error', code: '#N/A' })).toMatch(/^The cell holds the error value #N\/A\. Fix the formula/);
    expect(reason(Number.NaN)).toMatch(/not a finite number/);
    expect(reason(1e14)).toMatch(/too large/);
  });

  it.each(['1.2.3', '1,23', '12,34.5', '--5', '-(5)', '(-5)', '-$-5', '$', '-', '5$', '5 USD', '1e5', '0x10', '(5'])(
    'rejects %j',
    (text) => {
      expect(reason(text)).toContain('is not a dollar amount');
    },
  );
});

describe('parseCount', () => {
  it.each<[CellValue, number]>([
    [0, 0],
    [1250, 1250],
    [12.0, 12],
    ['1,250', 1250],
    [' 42 ', 42],
    ['42.0', 42],
  ])('%j → %i', (input, expected) => {
    const p = parseCount(input);
    expect(p).toEqual({ ok: true, value: expected });
  });

  it('rejects negative, fractional, text and non-number cells', () => {
    expect(reason(-1, parseCount)).toMatch(/^-1 is negative/);
    expect(reason(2.5, parseCount)).toMatch(/^2.5 has a fraction/);
    expect(reason('12 cases', parseCount)).toMatch(/is not a count/);
    expect(reason(null, parseCount)).toMatch(/^The cell is blank\. Type a whole number/);
    expect(reason({ kind: 'error', code: '#REF!' }, parseCount)).toMatch(/#REF!/);
    expect(reason(false, parseCount)).toMatch(/TRUE\/FALSE/);
  });
});
