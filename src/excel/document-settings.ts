/**
 * Settings saved in the workbook (Office document settings: a per-add-in property bag stored
 * inside the file), so mapping choices and options travel with the workbook to the next user.
 * `saveSettings` sets the value and saves the bag (`saveAsync`); values are JSON, at most 2 MB in all.
 */

export type SettingValue = string | number | boolean | null | readonly SettingValue[] | { readonly [key: string]: SettingValue };

/** The part of `Office.context.document.settings` used here. */
export interface DocumentSettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback: (result: { status: unknown; error?: { message: string } | null }) => void): void;
}

/** The document's settings, looked up when first used (so nothing needs Office until then). */
export const officeDocumentSettings = (): DocumentSettingsStore => Office.context.document.settings;

/** office.js reports `"failed"` (typed as the enum value 1). */
function failed(status: unknown): boolean {
  return status === 'failed' || status === 1;
}

export function loadSetting(store: DocumentSettingsStore, key: string): SettingValue | undefined {
  const value = store.get(key) as SettingValue | undefined;
  return value === null || value === undefined ? undefined : value;
}

/** Sets (or, for `undefined`, removes) the setting and saves the settings into the document. */
export function saveSetting(store: DocumentSettingsStore, key: string, value: SettingValue | undefined): Promise<void> {
  if (value === undefined) store.remove(key);
  else store.set(key, JSON.parse(JSON.stringify(value)) as unknown); // plain JSON only, as the bag stores it
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      if (failed(result.status)) reject(new Error(`The settings could not be saved in the workbook: ${(result.error?.message ?? 'unknown error').replace(/\.$/, '')}.`));
      else resolve();
    });
  });
}
