// The .xlsx adapter: open an .xlsx file as a WorkbookSource, and write copies with the owned sheets.
export { openXlsx, type OpenXlsxOptions, type XlsxWorkbook } from './open-xlsx.js';
export { writeCopy } from './write-copy.js';
export { XlsxReadError } from './read/read-error.js';
