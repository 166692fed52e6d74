/**
 * What the task pane's Excel host needs beyond the fake Excel of test/excel: Office document settings.
 */
import { FakeExcel } from '../excel/fake-excel.js';

export { FakeDocumentSettings } from '../excel/fake-document-settings.js';

/** A fake Excel holding `sheets` (rows from A1). */
export function fakeExcelWith(sheets: Readonly<Record<string, readonly (readonly unknown[])[]>>): FakeExcel {
  const fake = new FakeExcel();
  for (const [name, rows] of Object.entries(sheets)) fake.addSheet(name, rows.map((r) => r.map((v) => (v === null ? '' : v))));
  return fake;
}
