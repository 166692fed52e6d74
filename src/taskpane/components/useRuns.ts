/**
 * The Reconcile and Fill runs: which is running and how far it has read, the last outcome of each,
 * and an adapter failure (a thrown error, not a data problem) when one happened.
 */
import { useCallback, useRef, useState } from 'react';
import type { WorkbookHost } from '../host.js';
import type { ReadProgress } from '../run/progress-source.js';
import { runAndWrite, type RunKind, type RunOutcome, type RunPhase } from '../run/run-workbook.js';
import type { TableHints } from '../table-hints.js';

export type ReconcileOutcome = Extract<RunOutcome, { kind: 'reconcile' }>;
export type FillOutcome = Extract<RunOutcome, { kind: 'fill' }>;

export interface RunsState {
  readonly running: RunKind | null;
  readonly phase: RunPhase | null;
  readonly progress: ReadProgress | null;
  readonly reconcile: ReconcileOutcome | null;
  readonly fill: FillOutcome | null;
  /** The run whose results were shown last. */
  readonly last: RunKind | null;
  readonly failure: { readonly kind: RunKind; readonly message: string } | null;
}

const IDLE: RunsState = { running: null, phase: null, progress: null, reconcile: null, fill: null, last: null, failure: null };

export interface RunsOptions {
  readonly hints: TableHints;
  readonly version: string;
  /** Called after a run wrote sheets (the first screen looks again: a Line Map may now exist). */
  readonly onWritten?: () => void;
  readonly now?: () => Date;
}

export interface Runs {
  readonly state: RunsState;
  /** Runs `kind`; resolves with its outcome, or undefined when another run is under way or it failed. */
  run(kind: RunKind): Promise<RunOutcome | undefined>;
}

export function useRuns(host: WorkbookHost, options: RunsOptions): Runs {
  const [state, setState] = useState<RunsState>(IDLE);
  const busy = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  const run = useCallback(
    async (kind: RunKind): Promise<RunOutcome | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      setState((s) => ({ ...s, running: kind, phase: 'reading', progress: null, failure: null }));
      const opts = latest.current;
      try {
        const outcome = await runAndWrite(host, kind, {
          hints: opts.hints,
          version: opts.version,
          now: (opts.now ?? (() => new Date()))(),
          onPhase: (phase) => setState((s) => ({ ...s, phase })),
          onProgress: (progress) => setState((s) => ({ ...s, progress })),
        });
        setState((s) => ({
          ...s,
          running: null,
          phase: null,
          progress: null,
          last: kind,
          ...(outcome.kind === 'reconcile' ? { reconcile: outcome } : { fill: outcome }),
        }));
        if (outcome.written.length > 0) opts.onWritten?.();
        return outcome;
      } catch (e) {
        setState((s) => ({ ...s, running: null, phase: null, progress: null, last: kind, failure: { kind, message: e instanceof Error ? e.message : String(e) } }));
        return undefined;
      } finally {
        busy.current = false;
      }
    },
    [host],
  );

  return { state, run };
}
