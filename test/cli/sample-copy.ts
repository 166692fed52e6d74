/** Copies of the bundled sample workbook, edited by a test through exceljs, in a temp folder. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export const SAMPLE = new URL('../../assets/samples/sample-state.xlsx', import.meta.url).pathname;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'perm-recon-test-'));
}

/** Writes an edited copy of the sample and returns its path. */
export async function editedSample(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  edit(wb);
  const path = join(tempDir(), name);
  await wb.xlsx.writeFile(path);
  return path;
}

/** Column number of a header in row 1 of a sheet. */
export function column(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (String(cell.value).trim() === header) found = col;
  });
  if (found === 0) throw new Error(`no header ${header} on ${ws.name}`);
  return found;
}
