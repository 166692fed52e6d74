/** The first screen: which input tables were found where, with a way to point each at another range. */
import { Badge, Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { InputKey, InputTableStatus } from '../input-tables.js';
import type { InputTablesState } from './useInputTables.js';
import { TablePointer } from './TablePointer.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  titleRow: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0, fontSize: tokens.fontSizeBase300 },
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', columnGap: tokens.spacingHorizontalS },
  intro: { margin: `0 0 ${tokens.spacingVerticalM} 0` },
  footer: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
});

function statusBadge(status: InputTableStatus) {
  if (status.ranges.length > 0) return <Badge appearance="tint" color="success">{status.hint === undefined ? 'Found' : 'Pointed at'}</Badge>;
  if (status.def.key === 'settings' || status.def.key === 'lineMap') return <Badge appearance="tint" color="informative">Defaults</Badge>;
  return <Badge appearance="tint" color="danger">Not found</Badge>;
}

function whereText(status: InputTableStatus): string {
  if (status.ranges.length > 0) return status.ranges.join(', ');
  if (status.hint !== undefined) return `Nothing with these headers on '${status.hint.sheet}' row ${status.hint.headerRow}.`;
  if (status.nearMiss !== undefined) {
    const n = status.nearMiss;
    return `Closest: '${n.sheet}' row ${n.headerRow} has ${n.found.join(', ')} but lacks ${n.missing.join(', ')}.`;
  }
  return '';
}

export interface InputTablesPanelProps {
  readonly state: InputTablesState;
}

export function InputTablesPanel({ state }: InputTablesPanelProps) {
  const styles = useStyles();
  const [open, setOpen] = useState<InputKey | null>(null);
  // Closing a table's form returns focus to its button.
  const buttons = useRef(new Map<InputKey, HTMLButtonElement>());
  const [returnTo, setReturnTo] = useState<InputKey | null>(null);
  useEffect(() => {
    if (returnTo === null || open !== null) return;
    buttons.current.get(returnTo)?.focus();
    setReturnTo(null);
  }, [returnTo, open]);
  const close = (key: InputKey) => {
    setOpen(null);
    setReturnTo(key);
  };
  return (
    <div>
      <p className={styles.intro}>
        Where PERM Recon reads each table. If one is wrong or missing, point it at the right range; the choice is saved in
        the workbook for the next person who opens it.
      </p>
      {state.failure === null ? null : (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.failure}</MessageBarBody>
        </MessageBar>
      )}
      {state.loading && state.tables.length === 0 ? <Spinner size="tiny" label="Looking for the input tables…" /> : null}
      <ul className={styles.list}>
        {state.tables.map((status) => {
          const { def } = status;
          const titleId = `input-${def.key}`;
          return (
            <li key={def.key} className={styles.item} aria-labelledby={titleId} data-table={def.key}>
              <div className={styles.titleRow}>
                <h3 id={titleId} className={styles.title}>
                  {def.title}
                </h3>
                {statusBadge(status)}
              </div>
              {whereText(status) === '' ? null : <span className={styles.where}>{whereText(status)}</span>}
              {status.ranges.length === 0 && status.hint === undefined ? <span className={styles.note}>{def.whenAbsent}</span> : null}
              {status.hint !== undefined && def.many ? (
                <span className={styles.note}>Only the table you pointed at is read; choose Find automatically to read every {def.title.toLowerCase()} table again.</span>
              ) : null}
              <span className={styles.note}>Used by {def.usedBy}.</span>
              {open === def.key ? (
                <TablePointer
                  status={status}
                  sheetNames={state.sheetNames}
                  onClose={() => close(def.key)}
                  onPoint={(hint) => {
                    close(def.key);
                    void state.point(def.spec.name, hint);
                  }}
                />
              ) : (
                <div className={styles.actions}>
                  <Button
                    size="small"
                    ref={(el: HTMLButtonElement | null) => {
                      if (el === null) buttons.current.delete(def.key);
                      else buttons.current.set(def.key, el);
                    }}
                    onClick={() => setOpen(def.key)}
                    aria-label={`Point at another range for ${def.title}`}
                  >
                    Point at another range
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <div className={styles.footer}>
        <Button size="small" disabled={state.loading} onClick={() => void state.refresh()}>
          Look again
        </Button>
        {state.loading && state.tables.length > 0 ? <Spinner size="extra-tiny" aria-label="Looking" /> : null}
      </div>
    </div>
  );
}
