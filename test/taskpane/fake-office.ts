/**
 * What the task pane's Excel host needs beyond the fake Excel of test/excel: Office document settings.
 */
import type { DocumentSettingsStore } from '../../src/excel/document-settings.js';
import { FakeExcel } from '../excel/fake-excel.js';

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
