import type { DocumentSettingsStore } from '../../src/excel/document-settings.js';

/** An in-memory `Office.context.document.settings`: saveAsync persists what `set` staged. */
export class FakeDocumentSettings implements DocumentSettingsStore {
  staged = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  saves = 0;
  failWith: string | undefined;
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
    this.saves++;
    setTimeout(() => {
      if (this.failWith !== undefined) {
        callback({ status: 'failed', error: { message: this.failWith } });
        return;
      }
      this.saved = new Map(this.staged);
      callback({ status: 'succeeded', error: null });
    }, 0);
  }
}
