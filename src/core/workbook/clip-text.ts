/**
 * Clips text over Excel's 32,767-character cell limit in the owned sheets about to be written,
 * with one warning per clipped cell naming it. The runs (command line and task pane) call it
 * before the Run Log is built, so the warnings are logged; the owned-sheet guard refuses any text
 * still over the limit.
 */
import { cellAddress } from './address.js';
import { cellIssue, type Issue } from './issue.js';
import { CELL_TEXT_LIMIT } from './owned-sheets.js';
import type { OutputCell, OwnedSheet } from './port.js';

const MARK = ' … [clipped]';

export function clipOwnedText(sheets: readonly OwnedSheet[]): { sheets: OwnedSheet[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const out = sheets.map((sheet) => {
    let changed = false;
    const rows = sheet.rows.map((cells, r) => {
      if (!cells.some((c) => c !== null && 'text' in c && c.text.length > CELL_TEXT_LIMIT)) return cells;
      changed = true;
      return cells.map((c, col): OutputCell => {
        if (c === null || !('text' in c) || c.text.length <= CELL_TEXT_LIMIT) return c;
        const cell = cellAddress(col + 1, r + 1);
        issues.push(cellIssue('warning', 'output.text-clipped', { sheet: sheet.name, cell }, `the text (${c.text.length.toLocaleString('en-US')} characters) is over Excel's limit of ${CELL_TEXT_LIMIT.toLocaleString('en-US')} characters in a cell; it was cut to fit. The full text stays where it came from.`));
        return { ...c, text: c.text.slice(0, CELL_TEXT_LIMIT - MARK.length) + MARK };
      });
    });
    return changed ? { ...sheet, rows } : sheet;
  });
  return { sheets: out, issues };
}
