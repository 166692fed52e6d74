/** A fake Excel holding every value of a workbook source (dates as serial numbers, as office-js gives them). */
import type { CellValue, WorkbookSource } from '../../src/core/workbook/port.js';
import { FakeExcel, parseRect } from './fake-excel.js';

function officeValue(v: CellValue): unknown {
  if (v === null) return '';
  if (typeof v === 'object' && !(v instanceof Date)) return v.code;
  return v;
}

/** A fake Excel holding every value of `source`, where it is. */
export async function copyIntoFake(source: WorkbookSource): Promise<FakeExcel> {
  const fake = new FakeExcel();
  for (const s of await source.sheets()) {
    const target = fake.addSheet(s.name, [], s.hidden === true ? { visibility: 'Hidden' } : {});
    for (const m of s.merges ?? []) target.merges.push(parseRect(m) ?? { row: 0, col: 0, rowCount: 1, colCount: 1 });
    for await (const chunk of source.readRows(s.name)) {
      for (const row of chunk) {
        row.cells.forEach((v, i) => {
          const value = officeValue(v);
          if (value instanceof Date) target.setValueAt(row.row - 1, s.firstColumn - 1 + i, (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
          else if (value !== '') target.setValueAt(row.row - 1, s.firstColumn - 1 + i, value as string | number | boolean);
        });
      }
    }
  }
  return fake;
}

