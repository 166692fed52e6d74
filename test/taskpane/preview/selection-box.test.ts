import { describe, expect, it } from 'vitest';
import { inBox, selectionBox } from '../../../src/taskpane/preview/selection-box.js';

describe('selectionBox', () => {
  it.each([
    ['D21', { fromRow: 21, toRow: 21, fromCol: 4, toCol: 4 }],
    ['B9:A2', { fromRow: 2, toRow: 9, fromCol: 1, toCol: 2 }],
    ['3:3', { fromRow: 3, toRow: 3 }],
    ['$C$4', { fromRow: 4, toRow: 4, fromCol: 3, toCol: 3 }],
    ['nonsense', undefined],
  ])('%s', (address, box) => {
    expect(selectionBox(address)).toEqual(box);
  });

  it('covers whole rows for a row address, and only its cells otherwise', () => {
    expect(inBox(selectionBox('3:3'), 3, 40)).toBe(true);
    expect(inBox(selectionBox('B2:C3'), 3, 3)).toBe(true);
    expect(inBox(selectionBox('B2:C3'), 3, 4)).toBe(false);
    expect(inBox(undefined, 1, 1)).toBe(false);
  });
});
