import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReconciliation } from '../../../src/core/recon/run-reconciliation.js';
import { PreviewHost } from '../../../src/taskpane/preview/preview-host.js';
import { displayText, PreviewWorkbook } from '../../../src/taskpane/preview/preview-workbook.js';
import { runAndWrite } from '../../../src/taskpane/run/run-workbook.js';
import { SAMPLE_PATH } from '../sample-sheets.js';

let sample: ArrayBuffer;
beforeAll(async () => {
  const bytes = await readFile(SAMPLE_PATH);
  sample = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
});

const open = () => PreviewWorkbook.open('sample-state.xlsx', sample);
const newHost = async () => new PreviewHost(await open(), 'light', (name, bytes) => PreviewWorkbook.open(name, bytes));

describe('displayText', () => {
  it.each([
    [0.1827000000012299, '0.00%', '18.27%'],
    [0.15, '0%', '15%'],
    [1160024957.91, '#,##0.00', '1,160,024,957.91'],
    [-418233.17, '$#,##0.00;[Red]-$#,##0.00', '-418,233.17'],
    [0.1 + 0.2, undefined, '0.3'],
    [504, 'General', '504'],
    ['Medicaid', undefined, 'Medicaid'],
    [null, undefined, ''],
  ])('%s with %s → %s', (value, format, text) => {
    expect(displayText(value, format)).toBe(text);
  });
});

describe('PreviewWorkbook', () => {
  it('refuses bytes that are not an .xlsx workbook, naming the file', async () => {
    await expect(PreviewWorkbook.open('notes.txt', new TextEncoder().encode('hello').buffer as ArrayBuffer)).rejects.toThrow(/notes\.txt could not be opened as an Excel workbook/);
  });

  it('writes the owned sheets into the workbook: the next read sees them, the file keeps them', async () => {
    const book = await open();
    const run = await runReconciliation(book.source, { today: '2025-07-01' });
    await book.writeOwned(run.sheets);
    expect(book.sheetNames().slice(-3)).toEqual(['Reconciliation', 'Call Summary', 'Line Map']);
    const grid = book.grid('Reconciliation', 5, 4);
    expect(grid.rows.map((r) => r.cells.slice(0, 2))).toEqual([['Program', 'Quarter'], ['Medicaid', '2023Q3'], ['Medicaid', '2023Q4'], ['Medicaid', '2024Q1']]);
    expect(grid.rows[3]?.cells[10]).toBe('18.3%'); // the sheet's number format, 0.0%
    // A second run reads the Line Map the first one wrote, so it writes only the Reconciliation sheet.
    const again = await runReconciliation(book.source, { today: '2025-07-01' });
    expect(again.sheets.map((s) => s.name)).toEqual(['Reconciliation', 'Call Summary']);
    await book.writeOwned(again.sheets);
    expect(book.sheetNames().filter((n) => n === 'Reconciliation')).toHaveLength(1);
    const reopened = await PreviewWorkbook.open('copy.xlsx', await book.toBytes());
    expect(reopened.sheetNames()).toEqual(book.sheetNames());
    expect(reopened.grid('Reconciliation', 8, 1).rows[0]?.cells[12]).toBe('Yes');
  });
});

describe('PreviewHost', () => {
  it('runs and writes like Excel: owned sheets and the Run Log, shown as written, the first one active', async () => {
    const host = await newHost();
    const seen: number[] = [];
    host.subscribe(() => seen.push(host.snapshot().revision));
    const outcome = await runAndWrite(host, 'reconcile', { hints: {}, now: new Date('2025-07-01T12:00:00Z'), version: 'test' });
    expect(outcome.written).toEqual(['Reconciliation', 'Call Summary', 'Line Map', 'Run Log']);
    expect(host.snapshot().written).toEqual(['Reconciliation', 'Call Summary', 'Line Map', 'Run Log']);
    expect(host.snapshot().activeSheet).toBe('Reconciliation');
    expect(seen.length).toBeGreaterThan(0);
    const log = host.grid('Run Log', 1, 5).rows.map((r) => r.cells.slice(0, 3));
    expect(log).toEqual([['Time', 'Version', 'Command'], ['2025-07-01T12:00:00.000Z', 'test', 'reconcile']]);
  });

  it('selects a cell on a sheet named in any case, and refuses a sheet that does not exist', async () => {
    const host = await newHost();
    await host.selectCell('findings', 'E7');
    expect(host.snapshot().selection).toEqual({ sheet: 'Findings', address: 'E7' });
    expect(host.snapshot().activeSheet).toBe('Findings');
    expect(await host.selectedRange()).toEqual({ sheet: 'Findings', address: 'E7' });
    await expect(host.selectCell('Nope', 'A1')).rejects.toThrow("The workbook has no sheet named 'Nope'.");
  });

  it('keeps settings for the session, and starts afresh when another workbook is opened', async () => {
    const host = await newHost();
    await host.saveSetting('k', { a: 1 });
    expect(await host.loadSetting('k')).toEqual({ a: 1 });
    await host.openFile('other.xlsx', sample);
    expect(host.label).toBe('other.xlsx');
    expect(host.snapshot().workbookId).toBe(2);
    expect(await host.loadSetting('k')).toBeUndefined();
  });

  it('downloads the workbook as an .xlsx file', async () => {
    const host = await newHost();
    const blob = await host.download();
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(blob.size).toBeGreaterThan(10_000);
  });
});

describe('PreviewWorkbook and sheets of the user\'s', () => {
  it('refuses to write over a user\'s own Run Log, naming it, and writes nothing', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sample);
    const log = wb.addWorksheet('Run Log');
    log.addRow(['Time', 'Version', 'Command', 'Inputs used', 'Errors', 'Warnings', 'Reviewer', 'Signed off']);
    const bytes = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    const book = await PreviewWorkbook.open('with-run-log.xlsx', bytes);
    const host = new PreviewHost(book, 'light', (name, b) => PreviewWorkbook.open(name, b));
    await expect(runAndWrite(host, 'reconcile', { hints: {}, now: new Date('2025-07-01T12:00:00Z'), version: 'test' })).rejects.toThrow(/'Run Log' is a sheet PERM Recon did not create.*Rename it/);
    expect(book.sheetNames()).not.toContain('Reconciliation');
    expect(book.grid('Run Log', 1, 1).rows[0]?.cells.slice(6, 8)).toEqual(['Reviewer', 'Signed off']);
  });
});
