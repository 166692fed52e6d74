import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  absoluteAddress,
  cellAddress,
  columnLetter,
  columnNumber,
  parseAddress,
  parseRange,
  quoteSheetName,
  rangeAddress,
  sheetRange,
} from '../../../src/core/workbook/address.js';

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('%i → %s', (col, letters) => {
    expect(columnLetter(col)).toBe(letters);
    expect(columnNumber(letters)).toBe(col);
  });

  it('rejects columns outside Excel', () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(16385)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(columnNumber('XFE')).toBeUndefined();
    expect(columnNumber('A1')).toBeUndefined();
  });

  it('round-trips every column', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16384 }), (c) => columnNumber(columnLetter(c)) === c));
  });
});

describe('cell addresses', () => {
  it('builds and parses A1 addresses', () => {
    expect(cellAddress(2, 7)).toBe('B7');
    expect(absoluteAddress(2, 7)).toBe('$B$7');
    expect(parseAddress('B7')).toEqual({ col: 2, row: 7 });
    expect(parseAddress('$b$7')).toEqual({ col: 2, row: 7 });
    expect(parseAddress('XFD1048576')).toEqual({ col: 16384, row: 1048576 });
    expect(parseAddress('B0')).toBeUndefined();
    expect(parseAddress('B1048577')).toBeUndefined();
    expect(parseAddress('7B')).toBeUndefined();
    expect(parseAddress('B7:C8')).toBeUndefined();
    expect(() => cellAddress(1, 0)).toThrow(RangeError);
  });

  it('builds and parses ranges, normalising corners', () => {
    expect(rangeAddress(2, 3, 4, 9)).toBe('B3:D9');
    expect(rangeAddress(2, 3, 2, 3)).toBe('B3');
    expect(parseRange('D9:B3')).toEqual({ from: { col: 2, row: 3 }, to: { col: 4, row: 9 } });
    expect(parseRange('C5')).toEqual({ from: { col: 3, row: 5 }, to: { col: 3, row: 5 } });
    expect(parseRange('A1:B2:C3')).toBeUndefined();
  });

  it('quotes sheet names for references', () => {
    expect(quoteSheetName("Bob's Data")).toBe("'Bob''s Data'");
    expect(sheetRange('Reconciliation', 1, 3, 1, 6)).toBe("'Reconciliation'!$A$3:$A$6");
    expect(sheetRange('Run Log', 2, 2, 2, 2)).toBe("'Run Log'!$B$2");
  });
});
