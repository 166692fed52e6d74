/** The bundled sample workbook's input sheets as values, read once through the xlsx adapter. */
import { join } from 'node:path';
import type { MemorySheets } from '../../src/core/workbook/memory-source.js';
import type { CellValue } from '../../src/core/workbook/port.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';

export const SAMPLE_PATH = join(import.meta.dirname, '..', '..', 'assets', 'samples', 'sample-state.xlsx');

let cached: Promise<MemorySheets> | undefined;

export function sampleSheets(): Promise<MemorySheets> {
  cached ??= (async () => {
    const book = await openXlsx(SAMPLE_PATH);
    const out: Record<string, CellValue[][]> = {};
    for (const s of await book.sheets()) {
      const rows: CellValue[][] = [];
      for await (const chunk of book.readRows(s.name)) {
        for (const r of chunk) {
          const row: CellValue[] = Array.from({ length: s.firstColumn - 1 }, () => null);
          rows[r.row - 1] = [...row, ...r.cells];
        }
      }
      out[s.name] = Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
    }
    return out;
  })();
  return cached;
}
