// A typed read through the office-js adapter (ReadRowsOptions.typed): formulas and number formats
// come with the values, in the same sync, and never from the values-only rows read ahead.
import { describe, expect, it } from 'vitest';
import { MAX_COLUMN } from '../../src/core/workbook/address.js';
import { FakeExcel } from './fake-excel.js';
import { adapterOn, chunksOf, syncsDuring } from './helpers.js';

describe('readRows({ typed: true })', () => {
  it('gives each cell its formula and number format, one sync per chunk even for rows read ahead', async () => {
    const fake = new FakeExcel();
    const sheet = fake.addSheet('Notes', [['text', 12.5, '']]);
    sheet.enter(0, 2, '=1+1'); // a formula; Excel shows 2
    sheet.enter(1, 0, "'=typed as text"); // text, with Excel's text prefix
    sheet.enter(1, 1, '0.125');
    sheet.numberFormats.set(1 * MAX_COLUMN + 1, '0.0%'); // the fake keys cells row × 16,384 + column
    fake.calculate = (_s, f) => (f === '=1+1' ? 2 : '');
    const book = adapterOn(fake);
    await book.sheets();
    let rows: unknown[] = [];
    const syncs = await syncsDuring(fake, async () => {
      rows = (await chunksOf(book.readRows('Notes', { typed: true }))).flat();
    });
    expect(syncs).toBe(1);
    expect(rows).toEqual([
      { row: 1, cells: ['text', 12.5, 2], typed: [null, null, { formula: '=1+1' }] },
      { row: 2, cells: ['=typed as text', 0.125, null], typed: [null, { numberFormat: '0.0%' }, null] },
    ]);
    // Untyped, the same rows come from the read-ahead: no sync, values only.
    expect(await syncsDuring(fake, async () => {
      rows = (await chunksOf(book.readRows('Notes'))).flat();
    })).toBe(0);
    expect(rows).toEqual([{ row: 1, cells: ['text', 12.5, 2] }, { row: 2, cells: ['=typed as text', 0.125, null] }]);
  });
});
