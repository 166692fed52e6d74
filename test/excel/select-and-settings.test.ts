/** "Click a warning to see its cell", and settings kept in the document. */
import { describe, expect, it } from 'vitest';
import { FakeDocumentSettings } from './fake-document-settings.js';
import { FakeExcel } from './fake-excel.js';
import { adapterOn } from './helpers.js';

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one sync, writing nothing', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Universe', [['a']]);
    fake.addSheet('CMS-64', [['b']]);
    const book = adapterOn(fake);
    await book.selectCell('CMS-64', 'D17');
    expect(fake.activeSheet).toBe('CMS-64');
    expect(fake.selection).toEqual({ sheet: 'CMS-64', address: 'D17' });
    expect(fake.syncs).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  it('takes ranges, whole rows, absolute and sheet-qualified addresses, or no address (activate only)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Run Log', [['a']]);
    fake.addSheet('Other', [['b']]);
    const book = adapterOn(fake);
    await book.selectCell('Run Log', 'B2:D9');
    expect(fake.selection?.address).toBe('B2:D9');
    await book.selectCell('Run Log', '7:7');
    expect(fake.selection?.address).toBe('7:7');
    await book.selectCell('Run Log', "'Run Log'!$C$3");
    expect(fake.selection?.address).toBe('C3');
    await book.selectCell('Other');
    expect(fake.activeSheet).toBe('Other');
    expect(fake.selection?.sheet).toBe('Run Log');
  });

  it('says so when the sheet is gone, and passes on Excel refusing a hidden sheet', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Shown', [['a']]);
    fake.addSheet('Hidden', [['a']], { visibility: 'Hidden' });
    const book = adapterOn(fake);
    await expect(book.selectCell('Deleted', 'A1')).rejects.toThrow("fake.xlsx has no sheet named 'Deleted'.");
    await expect(book.selectCell('Hidden', 'A1')).rejects.toThrow(/hidden/);
  });
});

describe('settings saved in the workbook', () => {
  it('saves with set + saveAsync and loads what was saved; undefined when never saved', async () => {
    const store = new FakeDocumentSettings();
    const book = adapterOn(new FakeExcel(), { settings: () => store });
    expect(await book.loadSettings('mapping')).toBeUndefined();
    const mapping = { universe: { sheet: 'Universe', range: 'A1:E17' }, columns: ['Program', 'Quarter'], includePriorPeriod: false };
    await book.saveSettings('mapping', mapping);
    expect(store.saves).toBe(1);
    expect(store.saved.get('mapping')).toEqual(mapping);
    expect(await book.loadSettings('mapping')).toEqual(mapping);
    // a new adapter (the next user opening the workbook) sees it
    expect(await adapterOn(new FakeExcel(), { settings: () => store }).loadSettings('mapping')).toEqual(mapping);
    await book.saveSettings('mapping', undefined);
    expect(store.saved.has('mapping')).toBe(false);
    expect(await book.loadSettings('mapping')).toBeUndefined();
  });

  it('rejects when Office cannot save, with its reason', async () => {
    const store = new FakeDocumentSettings();
    store.failWith = 'The document is read-only.';
    await expect(adapterOn(new FakeExcel(), { settings: () => store }).saveSettings('k', 1)).rejects.toThrow('The settings could not be saved in the workbook: The document is read-only.');
  });

  it('needs no Office host until settings are used', () => {
    expect(() => adapterOn(new FakeExcel())).not.toThrow();
  });
});

describe('selectedRange', () => {
  it("reads the user's selection as sheet and address, in one sync", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Dana's data", [['a']]);
    const book = adapterOn(fake);
    await book.selectCell("Dana's data", 'B3:D9');
    fake.resetCounters();
    expect(await book.selectedRange()).toEqual({ sheet: "Dana's data", address: 'B3:D9' });
    expect(fake.syncs).toBe(1);
  });
});
