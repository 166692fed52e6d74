/** The ExecuteFunction names the manifest's ribbon buttons call; `npm run validate` checks them. */
export const RUN_RECONCILIATION = 'runReconciliation';

export const ACTION_IDS: readonly string[] = [RUN_RECONCILIATION];
