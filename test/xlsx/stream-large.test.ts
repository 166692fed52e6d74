import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetRow } from '../../src/core/workbook/port.js';
import { readUniverseTotals } from '../../src/core/workbook/universe-totals.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { universeRow, writeUniverseFile, type UniverseFile } from '../fixtures/xlsx/universe-file.js';
import { partText, sha256, tempDir, zipOf } from './helpers.js';

// 200,000 claim rows keep this test under a minute; bench/xlsx-read.ts runs the full 1,048,576-row sheet.
const ROWS = 200_000;

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let path = '';
let file: UniverseFile;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  path = join(dir, 'claims.xlsx');
  file = await writeUniverseFile(path, ROWS);
}, 120_000);

afterAll(() => cleanup());

describe('streaming a large universe sheet', () => {
  it('opens with the one streaming reader: the used range from the cells read', async () => {
    const book = await openXlsx(path);
    expect(book.mode).toBe('stream');
    expect(await book.sheets()).toEqual([
      { name: 'Notes', firstRow: 1, firstColumn: 1, rowCount: 1, columnCount: 1, merges: [] },
      { name: 'Claims', firstRow: 1, firstColumn: 1, rowCount: ROWS + 1, columnCount: 5, merges: [] },
    ]);
  });

  it('sums every row to the cent, in chunks no larger than asked', async () => {
    const book = await openXlsx(path);
    let chunks = 0;
    let largest = 0;
    const counting = {
      label: book.label,
      sheets: () => book.sheets(),
      async *readRows(sheet: string, options?: Parameters<typeof book.readRows>[1]) {
        for await (const chunk of book.readRows(sheet, options)) {
          chunks += 1;
          largest = Math.max(largest, chunk.length);
          yield chunk;
        }
      },
    };
    const read = await readUniverseTotals(counting, { chunkRows: 25_000 });
    expect(read.issues).toEqual([]);
    expect(read.rowsRead).toBe(ROWS);
    expect(read.totals).toHaveLength(16);
    for (const t of read.totals) expect(t.cents, `${t.program} ${t.quarter} ${t.component}`).toBe(file.expectedCents.get(`${t.program}|${t.quarter}|${t.component}`));
    expect(largest).toBeLessThanOrEqual(25_000);
    expect(chunks).toBeGreaterThanOrEqual(ROWS / 25_000);
  }, 60_000);

  it('reads a window deep in the sheet with the right values', async () => {
    const book = await openXlsx(path);
    const rows: SheetRow[] = [];
    for await (const chunk of book.readRows('Claims', { fromRow: 150_001, toRow: 150_003 })) rows.push(...chunk);
    expect(rows).toEqual([150_000, 150_001, 150_002].map((i) => ({ row: i + 1, cells: [`C${i}`, ...universeRow(i)] })));
  }, 60_000);

  it('writes a copy of the large file without changing it, copying the big sheet part untouched', async () => {
    const before = await sha256(path);
    const book = await openXlsx(path);
    const out = join(dir, 'claims-out.xlsx');
    await book.writeCopy(out, [{ name: 'Run Log', rows: [[{ text: 'Rows' }, { number: ROWS }]] }]);
    expect(await sha256(path)).toBe(before);
    const [src, dst] = await Promise.all([zipOf(path), zipOf(out)]);
    expect(await partText(dst, 'xl/worksheets/sheet2.xml')).toBe(await partText(src, 'xl/worksheets/sheet2.xml'));
    const copy = await openXlsx(out);
    expect((await copy.sheets()).map((s) => [s.name, s.rowCount])).toEqual([['Notes', 1], ['Claims', ROWS + 1], ['Run Log', 1]]);
  }, 60_000);
});
