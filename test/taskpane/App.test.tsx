// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { reconciliationRunner } from '../../src/commands/runner-registry.js';
import { TABLE_HINTS_SETTING } from '../../src/taskpane/table-hints.js';
import { FakeHost } from './fake-host.js';
import { renderApp } from './render-app.js';
import { sampleSheets } from './sample-sheets.js';
import { brokenReconWorkbook, reconWorkbook } from './workbooks.js';

afterEach(cleanup);

/** The rows of a program's table, as [quarter, flag text]. */
function quarterRows(program: string): string[][] {
  const table = screen.getByRole('table', { name: new RegExp(`^${program} against`) });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell').map((c) => c.textContent ?? ''));
}

/** Clicks Reconcile and waits until the run has ended (its outcome shown, the button enabled again). */
async function reconcile(): Promise<void> {
  const button = screen.getByRole('button', { name: 'Reconcile' }) as HTMLButtonElement;
  fireEvent.click(button);
  await waitFor(() => expect(button.disabled).toBe(true));
  await waitFor(() => expect(button.disabled).toBe(false), { timeout: 10_000 });
}

describe('the first screen', () => {
  it('shows where each input table was found, what is missing, and the closest candidate', async () => {
    renderApp(new FakeHost('test.xlsx', reconWorkbook()));
    const item = async (title: string) => (await screen.findByRole('heading', { name: title })).closest('li') as HTMLElement;
    expect(within(await item('Settings')).getByText("'Settings'!A1:B4")).toBeTruthy();
    expect(within(await item('Universe totals')).getByText("'Universe'!A1:D9")).toBeTruthy();
    expect(within(await item('Expenditure reports')).getByText("'CMS-64'!A1:D5")).toBeTruthy();
    expect(within(await item('Line Map')).getByText(/bundled defaults are used and written to a new Line Map sheet/)).toBeTruthy();
    const findings = await item('Findings');
    expect(within(findings).getByText('Not found')).toBeTruthy();
    // The Universe header (Program, Quarter, ...) is that table, not a Findings table lacking four columns: no 'Closest' blame.
    expect(within(findings).queryByText(/Closest/)).toBeNull();
    expect(within(await item('Universe counts')).getByText('Not found')).toBeTruthy();
  });

  it('points a table at the selection, saves that in the workbook, and the next run reads there', async () => {
    const book = reconWorkbook();
    // A second universe table, every quarter 100 = the report: nothing flagged when it is the one read.
    const flat = [['Program', 'Quarter', 'Component', 'Amount'], ...['2023Q3', '2023Q4', '2024Q1', '2024Q2'].map((q) => ['Medicaid', q, 'FFS', '100'])];
    const host = new FakeHost('test.xlsx', { ...book, 'Universe v2': [['Revised universe'], [], ...flat] });
    renderApp(host);
    const item = (await screen.findByRole('heading', { name: 'Universe totals' })).closest('li') as HTMLElement;
    await within(item).findByText("'Universe'!A1:D9, 'Universe v2'!A3:D7");
    host.selection = { sheet: 'Universe v2', address: 'B3:C3' };
    fireEvent.click(within(item).getByRole('button', { name: 'Point at another range for Universe totals' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Use selection' }));
    await within(item).findByText("'Universe v2'!A3:D7");
    expect(within(item).getByText('Pointed at')).toBeTruthy();
    expect(host.settings.get(TABLE_HINTS_SETTING)).toEqual({ 'universe totals': { sheet: 'Universe v2', headerRow: 3 } });

    await reconcile();
    expect(quarterRows('Medicaid').map((r) => r[0])).toEqual(['2023Q3', '2023Q4', '2024Q1', '2024Q2', 'Overall']);
    expect(screen.getByText(/No quarter flagged; overall within its threshold/)).toBeTruthy();
  });

  it('reads a mapping saved in the workbook by an earlier user', async () => {
    const host = new FakeHost('test.xlsx', reconWorkbook());
    host.settings.set(TABLE_HINTS_SETTING, { 'universe totals': { sheet: 'Settings', headerRow: 1 }, junk: { sheet: 3 } });
    renderApp(host);
    const item = (await screen.findByRole('heading', { name: 'Universe totals' })).closest('li') as HTMLElement;
    await within(item).findByText(/Nothing with these headers on 'Settings' row 1/);
    fireEvent.click(within(item).getByRole('button', { name: 'Point at another range for Universe totals' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Find automatically' }));
    await within(item).findByText("'Universe'!A1:D9");
    expect(host.settings.get(TABLE_HINTS_SETTING)).toEqual({});
  });

  it('moves focus into the form that points a table, and back to its button when it closes', async () => {
    renderApp(new FakeHost('test.xlsx', reconWorkbook()));
    const item = (await screen.findByRole('heading', { name: 'Findings' })).closest('li') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Point at another range for Findings' }));
    expect(document.activeElement).toBe(within(item).getByRole('button', { name: 'Use selection' }));
    expect(within(item).getByRole('group', { name: 'Point Findings at another range' })).toBeTruthy();
    expect((within(item).getByLabelText('Header row') as HTMLInputElement).value).toBe('1');
    fireEvent.click(within(item).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(within(item).getByRole('button', { name: 'Point at another range for Findings' })));
  });

  it('takes Settings from another sheet the user points at, and the run reads them there', async () => {
    const host = new FakeHost('test.xlsx', { ...reconWorkbook(), 'Our choices': [['Setting', 'Value'], ['Quarterly Threshold', '35%']] });
    host.selection = { sheet: 'Our choices', address: 'A1:B1' };
    renderApp(host);
    const item = (await screen.findByRole('heading', { name: 'Settings' })).closest('li') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Point at another range for Settings' }));
    fireEvent.click(within(item).getByRole('button', { name: 'Use selection' }));
    await within(item).findByText("'Our choices'!A1:B2");
    expect(host.settings.get(TABLE_HINTS_SETTING)).toEqual({ Settings: { sheet: 'Our choices', headerRow: 1 } });
    await reconcile();
    // 2024Q1 is 30% over: flagged at the Settings sheet's 15%, not at the pointed-at 35%.
    expect(quarterRows('Medicaid').find((r) => r[0] === '2024Q1')?.[3]).toBe('Within 35%');
  });
});

describe('Reconcile', () => {
  it('lists the quarters in the sheet’s order, then the overall line, with one decimal as the sheet; 15.0% exactly is not flagged', async () => {
    const host = new FakeHost('test.xlsx', reconWorkbook());
    renderApp(host);
    await screen.findByText("'Universe'!A1:D9");
    await reconcile();
    const rows = quarterRows('Medicaid');
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['2023Q3', '0.0%', 'Within 15%'],
      ['2023Q4', '0.0%', 'Within 15%'],
      ['2024Q1', '30.0%', 'Flagged'],
      ['2024Q2', '15.0%', 'Within 15%'],
      ['Overall', '11.3%', 'Flagged'],
    ]);
    expect(screen.getByText(/this project's defaults, not published CMS rules/)).toBeTruthy();
  });

  it('writes the owned sheets and a Run Log row in one call, and the Line Map only the first time', async () => {
    const host = new FakeHost('test.xlsx', reconWorkbook());
    renderApp(host);
    await screen.findByText("'Universe'!A1:D9");
    await reconcile();
    expect(host.writes.map((w) => w.map((s) => s.name))).toEqual([['Reconciliation', 'Call Summary', 'Line Map', 'Run Log']]);
    expect(screen.getByText(/Wrote the sheets Reconciliation, Call Summary, Line Map, Run Log/)).toBeTruthy();
    await reconcile();
    expect(host.writes.map((w) => w.map((s) => s.name))[1]).toEqual(['Reconciliation', 'Call Summary', 'Run Log']);
    const log = host.writes[1]?.find((s) => s.name === 'Run Log');
    expect(log?.rows.length).toBe(3); // header and two runs
  });

  it('says what the flagged quarter means, and saves its Explanation and Status into those two cells only; a re-run keeps them', async () => {
    const host = new FakeHost('test.xlsx', reconWorkbook());
    renderApp(host);
    await screen.findByText("'Universe'!A1:D9");
    await reconcile();
    // 2024Q1: universe 130 against report 100, all FFS, no excluded line.
    const detail = screen.getByRole('region', { name: 'Medicaid 2024Q1: flagged' });
    expect(within(detail).getByText(/In 2024Q1, the Medicaid universe is \$30\.00 \(30\.0%\) above the CMS-64 report, over the 15\.0% threshold\. Most of it is FFS/)).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Medicaid overall: flagged' })).toBeTruthy();
    fireEvent.change(within(detail).getByRole('textbox', { name: 'Explanation' }), { target: { value: '=1+1 timing of FFS payments' } });
    fireEvent.change(within(detail).getByRole('combobox', { name: 'Status' }), { target: { value: 'Resolved' } });
    fireEvent.click(within(detail).getByRole('button', { name: 'Save to sheet' }));
    await within(detail).findByText(/Saved to Reconciliation!N8 and O8/);
    expect(host.noteWrites).toEqual([[{ cell: 'N8', text: '=1+1 timing of FFS payments' }, { cell: 'O8', text: 'Resolved' }]]);
    // The next run reads them back from the sheet and writes them again, on the Call Summary too.
    await reconcile();
    const recon = host.writes[1]?.find((w) => w.name === 'Reconciliation');
    expect(recon?.rows[7]?.slice(13, 15)).toEqual([expect.objectContaining({ text: '=1+1 timing of FFS payments' }), expect.objectContaining({ text: 'Resolved' })]);
    const again = screen.getByRole('region', { name: 'Medicaid 2024Q1: flagged' });
    expect((within(again).getByRole('textbox', { name: 'Explanation' }) as HTMLTextAreaElement).value).toBe('=1+1 timing of FFS payments');
  });

  it('shows "Done, N warnings", not a plain Done, when the run has warnings', async () => {
    const book = reconWorkbook();
    const host = new FakeHost('test.xlsx', { ...book, Universe: (book.Universe ?? []).filter((r) => r[1] !== '2024Q2') });
    renderApp(host);
    await screen.findByText("'Universe'!A1:D7");
    await reconcile();
    expect(screen.getByText('Done, 1 warning')).toBeTruthy();
    expect(screen.queryByText('Done')).toBeNull();
  });

  it('stops on an error: nothing is written, and the error links to its cell', async () => {
    const host = new FakeHost('test.xlsx', brokenReconWorkbook());
    renderApp(host);
    await screen.findByText("'Universe'!A1:D9");
    await reconcile();
    expect(host.writes).toEqual([]);
    expect(screen.getByText('Nothing was written')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Go to Universe!D3' }));
    await waitFor(() => expect(host.selections).toEqual([{ sheet: 'Universe', address: 'D3' }]));
  });

  it('reports a write that fails, without hiding it', async () => {
    const host = new FakeHost('test.xlsx', reconWorkbook());
    host.failWrite = new Error('The sheet is protected.');
    renderApp(host);
    await screen.findByText("'Universe'!A1:D9");
    await reconcile();
    expect(screen.getByText('Reconcile stopped')).toBeTruthy();
    expect(screen.getByText(/The sheet is protected\./)).toBeTruthy();
  });

  it('runs from the ribbon command through the runner the pane registers', async () => {
    const host = new FakeHost('test.xlsx', reconWorkbook());
    const { unmount } = renderApp(host);
    await screen.findByText("'Universe'!A1:D9");
    const runner = reconciliationRunner();
    expect(runner).toBeDefined();
    await runner?.();
    await waitFor(() => expect(host.writes.length).toBe(1));
    await screen.findByText(/Wrote the sheets Reconciliation/);
    unmount();
    expect(reconciliationRunner()).toBeUndefined();
  });
});

describe('Fill', () => {
  it('shows lines A-J for each program of the sample, rates to one decimal, and its warnings link to their cells', async () => {
    const host = new FakeHost('sample-state.xlsx', await sampleSheets());
    renderApp(host);
    await screen.findByText("'Findings'!A1:I1417");
    fireEvent.click(screen.getByRole('button', { name: 'Fill CMS-10184E' }));
    await screen.findByText(/Wrote the sheets CMS-10184E Medicaid, CMS-10184E CHIP, Estimator Detail, Run Log/, {}, { timeout: 20_000 });
    const medicaid = screen.getByRole('region', { name: 'CMS-10184E Medicaid' });
    expect(within(medicaid).getByText('Columbia')).toBeTruthy();
    const g = medicaid.querySelector('[data-line="G"]');
    expect(g?.textContent).toBe('G. Active payment error rate9.0%; 95.0%, +/- 5.5%; $1,247,534,907.82 projected in error');
    expect(medicaid.querySelector('[data-line="J"]')?.textContent).toContain('1.8% of the sample');
    expect(screen.getByRole('region', { name: 'CMS-10184E CHIP' }).querySelector('[data-line="I"]')?.textContent).toContain('4.4%; 95.0%, +/- 2.8%');
    fireEvent.click(screen.getByRole('button', { name: "Go to 'CMS-10184E Medicaid'!D21" }));
    await waitFor(() => expect(host.selections).toEqual([{ sheet: 'CMS-10184E Medicaid', address: 'D21' }]));
  });
});
