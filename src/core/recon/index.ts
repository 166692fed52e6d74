// The 64/21 reconciliation core: line map, report readers, the comparison, and its output sheets.
export * from './forms.js';
export * from './line-map-row.js';
export * from './line-map.js';
export { DEFAULT_LINE_MAP } from './line-map-defaults.js';
export * from './line-map-sheet.js';
export * from './report-line.js';
export { readReports, tableRange, type ReadReportsOptions, type ReportRead, type ReportTableRead } from './report-read.js';
export { compareAmounts, basisPoints, type Comparison } from './compare.js';
export * from './recon-result.js';
export * from './reconcile.js';
export * from './reconcile-json.js';
export * from './reconciliation-notes.js';
export * from './kept-cell.js';
export * from './note-placement.js';
export { buildReconciliationSheet, reconciliationRowKeys } from './reconciliation-sheet.js';
