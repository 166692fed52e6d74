// The exceljs adapter: open an .xlsx file as a WorkbookSource, and write copies with the owned sheets.
export { openXlsx, DEFAULT_STREAM_ABOVE_BYTES, type OpenXlsxOptions, type XlsxWorkbook } from './open-xlsx.js';
export { writeCopy } from './write-copy.js';
export { UNKNOWN_ERROR_CODE } from './cell-from-exceljs.js';
