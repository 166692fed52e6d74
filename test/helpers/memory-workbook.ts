/**
 * Test helper: loads an .xlsx file through exceljs into the in-memory WorkbookSource, so tests can
 * run the core's readers over real files (the FMR workbooks). Values only: a formula gives its
 * cached result, rich text its plain text.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/workbook/port.js';
import { memorySource } from '../../src/core/workbook/memory-source.js';
import type { WorkbookSource } from '../../src/core/workbook/port.js';

function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return { kind: 'error', code: String(v.error) };
    if ('result' in v) return toCellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return null;
}

/** The sheets of an .xlsx file as rows of values from A1, optionally only those `keep` accepts. */
export async function xlsxRows(path: string, keep: (sheet: string) => boolean = () => true): Promise<Record<string, CellValue[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: Record<string, CellValue[][]> = {};
  for (const ws of wb.worksheets) {
    if (!keep(ws.name)) continue;
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells[c - 1] = toCellValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[r - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    sheets[ws.name] = rows;
  }
  return sheets;
}

/** An .xlsx file as a WorkbookSource (values only). */
export async function xlsxSource(path: string, keep?: (sheet: string) => boolean): Promise<WorkbookSource> {
  return memorySource(path.split('/').pop() ?? path, await xlsxRows(path, keep));
}
