/**
 * Every error and warning of a run, errors first, as Fluent message bars. An issue that names a
 * sheet links to its cell: the link selects it in the workbook through the host.
 */
import { Link, MessageBar, MessageBarBody, MessageBarGroup, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Issue } from '../../core/workbook/issue.js';
import { cellReference } from '../format.js';
import { useHost } from '../host-context.js';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  message: { whiteSpace: 'normal', wordBreak: 'break-word' },
  more: { marginTop: tokens.spacingVerticalS },
});

export interface IssueListProps {
  readonly issues: readonly Issue[];
  /** Shown above the list, for example "Reconcile". */
  readonly title: string;
  /** How many to show before "Show all" (default 50). */
  readonly initialLimit?: number;
}

/** Errors first, then warnings, each in the order the run found them. */
export function orderIssues(issues: readonly Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
}

export function IssueList({ issues, title, initialLimit = 50 }: IssueListProps) {
  const styles = useStyles();
  const host = useHost();
  const [showAll, setShowAll] = useState(false);
  const [selectFailure, setSelectFailure] = useState<string | null>(null);
  if (issues.length === 0) return null;
  const ordered = orderIssues(issues);
  const shown = showAll ? ordered : ordered.slice(0, initialLimit);
  const select = (issue: Issue) => {
    if (issue.sheet === undefined) return;
    setSelectFailure(null);
    host.selectCell(issue.sheet, issue.cell ?? 'A1').catch((e: unknown) => {
      setSelectFailure(`${cellReference(issue.sheet ?? '', issue.cell)} could not be selected: ${e instanceof Error ? e.message : String(e)}`);
    });
  };
  const errors = ordered.filter((i) => i.severity === 'error').length;
  const warnings = ordered.length - errors;
  return (
    <section aria-label={`${title}: ${errors} error(s), ${warnings} warning(s)`}>
      <MessageBarGroup className={styles.group}>
        {shown.map((issue, index) => (
          <MessageBar key={`${issue.code}-${index}`} intent={issue.severity} layout="multiline">
            <MessageBarBody className={styles.message}>
              <MessageBarTitle>{issue.severity === 'error' ? 'Error' : 'Warning'}</MessageBarTitle>
              {issue.message}
              {issue.sheet === undefined ? null : (
                <>
                  {' '}
                  <Link as="button" inline onClick={() => select(issue)} aria-label={`Go to ${cellReference(issue.sheet, issue.cell)}`}>
                    Go to {cellReference(issue.sheet, issue.cell)}
                  </Link>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        ))}
      </MessageBarGroup>
      {selectFailure === null ? null : (
        <MessageBar intent="error" className={styles.more}>
          <MessageBarBody>{selectFailure}</MessageBarBody>
        </MessageBar>
      )}
      {ordered.length > shown.length ? (
        <Link as="button" className={styles.more} onClick={() => setShowAll(true)}>
          Show all {ordered.length} messages
        </Link>
      ) : null}
    </section>
  );
}
