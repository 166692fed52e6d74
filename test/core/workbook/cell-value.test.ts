import { describe, expect, it } from 'vitest';
import { cellText, describeCellValue, isBlank, isCellError } from '../../../src/core/workbook/cell-value.js';

describe('cell values', () => {
  it('tells blanks and errors', () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(' \u00A0\n')).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isCellError({ kind: 'error', code: '#N/A' })).toBe(true);
    expect(isCellError(new Date(0))).toBe(false);
    expect(isCellError('#N/A')).toBe(false);
  });

  it('reads cells as text', () => {
    expect(cellText('  C-Line 18A ')).toBe('C-Line 18A');
    expect(cellText(12)).toBe('12');
    expect(cellText(new Date(Date.UTC(2025, 6, 1)))).toBe('2025-07-01');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText({ kind: 'error', code: '#DIV/0!' })).toBe('#DIV/0!');
    expect(cellText(null)).toBe('');
  });

  it('describes values for messages', () => {
    expect(describeCellValue('a\nb')).toBe('"a b"');
    expect(describeCellValue('x'.repeat(50))).toBe(`"${'x'.repeat(39)}…"`);
    expect(describeCellValue({ kind: 'error', code: '#N/A' })).toBe('the error value #N/A');
    expect(describeCellValue(null)).toBe('blank');
    expect(describeCellValue({ kind: 'error', code: '#ERROR' })).toBe('an error value');
  });
});
