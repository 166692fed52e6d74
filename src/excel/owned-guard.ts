/**
 * The guard on every write: only the sheets the add-in owns, and `Line Map` only while the
 * workbook has none (the user's edits to it decide after that). Everything an OwnedSheet asks
 * for is checked before Excel is touched, so a refused write changes nothing.
 */
import { LINE_MAP_SHEET } from '../core/recon/line-map-sheet.js';
import { parseRange } from '../core/workbook/address.js';
import { OWNED_SHEET_NAMES } from '../core/workbook/owned-sheets.js';
import type { CellStyle, OwnedSheet } from '../core/workbook/port.js';
import { parseSheetRange } from './sheet-range.js';

/** Sheets the add-in rewrites on every run. */
export const REWRITTEN_SHEET_NAMES: readonly string[] = OWNED_SHEET_NAMES;
/** Sheets the add-in writes only when the workbook has none by that name. */
export const WRITE_ONCE_SHEET_NAMES: readonly string[] = [LINE_MAP_SHEET];
export const WRITABLE_SHEET_NAMES: readonly string[] = [...REWRITTEN_SHEET_NAMES, ...WRITE_ONCE_SHEET_NAMES];

export class RefusedWriteError extends Error {
  override readonly name = 'RefusedWriteError';
}

const COLOUR = /^[0-9A-Fa-f]{6}$/;

export function isWriteOnce(name: string): boolean {
  return WRITE_ONCE_SHEET_NAMES.includes(name);
}

function checkStyle(where: string, style: CellStyle, problems: string[]): void {
  for (const key of ['fill', 'fontColor'] as const) {
    const v = style[key];
    if (v !== undefined && !COLOUR.test(v)) problems.push(`${where}: colour "${v}" is not 6-digit hex RGB`);
  }
}

function checkSheet(sheet: OwnedSheet, problems: string[]): void {
  const at = `'${sheet.name}'`;
  sheet.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const where = `${at} row ${r + 1} column ${c + 1}`;
      if ('number' in cell && !Number.isFinite(cell.number)) problems.push(`${where}: ${cell.number} is not a finite number`);
      checkStyle(where, cell, problems);
    });
  });
  for (const m of sheet.merges ?? []) if (parseRange(m) === undefined) problems.push(`${at}: merge "${m}" is not an A1 range`);
  for (const h of sheet.highlights ?? []) {
    if (parseRange(h.range) === undefined) problems.push(`${at}: highlight range "${h.range}" is not an A1 range`);
    checkStyle(`${at} highlight ${h.range}`, { fill: h.fill, ...(h.fontColor === undefined ? {} : { fontColor: h.fontColor }) }, problems);
  }
  for (const chart of sheet.charts ?? []) {
    if (chart.series.length === 0) problems.push(`${at}: chart "${chart.title}" has no series`);
    for (const ref of [chart.categories, ...chart.series.map((s) => s.values)]) {
      if (parseSheetRange(ref) === undefined) problems.push(`${at}: chart "${chart.title}" range "${ref}" is not a sheet-qualified A1 range`);
    }
    if (parseRange(chart.from) === undefined || parseRange(chart.to) === undefined) problems.push(`${at}: chart "${chart.title}" anchors ${chart.from}:${chart.to} are not cells`);
  }
}

/** Throws RefusedWriteError unless every sheet may be written and is well formed. */
export function checkWritable(sheets: readonly OwnedSheet[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const sheet of sheets) {
    if (!WRITABLE_SHEET_NAMES.includes(sheet.name)) {
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
