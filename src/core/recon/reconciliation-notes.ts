/**
 * What the user typed on the `Reconciliation` sheet, read back so a re-run keeps it: Explanation,
 * Status and any column the user added, per row, keyed by program, review year, row kind
 * (quarter, overall, prior period) and quarter. The key is read from the sheet's own visible
 * cells, so it survives sorting and any tool re-saving the file: Program and Quarter on every row
 * (`Medicaid` / `2023Q3`, `Medicaid` / `Overall`, `Medicaid prior period` / `2023Q3` or `Total`),
 * the review year from the sheet's title (or, failing that, from the quarters its table shows), and
 * in the Earlier notes block from the row's own Review year cell. Sheets written by earlier
 * versions (no Explanation on prior-period rows; a bottom block of Program, Quarter, Explanation,
 * Status) read the same way; their bottom-block notes have no review year.
 */
import { cellText } from '../workbook/cell-value.js';
import { columnLetter } from '../workbook/address.js';
import { headerKey } from '../workbook/find-table.js';
import { RECONCILIATION_SHEET, sheetNameIn } from '../workbook/owned-sheets.js';
import type { CellValue, SheetRow, TypedCell, WorkbookSource } from '../workbook/port.js';
import { parseProgram, type Program } from '../workbook/program.js';
import { parseQuarter, parseReviewYear, reviewYear, splitQuarter } from '../workbook/quarter.js';
import { keptCell, type KeptCell } from './kept-cell.js';
import { EARLIER_NOTES_HEADERS, isToolHeader } from './reconciliation-columns.js';

/** The Quarter cell of the overall row. */
export const OVERALL_LABEL = 'Overall';
/** The Quarter cell of a prior-period block's total row. */
export const PRIOR_TOTAL_LABEL = 'Total';

export type NoteRowKind = 'quarter' | 'overall' | 'prior-period';

/** Which row of the sheet a note belongs to. */
export interface NoteKey {
  readonly program: Program;
  /** `RY2025`, `FFY2024`; '' when the sheet did not record it (an earlier version's bottom block). */
  readonly reviewYear: string;
  readonly kind: NoteRowKind;
  /** `YYYYQn`; '' for the overall row and the prior-period total. */
  readonly quarter: string;
}

export interface ReconciliationNote {
  /** Undefined for text typed on a row that is none of the table's (a title, a blank line). */
  readonly key: NoteKey | undefined;
  readonly explanation?: KeptCell;
  readonly status?: KeptCell;
  /** The user's own columns on this row, by `UserColumn.id`. */
  readonly columns: Readonly<Record<string, KeptCell>>;
  /** `YYYY-MM-DD`: set on notes read from the Earlier notes block. */
  readonly lastSeen?: string;
  /** True when read from the Earlier notes block (or an earlier version's bottom block). */
  readonly earlier: boolean;
  /** For a note with no key: where it was typed, in words. */
  readonly where?: string;
  /** The sheet row it was read from. */
  readonly row: number;
}

/** A column the user added to the sheet: its header as typed, and the id values are filed under. */
export interface UserColumn {
  /** The header's normalised text, or `#P` (its letter when read) for a column with no header. */
  readonly id: string;
  readonly header: string;
}

export interface PreviousNotes {
  readonly notes: readonly ReconciliationNote[];
  /** In the order they stood on the sheet. */
  readonly columns: readonly UserColumn[];
}

export const NO_NOTES: PreviousNotes = { notes: [], columns: [] };

export function noteKeyText(k: NoteKey): string {
  return `${k.program}|${k.reviewYear}|${k.kind}|${k.quarter}`;
}

/** The Program cell of a row of `key`'s kind: `Medicaid`, or `Medicaid prior period`. */
export function programLabel(key: NoteKey): string {
  return key.kind === 'prior-period' ? `${key.program} prior period` : key.program;
}

/** The Quarter cell of a row: `2023Q3`, `Overall`, or `Total` for the prior-period total. */
export function quarterLabelOf(key: NoteKey): string {
  if (key.quarter !== '') return key.quarter;
  return key.kind === 'overall' ? OVERALL_LABEL : PRIOR_TOTAL_LABEL;
}

/** `Medicaid RY2025 Overall`, `CHIP prior period RY2025 2023Q3`, for messages. */
export function describeNoteKey(key: NoteKey): string {
  return [programLabel(key), key.reviewYear === '' ? '(review year not recorded)' : key.reviewYear, quarterLabelOf(key)].join(' ');
}

const PRIOR = /^(.*?)[\s-]+prior[\s-]+period$/i;

