/**
 * Preview mode's page: the workbook on the left (its sheets as tables, open another .xlsx file,
 * download the workbook with the sheets the runs wrote) and the task pane on the right, as in Excel.
 */
import { Badge, Button, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, useSyncExternalStore, type ChangeEvent } from 'react';
import { cellReference } from '../format.js';
import { HostProvider } from '../host-context.js';
import { App } from '../components/App.js';
import type { PreviewHost } from './preview-host.js';
import { SheetView } from './SheetView.js';
import { selectionBox } from './selection-box.js';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    '@media (max-width: 800px)': { flexDirection: 'column', height: 'auto' },
  },
  workbook: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  toolbar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  hiddenInput: { display: 'none' },
  tabs: { overflowX: 'auto', flexShrink: 0 },
  pane: {
    width: '380px',
    flexShrink: 0,
    overflowY: 'auto',
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (max-width: 800px)': { width: 'auto', borderLeft: 'none' },
  },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const WINDOW_ROWS = 250;

export interface PreviewShellProps {
  readonly host: PreviewHost;
  readonly version: string;
}

export function PreviewShell({ host, version }: PreviewShellProps) {
  const styles = useStyles();
  const snap = useSyncExternalStore(
    (l) => host.subscribe(l),
    () => host.snapshot(),
  );
  const fileInput = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const box = snap.selection !== null && snap.selection.sheet === snap.activeSheet ? selectionBox(snap.selection.address) : undefined;
  const fromRow = box === undefined ? 1 : Math.max(1, box.fromRow - 20);
  // snap.revision is the workbook changing: the grid is read again though host and sheet are the same.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const grid = useMemo(() => host.grid(snap.activeSheet, fromRow, WINDOW_ROWS), [host, snap.activeSheet, snap.revision, fromRow]);

  const open = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    setProblem(null);
    setBusy(true);
    try {
      await host.openFile(file.name, await file.arrayBuffer());
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    setProblem(null);
    try {
      const url = URL.createObjectURL(await host.download());
      const a = document.createElement('a');
      a.href = url;
      a.download = snap.label.replace(/\.xlsx$/i, '') + ' (PERM Recon).xlsx';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setProblem(`The workbook could not be saved: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div className={styles.page}>
      <section className={styles.workbook} aria-labelledby="preview-title">
        <div className={styles.toolbar}>
          <h1 id="preview-title" className={styles.title}>
            Preview
          </h1>
          <span className={styles.label}>{snap.label}</span>
          <input ref={fileInput} className={styles.hiddenInput} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void open(e)} aria-label="Open a workbook" tabIndex={-1} />
          <Button disabled={busy} onClick={() => fileInput.current?.click()}>
            Open a workbook…
          </Button>
          <Button onClick={() => void download()}>Download .xlsx</Button>
        </div>
        {problem === null ? null : (
          <p role="alert" className={styles.error}>
            {problem}
          </p>
        )}
        <TabList className={styles.tabs} size="small" selectedValue={snap.activeSheet} onTabSelect={(_, d) => host.showSheet(String(d.value))} aria-label="Sheets">
          {snap.sheetNames.map((name) => (
            <Tab key={name} value={name}>
              {name}
              {snap.written.includes(name) ? (
                <>
                  {' '}
                  <Badge size="small" appearance="tint" color="brand">
                    written
                  </Badge>
                </>
              ) : null}
            </Tab>
          ))}
        </TabList>
        <span className={styles.status} aria-live="polite" data-testid="preview-selection">
          {snap.selection === null ? 'No cell selected' : `Selected ${cellReference(snap.selection.sheet, snap.selection.address)}`}
        </span>
        <SheetView grid={grid} selection={snap.selection} onSelect={(address) => host.select(snap.activeSheet, address)} />
      </section>
      <aside className={styles.pane} aria-label="PERM Recon task pane">
        <HostProvider host={host}>
          <App key={snap.workbookId} version={version} />
        </HostProvider>
      </aside>
    </div>
  );
}
