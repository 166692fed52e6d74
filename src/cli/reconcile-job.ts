import { runReconciliation } from '../core/recon/run-reconciliation.js';
import type { UniverseOverride } from '../core/recon/reconcile.js';
import type { WorkbookSource } from '../core/workbook/port.js';
import { reconcileSummary } from './book-summary.js';
import type { Job } from './job.js';
import { formatProgram } from './reconcile-output.js';

/** Universe totals from elsewhere (claim files), worked out once the workbook's Settings are known. */
export type UniverseProvider = (source: WorkbookSource) => Promise<UniverseOverride>;

/** `reconcile`: the 64/21 reconciliation, with the Reconciliation sheet (typed explanations kept) and, the first time, the Line Map. */
export function reconcileJob(today: string, universe?: UniverseProvider): Job {
  return async (source) => {
    const run = await runReconciliation(source, { today, ...(universe === undefined ? {} : { universe: await universe(source) }) });
    return {
      command: 'reconcile',
      sheets: run.sheets,
      issues: run.issues,
      json: run.json,
      text: run.result.programs.map(formatProgram).join('\n\n'),
      inputs: run.inputs,
      summary: reconcileSummary(run),
    };
  };
}
