/**
 * `reconcile` as every shell runs it (command line and task pane): Settings, the Line Map (the
 * workbook's, or the bundled defaults written the first time), the comparison, and the output
 * sheets, with the explanations users typed on the previous Reconciliation sheet kept.
 */
import type { Issue } from '../workbook/issue.js';
import type { OwnedSheet, WorkbookSource } from '../workbook/port.js';
import { readSettings } from '../workbook/settings.js';
import { callItems, type CallItem } from './call-detail.js';
import { buildCallSummarySheet } from './call-summary-sheet.js';
import { readLineMap } from './line-map-sheet.js';
import type { ReconResult } from './recon-result.js';
import { reconcile, reconSettings } from './reconcile.js';
import { reconcileJson, type ReconcileJson } from './reconcile-json.js';
import { readReconciliationNotes } from './reconciliation-notes.js';
import { buildReconciliationSheet } from './reconciliation-sheet.js';

export interface ReconciliationRun {
  readonly result: ReconResult;
  /** Reconciliation, Call Summary, and Line Map when the workbook has none yet. */
  readonly sheets: readonly OwnedSheet[];
  /** What the call needs about each flagged quarter and each overall line (call-detail.ts). */
  readonly call: readonly CallItem[];
  readonly issues: readonly Issue[];
  readonly json: ReconcileJson;
  /** Input name → range or origin used, for the Run Log. */
  readonly inputs: Readonly<Record<string, string>>;
}

export interface RunReconciliationOptions {
  /** `YYYY-MM-DD`, for settings that default to today. */
  readonly today: string;
  /** Include the prior-period forms in the report amounts (default: the Settings `Include Prior Period`). */
  readonly includePriorPeriod?: boolean;
}

export async function runReconciliation(source: WorkbookSource, options: RunReconciliationOptions): Promise<ReconciliationRun> {
  const settings = await readSettings(source, { today: options.today });
  const lineMap = await readLineMap(source);
  const result = await reconcile(source, reconSettings(settings.settings, options.includePriorPeriod ?? settings.settings.includePriorPeriod), lineMap.lineMap.rows);
  const notes = await readReconciliationNotes(source);
  const reconciliation = buildReconciliationSheet(result, notes);
  const sheets = [reconciliation, buildCallSummarySheet(result, reconciliation), ...(lineMap.sheetToWrite === undefined ? [] : [lineMap.sheetToWrite])];
  const inputs: Record<string, string> = {};
  if (settings.sheet !== undefined) inputs.Settings = `'${settings.sheet}'`;
  inputs['Line Map'] = lineMap.lineMap.origin === 'defaults' ? 'bundled defaults' : "'Line Map'";
  if (result.reviewYear !== undefined) inputs['Review Year'] = result.reviewYear.label;
  if (result.inputs !== undefined) {
    inputs.Universe = result.inputs.universe.join(', ');
    inputs.Reports = result.inputs.reports.map((r) => `${r.range} (${r.layout}, ${r.lines} lines)`).join(', ');
  }
  const issues = [...settings.issues, ...lineMap.issues, ...result.issues];
  // The JSON document's warnings cover every step: Settings and Line Map as well as the comparison.
  const json = { ...reconcileJson(result), warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message) };
  return { result, sheets, issues, json, inputs, call: callItems(result) };
}
