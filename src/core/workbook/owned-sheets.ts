/**
 * Which sheets PERM Recon may write, and the one guard every adapter (the .xlsx writer, the task
 * pane's preview, the office-js writer) runs before it writes anything (layout spec, "Output
 * sheets"; README of this folder, "Owned sheets"):
 *
 * - the tool writes only the sheets named here; `Line Map` only while the workbook has none;
 * - it records in the workbook which sheets it created: a workbook-scoped defined name
 *   `_PERMRecon_Owned` whose value is a text constant listing them, so the record travels with the
 *   file through Excel, LibreOffice and openpyxl re-saves;
 * - a sheet that has an owned name (ignoring case) is the tool's when the record lists it, or, in
 *   a workbook written before the record existed, when its first cells have the layout the tool
 *   writes there; an empty sheet has nothing to lose and is taken too. Any other such sheet is the
 *   user's: the write stops before anything is written, naming the sheet and asking to rename it;
 * - what is written must be well formed: formulas pass `formulaProblem`, numbers are finite,
 *   text fits Excel's cell limit (the run clips it first, with a warning: `clipOwnedText`).
 * Input readers skip the owned sheets.
 */
import { cellText } from './cell-value.js';
import { fitColumnWidths } from './column-widths.js';
import { formulaProblem } from './formula-check.js';
import { normalizeLabel } from './normalize-label.js';
import { cellAddress, parseRange } from './address.js';
import type { CellStyle, CellValue, OwnedSheet } from './port.js';

export const RECONCILIATION_SHEET = 'Reconciliation';
export const FORM_MEDICAID_SHEET = 'CMS-10184E Medicaid';
export const FORM_CHIP_SHEET = 'CMS-10184E CHIP';
export const ESTIMATOR_DETAIL_SHEET = 'Estimator Detail';
export const RUN_LOG_SHEET = 'Run Log';
export const LINE_MAP_SHEET = 'Line Map';
export const CALL_SUMMARY_SHEET = 'Call Summary';

/** Output sheet names, rewritten on every run. `Line Map` and `Settings` are not here: the user edits them, so they are input. */
export const OWNED_SHEET_NAMES: readonly string[] = [
  RECONCILIATION_SHEET,
  FORM_MEDICAID_SHEET,
  FORM_CHIP_SHEET,
  ESTIMATOR_DETAIL_SHEET,
  RUN_LOG_SHEET,
  CALL_SUMMARY_SHEET,
];
/** Sheets written only when the workbook has none by that name (the user's edits decide after that). */
export const WRITE_ONCE_SHEET_NAMES: readonly string[] = [LINE_MAP_SHEET];
export const WRITABLE_SHEET_NAMES: readonly string[] = [...OWNED_SHEET_NAMES, ...WRITE_ONCE_SHEET_NAMES];

/** The workbook-scoped defined name that records the sheets the tool created. */
export const OWNERSHIP_RECORD_NAME = '_PERMRecon_Owned';
const RECORD_SEPARATOR = '|';

/** Excel holds at most 32,767 characters in a cell. */
export const CELL_TEXT_LIMIT = 32_767;

/** True when `name` is one of `names`, ignoring case, dashes and spacing. */
export function sheetNameIn(name: string, names: readonly string[]): boolean {
  const key = normalizeLabel(name);
  return names.some((n) => normalizeLabel(n) === key);
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function isWriteOnce(name: string): boolean {
  return WRITE_ONCE_SHEET_NAMES.some((n) => sameName(n, name));
}

/** The defined name's formula: a text constant such as `="Reconciliation|Run Log"`. */
export function ownershipRecordFormula(names: readonly string[]): string {
  return `="${names.join(RECORD_SEPARATOR).replace(/"/g, '""')}"`;
}

/** The sheet names in a defined name's formula or value (with or without `=` and quotes); undefined when there is none. */
export function parseOwnershipRecord(formula: string | undefined | null): string[] | undefined {
  if (formula === undefined || formula === null) return undefined;
  let t = formula.trim();
  if (t.startsWith('=')) t = t.slice(1).trim();
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) t = t.slice(1, -1).replace(/""/g, '"');
  return t.split(RECORD_SEPARATOR).map((s) => s.trim()).filter((s) => s !== '');
}

/** Rows and columns from A1 an adapter reads of an existing sheet for `recognisedLayout`. */
export const HEAD_ROWS = 6;
export const HEAD_COLUMNS = 8;

/** An existing sheet of the workbook as the guard sees it: its name and the text of its first cells (from A1). */
export interface ExistingSheet {
  readonly name: string;
  readonly head: readonly (readonly CellValue[])[];
}

const starts = (head: ExistingSheet['head'], row: number, col: number, prefix: string): boolean =>
  normalizeLabel(cellText(head[row]?.[col] ?? null)).startsWith(normalizeLabel(prefix));

