/**
 * Finds input tables by their headers, wherever they sit: any sheet, any start cell, headers in
 * any order, case, spacing, dashes and line breaks ignored, with synonyms. Then reads their rows
 * as records keyed by canonical column name, each value with its A1 address for messages.
 */
import { columnLetter, parseRange } from './address.js';
import { cellText, isBlank } from './cell-value.js';
import { INPUT_TABLE_FACTS, whereTemplateShows } from './input-tables.js';
import { cellIssue, type Issue } from './issue.js';
import { normalizeLabel } from './normalize-label.js';
import { OWNED_SHEET_NAMES, sheetNameIn } from './owned-sheets.js';
import type { CellValue, SheetSummary, TableHint, WorkbookSource } from './port.js';

/** A table to look for: canonical column name → accepted header spellings (the canonical name is always accepted). */
export interface TableSpec {
  readonly name: string;
  readonly required: Readonly<Record<string, readonly string[]>>;
  readonly optional?: Readonly<Record<string, readonly string[]>>;
}

/** Where a table was found. Rows and columns are 1-based sheet coordinates. */
export interface FoundTable {
  readonly sheet: string;
  readonly headerRow: number;
  /** Canonical column name → 1-based sheet column. Optional columns appear only when present. */
  readonly columns: Readonly<Record<string, number>>;
  readonly firstDataRow: number;
  /** Last row that may hold data: the sheet's last used row, or the row before the next table below. */
  readonly lastRow: number;
}

/** A header row that had some of the required headers but not all: the basis of a helpful message. */
export interface NearMiss {
  readonly sheet: string;
  readonly headerRow: number;
  readonly found: readonly string[];
  readonly missing: readonly string[];
}

export interface FindTablesOptions {
  /** Rows scanned from the top of each sheet's used range (default 30). */
  readonly scanRows?: number;
  /** Sheets never scanned (default: the add-in's own output sheets). */
  readonly skipSheets?: readonly string[];
  /** Scan only these sheets (matched ignoring case and spacing). */
  readonly onlySheets?: readonly string[];
}

export const DEFAULT_SCAN_ROWS = 30;

/** Header text → comparison key: normalised, with `*`, `:` and a trailing `($)` dropped. */
export function headerKey(text: string): string {
  return normalizeLabel(text.replace(/[*:]/g, ' ').replace(/\(\s*\$\s*\)\s*$/, ' '));
}

interface HeaderMatcher {
  readonly canonical: string;
  readonly required: boolean;
  readonly keys: ReadonlySet<string>;
}

function matchers(spec: TableSpec): readonly HeaderMatcher[] {
  const build = (entries: Readonly<Record<string, readonly string[]>>, required: boolean): HeaderMatcher[] =>
    Object.entries(entries).map(([canonical, synonyms]) => ({
      canonical,
      required,
      keys: new Set([canonical, ...synonyms].map(headerKey)),
    }));
  return [...build(spec.required, true), ...build(spec.optional ?? {}, false)];
}

/** Canonical name → the first column (within `cols`) whose header matches it. */
function assign(keysByColumn: ReadonlyMap<number, string>, cols: readonly number[], all: readonly HeaderMatcher[]): Map<string, number> {
  const taken = new Set<number>();
  const out = new Map<string, number>();
  for (const m of all) {
    const col = cols.find((c) => !taken.has(c) && m.keys.has(keysByColumn.get(c) ?? ''));
    if (col !== undefined) {
      out.set(m.canonical, col);
      taken.add(col);
    }
  }
  return out;
}

