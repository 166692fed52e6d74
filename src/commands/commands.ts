/**
 * The ribbon's ExecuteFunction commands. "Open PERM Recon" needs no code (a ShowTaskpane action);
 * "Run reconciliation" calls the runner the task pane registered (runner-registry.ts), or opens the
 * task pane when none is registered yet. Every command calls event.completed(), whatever happens.
 */
import { RUN_RECONCILIATION } from './action-ids.js';
import { reconciliationRunner } from './runner-registry.js';

export { setReconciliationRunner, type ReconciliationRunner } from './runner-registry.js';

/** The part of office.js the commands use. */
export interface CommandHost {
  readonly actions: { associate(actionId: string, handler: (event: Office.AddinCommands.Event) => void): void };
  readonly addin: { showAsTaskpane(): Promise<void> };
}

function officeHost(): CommandHost | undefined {
  const office = (globalThis as { Office?: Partial<CommandHost> }).Office;
  return office?.actions !== undefined && office.addin !== undefined ? (office as CommandHost) : undefined;
}

async function showTaskpane(host: CommandHost | undefined): Promise<void> {
  if (host !== undefined) await host.addin.showAsTaskpane();
}

/** "Run reconciliation": the registered runner, or the task pane when there is none. */
export async function runReconciliation(event: Office.AddinCommands.Event, host: CommandHost | undefined = officeHost()): Promise<void> {
  try {
    const runner = reconciliationRunner();
    if (runner === undefined) await showTaskpane(host);
    else await runner();
  } catch (error) {
    // The runner reports its own failure in the task pane; show the pane so the user sees it.
    console.error('PERM Recon: Run reconciliation failed', error);
    await showTaskpane(host).catch(() => undefined);
  } finally {
    event.completed();
  }
}

/**
 * Associates the ribbon's function names with their handlers. Outside Office (the task pane's
 * preview mode in a plain browser) there is no Office.actions, and nothing is registered.
 */
export function registerCommands(host: CommandHost | undefined = officeHost()): boolean {
  if (host === undefined) return false;
  host.actions.associate(RUN_RECONCILIATION, (event) => void runReconciliation(event, host));
  return true;
}

registerCommands();
