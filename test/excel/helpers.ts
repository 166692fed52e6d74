import type { SheetRow } from '../../src/core/workbook/port.js';
import { ExcelWorkbook, type ExcelWorkbookOptions } from '../../src/excel/excel-workbook.js';
import type { FakeExcel } from './fake-excel.js';

/** The adapter over a fake workbook. */
export function adapterOn(fake: FakeExcel, options: ExcelWorkbookOptions = {}): ExcelWorkbook {
  return new ExcelWorkbook({ label: 'fake.xlsx', run: fake.run, ...options });
}

/** Every chunk of an async iterable. */
export async function chunksOf(rows: AsyncIterable<readonly SheetRow[]>): Promise<(readonly SheetRow[])[]> {
  const out: (readonly SheetRow[])[] = [];
  for await (const chunk of rows) out.push(chunk);
  return out;
}

/** Syncs made while `action` runs. */
export async function syncsDuring(fake: FakeExcel, action: () => Promise<unknown>): Promise<number> {
  const before = fake.syncs;
  await action();
  return fake.syncs - before;
}
