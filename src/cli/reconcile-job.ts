import { readLineMap } from '../core/recon/line-map-sheet.js';
import { reconcile, reconSettings } from '../core/recon/reconcile.js';
import { reconcileJson } from '../core/recon/reconcile-json.js';
import { readReconciliationNotes } from '../core/recon/reconciliation-notes.js';
import { buildReconciliationSheet } from '../core/recon/reconciliation-sheet.js';
import { readSettings } from '../core/workbook/settings.js';
import type { Job } from './job.js';
import { formatProgram } from './reconcile-output.js';

/** `reconcile`: the 64/21 reconciliation, with the Reconciliation sheet (typed explanations kept) and, the first time, the Line Map. */
export function reconcileJob(today: string): Job {
  return async (source) => {
    const settings = await readSettings(source, { today });
    const lineMap = await readLineMap(source);
    const result = await reconcile(source, reconSettings(settings.settings), lineMap.lineMap.rows);
    const notes = await readReconciliationNotes(source);
    const sheets = [buildReconciliationSheet(result, notes), ...(lineMap.sheetToWrite === undefined ? [] : [lineMap.sheetToWrite])];
    const inputs: Record<string, string> = {};
    if (settings.sheet !== undefined) inputs.Settings = `'${settings.sheet}'`;
    inputs['Line Map'] = lineMap.lineMap.origin === 'defaults' ? 'bundled defaults' : "'Line Map'";
    if (result.reviewYear !== undefined) inputs['Review Year'] = result.reviewYear.label;
    return {
      command: 'reconcile',
      sheets,
      issues: [...settings.issues, ...lineMap.issues, ...result.issues],
      json: reconcileJson(result),
      text: result.programs.map(formatProgram).join('\n\n'),
      inputs,
    };
  };
}
