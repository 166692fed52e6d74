import { describe, expect, it } from 'vitest';
import { headerRowOf, parseTableHints, updateHints } from '../../src/taskpane/table-hints.js';

describe('parseTableHints', () => {
  it.each([
    ['a saved mapping', { 'universe totals': { sheet: 'U', headerRow: 3 } }, { 'universe totals': { sheet: 'U', headerRow: 3 } }],
    ['nothing saved', undefined, {}],
    ['a string', 'x', {}],
    ['an array', [{ sheet: 'U', headerRow: 1 }], {}],
    ['a hint without a row', { a: { sheet: 'U' } }, {}],
    ['row 0', { a: { sheet: 'U', headerRow: 0 } }, {}],
    ['a fractional row', { a: { sheet: 'U', headerRow: 1.5 } }, {}],
    ['an empty sheet name', { a: { sheet: '', headerRow: 1 } }, {}],
    ['extra fields', { a: { sheet: 'U', headerRow: 2, by: 'me' } }, { a: { sheet: 'U', headerRow: 2 } }],
  ])('keeps only well-formed hints: %s', (_, saved, expected) => {
    expect(parseTableHints(saved)).toEqual(expected);
  });
});

describe('updateHints', () => {
  it('sets and clears one table, leaving the others', () => {
    const a = updateHints({}, 'x', { sheet: 'S', headerRow: 2 });
    const b = updateHints(a, 'y', { sheet: 'T', headerRow: 1 });
    expect(updateHints(b, 'x', undefined)).toEqual({ y: { sheet: 'T', headerRow: 1 } });
  });
});

describe('headerRowOf', () => {
  it.each([
    ['B3:E40', 3],
    ['C7', 7],
    ['$A$12:$D$12', 12],
    ['5:9', 5],
    ["'My sheet'!B4:C9", 4],
    ['A:C', undefined],
  ])('%s → %s', (address, row) => {
    expect(headerRowOf(address)).toBe(row);
  });
});
