/** What a run did: written sheets or why nothing was written, its results, and its messages. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RunKind, RunOutcome } from '../run/run-workbook.js';
import { IssueList } from './IssueList.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface RunOutcomeViewProps {
  readonly kind: RunKind;
  readonly outcome: RunOutcome | null;
  readonly failure: string | null;
  /** The results, shown when the run had no error. */
  readonly children?: ReactNode;
}

const NAMES: Record<RunKind, string> = { reconcile: 'Reconcile', fill: 'Fill' };

export function RunOutcomeView({ kind, outcome, failure, children }: RunOutcomeViewProps) {
  const styles = useStyles();
  if (failure !== null) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{NAMES[kind]} stopped</MessageBarTitle>
          {failure} Nothing may have been written; run it again, and if it fails again, check the workbook is not protected.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome === null) return <p>Not run yet. Choose {kind === 'reconcile' ? 'Reconcile' : 'Fill CMS-10184E'} above.</p>;
  const errors = outcome.issues.filter((i) => i.severity === 'error').length;
  const warnings = outcome.issues.filter((i) => i.severity === 'warning').length;
  return (
    <div className={styles.root}>
      {errors > 0 ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Nothing was written</MessageBarTitle>
            The workbook has {errors} error{errors === 1 ? '' : 's'} to fix first; each links to its cell below.
          </MessageBarBody>
        </MessageBar>
      ) : warnings > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{`Done, ${warnings} warning${warnings === 1 ? '' : 's'}`}</MessageBarTitle>
            Wrote the sheets {outcome.written.join(', ')}. Read the warning{warnings === 1 ? '' : 's'} below: each may change a number.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Done</MessageBarTitle>
            Wrote the sheets {outcome.written.join(', ')}.
          </MessageBarBody>
        </MessageBar>
      )}
      {errors > 0 ? null : children}
      <IssueList issues={outcome.issues} title={`${NAMES[kind]} messages`} />
    </div>
  );
}
