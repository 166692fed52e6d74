/**
 * Queues writes into as few syncs as the payload limit allows: a sync is made early only when the
 * next write would take the queued request over the budget (4 MB). Formula calculation stays
 * suspended for each of those syncs.
 */
import type { XlRequestContext } from './excel-api.js';

/** Rough request bytes of one property write or method call (its path, name and argument). */
export const OPERATION_BYTES = 200;

export class SyncBudget {
  private queued = 0;
  /** Syncs made early because the budget was full. */
  extraSyncs = 0;

  constructor(
    private readonly context: XlRequestContext,
    private readonly budget: number,
  ) {
    context.application.suspendApiCalculationUntilNextSync();
  }

  /** Makes room for `bytes` more of request: syncs first when they would not fit. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.budget) {
      await this.context.sync();
      this.extraSyncs++;
      this.context.application.suspendApiCalculationUntilNextSync();
      this.queued = 0;
    }
    this.queued += bytes;
  }

  /** The last sync of the batch. */
  async flush(): Promise<void> {
    await this.context.sync();
    this.queued = 0;
  }
}
