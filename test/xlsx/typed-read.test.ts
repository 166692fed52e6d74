// A typed read of an .xlsx file (ReadRowsOptions.typed): each cell's formula and number format
// besides its value, as a user's cells must come back as typed. The file is written by exceljs
// here; the re-save tests (test/cli/notes-resave-*.test.ts) read files saved by LibreOffice and openpyxl.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetRow, WorkbookSource } from '../../src/core/workbook/port.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { tempDir } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let bookPath = '';

async function allRows(source: WorkbookSource, sheet: string, typed: boolean): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const chunk of source.readRows(sheet, { typed })) out.push(...chunk);
  return out;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  bookPath = join(dir, 'typed.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Notes');
  ws.getCell('A1').value = 'text';
  ws.getCell('B1').value = '=typed as text';
  ws.getCell('C1').value = { formula: 'C2*2', result: 4 };
  ws.getCell('A2').value = 0.125;
  ws.getCell('A2').numFmt = '0.0%';
  ws.getCell('B2').value = new Date(Date.UTC(2026, 10, 20));
  ws.getCell('B2').numFmt = 'mm/dd/yyyy';
  ws.getCell('C2').value = 2;
  // A formula saved without a cached value, as openpyxl saves them, alone on its row.
  ws.getCell('B3').value = { formula: '1+1' } as ExcelJS.CellFormulaValue;
  ws.getCell('A4').value = { formula: 'C2+1', result: 3 };
  ws.getCell('B4').value = { sharedFormula: 'A4', result: 5 } as ExcelJS.CellSharedFormulaValue;
  await wb.xlsx.writeFile(bookPath);
});

afterAll(() => cleanup());

describe('a typed read of an .xlsx file', () => {
  it('gives each cell its formula (with =, shared formulas translated) and its number format besides its value', async () => {
    const book = await openXlsx(bookPath);
    const rows = await allRows(book, 'Notes', true);
    expect(rows).toEqual([
      { row: 1, cells: ['text', '=typed as text', 4], typed: [null, null, { formula: '=C2*2' }] },
      { row: 2, cells: [0.125, new Date(Date.UTC(2026, 10, 20)), 2], typed: [{ numberFormat: '0.0%' }, { numberFormat: 'mm/dd/yyyy' }, null] },
      { row: 3, cells: [null, null, null], typed: [null, { formula: '=1+1' }, null] },
      { row: 4, cells: [3, 5, null], typed: [{ formula: '=C2+1' }, { formula: '=D2+1' }, null] },
    ]);
  });

  it('gives values only when not asked', async () => {
    const rows = await allRows(await openXlsx(bookPath), 'Notes', false);
    expect(rows.every((r) => r.typed === undefined)).toBe(true);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]); // the row holding only an uncached formula has no value
  });
});
