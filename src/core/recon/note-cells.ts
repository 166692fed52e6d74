/**
 * Where the user's own cells of the `Reconciliation` sheet are: the Explanation and Status cell of
 * each program and quarter row, found by the sheet's own header row, and the one check every pane
 * edit passes: only those cells, on that sheet, are ever written outside a full run.
 */
import { columnLetter, parseRange } from '../workbook/address.js';
import { RECONCILIATION_SHEET } from '../workbook/owned-sheets.js';
import type { OutputCell, OwnedSheet } from '../workbook/port.js';

export type NoteField = 'explanation' | 'status';

/** One edit typed in the task pane: the text for one Explanation or Status cell (A1, on Reconciliation). */
export interface NoteEdit {
  readonly cell: string;
  readonly text: string;
}

/** The Reconciliation headers other sheets link to, by the text the Reconciliation sheet writes. */
export const RECONCILIATION_HEADERS = {
  universe: 'Universe total',
  report: 'Report total',
  difference: 'Difference',
  percent: '% difference',
  excluded: 'Excluded',
  flag: 'Flag',
  explanation: 'Explanation',
  status: 'Status',
} as const;
export type ReconciliationColumn = keyof typeof RECONCILIATION_HEADERS;

/** An output cell's cached value: its text, number or formula result. */
export function cachedValue(cell: OutputCell | undefined): number | string | null {
  if (cell === null || cell === undefined) return null;
  if ('text' in cell) return cell.text;
  if ('number' in cell) return cell.number;
  if ('formula' in cell) return cell.result ?? null;
  return null;
}

export const cachedText = (cell: OutputCell | undefined): string => {
  const v = cachedValue(cell);
  return typeof v === 'string' ? v : '';
};

export interface ReconciliationLayout {
  /** 1-based columns of the linked headers. */
  readonly columns: Readonly<Record<ReconciliationColumn, number>>;
  /** `Program|Quarter` → 1-based row: the first occurrence (the main tables, before any kept-notes block). */
  readonly rows: ReadonlyMap<string, number>;
}

/** The layout of a Reconciliation sheet as `buildReconciliationSheet` wrote it; undefined when it has no header row. */
export function reconciliationLayout(recon: OwnedSheet): ReconciliationLayout | undefined {
  let columns: Record<ReconciliationColumn, number> | undefined;
  let programCol = 0;
  let quarterCol = 0;
  const rows = new Map<string, number>();
  recon.rows.forEach((cells, i) => {
    const texts = cells.map(cachedText);
    if (texts.includes('Program') && texts.includes('Quarter') && texts.includes(RECONCILIATION_HEADERS.flag)) {
      const found = Object.fromEntries(Object.entries(RECONCILIATION_HEADERS).map(([k, h]) => [k, texts.indexOf(h) + 1])) as Record<ReconciliationColumn, number>;
      if (Object.values(found).every((c) => c > 0)) {
        columns = found;
        programCol = texts.indexOf('Program') + 1;
        quarterCol = texts.indexOf('Quarter') + 1;
      }
      return;
    }
    if (columns === undefined) return;
    const key = `${texts[programCol - 1] ?? ''}|${texts[quarterCol - 1] ?? ''}`;
    if (!rows.has(key)) rows.set(key, i + 1);
  });
  return columns === undefined ? undefined : { columns, rows };
}

/** The A1 address of the Explanation or Status cell of a program's quarter (or `Overall`) row; undefined when the sheet has no such row. */
export function noteCellAddress(recon: OwnedSheet, program: string, quarter: string, field: NoteField): string | undefined {
  const layout = reconciliationLayout(recon);
  const row = layout?.rows.get(`${program}|${quarter}`);
  if (layout === undefined || row === undefined) return undefined;
  return `${columnLetter(layout.columns[field])}${row}`;
}

/** The text now in a note cell of the sheet as written. */
export function noteCellText(recon: OwnedSheet, cell: string): string {
  const range = parseRange(cell);
  if (range === undefined) return '';
  return cachedText(recon.rows[range.from.row - 1]?.[range.from.col - 1]);
}

/**
 * Refuses any edit that is not one of the Explanation or Status cells of `recon` (the sheet this
 * run wrote). Returns the problem, or undefined when every edit is allowed.
 */
export function checkNoteEdits(recon: OwnedSheet, edits: readonly NoteEdit[]): string | undefined {
  if (recon.name !== RECONCILIATION_SHEET) return `only the ${RECONCILIATION_SHEET} sheet's notes can be edited here`;
  const layout = reconciliationLayout(recon);
  if (layout === undefined) return `the ${RECONCILIATION_SHEET} sheet has no header row`;
  const allowed = new Set<string>();
  for (const row of layout.rows.values()) for (const f of ['explanation', 'status'] as const) allowed.add(`${columnLetter(layout.columns[f])}${row}`);
  const bad = edits.find((e) => !allowed.has(e.cell.toUpperCase()));
  return bad === undefined ? undefined : `${bad.cell} is not an Explanation or Status cell of the ${RECONCILIATION_SHEET} sheet`;
}

/** `recon` with the edits put in (for hosts that rewrite the sheet they keep in memory). */
export function withNoteEdits(recon: OwnedSheet, edits: readonly NoteEdit[]): OwnedSheet {
  const rows = recon.rows.map((r) => [...r]);
  for (const e of edits) {
    const range = parseRange(e.cell);
    if (range === undefined) continue;
    const row = rows[range.from.row - 1] ?? [];
    while (row.length < range.from.col) row.push(null);
    const old = row[range.from.col - 1];
    const style = old === null || old === undefined ? {} : Object.fromEntries(Object.entries(old).filter(([k]) => !['text', 'number', 'formula', 'result', 'blank'].includes(k)));
    row[range.from.col - 1] = { ...style, text: e.text };
    rows[range.from.row - 1] = row;
  }
  return { ...recon, rows };
}