const RUN_LOG_HEADERS = ['Time', 'Version', 'Command', 'Inputs used', 'Errors', 'Warnings'];

/** How each owned sheet looked as earlier versions of the tool wrote it (before the record existed). */
const LAYOUTS: Readonly<Record<string, (head: ExistingSheet['head']) => boolean>> = {
  [normalizeLabel(RECONCILIATION_SHEET)]: (h) => starts(h, 0, 0, '64/21 reconciliation'),
  [normalizeLabel(FORM_MEDICAID_SHEET)]: (h) => starts(h, 0, 0, 'Payment Error Rate Measurement (PERM)') && starts(h, 4, 0, 'A. State'),
  [normalizeLabel(FORM_CHIP_SHEET)]: (h) => starts(h, 0, 0, 'Payment Error Rate Measurement (PERM)') && starts(h, 4, 0, 'A. State'),
  [normalizeLabel(ESTIMATOR_DETAIL_SHEET)]: (h) => starts(h, 0, 0, 'Estimator Detail'),
  // Also how the record is rebuilt when a tool that re-saved the file dropped the defined name (exceljs does).
  [normalizeLabel(CALL_SUMMARY_SHEET)]: (h) => starts(h, 0, 0, 'Call Summary: 64/21 reconciliation'),
  [normalizeLabel(RUN_LOG_SHEET)]: (h) => {
    const row = h[0] ?? [];
    return RUN_LOG_HEADERS.every((t, i) => cellText(row[i] ?? null) === t) && row.slice(RUN_LOG_HEADERS.length).every((v) => cellText(v) === '');
  },
};

/** True when `sheet`'s first cells are what the tool writes on a sheet of that name, or it is empty. */
export function recognisedLayout(sheet: ExistingSheet): boolean {
  if (sheet.head.every((r) => r.every((v) => cellText(v) === ''))) return true;
  return LAYOUTS[normalizeLabel(sheet.name)]?.(sheet.head) ?? false;
}

/** A sheet the tool would write over that belongs to the user. */
export class UserSheetConflictError extends Error {
  override readonly name = 'UserSheetConflictError';
  constructor(readonly sheets: readonly string[]) {
    super(
      `${sheets.map((s) => `'${s}'`).join(', ')} ${sheets.length === 1 ? 'is a sheet' : 'are sheets'} PERM Recon did not create, with the name of one it writes. ` +
        `Rename ${sheets.length === 1 ? 'it' : 'them'} (or move ${sheets.length === 1 ? 'its' : 'their'} content elsewhere) and run again; nothing was written.`,
    );
  }
}

/** A write the guard refused because what would be written is malformed (a fault of the tool, not of the input). */
export class RefusedWriteError extends Error {
  override readonly name = 'RefusedWriteError';
}

/** What a write does, decided before anything is written. */
export interface OwnedWritePlan {
  /** Sheets to write, in the order given, as they are to be written: columns widened to fit their content (`fitColumnWidths`). */
  readonly write: readonly OwnedSheet[];
  /** Write-once sheets (`Line Map`) left alone because the workbook already has them. */
  readonly kept: readonly string[];
  /** The ownership record to store after the write. */
  readonly record: readonly string[];
}

/**
 * The existing sheets whose first cells the guard needs (owned names the record does not list):
 * an adapter reads `HEAD_ROWS` × `HEAD_COLUMNS` of these only.
 */
export function sheetsToInspect(sheets: readonly OwnedSheet[], existingNames: readonly string[], record: readonly string[] | undefined): string[] {
  return existingNames.filter((e) => sheets.some((s) => sameName(s.name, e) && !isWriteOnce(s.name)) && !(record ?? []).some((r) => sameName(r, e)));
}

/**
 * Plans a write of `sheets` into a workbook with sheets `existingNames`, the ownership `record`
 * it carries and the first cells of the sheets `sheetsToInspect` named. Throws
 * UserSheetConflictError when an owned name is taken by a sheet of the user's, RefusedWriteError
 * when a sheet is malformed; either way before anything is written.
 */
