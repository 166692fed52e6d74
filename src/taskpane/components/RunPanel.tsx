/** The Reconcile and Fill buttons and the progress of the run under way. */
import { Button, Field, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { RunKind } from '../run/run-workbook.js';
import type { RunsState } from './useRuns.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
});

export interface RunPanelProps {
  readonly state: RunsState;
  readonly onRun: (kind: RunKind) => void;
  /** Disabled while the first screen is still looking. */
  readonly disabled?: boolean;
}

function progressLabel(state: RunsState): string {
  const what = state.running === 'fill' ? 'Filling CMS-10184E' : 'Reconciling';
  if (state.phase === 'writing') return `${what}: writing the sheets…`;
  const p = state.progress;
  if (p === null) return `${what}: reading the workbook…`;
  return `${what}: reading '${p.sheet}', ${p.rowsRead.toLocaleString('en-US')} of ${p.rowsInSheet.toLocaleString('en-US')} rows`;
}

export function RunPanel({ state, onRun, disabled }: RunPanelProps) {
  const styles = useStyles();
  const busy = state.running !== null;
  const p = state.progress;
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy || disabled === true} onClick={() => onRun('reconcile')}>
          Reconcile
        </Button>
        <Button appearance="primary" disabled={busy || disabled === true} onClick={() => onRun('fill')}>
          Fill CMS-10184E
        </Button>
      </div>
      <div aria-live="polite">
        {busy ? (
          state.phase === 'reading' && p !== null && p.rowsInSheet > 0 ? (
            <Field label={progressLabel(state)} validationState="none">
              <ProgressBar value={p.rowsRead / p.rowsInSheet} thickness="large" />
            </Field>
          ) : (
            <Spinner size="tiny" labelPosition="after" label={progressLabel(state)} />
          )
        ) : null}
      </div>
    </div>
  );
}
