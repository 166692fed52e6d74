/**
 * Bundled by the end-to-end test into an init script: the fake Excel of test/excel seeded with a
 * workbook, exposed as the `Excel` and `Office` globals office.js would provide inside Excel, so
 * the task pane runs its real office-js path (src/excel) in Chromium.
 */
import { FakeExcel } from '../excel/fake-excel.js';
import { FakeDocumentSettings } from '../taskpane/fake-office.js';

interface PageGlobals {
  __permSeed: Record<string, unknown[][]>;
  __fakeExcel: FakeExcel;
  __fakeSettings: FakeDocumentSettings;
  Excel: unknown;
  Office: unknown;
}

const w = window as unknown as PageGlobals;
const fake = new FakeExcel();
for (const [name, rows] of Object.entries(w.__permSeed)) fake.addSheet(name, rows);
const settings = new FakeDocumentSettings();
w.__fakeExcel = fake;
w.__fakeSettings = settings;
w.Excel = { run: fake.run };
w.Office = {
  HostType: { Excel: 'Excel' },
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  context: {
    document: { url: 'https://contoso.example/Shared/sample-state.xlsx', settings },
    officeTheme: { bodyBackgroundColor: '#FFFFFF' },
    // Excel on the web today: ExcelApi 1.13 and later, so merged areas are checked.
    requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && Number(version) <= 1.17 },
  },
  actions: { associate: () => undefined },
  addin: { showAsTaskpane: () => Promise.resolve() },
};