/** The key of a row from its Program and Quarter cells; undefined when they name no row of the table. */
export function rowKeyOf(programCell: CellValue, quarterCell: CellValue, reviewYearLabel: string): NoteKey | undefined {
  const programText = cellText(programCell);
  const quarterText = cellText(quarterCell);
  const prior = PRIOR.exec(programText);
  const program = parseProgram(prior === null ? programText : (prior[1] ?? ''));
  if (!program.ok) return undefined;
  const base = { program: program.value, reviewYear: reviewYearLabel };
  if (prior !== null && quarterText.toLowerCase() === PRIOR_TOTAL_LABEL.toLowerCase()) return { ...base, kind: 'prior-period', quarter: '' };
  if (prior === null && quarterText.toLowerCase() === OVERALL_LABEL.toLowerCase()) return { ...base, kind: 'overall', quarter: '' };
  const quarter = parseQuarter(quarterCell);
  if (!quarter.ok) return undefined;
  return { ...base, kind: prior === null ? 'quarter' : 'prior-period', quarter: quarter.value };
}

type Role = 'program' | 'quarter' | 'explanation' | 'status' | 'reviewYear' | 'lastSeen' | 'where' | 'tool' | { readonly user: string };

interface Header {
  readonly roles: readonly (Role | undefined)[];
  /** `table`: a program's table; `earlier`: the Earlier notes block; `legacy`: an earlier version's bottom block. */
  readonly block: 'table' | 'earlier' | 'legacy';
}

const ROLE_OF: Readonly<Record<string, Role>> = {
  program: 'program',
  quarter: 'quarter',
  explanation: 'explanation',
  status: 'status',
  [headerKey(EARLIER_NOTES_HEADERS.reviewYear)]: 'reviewYear',
  [headerKey(EARLIER_NOTES_HEADERS.lastSeen)]: 'lastSeen',
  [headerKey(EARLIER_NOTES_HEADERS.where)]: 'where',
};

/** A header row → the role of each column; undefined unless it has Program, Quarter and Explanation or Status. */
function headerOf(cells: readonly CellValue[], previous: Header | undefined, columns: Map<string, UserColumn>): Header | undefined {
  const keys = cells.map((v) => (typeof v === 'string' ? headerKey(v) : ''));
  if (!keys.includes('program') || !keys.includes('quarter') || (!keys.includes('explanation') && !keys.includes('status'))) return undefined;
  const seen = new Map<string, number>();
  const roles = keys.map((k, i): Role | undefined => {
    if (k === '') {
      // A user column's header typed on one table's header row covers the tables below it too.
      const before = previous?.roles[i];
      return typeof before === 'object' ? before : undefined;
    }
    const role = ROLE_OF[k] ?? (isToolHeader(k) ? 'tool' : undefined);
    if (role !== undefined) return role;
    // Two user columns with the same header are two columns: the second is `owner (2)`.
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    const id = n === 1 ? k : `${k} (${n})`;
    if (!columns.has(id)) columns.set(id, { id, header: cellText(cells[i] ?? null) });
    return { user: id };
  });
  const block = keys.includes(headerKey(EARLIER_NOTES_HEADERS.reviewYear)) ? 'earlier' : keys.includes('universe ffs') ? 'table' : 'legacy';
  return { roles, block };
}

/** `RY2025` from a title such as `64/21 reconciliation, RY2025 (2023Q3 to 2024Q2): …`. */
function reviewYearInText(text: string): string | undefined {
  const m = /\b(RY|FFY) ?((?:19|20)\d\d)\b/i.exec(text);
  if (m === null) return undefined;
  const parsed = parseReviewYear(`${m[1] ?? ''}${m[2] ?? ''}`);
  return parsed.ok ? parsed.value.label : undefined;
}

/** The review year whose four quarters are exactly `quarters` (RY starts in a Q3, FFY in a Q4); '' when none. */
function reviewYearOfQuarters(quarters: ReadonlySet<string>): string {
  const first = [...quarters].sort()[0];
  const q = first === undefined ? undefined : splitQuarter(first);
  if (q === undefined || quarters.size !== 4) return '';
  const candidate = q.quarter === 3 ? reviewYear('RY', q.year + 2) : q.quarter === 4 ? reviewYear('FFY', q.year + 1) : undefined;
  return candidate !== undefined && candidate.quarters.every((x) => quarters.has(x)) ? candidate.label : '';
}

