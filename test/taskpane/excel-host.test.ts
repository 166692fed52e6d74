import { describe, expect, it } from 'vitest';
import { OWNED_SHEET_NAMES } from '../../src/core/workbook/owned-sheets.js';
import { splitQualifiedAddress as splitAddress } from '../../src/excel/selected-range.js';
import { createExcelHost, officeThemeKind } from '../../src/taskpane/excel-host.js';
import { locateInputTables } from '../../src/taskpane/input-tables.js';
import { runAndWrite } from '../../src/taskpane/run/run-workbook.js';
import { TABLE_HINTS_SETTING, loadTableHints, saveTableHints } from '../../src/taskpane/table-hints.js';
import { FakeDocumentSettings, fakeExcelWith } from './fake-office.js';
import { brokenReconWorkbook, reconWorkbook } from './workbooks.js';

function hostOn(sheets: Parameters<typeof fakeExcelWith>[0]) {
  const fake = fakeExcelWith(sheets);
  const settings = new FakeDocumentSettings();
  const host = createExcelHost({ label: 'fake.xlsx', run: fake.run, settings: () => settings });
  return { fake, settings, host };
}

const NOW = new Date('2025-07-01T12:00:00Z');

describe('the Excel host', () => {
  it('reconciles through office-js: writes only owned sheets (Line Map the first time), in a fixed number of syncs', async () => {
    const { fake, host } = hostOn(reconWorkbook());
    const before = fake.syncs;
    const outcome = await runAndWrite(host, 'reconcile', { hints: {}, now: NOW, version: 'test' });
    const syncs = fake.syncs - before;
    expect(outcome.written).toEqual(['Reconciliation', 'Call Summary', 'Line Map', 'Run Log']);
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set(['Reconciliation', 'Call Summary', 'Line Map', 'Run Log']));
    expect(fake.writes.every((w) => [...OWNED_SHEET_NAMES, 'Line Map'].includes(w.sheet))).toBe(true);
    expect(fake.sheet('Reconciliation').value('B8')).toBe('2024Q1');
    // One snapshot of the workbook (3: sheet list, used ranges and merged areas, head rows) for the
    // inputs and the Run Log alike, plus the write, whatever the number of rows.
    expect(syncs).toBe(3 + 2);
  });

  it('shows the first screen (where each input table is, the sheet list) from one snapshot: 3 syncs', async () => {
    const { fake, host } = hostOn(reconWorkbook());
    const before = fake.syncs;
    const view = host.look();
    await Promise.all([locateInputTables(view, {}), view.sheets()]);
    expect(fake.syncs - before).toBe(3);
  });

  it('writes nothing when the run has an error', async () => {
    const { fake, host } = hostOn(brokenReconWorkbook());
    const outcome = await runAndWrite(host, 'reconcile', { hints: {}, now: NOW, version: 'test' });
    expect(outcome.issues.some((i) => i.severity === 'error')).toBe(true);
    expect(fake.writes).toEqual([]);
  });

  it('sees the workbook as it is at each look (a sheet added between two runs)', async () => {
    const { fake, host } = hostOn(reconWorkbook());
    expect((await host.look().sheets()).map((s) => s.name)).toEqual(['Settings', 'Universe', 'CMS-64']);
    fake.addSheet('Findings', [['Program', 'Month', 'Case ID', 'Stratum', 'Finding']]);
    expect((await host.look().sheets()).map((s) => s.name)).toContain('Findings');
  });

  it('selects a cell, reads the selection back, and keeps the mapping in the document settings', async () => {
    const { fake, host, settings } = hostOn(reconWorkbook());
    await host.selectCell('Universe', 'D3');
    expect(fake.selection).toEqual({ sheet: 'Universe', address: 'D3' });
    expect(await host.selectedRange()).toEqual({ sheet: 'Universe', address: 'D3' });
    await saveTableHints(host, { 'universe totals': { sheet: 'Universe', headerRow: 1 } });
    expect(settings.saved.get(TABLE_HINTS_SETTING)).toEqual({ 'universe totals': { sheet: 'Universe', headerRow: 1 } });
    expect(await loadTableHints(host)).toEqual({ 'universe totals': { sheet: 'Universe', headerRow: 1 } });
  });
});

describe('splitAddress', () => {
  it.each([
    ['Sheet1!B3:D9', { sheet: 'Sheet1', address: 'B3:D9' }],
    ["'CMS-10184E Medicaid'!$D$21", { sheet: 'CMS-10184E Medicaid', address: 'D21' }],
    ["'Bob''s data'!A1", { sheet: "Bob's data", address: 'A1' }],
    ['B3', null],
  ])('%s', (full, expected) => {
    expect(splitAddress(full)).toEqual(expected);
  });
});

describe('officeThemeKind', () => {
  it.each([
    ['#FFFFFF', 'light'],
    ['#262626', 'dark'],
    ['#0a0a0a', 'dark'],
    [undefined, 'light'],
    ['white', 'light'],
  ])('%s → %s', (colour, kind) => {
    expect(officeThemeKind(colour)).toBe(kind);
  });
});
