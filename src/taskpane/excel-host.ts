/**
 * The host inside Excel: the office-js workbook port of src/excel. Every `look()` is a new
 * ExcelWorkbook, so each run and each look at the input tables sees the workbook as it is then,
 * read in one snapshot (the port takes it once per instance, in 3 syncs).
 */
import { checkNoteEdits, type NoteEdit } from '../core/recon/note-cells.js';
import type { OwnedSheet, WorkbookSource } from '../core/workbook/port.js';
import { createExcelWorkbook, type ExcelWorkbookOptions, type SettingValue } from '../excel/index.js';
import type { WorkbookHost } from './host.js';

export interface ExcelHostOptions extends ExcelWorkbookOptions {
  readonly theme?: 'light' | 'dark';
}

export function createExcelHost(options: ExcelHostOptions = {}): WorkbookHost {
  const { theme, ...portOptions } = options;
  const book = createExcelWorkbook(portOptions);
  return {
    kind: 'excel',
    label: book.label,
    theme: theme ?? 'light',
    look: (): WorkbookSource => createExcelWorkbook(portOptions),
    writeSheets: (sheets: readonly OwnedSheet[]) => book.writeSheets(sheets),
    writeNoteCells: async (reconciliation: OwnedSheet, edits: readonly NoteEdit[]) => {
      const problem = checkNoteEdits(reconciliation, edits);
      if (problem !== undefined) throw new Error(`Not written: ${problem}.`);
      await book.writeNoteCells(edits);
    },
    selectCell: (sheet: string, cell: string) => book.selectCell(sheet, cell),
    selectedRange: () => book.selectedRange(),
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
