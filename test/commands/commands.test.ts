import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandHost } from '../../src/commands/commands.js';

type Handler = (event: Office.AddinCommands.Event) => void;

/** A stand-in for the part of office.js the commands use, recording what they do. */
function stubOffice(showAsTaskpane: () => Promise<void> = async () => undefined) {
  const associated = new Map<string, Handler>();
  const host = {
    actions: { associate: vi.fn((id: string, handler: Handler) => void associated.set(id, handler)) },
    addin: { showAsTaskpane: vi.fn(showAsTaskpane) },
  } satisfies CommandHost;
  return { host, associated };
}

function stubEvent() {
  const completed = vi.fn();
  return { event: { completed, source: { id: 'PermRecon.Run' } } as unknown as Office.AddinCommands.Event, completed };
}

/** commands.ts registers itself on import, so each test imports a fresh copy. */
async function freshCommands() {
  vi.resetModules();
  return import('../../src/commands/commands.js');
}

const g = globalThis as { Office?: unknown };

afterEach(() => {
  delete g.Office;
  vi.restoreAllMocks();
});

describe('ribbon commands', () => {
  it('associates runReconciliation with Office on load', async () => {
    const { host, associated } = stubOffice();
    g.Office = host;
    await freshCommands();
    expect(host.actions.associate).toHaveBeenCalledTimes(1);
    expect([...associated.keys()]).toEqual(['runReconciliation']);
  });

  it('loads without Office (preview mode in a browser) and registers nothing', async () => {
    const commands = await freshCommands();
    expect(commands.registerCommands()).toBe(false);
  });

  it('runs the registered runner, then completes the event', async () => {
    const { host, associated } = stubOffice();
    g.Office = host;
    const commands = await freshCommands();
    let finish: () => void = () => undefined;
    const runner = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    commands.setReconciliationRunner(runner);
    const { event, completed } = stubEvent();
    associated.get('runReconciliation')?.(event);
    await vi.waitFor(() => expect(runner).toHaveBeenCalledTimes(1));
    expect(completed).not.toHaveBeenCalled(); // not before the run ends
    finish();
    await vi.waitFor(() => expect(completed).toHaveBeenCalledTimes(1));
    expect(host.addin.showAsTaskpane).not.toHaveBeenCalled();
  });

  it('opens the task pane when no runner is registered yet', async () => {
    const commands = await freshCommands();
    const { host } = stubOffice();
    const { event, completed } = stubEvent();
    await commands.runReconciliation(event, host);
    expect(host.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('when the run fails, logs it, opens the task pane and still completes the event', async () => {
    const commands = await freshCommands();
    const { host } = stubOffice();
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    commands.setReconciliationRunner(() => Promise.reject(new Error('no universe table')));
    const { event, completed } = stubEvent();
    await commands.runReconciliation(event, host);
    expect(log).toHaveBeenCalledWith('PERM Recon: Run reconciliation failed', expect.objectContaining({ message: 'no universe table' }));
    expect(host.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('completes the event even when the task pane cannot be shown', async () => {
    const commands = await freshCommands();
    const { host } = stubOffice(() => Promise.reject(new Error('not supported')));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { event, completed } = stubEvent();
    await commands.runReconciliation(event, host); // no runner: shows the pane, which fails
    expect(completed).toHaveBeenCalledTimes(1);
    commands.setReconciliationRunner(() => {
      throw new Error('synchronous failure');
    });
    await commands.runReconciliation(event, host);
    expect(completed).toHaveBeenCalledTimes(2);
  });

  it('completes the event outside Office, where there is no pane to show', async () => {
    const commands = await freshCommands();
    const { event, completed } = stubEvent();
    await commands.runReconciliation(event, undefined);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe('reconciliation runner registry', () => {
  it('replaces the runner, and an old unregister does not remove a newer runner', async () => {
    const registry = await import('../../src/commands/runner-registry.js');
    const first = vi.fn();
    const second = vi.fn();
    const unregisterFirst = registry.setReconciliationRunner(first);
    expect(registry.reconciliationRunner()).toBe(first);
    const unregisterSecond = registry.setReconciliationRunner(second);
    unregisterFirst();
    expect(registry.reconciliationRunner()).toBe(second);
    unregisterSecond();
    expect(registry.reconciliationRunner()).toBeUndefined();
  });

  it('is the same registry commands.ts re-exports', async () => {
    const commands = await freshCommands();
    const registry = await import('../../src/commands/runner-registry.js');
    const runner = vi.fn();
    const unregister = commands.setReconciliationRunner(runner);
    expect(registry.reconciliationRunner()).toBe(runner);
    unregister();
  });
});
