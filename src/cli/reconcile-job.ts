import { runReconciliation } from '../core/recon/run-reconciliation.js';
import type { Job } from './job.js';
import { formatProgram } from './reconcile-output.js';

/** `reconcile`: the 64/21 reconciliation, with the Reconciliation sheet (typed explanations kept) and, the first time, the Line Map. */
export function reconcileJob(today: string): Job {
  return async (source) => {
    const run = await runReconciliation(source, { today });
    return { command: 'reconcile', sheets: run.sheets, issues: run.issues, json: run.json, text: run.result.programs.map(formatProgram).join('\n\n'), inputs: run.inputs };
  };
}
