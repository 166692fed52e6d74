/** Reading through the office-js adapter: sync counts, chunk sizes under the payload limit, value conversion, the core's readers. */
import { describe, expect, it } from 'vitest';
import { findTables, tableMergeIssues } from '../../src/core/workbook/find-table.js';
import { readSettings } from '../../src/core/workbook/settings.js';
import { BYTES_PER_CELL_ESTIMATE, DEFAULT_PAYLOAD_BUDGET, readChunkRows } from '../../src/excel/payload.js';
import { FakeExcel } from './fake-excel.js';
import { adapterOn, chunksOf, syncsDuring } from './helpers.js';

function bigSheet(fake: FakeExcel, rows: number, cols: number): void {
  const data: (string | number)[][] = [Array.from({ length: cols }, (_, c) => `Header ${c + 1}`)];
  for (let r = 1; r < rows; r++) data.push(Array.from({ length: cols }, (_, c) => (c === 0 ? `ID-${r}` : r * 100 + c + 0.25)));
  fake.addSheet('Universe', data);
}

describe('sheets()', () => {
  it('lists every sheet with its used range in 3 syncs, whatever the number of sheets', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Notes', [['a']], { at: 'C5' });
    fake.addSheet('Empty');
    fake.addSheet('Secret', [[1, 2], [3, 4]], { visibility: 'Hidden' });
    for (let i = 0; i < 20; i++) fake.addSheet(`Extra ${i}`, [['x', 'y']]);
    const book = adapterOn(fake);
    const sheets = await book.sheets();
    expect(fake.syncs).toBe(3); // sheet list, used ranges, head rows
    expect(fake.runs).toBe(1);
    expect(sheets).toHaveLength(23);
    expect(sheets[0]).toEqual({ name: 'Notes', firstRow: 5, firstColumn: 3, rowCount: 1, columnCount: 1, merges: null }); // outside Office: merges not checked
    expect(sheets[1]).toEqual({ name: 'Empty', firstRow: 1, firstColumn: 1, rowCount: 0, columnCount: 0, merges: null });
    expect(sheets[2]).toMatchObject({ name: 'Secret', rowCount: 2, columnCount: 2, hidden: true });
    await book.sheets();
    expect(fake.syncs).toBe(3); // a snapshot: asked again, no sync
  });

  it('takes 2 syncs without read-ahead rows, and reports merged areas only when asked (ExcelApi 1.13)', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('Form', [['Title'], ['x', 'y', 'z']]);
    s.merges.push({ row: 0, col: 0, rowCount: 1, colCount: 3 }, { row: 4, col: 1, rowCount: 2, colCount: 2 });
    expect(await syncsDuring(fake, () => adapterOn(fake, { headRows: 0 }).sheets())).toBe(2);
    expect((await adapterOn(fake, { headRows: 0, merges: false }).sheets())[0]?.merges).toBeNull(); // not checked, never "none"
    const sheets = await adapterOn(fake, { headRows: 0, merges: true }).sheets();
    expect(sheets[0]?.merges).toEqual(['A1:C1', 'B5:C6']);
  });

  it('loads merged areas by default where the host supports ExcelApi 1.13, so the core can flag merged cells in a table', async () => {
    const fake = new FakeExcel();
    const s = fake.addSheet('Universe', [['Program', 'Quarter', 'Paid'], ['Medicaid', '2023Q3', 1], ['', '2023Q4', 2]]);
    s.merges.push({ row: 1, col: 0, rowCount: 2, colCount: 1 }); // A2:A3
    const globals = globalThis as unknown as { Office?: unknown };
    try {
      globals.Office = { context: { requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && Number(version) <= 1.13 } } };
      const book = adapterOn(fake);
      const [table] = await findTables(book, { name: 'Universe', required: { Program: [], Quarter: [], Paid: [] } });
      expect(table).toBeDefined();
      const issues = table === undefined ? [] : await tableMergeIssues(book, table, 'universe');
      expect(issues.map((i) => [i.code, i.cell])).toEqual([['table.merged-cells', 'A2:A3']]);
      expect(fake.syncs).toBe(3);
      globals.Office = { context: { requirements: { isSetSupported: () => false } } };
      // Before ExcelApi 1.13 the merges are not checked, and the reader says so once for the table instead of passing it silently.
      const old = adapterOn(fake);
      expect((await old.sheets())[0]?.merges).toBeNull();
      const [oldTable] = await findTables(old, { name: 'Universe', required: { Program: [], Quarter: [], Paid: [] } });
      const unchecked = oldTable === undefined ? [] : await tableMergeIssues(old, oldTable, 'universe');
      expect(unchecked.map((i) => [i.severity, i.code, i.sheet])).toEqual([['warning', 'table.merges-unchecked', 'Universe']]);
    } finally {
      delete globals.Office;
    }
    expect((await adapterOn(fake).sheets())[0]?.merges).toBeNull(); // outside Office: not asked, so not checked
  });

  it('loads nothing but names, visibility and used-range indexes before reading values', async () => {
    const fake = new FakeExcel();
    bigSheet(fake, 50, 4);
    await adapterOn(fake, { headRows: 0 }).sheets();
    expect(fake.syncLog.map((s) => s.responseBytes)).toEqual([expect.any(Number), expect.any(Number)]);
    expect(fake.syncLog.every((s) => s.responseBytes < 200)).toBe(true);
    expect(fake.writes).toEqual([]);
  });
});

