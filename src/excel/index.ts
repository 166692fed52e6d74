// The workbook port over office-js (Excel.run), for the task pane. See README.md for the sync budget.
export { ExcelWorkbook, createExcelWorkbook, type ExcelWorkbookOptions } from './excel-workbook.js';
export type { WriteReport } from './write-owned-sheets.js';
export type { SettingValue, DocumentSettingsStore } from './document-settings.js';
export type { ExcelRun, XlRequestContext } from './excel-api.js';
export { officeExcelRun } from './excel-api.js';
export { RefusedWriteError, UserSheetConflictError, WRITABLE_SHEET_NAMES, WRITE_ONCE_SHEET_NAMES } from '../core/workbook/owned-sheets.js';
export { DEFAULT_PAYLOAD_BUDGET, BYTES_PER_CELL_ESTIMATE, MAX_GET_CELLS, readChunkRows } from './payload.js';
export { cellFromOffice, EXCEL_ERROR_CODES } from './cell-from-office.js';
export { splitQualifiedAddress, readSelectedRange, type SelectedRange } from './selected-range.js';
