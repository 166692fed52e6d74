import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTables } from '../../src/core/workbook/find-table.js';
import type { SheetRow, WorkbookSource } from '../../src/core/workbook/port.js';
import { readUniverseTotals, UNIVERSE_TABLE } from '../../src/core/workbook/universe-totals.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let bookPath = '';

async function allRows(source: WorkbookSource, sheet: string, options = {}): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const chunk of source.readRows(sheet, options)) out.push(...chunk);
  return out;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  bookPath = join(dir, 'book.xlsx');
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes');
  notes.getCell('B2').value = 'Ohio PERM universe';
  notes.mergeCells('B2:D2');
  const ws = wb.addWorksheet('Universe Q');
  ws.getCell('C4').value = 'Program';
  ws.getCell('D4').value = 'Quarter';
  ws.getCell('E4').value = 'Component';
  ws.getCell('F4').value = 'Paid\nAmount';
  ws.getRow(5).values = [null, null, 'Medicaid', '2023Q3', 'FFS', 1234.5];
  ws.getRow(6).values = [null, null, 'CHIP', new Date(Date.UTC(2023, 10, 15)), 'MC', { formula: 'F5*2', result: 2469 }];
  ws.getRow(7).values = [null, null, { richText: [{ text: 'Title ', font: { bold: true } }, { text: 'XIX' }] }, 'Q3 2023', 'FFS', '$1,000.00'];
  ws.getRow(8).values = [null, null, 'Medicaid', '2023Q3', 'FFS', { error: '#N/A' }];
  ws.getRow(9).values = [null, null, 'Medicaid', '2023Q3', 'FFS', { formula: 'NA()', result: { error: '#N/A' } }];
  ws.getRow(11).values = [null, null, 'Medicaid', '2023Q4', 'MC', { text: '7', hyperlink: 'https://example.org' }];
  const hidden = wb.addWorksheet('Hidden', { state: 'hidden' });
  hidden.getCell('A1').value = 'x';
  wb.addWorksheet('Empty');
  const formulas = wb.addWorksheet('Formulas');
  formulas.getCell('A1').value = { formula: '1-1', result: 0 };
  formulas.getCell('B1').value = { formula: 'A1*3', result: 7.25 };
  await wb.xlsx.writeFile(bookPath);
});

afterAll(() => cleanup());

// headRows 3 makes the reader stream the sheet again for rows below the first three; 200 serves them from the rows kept.
describe.each([
  ['kept rows', {}],
  ['streamed again', { headRows: 3 }],
] as const)('openXlsx (%s)', (_how, options) => {
  it('opens in the expected mode and summarises every sheet', async () => {
    const book = await openXlsx(bookPath, options);
    expect(book.mode).toBe('stream');
    expect(book.label).toBe('book.xlsx');
    const sheets = await book.sheets();
    // The used range comes from the cells read, never from <dimension> (A1:F11 as exceljs writes it).
    const universe = ['Universe Q', 4, 3, 8, 4, false];
    expect(sheets.map((s) => [s.name, s.firstRow, s.firstColumn, s.rowCount, s.columnCount, s.hidden === true])).toEqual([
      ['Notes', 2, 2, 1, 1, false],
      universe,
      ['Hidden', 1, 1, 1, 1, true],
      ['Empty', 1, 1, 0, 0, false],
      ['Formulas', 1, 1, 1, 2, false],
    ]);
    expect(sheets[0]?.merges).toEqual(['B2:D2']);
  });

  it('reads cached formula results, rich text, dates, errors and hyperlink text', async () => {
    const book = await openXlsx(bookPath, options);
    const first = (await book.sheets()).find((s) => s.name === 'Universe Q')?.firstColumn ?? 1;
    const rows = (await allRows(book, 'Universe Q')).map((r) => ({ row: r.row, cells: r.cells.slice(3 - first) })); // from column C
    expect(rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 11]); // blank row 10 skipped
    expect(rows[0]?.cells).toEqual(['Program', 'Quarter', 'Component', 'Paid\nAmount']);
    expect(rows[1]?.cells).toEqual(['Medicaid', '2023Q3', 'FFS', 1234.5]);
    expect(rows[2]?.cells).toEqual(['CHIP', new Date(Date.UTC(2023, 10, 15)), 'MC', 2469]);
    expect(rows[3]?.cells).toEqual(['Title XIX', 'Q3 2023', 'FFS', '$1,000.00']);
    expect(rows[4]?.cells[3]).toEqual({ kind: 'error', code: '#N/A' });
    // A formula's cached error keeps its code.
    expect(rows[5]?.cells[3]).toEqual({ kind: 'error', code: '#N/A' });
    expect(rows[6]?.cells[3]).toBe('7');
    // A cached result of 0 is a value, not a blank (exceljs's cell.value drops falsy results).
    expect(await allRows(book, 'Formulas')).toEqual([{ row: 1, cells: [0, 7.25] }]);
  });

  it('reads a row range in chunks', async () => {
    const book = await openXlsx(bookPath, options);
    const chunks: number[][] = [];
    for await (const c of book.readRows('Universe Q', { fromRow: 5, toRow: 9, chunkRows: 2 })) chunks.push(c.map((r) => r.row));
    expect(chunks).toEqual([[5, 6], [7, 8], [9]]);
    expect(await allRows(book, 'Empty')).toEqual([]);
  });

  it('feeds the core readers: universe totals with the bad cells named', async () => {
    const book = await openXlsx(bookPath, options);
    const tables = await findTables(book, UNIVERSE_TABLE);
    expect(tables).toEqual([
      { sheet: 'Universe Q', headerRow: 4, columns: { Program: 3, Quarter: 4, Component: 5, Amount: 6 }, firstDataRow: 5, lastRow: 11 },
    ]);
    const read = await readUniverseTotals(book);
    expect(read.totals).toEqual([
      { program: 'Medicaid', quarter: '2023Q3', component: 'FFS', cents: 223450, rows: 2 },
      { program: 'Medicaid', quarter: '2023Q4', component: 'MC', cents: 700, rows: 1 },
      { program: 'CHIP', quarter: '2023Q4', component: 'MC', cents: 246900, rows: 1 },
    ]);
    // The same problem down one column is one issue naming the range (core/workbook/issue-limiter.ts).
    expect(read.issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Universe Q!F8:F9']);
    expect(read.issues[0]?.message).toMatch(/^'Universe Q'!F8:F9: All 2 cells of this range have the same problem; the first, F8: Amount: The cell holds the error value #N\/A\./);
  });
});

describe('openXlsx errors', () => {
  it('names the path and what to do', async () => {
    await expect(openXlsx(join(dir, 'missing.xlsx'))).rejects.toThrow(/missing\.xlsx: file not found\. Check the path/);
    const notXlsx = join(dir, 'notes.xlsx');
    await writeFile(notXlsx, 'plain text and not a workbook');
    await expect(openXlsx(notXlsx)).rejects.toThrow(/notes\.xlsx: cannot be read as an Excel workbook: it is a text file, not an \.xlsx workbook\. In Excel: File > Save As/);
  });
});
