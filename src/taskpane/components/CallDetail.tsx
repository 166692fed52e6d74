/**
 * One flagged quarter (or a program's overall line) as the 64/21 call needs it: what the numbers
 * say, the FFS / MC split, the report lines with the largest amounts and changes, the excluded
 * lines, what a flag means and what to do next, and the Explanation and Status to type. Saving
 * writes those two cells of the Reconciliation sheet only (through the host), so the next run
 * keeps them. Everything shown is computed in core (call-detail.ts).
 */
import { Button, Field, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { lineLabel, percentOneDecimal, type CallItem, type LineAmount } from '../../core/recon/call-detail.js';
import { RESOLVED_STATUS } from '../../core/recon/call-summary-sheet.js';
import { noteCellAddress, noteCellText } from '../../core/recon/note-cells.js';
import { RECONCILIATION_SHEET } from '../../core/workbook/owned-sheets.js';
import type { OwnedSheet } from '../../core/workbook/port.js';
import { cellReference, centsText } from '../format.js';
import { useHost } from '../host-context.js';
import { CellLink } from './CellLink.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    overflowWrap: 'break-word',
  },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  p: { margin: 0 },
  caption: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  split: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer', fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

export const STATUS_CHOICES = ['', 'Open', 'In progress', 'Waiting on state', RESOLVED_STATUS];

function Lines({ lines, amount }: { readonly lines: readonly LineAmount[]; readonly amount: (l: LineAmount) => string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {lines.map((l) => (
        <li key={`${l.form}|${l.line ?? ''}|${l.description}`}>
          {lineLabel(l)} ({l.component}): {amount(l)} <CellLink sheet={l.sheet} cell={l.cell} />
        </li>
      ))}
    </ul>
  );
}

/** What a flag means and what to do next (recon-domain.md: the call discusses every flag). */
function nextStep(item: CallItem): string {
  if (!item.flagged) return `Not flagged: the difference is within the threshold. Nothing is needed for the call unless a component or a quarter above is flagged.`;
  return item.quarter === 'Overall'
    ? 'Flagged overall: the review year’s universe and reports differ by more than the overall threshold. The state explains it on the call (missing or late claims, payments outside the universe, lines mapped to the wrong component) or resubmits the universe; type the explanation below.'
    : 'Flagged: this quarter differs by more than the quarterly threshold. Check the largest lines and changes above, and the excluded lines, then type what explains it (for example timing of payments, claims under the wrong component, a line that belongs in the universe) and its status.';
}

export interface CallDetailProps {
  readonly item: CallItem;
  readonly reconciliation: OwnedSheet | undefined;
}

export function CallDetail({ item, reconciliation }: CallDetailProps) {
  const styles = useStyles();
  const host = useHost();
  const id = useId();
  const explanationCell = reconciliation === undefined ? undefined : noteCellAddress(reconciliation, item.program, item.quarter, 'explanation');
  const statusCell = reconciliation === undefined ? undefined : noteCellAddress(reconciliation, item.program, item.quarter, 'status');
  const [explanation, setExplanation] = useState(() => (reconciliation === undefined || explanationCell === undefined ? '' : noteCellText(reconciliation, explanationCell)));
  const [status, setStatus] = useState(() => (reconciliation === undefined || statusCell === undefined ? '' : noteCellText(reconciliation, statusCell)));
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = item.quarter === 'Overall' ? `${item.program} overall` : `${item.program} ${item.quarter}`;
  const headingId = `${id}-heading`;
  const choices = STATUS_CHOICES.includes(status) ? STATUS_CHOICES : [...STATUS_CHOICES, status];

  const save = async () => {
    if (reconciliation === undefined || explanationCell === undefined || statusCell === undefined) return;
    setSaving(true);
    setSaved(null);
    try {
      await host.writeNoteCells(reconciliation, [
        { cell: explanationCell, text: explanation },
        { cell: statusCell, text: status },
      ]);
      setSaved(`Saved to ${cellReference(RECONCILIATION_SHEET, explanationCell)} and ${statusCell}; a re-run keeps it.`);
    } catch (e) {
      setSaved(`Not saved: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId} data-call={`${item.program} ${item.quarter}`}>
      <h4 id={headingId} className={styles.heading}>
        {title}: {item.flagged ? 'flagged' : 'within its threshold'}
      </h4>
      <p className={styles.p} data-reading="true">{item.reading}</p>
      <dl className={styles.split} aria-label={`${title}: FFS and MC`}>
        {item.split.map((s) => (
          <div key={s.component} className={styles.pair}>
            <dt className={styles.term}>{s.component}</dt>
            <dd className={styles.dd}>
              {centsText(s.differenceCents)} ({percentOneDecimal(s.percentDifference)}); universe {centsText(s.universeCents)}, report {centsText(s.reportCents)}
            </dd>
          </div>
        ))}
        <dt className={styles.term}>Excluded</dt>
        <dd className={styles.dd}>{centsText(item.excludedCents)}</dd>
      </dl>
      {item.largestLines.length === 0 ? null : (
        <details>
          <summary className={styles.summary}>Largest report lines ({item.largestLines.length})</summary>
          <Lines lines={item.largestLines} amount={(l) => centsText(l.cents)} />
        </details>
      )}
      {item.largestChanges.length === 0 ? null : (
        <details>
          <summary className={styles.summary}>Largest changes against {item.largestChanges[0]?.priorQuarter}</summary>
          <ul className={styles.list}>
            {item.largestChanges.map((l) => (
              <li key={`${l.form}|${l.line ?? ''}|${l.description}`}>
                {lineLabel(l)} ({l.component}): {centsText(l.changeCents)}, from {centsText(l.priorCents)} to {centsText(l.cents)} <CellLink sheet={l.sheet} cell={l.cell} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <details>
        <summary className={styles.summary}>Excluded lines ({item.excludedLines.length}): {centsText(item.excludedCents)}</summary>
        {item.excludedLines.length === 0 ? <p className={styles.caption}>No report line is excluded.</p> : <Lines lines={item.excludedLines} amount={(l) => centsText(l.cents)} />}
      </details>
      <p className={styles.caption}>{nextStep(item)}</p>
      {explanationCell === undefined || statusCell === undefined ? null : (
        <div className={styles.form} role="group" aria-label={`${title}: explanation and status`}>
          <Field label="Explanation">
            <Textarea resize="vertical" value={explanation} onChange={(_, d) => setExplanation(d.value)} />
          </Field>
          <Field label="Status">
            <Select value={status} onChange={(_, d) => setStatus(d.value)}>
              {choices.map((c) => (
                <option key={c} value={c}>
                  {c === '' ? '(none)' : c}
                </option>
              ))}
            </Select>
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={saving} onClick={() => void save()}>
              Save to sheet
            </Button>
            <span role="status" className={styles.caption}>{saved ?? ''}</span>
          </div>
        </div>
      )}
    </section>
  );
}
