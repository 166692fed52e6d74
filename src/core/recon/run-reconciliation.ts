/**
 * `reconcile` as every shell runs it (command line and task pane): Settings, the Line Map (the
 * workbook's, or the bundled defaults written the first time), the comparison, and the output
 * sheets, with everything users typed on the previous Reconciliation sheet kept (note-placement.ts).
 */
import { hasErrors, type Issue } from '../workbook/issue.js';
import type { OwnedSheet, WorkbookSource } from '../workbook/port.js';
import { readSettings } from '../workbook/settings.js';
import { callItems, type CallItem } from './call-detail.js';
import { buildCallSummarySheet } from './call-summary-sheet.js';
import { readLineMap } from './line-map-sheet.js';
import type { ReconResult } from './recon-result.js';
import type { Settings } from '../workbook/settings.js';
import { reconcile, reconSettings, type UniverseOverride } from './reconcile.js';
import { reconcileJson, type ReconcileJson } from './reconcile-json.js';
import { placeNotes, type NotePlacement } from './note-placement.js';
import { readReconciliationNotes } from './reconciliation-notes.js';
import { buildReconciliationSheet, reconciliationRowKeys } from './reconciliation-sheet.js';

export interface ReconciliationRun {
  readonly result: ReconResult;
  /** What the user typed on the previous Reconciliation sheet, and where this run's sheet puts it. */
  readonly notes: NotePlacement;
  /** Reconciliation, Call Summary, and Line Map when the workbook has none yet. */
  readonly sheets: readonly OwnedSheet[];
  /** What the call needs about each flagged quarter and each overall line (call-detail.ts). */
  readonly call: readonly CallItem[];
  readonly issues: readonly Issue[];
  readonly json: ReconcileJson;
  /** Input name → range or origin used, for the Run Log. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The Settings the run used (State and Review Year for a cross-state summary). */
  readonly settings: Settings;
}

export interface RunReconciliationOptions {
  /** `YYYY-MM-DD`, for settings that default to today, and the date a note moved to the Earlier notes block was last seen. */
  readonly today: string;
  /** Include the prior-period forms in the report amounts (default: the Settings `Include Prior Period`). */
  readonly includePriorPeriod?: boolean;
  /** Universe totals from elsewhere (claim-level files) in place of the workbook's universe table. */
  readonly universe?: UniverseOverride;
}

export async function runReconciliation(source: WorkbookSource, options: RunReconciliationOptions): Promise<ReconciliationRun> {
  const settings = await readSettings(source, { today: options.today });
  const lineMap = await readLineMap(source);
  const result = await reconcile(source, reconSettings(settings.settings, options.includePriorPeriod ?? settings.settings.includePriorPeriod), lineMap.lineMap.rows, options.universe);
  const notes = placeNotes(await readReconciliationNotes(source), reconciliationRowKeys(result), options.today);
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
  const found = [...settings.issues, ...lineMap.issues, ...result.issues];
  // Where the notes went matters only when the sheet is written, that is when nothing is an error.
  const issues = hasErrors(found) ? found : [...found, ...notes.issues];
  // The JSON document's warnings cover every step: Settings and Line Map as well as the comparison.
  const json = { ...reconcileJson(result), warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message) };
  return { result, notes, sheets, issues, json, inputs, settings: settings.settings, call: callItems(result) };
}
