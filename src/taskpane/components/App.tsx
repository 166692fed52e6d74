/**
 * The task pane: run buttons on top, then three tabs: where the input tables are (the first
 * screen), the reconciliation's results and the CMS-10184E results.
 */
import { Tab, TabList, makeStyles, tokens, type SelectTabData } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { setReconciliationRunner } from '../../commands/runner-registry.js';
import { RECONCILIATION_SHEET } from '../../core/workbook/owned-sheets.js';
import { useHost } from '../host-context.js';
import type { RunKind } from '../run/run-workbook.js';
import { FillResults } from './FillResults.js';
import { InputTablesPanel } from './InputTablesPanel.js';
import { ReconResults } from './ReconResults.js';
import { RunOutcomeView } from './RunOutcomeView.js';
import { RunPanel } from './RunPanel.js';
import { useInputTables } from './useInputTables.js';
import { useRuns } from './useRuns.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    minHeight: '100%',
    boxSizing: 'border-box',
    minWidth: 0,
    overflowWrap: 'break-word',
    '@media (max-width: 399px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}` },
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  workbook: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, outlineStyle: 'none', minWidth: 0 },
  // The three tabs wrap rather than scroll when the pane is narrow.
  tabs: { flexWrap: 'wrap', minWidth: 0 },
  // A tab keeps its label's width (a selected tab's bold text is wider) and moves to the next line instead of shrinking.
  tab: { flexShrink: 0 },
  panelHeading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

type TabValue = 'inputs' | RunKind;

export interface AppProps {
  /** The add-in's version, for the Run Log. */
  readonly version: string;
}

export function App({ version }: AppProps) {
  const styles = useStyles();
  const host = useHost();
  const inputs = useInputTables(host);
  const runs = useRuns(host, { hints: inputs.hints, version, onWritten: () => void inputs.refresh() });
  const [tab, setTab] = useState<TabValue>('inputs');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);

  const start = (kind: RunKind) => {
    setTab(kind);
    focusResults.current = true;
    void runs.run(kind);
  };

  // The ribbon's "Run reconciliation" runs through the same path as the button.
  const startRef = useRef(start);
  startRef.current = start;
  useEffect(() => setReconciliationRunner(() => {
    startRef.current('reconcile');
  }), []);

  // When a run ends, move focus to its results so a screen reader reads them next.
  useEffect(() => {
    if (runs.state.running === null && focusResults.current) {
      focusResults.current = false;
      headingRef.current?.focus();
    }
  }, [runs.state.running]);

  const headings: Record<TabValue, string> = { inputs: 'Input tables', reconcile: 'Reconciliation', fill: 'CMS-10184E' };
  const { state } = runs;
  return (
    <main className={styles.root} aria-busy={state.running !== null}>
      <header>
        <h1 className={styles.title}>PERM Recon</h1>
        <span className={styles.workbook}>{host.label}</span>
      </header>
      <RunPanel state={state} onRun={start} disabled={inputs.loading && inputs.tables.length === 0} />
      <TabList className={styles.tabs} size="small" selectedValue={tab} onTabSelect={(_, data: SelectTabData) => setTab(data.value as TabValue)} aria-label="Views">
        <Tab className={styles.tab} value="inputs" id="tab-inputs" aria-controls="panel-inputs">Input tables</Tab>
        <Tab className={styles.tab} value="reconcile" id="tab-reconcile" aria-controls="panel-reconcile">Reconciliation</Tab>
        <Tab className={styles.tab} value="fill" id="tab-fill" aria-controls="panel-fill">CMS-10184E</Tab>
      </TabList>
      <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
        <h2 ref={headingRef} tabIndex={-1} className={styles.panelHeading}>
          {headings[tab]}
        </h2>
        {tab === 'inputs' ? <InputTablesPanel state={inputs} /> : null}
        {tab === 'reconcile' && state.running !== 'reconcile' ? (
          <RunOutcomeView kind="reconcile" outcome={state.reconcile} failure={state.failure?.kind === 'reconcile' ? state.failure.message : null}>
            {state.reconcile === null ? null : (
              <ReconResults
                result={state.reconcile.run.result}
                call={state.reconcile.run.call}
                reconciliation={state.reconcile.run.sheets.find((s) => s.name === RECONCILIATION_SHEET)}
              />
            )}
          </RunOutcomeView>
        ) : null}
        {tab === 'fill' && state.running !== 'fill' ? (
          <RunOutcomeView kind="fill" outcome={state.fill} failure={state.failure?.kind === 'fill' ? state.failure.message : null}>
            {state.fill === null ? null : <FillResults forms={state.fill.run.forms} />}
          </RunOutcomeView>
        ) : null}
      </section>
    </main>
  );
}