describe('readRows()', () => {
  it('reads a 100,000-row sheet in 1 + chunks syncs, each chunk sized from the payload estimate and under 5 MB', async () => {
    const fake = new FakeExcel();
    bigSheet(fake, 100_000, 10);
    const book = adapterOn(fake);
    const chunkRows = readChunkRows(10);
    expect(chunkRows).toBe(Math.floor(DEFAULT_PAYLOAD_BUDGET / (10 * BYTES_PER_CELL_ESTIMATE))); // 6250
    const chunks = await chunksOf(book.readRows('Universe'));
    const expectedChunks = Math.ceil(100_000 / chunkRows); // 16
    expect(chunks).toHaveLength(expectedChunks);
    expect(fake.syncs).toBe(1 + expectedChunks); // 1 sizing sync (no sheets() yet) + 1 per chunk
    expect(chunks.flat()).toHaveLength(100_000);
    expect(chunks[0]?.[0]).toEqual({ row: 1, cells: ['Header 1', 'Header 2', 'Header 3', 'Header 4', 'Header 5', 'Header 6', 'Header 7', 'Header 8', 'Header 9', 'Header 10'] });
    expect(chunks.at(-1)?.at(-1)).toEqual({ row: 100_000, cells: ['ID-99999', ...Array.from({ length: 9 }, (_, c) => 99_999 * 100 + c + 1 + 0.25)] });
    expect(Math.max(...fake.syncLog.map((s) => s.responseBytes))).toBeLessThan(5_000_000);
    expect(fake.runs).toBe(1 + expectedChunks); // one Excel.run per chunk: nothing is held open between chunks
  });

  it('with columns, loads only their span (the others come back blank), in fewer bytes', async () => {
    const fake = new FakeExcel();
    bigSheet(fake, 5_000, 10);
    const book = adapterOn(fake);
    await book.sheets();
    const bytesOf = async (options: object) => {
      const from = fake.syncLog.length;
      const rows = (await chunksOf(book.readRows('Universe', { fromRow: 100, ...options }))).flat();
      return { rows, bytes: fake.syncLog.slice(from).reduce((sum, s) => sum + s.responseBytes, 0) };
    };
    const all = await bytesOf({});
    const some = await bytesOf({ columns: [3, 5] });
    expect(some.rows).toHaveLength(all.rows.length);
    expect(some.rows[0]).toEqual({ row: 100, cells: [null, null, 9902.25, 9903.25, 9904.25, null, null, null, null, null] }); // row 100 holds 9,900 + column index + 0.25
    expect(some.bytes).toBeLessThan(all.bytes / 2);
    expect((await bytesOf({ columns: [42] })).rows).toEqual([]);
  });

  it('after sheets(), a table read costs one sync per chunk, and rows among the first 30 cost none', async () => {
    const fake = new FakeExcel();
    bigSheet(fake, 20_000, 8);
    const book = adapterOn(fake);
    await book.sheets();
    expect(await syncsDuring(fake, () => chunksOf(book.readRows('Universe', { fromRow: 1, toRow: 30 })))).toBe(0);
    const chunkRows = readChunkRows(8);
    expect(await syncsDuring(fake, () => chunksOf(book.readRows('Universe', { fromRow: 2 })))).toBe(Math.ceil(19_999 / chunkRows));
    expect(await syncsDuring(fake, () => chunksOf(book.readRows('Universe', { fromRow: 2, chunkRows: 1000 })))).toBe(20); // a caller's smaller chunk is honoured
  });

  it('converts values: errors to { kind: error }, blank to null, serial dates left numbers, booleans kept; blank rows skipped', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data', [
      ['Text', 12.5, true, '#N/A', '#DIV/0!', '#SPILL!', '#GETTING_DATA', 45_474],
      [],
      ['', '', '', '', '', '', '', 'last'],
    ]);
    const chunks = await chunksOf(adapterOn(fake).readRows('Data'));
    expect(chunks.flat()).toEqual([
      { row: 1, cells: ['Text', 12.5, true, { kind: 'error', code: '#N/A' }, { kind: 'error', code: '#DIV/0!' }, { kind: 'error', code: '#SPILL!' }, { kind: 'error', code: '#GETTING_DATA' }, 45_474] },
      { row: 3, cells: [null, null, null, null, null, null, null, 'last'] },
    ]);
  });

  it('gives cells relative to the used range and honours fromRow/toRow', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Offset', [['h1', 'h2'], [1, 2], [3, 4], [5, 6]], { at: 'C10' });
    const book = adapterOn(fake);
    const [summary] = await book.sheets();
    expect(summary).toMatchObject({ firstRow: 10, firstColumn: 3, rowCount: 4, columnCount: 2 });
    const rows = (await chunksOf(book.readRows('Offset', { fromRow: 11, toRow: 12 }))).flat();
    expect(rows).toEqual([{ row: 11, cells: [1, 2] }, { row: 12, cells: [3, 4] }]);
    expect(await chunksOf(book.readRows('Offset', { fromRow: 50 }))).toEqual([]);
  });

  it('halves a chunk Excel refuses for its size, and shrinks later chunks when rows are larger than estimated', async () => {
    const fake = new FakeExcel();
    const long = 'x'.repeat(300); // far over the 64-byte estimate per cell
    fake.addSheet('Long', Array.from({ length: 8000 }, (_, r) => [long, long, long, r]));
    const book = adapterOn(fake, { headRows: 0 });
    const rows = (await chunksOf(book.readRows('Long'))).flat();
    expect(rows).toHaveLength(8000);
    expect(rows[7999]?.cells[3]).toBe(7999);
    const reads = fake.syncLog.slice(1);
    const refused = reads.filter((s) => s.responseBytes > fake.payloadLimit);
    expect(refused.length).toBeGreaterThanOrEqual(1); // the first estimate was too big: refused, then halved
    expect(reads.filter((s) => s.responseBytes <= fake.payloadLimit).every((s) => s.responseBytes <= DEFAULT_PAYLOAD_BUDGET * 1.01)).toBe(true);
  });

  it('names the sheet when it does not exist', async () => {
    const fake = new FakeExcel();
    fake.addSheet('A', [[1]]);
    await expect(chunksOf(adapterOn(fake).readRows('Nope'))).rejects.toThrow("fake.xlsx has no sheet named 'Nope'.");
    const book = adapterOn(fake);
    await book.sheets();
    await expect(chunksOf(book.readRows('Nope'))).rejects.toThrow("fake.xlsx has no sheet named 'Nope'.");
  });

  it('reports Excel returning no values (over the cell limit) instead of reading garbage', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Wide', Array.from({ length: 100 }, () => Array.from({ length: 10 }, () => 1)));
    fake.cellLimit = 50;
    await expect(chunksOf(adapterOn(fake, { headRows: 0 }).readRows('Wide'))).rejects.toThrow(/no values/);
  });
});