/** Runs of adjacent non-blank header cells: side-by-side tables are separated by a blank column. */
function segments(cols: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const c of cols) {
    const last = out[out.length - 1];
    if (last !== undefined && last[last.length - 1] === c - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}

interface HeaderHit {
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, number>;
}

/**
 * The other input tables' matchers: a header row that is complete for one of them is that table,
 * never a near miss of this one (the Universe Counts header is not a Findings table lacking Case ID).
 */
function otherTables(spec: TableSpec): readonly (readonly HeaderMatcher[])[] {
  return INPUT_TABLE_FACTS.filter((f) => f.spec.name !== spec.name).map((f) => matchers(f.spec));
}

/** Fewest required headers a row must have to be called a near miss: two (one alone, such as Quarter, says little), or one of a two-header table. */
function nearMissMinimum(required: number): number {
  return Math.max(1, Math.min(2, required - 1));
}

function hitsInRow(row: number, cells: readonly CellValue[], firstColumn: number, all: readonly HeaderMatcher[], others: readonly (readonly HeaderMatcher[])[] = []): { hits: HeaderHit[]; near?: NearMiss & { score: number } } {
  const keysByColumn = new Map<number, string>();
  cells.forEach((v, i) => {
    if (!isBlank(v) && typeof v === 'string') keysByColumn.set(firstColumn + i, headerKey(v));
  });
  const cols = [...keysByColumn.keys()];
  const required = all.filter((m) => m.required);
  const complete = (cmap: ReadonlyMap<string, number>) => required.every((m) => cmap.has(m.canonical));
  const hits: HeaderHit[] = [];
  for (const seg of segments(cols)) {
    const cmap = assign(keysByColumn, seg, all);
    if (complete(cmap)) hits.push({ headerRow: row, columns: cmap });
  }
  if (hits.length === 0) {
    const whole = assign(keysByColumn, cols, all);
    if (complete(whole)) hits.push({ headerRow: row, columns: whole });
    else {
      const found = required.filter((m) => whole.has(m.canonical)).map((m) => m.canonical);
      const otherTable = others.some((o) => {
        const omap = assign(keysByColumn, cols, o);
        return o.filter((m) => m.required).every((m) => omap.has(m.canonical));
      });
      if (found.length >= nearMissMinimum(required.length) && !otherTable) {
        return { hits, near: { sheet: '', headerRow: row, found, missing: required.filter((m) => !whole.has(m.canonical)).map((m) => m.canonical), score: found.length } };
      }
    }
  }
  return { hits };
}

export interface TableSearch {
  readonly tables: readonly FoundTable[];
  /** Header rows that had some but not all required headers, best first (for the "not found" message). */
  readonly nearMisses: readonly NearMiss[];
}

function sheetLastRow(s: SheetSummary): number {
  return s.rowCount === 0 ? 0 : s.firstRow + s.rowCount - 1;
}

/** Finds every table matching `spec`, and the near misses. */
export async function searchTables(source: WorkbookSource, spec: TableSpec, options: FindTablesOptions = {}): Promise<TableSearch> {
  const scanRows = options.scanRows ?? DEFAULT_SCAN_ROWS;
  const skip = options.skipSheets ?? OWNED_SHEET_NAMES;
  const all = matchers(spec);
  const others = otherTables(spec);
  const tables: FoundTable[] = [];
  const near: (NearMiss & { score: number })[] = [];
  // A table the user pointed at is looked for on its header row only.
  const hint = source.tableHints?.[spec.name];
  for (const summary of await source.sheets()) {
    if (summary.rowCount === 0) continue;
    if (hint === undefined && sheetNameIn(summary.name, skip)) continue;
    if (hint !== undefined && !sheetNameIn(summary.name, [hint.sheet])) continue;
    if (options.onlySheets !== undefined && !sheetNameIn(summary.name, options.onlySheets)) continue;
    const lastUsed = sheetLastRow(summary);
    const hits: HeaderHit[] = [];
    const fromRow = hint === undefined ? summary.firstRow : hint.headerRow;
    const toRow = hint === undefined ? Math.min(lastUsed, summary.firstRow + scanRows - 1) : hint.headerRow;
    for await (const chunk of source.readRows(summary.name, { fromRow, toRow })) {
      for (const r of chunk) {
        const found = hitsInRow(r.row, r.cells, summary.firstColumn, all, others);
        hits.push(...found.hits);
        if (found.near !== undefined) near.push({ ...found.near, sheet: summary.name });
      }
    }
    for (const hit of hits) {
      const cols = new Set(hit.columns.values());
      // A later header row sharing a column ends this table (tables stacked one above another).
      const below = hits.find((h) => h.headerRow > hit.headerRow && [...h.columns.values()].some((c) => cols.has(c)));
      tables.push({
        sheet: summary.name,
        headerRow: hit.headerRow,
        columns: Object.fromEntries(hit.columns),
        firstDataRow: hit.headerRow + 1,
        lastRow: below === undefined ? lastUsed : below.headerRow - 1,
      });
    }
  }
  near.sort((a, b) => b.score - a.score);
  return { tables, nearMisses: near.map(({ score: _score, ...n }) => n) };
}

/** Every table matching `spec`, in sheet order then row order. */
export async function findTables(source: WorkbookSource, spec: TableSpec, options: FindTablesOptions = {}): Promise<FoundTable[]> {
  return [...(await searchTables(source, spec, options)).tables];
}

/** The message when no table was found: which headers to add, and where the closest candidate was. */
export function tableNotFoundIssue(spec: TableSpec, search: TableSearch): Issue {
  const headers = Object.keys(spec.required).join(', ');
  const best = search.nearMisses[0];
  const template = whereTemplateShows(spec.name);
  if (best === undefined) {
    return cellIssue('error', 'table.not-found', {}, `The ${spec.name} table is missing: no sheet has a header row with ${headers}. Add a table with these headers (any sheet, any position), or point at its range in the task pane. ${template}`.trim());
  }
  return cellIssue(
    'error',
    'table.incomplete',
    { sheet: best.sheet, cell: `${best.headerRow}:${best.headerRow}` },
    `The ${spec.name} table was not found; this row looks like its header (it has ${best.found.join(', ')}) but lacks ${best.missing.join(', ')}. Add ${best.missing.length === 1 ? 'that column' : 'those columns'}, or rename the headers to ${headers}. ${template}`.trim(),
  );
}

/** True when `issue` says an input table is missing (the run has nothing to compare, so no follow-on warnings). */
export function isTableMissing(issue: Issue): boolean {
  return issue.code === 'table.not-found' || issue.code === 'table.incomplete';
}

/** One value of a table row, with the A1 address it came from. */
export interface TableCell {
  readonly value: CellValue;
  readonly cell: string;
}

/** One data row of a table: canonical name → value and address. Columns absent from the table are absent here. */
export interface TableRecord {
  readonly sheet: string;
  readonly row: number;
  readonly cells: Readonly<Record<string, TableCell>>;
}

export interface ReadTableOptions {
  readonly chunkRows?: number;
  /** Also yield rows whose table cells are all blank (default: skip them). */
  readonly keepBlankRows?: boolean;
}

/** One data row of a table as plain values, in the order of `TableRows.names` (no per-cell objects: claim-level tables run to a million rows). */
export interface TableRow {
  readonly row: number;
  readonly values: readonly CellValue[];
}

/** A table's rows as values, with the column names and letters to name a cell when a value is bad. */
export interface TableRows {
  readonly names: readonly string[];
  /** The A1 address of column `names[i]` in sheet row `row`. */
  address(i: number, row: number): string;
  readonly chunks: AsyncIterable<readonly TableRow[]>;
}

/** The table's data rows in chunks, as values by column. Rows whose table cells are all blank are skipped (unless `keepBlankRows`). */
export function readTableRows(source: WorkbookSource, table: FoundTable, options: ReadTableOptions = {}): TableRows {
  const names = Object.keys(table.columns);
  const letters = names.map((n) => columnLetter(table.columns[n] as number));
  async function* chunks(): AsyncGenerator<readonly TableRow[]> {
    if (table.lastRow < table.firstDataRow) return;
    const summary = (await source.sheets()).find((s) => s.name === table.sheet);
    if (summary === undefined) return;
    const indexes = names.map((n) => (table.columns[n] as number) - summary.firstColumn);
    const width = indexes.length;
    const readOptions = { fromRow: table.firstDataRow, toRow: table.lastRow, columns: names.map((n) => table.columns[n] as number), ...(options.chunkRows === undefined ? {} : { chunkRows: options.chunkRows }) };
    for await (const chunk of source.readRows(table.sheet, readOptions)) {
      const rows: TableRow[] = [];
      for (const r of chunk) {
        const values = new Array<CellValue>(width);
        let blank = true;
        for (let k = 0; k < width; k++) {
          const index = indexes[k] as number;
          const value = index >= 0 ? (r.cells[index] ?? null) : null;
          if (blank && !isBlank(value)) blank = false;
          values[k] = value;
        }
        if (!blank || options.keepBlankRows === true) rows.push({ row: r.row, values });
      }
      if (rows.length > 0) yield rows;
    }
  }
  return { names, address: (i, row) => `${letters[i] ?? ''}${row}`, chunks: chunks() };
}

/** The table's data rows in chunks, as records. Rows whose table cells are all blank are skipped. */
export async function* readTableRecords(source: WorkbookSource, table: FoundTable, options: ReadTableOptions = {}): AsyncGenerator<readonly TableRecord[]> {
  const rows = readTableRows(source, table, options);
  for await (const chunk of rows.chunks) {
    yield chunk.map((r) => {
      const cells: Record<string, TableCell> = {};
      rows.names.forEach((name, i) => (cells[name] = { value: r.values[i] ?? null, cell: rows.address(i, r.row) }));
      return { sheet: table.sheet, row: r.row, cells };
    });
  }
}

/** The value of `name` in a record, blank when the column is absent. */
export function recordValue(record: TableRecord, name: string): CellValue {
  return record.cells[name]?.value ?? null;
}

/** The address of `name` in a record (the table's column, this row); undefined when the column is absent. */
export function recordCell(record: TableRecord, name: string): string | undefined {
  return record.cells[name]?.cell;
}

/** A record's value as trimmed text (see `cellText`). */
export function recordText(record: TableRecord, name: string): string {
  return cellText(recordValue(record, name));
}

/** The same workbook, with tables the user pointed at (by table name) searched only where they said. */
export function withTableHints(source: WorkbookSource, hints: Readonly<Record<string, TableHint>>): WorkbookSource {
  return {
    label: source.label,
    tableHints: { ...source.tableHints, ...hints },
    sheets: () => source.sheets(),
    readRows: (sheet, options) => source.readRows(sheet, options),
  };
}

/**
 * Merged ranges that cover data cells of a table: a table needs one value per row and column, and
 * a merged range leaves all but its top-left cell blank. Each is an error naming the range.
 */
export async function tableMergeIssues(source: WorkbookSource, table: FoundTable, specName: string): Promise<Issue[]> {
  const summary = (await source.sheets()).find((s) => s.name === table.sheet);
  if (summary === undefined) return [];
  if (summary.merges === null) {
    return [cellIssue('warning', 'table.merges-unchecked', { sheet: table.sheet }, `merged cells could not be checked in the ${specName} table here (this version of Excel does not report them to add-ins). A merged range over the table's rows leaves all but its first cell blank: look for merged cells (Home > Find & Select > Find, Options, Format > Alignment > Merge cells) and unmerge them.`)];
  }
  const columns = new Set(Object.values(table.columns));
  const issues: Issue[] = [];
  for (const merge of summary.merges) {
    const range = parseRange(merge);
    if (range === undefined) continue;
    const rowsOverlap = range.to.row >= table.firstDataRow && range.from.row <= table.lastRow;
    let colsOverlap = false;
    for (let c = range.from.col; c <= range.to.col; c++) if (columns.has(c)) colsOverlap = true;
    if (!rowsOverlap || !colsOverlap) continue;
    issues.push(cellIssue('error', 'table.merged-cells', { sheet: table.sheet, cell: merge }, `cells ${merge} of the ${specName} table are merged, so all but the first are blank. Unmerge them (Home > Merge & Center > Unmerge Cells) and fill in every row.`));
  }
  return issues;
}
