/**
 * A Reconcile or Fill run as the task pane does it, the same flow as the command line's: run the
 * core over the workbook (with the tables the user pointed at), stop when any issue is an error,
 * otherwise write the owned sheets and a Run Log row through the host in one call.
 */
import { fillForms, type FillRun } from '../../core/forms/fill-forms.js';
import { runReconciliation, type ReconciliationRun } from '../../core/recon/run-reconciliation.js';
import { withTableHints } from '../../core/workbook/find-table.js';
import { clipOwnedText } from '../../core/workbook/clip-text.js';
import { hasErrors, type Issue } from '../../core/workbook/issue.js';
import type { OwnedSheet } from '../../core/workbook/port.js';
import { buildRunLogSheet, readRunLog } from '../../core/workbook/run-log.js';
import type { WorkbookHost } from '../host.js';
import type { TableHints } from '../table-hints.js';
import { withReadProgress, type ProgressListener } from './progress-source.js';

export type RunKind = 'reconcile' | 'fill';

export type RunOutcome =
  | { readonly kind: 'reconcile'; readonly run: ReconciliationRun; readonly issues: readonly Issue[]; readonly written: readonly string[] }
  | { readonly kind: 'fill'; readonly run: FillRun; readonly issues: readonly Issue[]; readonly written: readonly string[] };

export type RunPhase = 'reading' | 'writing';

export interface RunOptions {
  readonly hints: TableHints;
  /** The run's time (the Run Log's, and today's date for settings that default to it). */
  readonly now: Date;
  readonly version: string;
  readonly onProgress?: ProgressListener;
  readonly onPhase?: (phase: RunPhase) => void;
}

/** `YYYY-MM-DD` of `d` in local time: the user's today. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function runAndWrite(host: WorkbookHost, kind: RunKind, options: RunOptions): Promise<RunOutcome> {
  options.onPhase?.('reading');
  // One look for the whole run: the inputs and the previous Run Log come from the same snapshot.
  const view = host.look();
  const base = options.onProgress === undefined ? view : withReadProgress(view, options.onProgress);
  const source = withTableHints(base, options.hints);
  const today = localDate(options.now);
  const outcome: RunOutcome = kind === 'reconcile'
    ? { kind, run: await runReconciliation(source, { today }), issues: [], written: [] }
    : { kind, run: await fillForms(source, { today }), issues: [], written: [] };
  if (hasErrors(outcome.run.issues)) return { ...outcome, issues: outcome.run.issues };
  // Text over Excel's cell limit is clipped, with a warning naming the cell.
  const clipped = clipOwnedText(outcome.run.sheets);
  const issues = [...outcome.run.issues, ...clipped.issues];
  options.onPhase?.('writing');
  const previous = await readRunLog(view);
  const runLog = buildRunLogSheet(previous, [{ time: options.now.toISOString(), version: options.version, command: kind, inputs: outcome.run.inputs, issues }]);
  const sheets: OwnedSheet[] = [...clipped.sheets, runLog];
  await host.writeSheets(sheets);
  return { ...outcome, issues, written: sheets.map((s) => s.name) };
}
