/**
 * Where the task pane hands the ribbon its reconciliation. The ribbon's "Run reconciliation"
 * command (commands.ts) calls the registered runner; the task pane, which owns the workbook
 * adapter and the results UI, registers it when it starts:
 *
 *   useEffect(() => setReconciliationRunner(() => reconcile()), []);   // returns the unregister
 *
 * taskpane.html loads the task pane, commands and functions bundles on one page with one webpack
 * runtime (webpack.config.js: runtimeChunk 'single'), so this module, and the runner in it, is one
 * instance for all three.
 */

/** Runs the reconciliation with the task pane's current choices; rejects when it fails. */
export type ReconciliationRunner = () => Promise<unknown> | unknown;

let current: ReconciliationRunner | undefined;

/**
 * Registers the runner the ribbon command calls (replacing any earlier one). Returns a function that
 * unregisters it, if it is still the registered one.
 */
export function setReconciliationRunner(runner: ReconciliationRunner | undefined): () => void {
  current = runner;
  return () => {
    if (current === runner) current = undefined;
  };
}

/** The registered runner, if the task pane has registered one. */
export function reconciliationRunner(): ReconciliationRunner | undefined {
  return current;
}
