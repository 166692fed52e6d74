/// <reference types="office-js" />
/**
 * The part of the office-js Excel API this adapter calls, as structural types. The adapter is
 * written against these, so tests can hand it an in-memory fake (test/excel/fake-excel.ts) and
 * `officeExcelRun` below checks at compile time that the real `Excel.RequestContext` fits them.
 * String-literal enum values ('ColumnClustered', 'Custom', ...) are used instead of the `Excel.*`
 * enums so nothing here needs the `Excel` global at run time except `Excel.run` itself.
 */

export interface XlRequestContext {
  readonly workbook: XlWorkbook;
  readonly application: XlApplication;
  sync(): Promise<unknown>;
}

export interface XlApplication {
  /** Suspends formula calculation until the next `context.sync()` (ExcelApi 1.6). */
  suspendApiCalculationUntilNextSync(): void;
}

export interface XlWorkbook {
  readonly worksheets: XlWorksheetCollection;
  /** Workbook-scoped defined names (ExcelApi 1.4; `formula` ExcelApi 1.7). */
  readonly names: XlNamedItemCollection;
  /** The user's selection; its `address` is sheet-qualified (`'My sheet'!B3:D9`). */
  getSelectedRange(): XlSelectedRange;
}

export interface XlNamedItemCollection {
  getItemOrNullObject(name: string): XlNamedItem;
  add(name: string, reference: string, comment?: string): XlNamedItem;
}

export interface XlNamedItem {
  readonly isNullObject: boolean;
  /** The name's formula, for example `="Reconciliation|Run Log"`. */
  formula: string;
  visible: boolean;
  load(propertyNames: string): unknown;
}

export interface XlSelectedRange {
  readonly address: string;
  load(propertyNames: string): unknown;
}

export interface XlWorksheetCollection {
  readonly items: XlWorksheet[];
  load(propertyNames: string): unknown;
  getItem(key: string): XlWorksheet;
  add(name: string): XlWorksheet;
}

export interface XlWorksheet {
  readonly name: string;
  /** `Visible`, `Hidden` or `VeryHidden`. */
  readonly visibility: string;
  readonly charts: XlChartCollection;
  readonly freezePanes: XlFreezePanes;
  readonly pageLayout: XlPageLayout;
  load(propertyNames: string): unknown;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XlRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XlRange;
  /** The whole sheet when `address` is omitted. */
  getRange(address?: string): XlRange;
  activate(): void;
}

export interface XlFreezePanes {
  freezeRows(count?: number): void;
  unfreeze(): void;
}

export interface XlPageLayout {
  orientation: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated at the top of every printed page, for example `$4:$4` (ExcelApi 1.9). */
  setPrintTitleRows(rows: string): void;
}

export interface XlRange {
  readonly isNullObject: boolean;
  /** 0-based. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  // office-js types these as any[][]; `values` is read, `formulas` and `numberFormat` are written (and read for typed reads).
  readonly values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly format: XlRangeFormat;
  readonly conditionalFormats: XlConditionalFormatCollection;
  load(propertyNames: string): unknown;
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  getEntireColumn(): XlRange;
  getMergedAreasOrNullObject(): XlRangeAreas;
  select(): void;
}

export interface XlRangeAreas {
  readonly isNullObject: boolean;
  /** For example `Sheet1!A1:B2, Sheet1!D4:E4`. */
  readonly address: string;
  load(propertyNames: string): unknown;
}

export interface XlRangeFormat {
  readonly font: { bold: boolean; italic: boolean; color: string };
  readonly fill: { color: string };
  readonly protection: { locked: boolean };
  readonly borders: { getItem(index: XlBorderIndex): { style: string; weight: string } };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  /** Points. */
  columnWidth: number;
  useStandardWidth: boolean;
  useStandardHeight: boolean;
}

export type XlBorderIndex = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal';

export interface XlConditionalFormatCollection {
  add(type: 'Custom'): XlConditionalFormat;
  clearAll(): void;
}

export interface XlConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

export interface XlChartCollection {
  readonly items: XlChart[];
  load(propertyNames: string): unknown;
  add(type: 'ColumnClustered' | 'Line', sourceData: XlRange, seriesBy: 'Columns'): XlChart;
}

export interface XlChart {
  readonly name: string;
  readonly title: { text: string };
  readonly series: XlChartSeriesCollection;
  setPosition(startCell: string, endCell: string): void;
  delete(): void;
}

export interface XlChartSeriesCollection {
  getItemAt(index: number): XlChartSeries;
  add(name: string): XlChartSeries;
}

export interface XlChartSeries {
  name: string;
  setValues(sourceData: XlRange): void;
  setXAxisValues(sourceData: XlRange): void;
}

/** `Excel.run`, narrowed to the subset above. */
export type ExcelRun = <T>(batch: (context: XlRequestContext) => Promise<T>) => Promise<T>;

/** The real `Excel.run` (looked up when called, so constructing the adapter needs no Office host). */
export const officeExcelRun: ExcelRun = (batch) => Excel.run((context) => batch(context));