describe("the core's readers over the adapter", () => {
  function settingsWorkbook(): FakeExcel {
    const fake = new FakeExcel();
    fake.addSheet('Settings', [
      ['Setting', 'Value'],
      ['State', 'Columbia'],
      ['Quarterly Threshold', 0.1],
      ['Report Date', 45_839], // 2025-07-01 as Excel gives it: a serial number
      ['Undetermined As Error', 'No'],
    ]);
    for (let i = 0; i < 12; i++) fake.addSheet(`CMS-64 Q${i}`, [['Line', 'Description', 'Total Computable'], [1, 'Inpatient', 100 * i]]);
    return fake;
  }

  it('readSettings reads the Settings sheet, with serial dates parsed by the core, in 3 syncs', async () => {
    const fake = settingsWorkbook();
    const read = await readSettings(adapterOn(fake));
    expect(read.issues).toEqual([]);
    expect(read.settings).toMatchObject({ state: 'Columbia', quarterlyThreshold: 0.1, reportDate: '2025-07-01', undeterminedAsError: false });
    expect(read.cells.state).toBe('B2');
    expect(fake.syncs).toBe(3); // the snapshot; the Settings rows are among the read-ahead rows
  });

  it('findTables scans 13 sheets without a sync per sheet', async () => {
    const fake = settingsWorkbook();
    const book = adapterOn(fake);
    const tables = await findTables(book, { name: 'Report', required: { Line: [], Description: [], 'Total Computable': [] } });
    expect(tables).toHaveLength(12);
    expect(tables[3]).toMatchObject({ sheet: 'CMS-64 Q3', headerRow: 1, firstDataRow: 2, lastRow: 2 });
    expect(fake.syncs).toBe(3);
  });
});
