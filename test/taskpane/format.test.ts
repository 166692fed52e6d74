import { describe, expect, it } from 'vitest';
import { cellReference, centsText, dollarsText, percentText } from '../../src/taskpane/format.js';

describe('format', () => {
  it.each([
    [63861237141, '$638,612,371.41'],
    [-1969096875, '-$19,690,968.75'],
    [0, '$0.00'],
    [5, '$0.05'],
  ])('centsText(%s) = %s', (cents, text) => {
    expect(centsText(cents)).toBe(text);
  });

  it('keeps the cents of dollar amounts and leaves blanks blank', () => {
    expect(dollarsText(1160024957.91)).toBe('$1,160,024,957.91');
    expect(dollarsText(null)).toBe('');
    expect(centsText(null)).toBe('');
  });

  it('writes percentages with the digits asked for, and n/a when there is none', () => {
    expect(percentText(0.15, 2)).toBe('15.00%');
    expect(percentText(0.0899, 1)).toBe('9.0%');
    expect(percentText(null, 1)).toBe('n/a');
    expect(percentText(Number.POSITIVE_INFINITY, 1)).toBe('n/a');
  });

  it('rounds as Excel shows a 0.0% cell: half away from zero (LibreOffice and Excel show 11.3% and -11.3%)', () => {
    expect(percentText(0.1125, 1)).toBe('11.3%');
    expect(percentText(-0.1125, 1)).toBe('-11.3%');
    expect(percentText(0.18269, 1)).toBe('18.3%');
    expect(percentText(-0.00001, 1)).toBe('0.0%');
  });

  it('quotes sheet names as Excel does', () => {
    expect(cellReference('Universe', 'D3')).toBe('Universe!D3');
    expect(cellReference('CMS-10184E Medicaid', 'D21')).toBe("'CMS-10184E Medicaid'!D21");
    expect(cellReference("Bob's", 'A1')).toBe("'Bob''s'!A1");
  });
});