export function planOwnedWrite(
  sheets: readonly OwnedSheet[],
  existingNames: readonly string[],
  record: readonly string[] | undefined,
  inspected: readonly ExistingSheet[],
  options: OwnedWriteOptions = {},
): OwnedWritePlan {
  checkOwnedSheets(sheets, options);
  const exists = (name: string) => existingNames.find((e) => sameName(e, name));
  const listed = (name: string) => (record ?? []).some((r) => sameName(r, name));
  const kept = sheets.filter((s) => isWriteOnce(s.name) && exists(s.name) !== undefined).map((s) => s.name);
  const write = sheets.filter((s) => !kept.includes(s.name));
  const conflicts: string[] = [];
  for (const s of write) {
    const name = exists(s.name);
    if (options.newWorkbook === true || name === undefined || listed(name) || isWriteOnce(s.name)) continue;
    const sheet = inspected.find((i) => sameName(i.name, name));
    if (sheet === undefined || !recognisedLayout(sheet)) conflicts.push(name);
  }
  if (conflicts.length > 0) throw new UserSheetConflictError(conflicts);
  // Kept in the order first recorded; a sheet written for the first time is added at the end.
  const next: string[] = (record ?? []).filter((r) => exists(r) !== undefined || write.some((s) => sameName(s.name, r)));
  for (const s of write) if (!next.some((r) => sameName(r, s.name))) next.push(s.name);
  return { write: write.map(fitColumnWidths), kept, record: next };
}

const COLOUR = /^[0-9A-Fa-f]{6}$/;

function checkStyle(where: string, style: CellStyle, problems: string[]): void {
  for (const key of ['fill', 'fontColor'] as const) {
    const v = style[key];
    if (v !== undefined && !COLOUR.test(v)) problems.push(`${where}: colour "${v}" is not 6-digit hex RGB`);
  }
}

/** `'Sheet name'!$A$1:$B$2` or `Sheet!A1` → true when the part after `!` is an A1 range. */
function isSheetRange(ref: string): boolean {
  const bang = ref.lastIndexOf('!');
  if (bang <= 0) return false;
  return parseRange(ref.slice(bang + 1).replace(/\$/g, '')) !== undefined;
}

function checkSheet(sheet: OwnedSheet, problems: string[]): void {
  const at = `'${sheet.name}'`;
  sheet.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const where = `${at}!${cellAddress(c + 1, r + 1)}`;
      if ('number' in cell && !Number.isFinite(cell.number)) problems.push(`${where}: ${cell.number} is not a finite number`);
      if ('text' in cell && cell.text.length > CELL_TEXT_LIMIT) problems.push(`${where}: text of ${cell.text.length} characters is over Excel's ${CELL_TEXT_LIMIT}`);
      if ('formula' in cell) {
        const problem = formulaProblem(cell.formula);
        if (problem !== undefined) problems.push(`${where}: formula ${cell.formula.slice(0, 80)} is not valid: ${problem}`);
      }
      checkStyle(where, cell, problems);
    });
  });
  for (const m of sheet.merges ?? []) if (parseRange(m) === undefined) problems.push(`${at}: merge "${m}" is not an A1 range`);
  for (const h of sheet.highlights ?? []) {
    if (parseRange(h.range) === undefined) problems.push(`${at}: highlight range "${h.range}" is not an A1 range`);
    const problem = formulaProblem(h.formula);
    if (problem !== undefined) problems.push(`${at}: highlight formula ${h.formula} is not valid: ${problem}`);
    checkStyle(`${at} highlight ${h.range}`, { fill: h.fill, ...(h.fontColor === undefined ? {} : { fontColor: h.fontColor }) }, problems);
  }
  for (const chart of sheet.charts ?? []) {
    if (chart.series.length === 0) problems.push(`${at}: chart "${chart.title}" has no series`);
    for (const ref of [chart.categories, ...chart.series.map((s) => s.values)]) {
      if (!isSheetRange(ref)) problems.push(`${at}: chart "${chart.title}" range "${ref}" is not a sheet-qualified A1 range`);
    }
    if (parseRange(chart.from) === undefined || parseRange(chart.to) === undefined) problems.push(`${at}: chart "${chart.title}" anchors ${chart.from}:${chart.to} are not cells`);
  }
}

export interface OwnedWriteOptions {
  /**
   * The workbook is one the tool creates whole (claim-file totals, a cross-state summary, the blank
   * template): every sheet in it is the tool's, so its sheets need not bear the owned names.
   */
  readonly newWorkbook?: boolean;
}

/** Throws RefusedWriteError unless every sheet may be written and is well formed. */
export function checkOwnedSheets(sheets: readonly OwnedSheet[], options: OwnedWriteOptions = {}): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const sheet of sheets) {
    if (options.newWorkbook !== true && !WRITABLE_SHEET_NAMES.includes(sheet.name)) {
      problems.push(`'${sheet.name}' is not a sheet PERM Recon owns (it writes only ${WRITABLE_SHEET_NAMES.map((n) => `'${n}'`).join(', ')})`);
      continue;
    }
    const key = sheet.name.toLowerCase();
    if (seen.has(key)) problems.push(`'${sheet.name}' is given twice`);
    seen.add(key);
    checkSheet(sheet, problems);
  }
  if (problems.length > 0) throw new RefusedWriteError(`Nothing was written: ${problems.join('; ')}.`);
}
