/**
 * Writes Explanation and Status cells typed in the task pane into the owned `Reconciliation`
 * sheet: one `Excel.run`, one sync, one range per cell, text with Excel's text prefix (so typed
 * text is never run as a formula). The caller has checked the cells (core `checkNoteEdits`); this
 * adapter writes that sheet only.
 */
import type { NoteEdit } from '../core/recon/note-cells.js';
import { RECONCILIATION_SHEET } from '../core/workbook/owned-sheets.js';
import type { ExcelRun } from './excel-api.js';
import { formulaInput } from './output-matrix.js';

export async function writeNoteCells(run: ExcelRun, edits: readonly NoteEdit[]): Promise<void> {
  if (edits.length === 0) return;
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(RECONCILIATION_SHEET);
    for (const e of edits) ws.getRange(e.cell).formulas = [[formulaInput({ text: e.text })]];
    await context.sync();
  });
}
