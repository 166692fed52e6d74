/**
 * The tables the user pointed at, by table name (`TableSpec.name`): saved in the workbook through
 * the host so the next person who opens it sees the same mapping, and applied to every read with
 * `withTableHints`.
 */
import type { TableHint } from '../core/workbook/port.js';
import type { WorkbookHost } from './host.js';

export type TableHints = Readonly<Record<string, TableHint>>;

/** The workbook setting the mapping is saved under. */
export const TABLE_HINTS_SETTING = 'permRecon.tableHints';

function isHint(value: unknown): value is TableHint {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.sheet === 'string' && v.sheet !== '' && typeof v.headerRow === 'number' && Number.isInteger(v.headerRow) && v.headerRow >= 1;
}

/** The hints in a saved value; anything malformed (an older or hand-edited setting) is left out. */
export function parseTableHints(value: unknown): TableHints {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, TableHint> = {};
  for (const [name, hint] of Object.entries(value as Record<string, unknown>)) {
    if (isHint(hint)) out[name] = { sheet: hint.sheet, headerRow: hint.headerRow };
  }
  return out;
}

export async function loadTableHints(host: WorkbookHost): Promise<TableHints> {
  return parseTableHints(await host.loadSetting(TABLE_HINTS_SETTING));
}

export async function saveTableHints(host: WorkbookHost, hints: TableHints): Promise<void> {
  await host.saveSetting(TABLE_HINTS_SETTING, hints);
}

/** The hints with `name` pointed at `hint`, or cleared when `hint` is undefined. */
export function updateHints(hints: TableHints, name: string, hint: TableHint | undefined): TableHints {
  const rest = Object.fromEntries(Object.entries(hints).filter(([key]) => key !== name));
  return hint === undefined ? rest : { ...rest, [name]: hint };
}

/** The header row of a selection such as `B3:E40` or `C7`: its first row. Undefined when the address names no row. */
export function headerRowOf(address: string): number | undefined {
  const m = /^\$?[A-Za-z]{0,3}\$?(\d+)/.exec(address.replace(/^.*!/, ''));
  if (m === null) return undefined;
  const row = Number(m[1]);
  return Number.isInteger(row) && row >= 1 ? row : undefined;
}

/** Sheets a table is never on: the notes sheets of a workbook and the add-in's own output. */
const UNLIKELY = /^(about|readme|read me|notes?|instructions?|contents)$/i;

/**
 * The sheet the pointer starts on: where the table was found, the closest candidate, a sheet named
 * as the template names it, else the first sheet that is not an About sheet or an output sheet.
 */
export function likelySheet(sheetNames: readonly string[], candidates: readonly (string | undefined)[], owned: readonly string[]): string {
  for (const c of candidates) {
    if (c === undefined) continue;
    const hit = sheetNames.find((n) => n.toLowerCase() === c.toLowerCase());
    if (hit !== undefined) return hit;
  }
  const isOwned = (n: string) => owned.some((o) => o.toLowerCase() === n.toLowerCase());
  return sheetNames.find((n) => !UNLIKELY.test(n.trim()) && !isOwned(n)) ?? sheetNames[0] ?? '';
}

/** The sheet of a sheet-qualified range such as `'CMS-64'!A1:F164`. */
export function sheetOfRange(range: string | undefined): string | undefined {
  if (range === undefined) return undefined;
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(range);
  if (m === null) return undefined;
  return m[1] === undefined ? m[2] : m[1].replace(/''/g, "'");
}
