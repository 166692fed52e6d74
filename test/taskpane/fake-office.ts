/**
 * The fake Excel of test/excel with what the task pane's Excel host needs beyond the port: the
 * user's selection (`workbook.getSelectedRange()`) and Office document settings.
 */
import type { DocumentSettingsStore } from '../../src/excel/document-settings.js';
import type { ExcelRun } from '../../src/excel/excel-api.js';
import { FakeExcel, qualifiedSheet } from '../excel/fake-excel.js';

/** `fake.run`, with `context.workbook.getSelectedRange()` answering the fake's selection after the sync. */
export function runWithSelection(fake: FakeExcel): ExcelRun {
  return (batch) =>
    fake.run((context) => {
      const workbook = context.workbook as unknown as Record<string, unknown>;
      workbook.getSelectedRange = () => {
        const at = fake.selection ?? { sheet: fake.activeSheet ?? fake.sheets[0]?.name ?? 'Sheet1', address: 'A1' };
        return { address: `${qualifiedSheet(at.sheet)}!${at.address}`, load: () => undefined };
      };
      return batch(context);
    });
}

/** `Office.context.document.settings` in memory: `saveAsync` keeps what `set` staged. */
export class FakeDocumentSettings implements DocumentSettingsStore {
  readonly saved = new Map<string, unknown>();
  private readonly staged = new Map<string, unknown>();
  get(name: string): unknown {
    return this.staged.has(name) ? this.staged.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.staged.set(name, value);
  }
  remove(name: string): void {
    this.staged.delete(name);
  }
  saveAsync(callback: (result: { status: unknown; error?: { message: string } | null }) => void): void {
    for (const [k, v] of this.staged) this.saved.set(k, v);
    for (const k of [...this.saved.keys()]) if (!this.staged.has(k)) this.saved.delete(k);
    callback({ status: 'succeeded', error: null });
  }
}

/** A fake Excel holding `sheets` (rows from A1). */
export function fakeExcelWith(sheets: Readonly<Record<string, readonly (readonly unknown[])[]>>): FakeExcel {
  const fake = new FakeExcel();
  for (const [name, rows] of Object.entries(sheets)) fake.addSheet(name, rows.map((r) => r.map((v) => (v === null ? '' : v))));
  return fake;
}
