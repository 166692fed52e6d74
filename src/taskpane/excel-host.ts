/**
 * The host inside Excel: the office-js workbook port of src/excel. Every read of `source` is a new
 * ExcelWorkbook, so each run and each look at the input tables sees the workbook as it is then
 * (the port snapshots the sheet list once per instance).
 */
import type { OwnedSheet, WorkbookSource } from '../core/workbook/port.js';
import { createExcelWorkbook, officeExcelRun, type ExcelRun, type ExcelWorkbookOptions, type SettingValue } from '../excel/index.js';
import type { SelectedRange, WorkbookHost } from './host.js';

/** The one call the port does not cover: the address of the user's selection (`Sheet1!B3:D9`). */
interface SelectionContext {
  readonly workbook: { getSelectedRange(): { address: string; load(properties: string): unknown } };
  sync(): Promise<unknown>;
}

/** `'My sheet'!B3:D9` → sheet `My sheet`, address `B3:D9`. */
export function splitAddress(full: string): SelectedRange | null {
  const bang = full.lastIndexOf('!');
  if (bang < 0) return null;
  const rawSheet = full.slice(0, bang);
  const sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const address = full.slice(bang + 1).replace(/\$/g, '');
  return sheet === '' || address === '' ? null : { sheet, address };
}

export async function readSelection(run: ExcelRun): Promise<SelectedRange | null> {
  return run(async (context) => {
    const range = (context as unknown as SelectionContext).workbook.getSelectedRange();
    range.load('address');
    await context.sync();
    return splitAddress(range.address);
  });
}

export interface ExcelHostOptions extends ExcelWorkbookOptions {
  readonly theme?: 'light' | 'dark';
}

export function createExcelHost(options: ExcelHostOptions = {}): WorkbookHost {
  const { theme, ...portOptions } = options;
  const book = createExcelWorkbook(portOptions);
  const run = options.run ?? officeExcelRun;
  return {
    kind: 'excel',
    label: book.label,
    theme: theme ?? 'light',
    get source(): WorkbookSource {
      return createExcelWorkbook(portOptions);
    },
    writeSheets: (sheets: readonly OwnedSheet[]) => book.writeSheets(sheets),
    selectCell: (sheet: string, cell: string) => book.selectCell(sheet, cell),
    selectedRange: () => readSelection(run),
    loadSetting: (key: string) => book.loadSettings(key),
    saveSetting: (key: string, value: unknown) => book.saveSettings(key, value as SettingValue),
  };
}

/** Dark when the Office theme's body background is dark. */
export function officeThemeKind(bodyBackgroundColor: string | undefined): 'light' | 'dark' {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackgroundColor ?? '');
  if (m === null) return 'light';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? 'ff', 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? 'dark' : 'light';
}
