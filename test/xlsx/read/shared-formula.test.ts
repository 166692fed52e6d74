// A shared formula group's cells (ECMA-376 part 1, 18.3.1.40): the first cell's formula with its
// relative references moved, as Excel's formula bar shows each cell of a filled-down range.
import { describe, expect, it } from 'vitest';
import { shiftFormula } from '../../../src/xlsx/read/shared-formula.js';

describe('shiftFormula', () => {
  it('moves relative references and keeps $-anchored parts (Excel: =A1+$B$1+$C1+D$1 filled one down, one right)', () => {
    expect(shiftFormula('A1+$B$1+$C1+D$1', 1, 1)).toBe('B2+$B$1+$C2+E$1');
  });
  it('leaves strings, quoted sheet names and function names alone', () => {
    expect(shiftFormula('IF(A1="B2",\'Q1 2024\'!C3,LOG10(D4))', 2, 0)).toBe('IF(A3="B2",\'Q1 2024\'!C5,LOG10(D6))');
    expect(shiftFormula('"say ""A1"""&A1', 1, 0)).toBe('"say ""A1"""&A2');
  });
  it('moves both ends of a range, and refers to #REF! off the sheet', () => {
    expect(shiftFormula('SUM(B2:C3)', 3, 0)).toBe('SUM(B5:C6)');
    expect(shiftFormula('A1-1', -1, 0)).toBe('#REF!-1');
  });
  it('reads an unquoted sheet name or a defined name as a name, not a reference', () => {
    expect(shiftFormula('Data!A1+RATE1', 1, 0)).toBe('Data!A2+RATE1');
    expect(shiftFormula('ABC1!A1', 1, 0)).toBe('ABC1!A2');
  });
});
