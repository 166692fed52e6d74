// The opening pass's store of rows: values come back as added (numbers, dates, shared strings,
// text kept as bytes, booleans, errors), and past its budget it keeps only its first 1,000 rows,
// giving back the memory of the rest (rows after them are streamed from the part again).
import { describe, expect, it } from 'vitest';
import { CompactRows } from '../../../src/xlsx/read/compact-rows.js';
import { TextStore } from '../../../src/xlsx/read/text-store.js';

const shared = TextStore.of(['Medicaid', 'CHIP']);
const encoder = new TextEncoder();

function fill(store: CompactRows, rows: number): void {
  for (let r = 1; r <= rows; r++) {
    store.add(r, 1, r + 0.25, 0, -1);
    store.addShared(r, 2, r % 2, 0);
    const id = encoder.encode(`C-${r}-é`);
    store.addText(r, 3, id, 0, id.length, 0);
    if (r % 3 === 0) store.add(r, 4, { kind: 'error', code: '#N/A' }, 0, -1);
    if (r % 5 === 0) store.add(r, 5, new Date(Date.UTC(2024, 0, r % 28)), 0, -1);
    if (!store.rowEnd(r)) return;
  }
}

const expectedRow = (r: number) => ({
  row: r,
  cells: [r + 0.25, r % 2 === 0 ? 'Medicaid' : 'CHIP', `C-${r}-é`, r % 3 === 0 ? { kind: 'error', code: '#N/A' } : null, r % 5 === 0 ? new Date(Date.UTC(2024, 0, r % 28)) : null],
});

describe('CompactRows', () => {
  it('gives back every kind of value as added', () => {
    const store = new CompactRows(shared, 64 * 1024 * 1024);
    fill(store, 5_000);
    expect(store.complete).toBe(true);
    const rows = [...store.sheetRows(1, 5_000, 1, 5)];
    expect(rows).toHaveLength(5_000);
    for (const r of [1, 2, 3, 15, 4_999, 5_000]) expect(rows[r - 1]).toEqual(expectedRow(r));
    // Asked for columns 2 and 3 only (offsets 1 and 2), the others are blank.
    const [first] = [...store.sheetRows(15, 15, 1, 5, new Uint8Array([0, 1, 1, 0, 0]))];
    expect(first).toEqual({ row: 15, cells: [null, 'CHIP', 'C-15-é', null, null] });
  });

  it('past its budget keeps its first 1,000 rows exactly and gives back the rest', () => {
    const budget = 4 * 1024 * 1024;
    const store = new CompactRows(shared, budget);
    fill(store, 400_000);
    expect(store.complete).toBe(false);
    expect(store.through).toBe(1_000);
    expect(store.bytes()).toBeLessThan(budget / 2);
    const rows = [...store.sheetRows(1, store.through, 1, 5)];
    expect(rows).toHaveLength(1_000);
    for (const r of [1, 500, 999, 1_000]) expect(rows[r - 1]).toEqual(expectedRow(r));
  });
});
