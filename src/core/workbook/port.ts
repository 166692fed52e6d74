/**
 * The workbook port: what every adapter (exceljs over .xlsx files, office-js inside Excel)
 * implements, and all the core knows of a workbook. Rows and columns are 1-based, as in Excel.
 */

/** An Excel error value in a cell, such as `#N/A` or `#DIV/0!`. */
export interface CellError {
  readonly kind: 'error';
  readonly code: string;
}

/** A cell's value as read: formulas are read as their cached result. Dates are JavaScript Dates (UTC). */
export type CellValue = string | number | boolean | Date | CellError | null;

/**
 * What was typed in a cell beyond its value, for carrying a user's cells across runs exactly as
 * typed. Read only when `ReadRowsOptions.typed` asks; null in `SheetRow.typed` when neither applies.
 */
export interface TypedCell {
  /** The cell's formula as Excel's formula bar shows it, with its leading `=` (`=SUM(C6:D6)`); absent for a constant. */
  readonly formula?: string;
  /** The cell's number format, absent when General. */
  readonly numberFormat?: string;
}

/** One row of a sheet's used range. `cells[0]` is column `firstColumn` of the sheet summary. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly CellValue[];
  /** Parallel to `cells`, when `ReadRowsOptions.typed` asked and the adapter can tell; otherwise absent. */
  readonly typed?: readonly (TypedCell | null)[];
}

export interface SheetSummary {
  readonly name: string;
  /** Used range, 1-based and inclusive. An empty sheet has rowCount 0. */
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /**
   * Merged ranges as A1 references, for example `B2:D2`; `[]` when the sheet has none. `null` when
   * the adapter could not look (Excel before ExcelApi 1.13): "not checked" is never "none".
   */
  readonly merges: readonly string[] | null;
  /** Visible title text, when the adapter can tell (otherwise derive it from the first rows). */
  readonly hidden?: boolean;
}

export interface ReadRowsOptions {
  /** First and last sheet row to read (inclusive); default the whole used range. */
  readonly fromRow?: number;
  readonly toRow?: number;
  /** Rows per chunk; adapters keep each chunk under their payload limits. */
  readonly chunkRows?: number;
  /** Also give each row's formulas and number formats (`SheetRow.typed`); for small sheets of user-typed cells only. */
  readonly typed?: boolean;
  /**
   * The sheet columns (1-based) the caller reads; the cells of other columns may be given as blank.
   * A hint: an adapter may give every cell. Lets a reader skip what a claim-level table does not
   * use (its Claim ID column, for one).
   */
  readonly columns?: readonly number[];
}

/** Where the user said a table is: its sheet and header row (1-based). */
export interface TableHint {
  readonly sheet: string;
  readonly headerRow: number;
}

/** Reads a workbook. Large sheets are read in chunks so no adapter needs a whole sheet in memory. */
export interface WorkbookSource {
  /** Name of the workbook (file name or document title), for messages. */
  readonly label: string;
  /** Tables the user pointed at, by table name (`TableSpec.name`): searched there only. */
  readonly tableHints?: Readonly<Record<string, TableHint>>;
  sheets(): Promise<readonly SheetSummary[]>;
  /** The rows of a sheet's used range, in order, in chunks. Blank rows may be skipped. */
  readRows(sheet: string, options?: ReadRowsOptions): AsyncIterable<readonly SheetRow[]>;
}

/** Formatting of an output cell. Colours are 6-digit hex RGB without `#`. */
export interface CellStyle {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly horizontal?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
  readonly border?: 'thin' | 'medium';
  /** Unlocked cells stay editable when the sheet is protected (user-owned columns). */
  readonly unlocked?: boolean;
}

/**
 * One output cell. `text` is always written as literal text, never interpreted as a formula,
 * even when it starts with `=`, `+`, `-` or `@` (text taken from users' cells goes here).
 * `formula` is a native Excel formula without the leading `=`, built only by the core.
 */
export type OutputCell =
  | null
  | ({ readonly text: string } & CellStyle)
  | ({ readonly number: number } & CellStyle)
  | ({ readonly formula: string; readonly result?: number | string } & CellStyle)
  | ({ readonly blank: true } & CellStyle);

/** Highlight cells of `range` where `formula` (relative to the range's top-left cell) is true. */
export interface ConditionalHighlight {
  readonly range: string;
  readonly formula: string;
  readonly fill: string;
  readonly fontColor?: string;
}

/** A native chart of series over categories, anchored over a cell range. */
export interface ChartSpec {
  readonly kind: 'column' | 'line';
  readonly title: string;
  /** Sheet-qualified ranges, for example `'Reconciliation'!$A$3:$A$6`. */
  readonly categories: string;
  readonly series: readonly { readonly name: string; readonly values: string }[];
  /** Top-left and bottom-right anchor cells, for example `N2` and `W20`. */
  readonly from: string;
  readonly to: string;
}

/** A sheet the add-in owns: rewritten whole on every run, starting at A1. */
export interface OwnedSheet {
  readonly name: string;
  readonly rows: readonly (readonly OutputCell[])[];
  readonly columnWidths?: readonly number[];
  /** Row heights in points, by 1-based row number (for wrapped header rows). */
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly highlights?: readonly ConditionalHighlight[];
  readonly charts?: readonly ChartSpec[];
  /** Rows to keep visible at the top when scrolling. */
  readonly freezeRows?: number;
  readonly landscape?: boolean;
  /** Fit the printout to one page. */
  readonly fitToPage?: boolean;
  /** Fit the printout to one page wide, as many pages tall as it takes (ignored with `fitToPage`). */
  readonly fitToWidth?: boolean;
  /** Rows (1-based, inclusive) repeated at the top of every printed page. */
  readonly printTitleRows?: { readonly from: number; readonly to: number };
  /** Merged ranges as A1 references. */
  readonly merges?: readonly string[];
}

/** Writes the sheets the add-in owns; never touches any other sheet. */
export interface WorkbookTarget {
  writeSheets(sheets: readonly OwnedSheet[]): Promise<void>;
}