/** Text of the row's tool cells (a title, a heading), for telling where a note with no key was typed. */
function rowContext(cells: readonly CellValue[], roles: readonly (Role | undefined)[]): string {
  const text = cells.map((v, i) => (roles[i] === 'program' || roles[i] === 'quarter' || roles[i] === 'tool' ? cellText(v) : '')).filter((t) => t !== '').join(' ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * Everything typed in Explanation, Status and the user's own columns of the workbook's
 * `Reconciliation` sheet, row by row. Empty when there is no such sheet.
 */
export async function readReconciliationNotes(source: WorkbookSource): Promise<PreviousNotes> {
  const sheet = (await source.sheets()).find((s) => sheetNameIn(s.name, [RECONCILIATION_SHEET]));
  if (sheet === undefined || sheet.rowCount === 0) return NO_NOTES;
  const rows: SheetRow[] = [];
  for await (const chunk of source.readRows(sheet.name, { typed: true })) rows.push(...chunk);

  const columns = new Map<string, UserColumn>();
  const headers = new Map<number, Header>();
  let header: Header | undefined;
  for (const r of rows) {
    const h = headerOf(r.cells, header, columns);
    if (h === undefined) continue;
    headers.set(r.row, h);
    header = h;
  }
  const first = [...headers.values()][0];
  if (first === undefined) return NO_NOTES;

  // The review year of the tables: the title's, else the one whose quarters the tables show.
  let sheetYear: string | undefined;
  const tableQuarters = new Set<string>();
  header = undefined;
  for (const r of rows) {
    header = headers.get(r.row) ?? header;
    if (header === undefined) {
      sheetYear ??= r.cells.map((v) => (typeof v === 'string' ? reviewYearInText(v) : undefined)).find((y) => y !== undefined);
    } else if (header.block === 'table' && !headers.has(r.row)) {
      const key = rowKeyOf(r.cells[header.roles.indexOf('program')] ?? null, r.cells[header.roles.indexOf('quarter')] ?? null, '');
      if (key?.kind === 'quarter') tableQuarters.add(key.quarter);
    }
  }
  const tableYear = sheetYear ?? reviewYearOfQuarters(tableQuarters);

  const notes: ReconciliationNote[] = [];
  header = undefined;
  for (const r of rows) {
    if (headers.has(r.row)) {
      header = headers.get(r.row);
      continue;
    }
    // Rows above the first header (the title) are read with the first header's columns.
    const { roles, block } = header ?? first;
    const typed = r.typed ?? [];
    const kept = (i: number): KeptCell | undefined => keptCell(r.cells[i] ?? null, typed[i] as TypedCell | null | undefined);
    const at = (role: Role): CellValue => {
      const i = roles.indexOf(role);
      return i < 0 ? null : (r.cells[i] ?? null);
    };
    let explanation: KeptCell | undefined;
    let status: KeptCell | undefined;
    const own: Record<string, KeptCell> = {};
    for (let i = 0; i < r.cells.length; i++) {
      const role = roles[i];
      if (role === 'explanation') explanation ??= kept(i);
      else if (role === 'status') status ??= kept(i);
      else if (role === undefined || typeof role === 'object') {
        const value = kept(i);
        if (value === undefined) continue;
        const id = typeof role === 'object' ? role.user : `#${columnLetter(sheet.firstColumn + i)}`;
        if (role === undefined && !columns.has(id)) columns.set(id, { id, header: '' });
        own[id] = value;
      }
    }
    if (explanation === undefined && status === undefined && Object.keys(own).length === 0) continue;
    const earlier = block !== 'table' && header !== undefined;
    const year = block === 'earlier' ? (reviewYearInText(cellText(at('reviewYear'))) ?? '') : block === 'legacy' ? '' : tableYear;
    const key = header === undefined ? undefined : rowKeyOf(at('program'), at('quarter'), year);
    const lastSeen = block === 'earlier' ? cellText(at('lastSeen')) : '';
    const where = key !== undefined ? undefined : block === 'earlier' && cellText(at('where')) !== '' ? cellText(at('where')) : describeWhere(r.row, rowContext(r.cells, roles));
    notes.push({
      key,
      ...(explanation === undefined ? {} : { explanation }),
      ...(status === undefined ? {} : { status }),
      columns: own,
      ...(lastSeen === '' ? {} : { lastSeen }),
      earlier,
      ...(where === undefined ? {} : { where }),
      row: r.row,
    });
  }
  return { notes, columns: [...columns.values()] };
}

function describeWhere(row: number, context: string): string {
  return context === '' ? `row ${row}, outside the tables` : `row ${row}, beside “${context}”`;
}
