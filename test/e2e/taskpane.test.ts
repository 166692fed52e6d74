/**
 * The task pane in a real browser: Debian's Chromium driven by playwright-core over a development
 * build served from http://127.0.0.1. Preview mode on the bundled sample, and the Excel path with
 * the fake Excel standing in for office.js. Screenshots go to test/artifacts/e2e/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/start/static-server.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { SAMPLE_PATH } from '../taskpane/sample-sheets.js';
import { ARTIFACTS, buildAddin } from './addin-build.js';
import { axeViolations } from './axe.js';
import { cspViolations, launch, type Browser } from './browser.js';
import { fakeExcelInitScript, officeValues } from './fake-excel-script.js';

const SHOTS = join(ARTIFACTS, 'e2e');
let server: StaticServer;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const dist = buildAddin();
  server = await startStaticServer(dist, 0);
  browser = await launch(server.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(path: string, initScript?: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  if (initScript !== undefined) await page.addInitScript({ content: initScript });
  await page.goto(`${server.url}${path}`);
  return page;
}

/** [quarter, difference, percent, flag] of each row of a program's table. */
async function quarterRows(page: Page, program: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: new RegExp(`^${program} against`) });
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent ?? '')));
}

async function run(page: Page, button: string): Promise<void> {
  const b = page.getByRole('button', { name: button });
  await b.click();
  await expect.poll(() => b.isEnabled(), { timeout: 60_000 }).toBe(true);
}

async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  await (target ?? page).screenshot({ path: join(SHOTS, name) });
}

describe('preview mode (preview.html, no office.js)', () => {
  it('shows the sample’s tables, reconciles with the flagged quarters, fills the form, selects a warning’s cell, downloads the workbook, and stays on 127.0.0.1', async () => {
    const page = await openPage('preview.html');
    const pane = page.getByRole('complementary', { name: 'PERM Recon task pane' });

    // The first screen: every input table and where it was found.
    await expect.poll(() => pane.locator('li[data-table="findings"]').textContent(), { timeout: 30_000 }).toContain("'Findings'!A1:I1417");
    await expect.poll(() => pane.locator('li[data-table="reports"]').textContent()).toContain("'CMS-64'!A1:F164, 'CMS-21'!A1:F133");
    expect(await pane.locator('li[data-table="lineMap"]').textContent()).toContain('bundled defaults');
    await shot(page, '01-input-tables.png');

    // Reconcile: Medicaid 2024Q1 and CHIP 2023Q4 flagged, quarters in the sheet's order, one decimal as on the sheet; 2024Q2 is exactly 15.0%, not flagged.
    await run(page, 'Reconcile');
    await pane.getByText('Wrote the sheets Reconciliation, Call Summary, Line Map, Run Log.').waitFor();
    const medicaid = await quarterRows(page, 'Medicaid');
    expect(medicaid.map((r) => [r[0], r[2], r[3]])).toEqual([
      ['2023Q3', '-3.6%', 'Within 15%'],
      ['2023Q4', '-4.4%', 'Within 15%'],
      ['2024Q1', '18.3%', 'Flagged'],
      ['2024Q2', '15.0%', 'Within 15%'],
      ['Overall', '6.4%', 'Flagged'],
    ]);
    const chip = await quarterRows(page, 'CHIP');
    expect(chip.map((r) => [r[0], r[3]])).toEqual([['2023Q3', 'Within 15%'], ['2023Q4', 'Flagged'], ['2024Q1', 'Within 15%'], ['2024Q2', 'Within 15%'], ['Overall', 'Within 5%']]);
    await pane.getByText(/not published CMS rules/).waitFor();
    await expect.poll(() => page.getByRole('tab', { name: /Reconciliation/ }).first().getAttribute('aria-selected')).toBe('true');
    await shot(page, '02-reconcile.png');

    // Fill: lines A-J for both programs, four precision warnings.
    await run(page, 'Fill CMS-10184E');
    await pane.getByText('Wrote the sheets CMS-10184E Medicaid, CMS-10184E CHIP, Estimator Detail, Run Log.').waitFor();
    expect(await pane.locator('section[aria-labelledby="form-Medicaid"] [data-line="G"]').textContent()).toBe('G. Active payment error rate9.0%; 95.0%, +/- 5.5%; $1,247,534,907.82 projected in error');
    expect(await pane.locator('section[aria-labelledby="form-CHIP"] [data-line="H"]').textContent()).toBe('H. Active case error rate2.0%; 95.0%, +/- 1.9%');
    await shot(page, '03-fill.png');

    // A warning's link selects its cell in the preview's sheet view.
    await pane.getByRole('button', { name: "Go to 'CMS-10184E Medicaid'!D21" }).click();
    await page.getByText("Selected 'CMS-10184E Medicaid'!D21").waitFor();
    const cell = page.locator('table[data-sheet="CMS-10184E Medicaid"] td[data-cell="D21"]');
    expect(await cell.getAttribute('data-selected')).toBe('true');
    expect(await cell.textContent()).toBe('95.0%, +/- 5.5%');
    expect(await cell.isVisible()).toBe(true);
    await shot(page, '04-warning-cell-selected.png');

    // The workbook with the written sheets, as a download.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .xlsx' }).click()]);
    const saved = join(SHOTS, 'preview-download.xlsx');
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['About', 'Settings', 'Universe', 'CMS-64', 'CMS-21', 'Universe Counts', 'Findings', 'Reconciliation', 'Call Summary', 'Line Map', 'Run Log', 'CMS-10184E Medicaid', 'CMS-10184E CHIP', 'Estimator Detail']);
    // Header, then a row per run (reconcile, fill), each followed by a row per further warning.
    expect((book.getWorksheet('Run Log')?.getColumn(3).values ?? []).filter((v) => v !== null && v !== undefined && v !== '')).toEqual(['Command', 'reconcile', 'fill']);
    // The same package-level copy as the command line's --out: the native charts are there.
    const zip = await JSZip.loadAsync(readFileSync(saved));
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);

    expect(browser.outside).toEqual([]);
    expect(browser.officeJsRequests).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 180_000);
});

describe('inside Excel (taskpane.html, office.js answered by a stub, the fake Excel as Excel and Office)', () => {
  it('runs the office-js adapter: reconcile writes into the workbook, a warning selects its cell, a pointed table is saved in the document', async () => {
    const script = await fakeExcelInitScript(await officeValues(await openXlsx(SAMPLE_PATH)));
    const page = await openPage('taskpane.html', script);
    await page.setViewportSize({ width: 360, height: 900 }); // about the width of Excel's task pane
    const fake = <T,>(fn: string): Promise<T> => page.evaluate(fn) as Promise<T>;

    await expect.poll(() => page.locator('li[data-table="universe"]').textContent(), { timeout: 30_000 }).toContain("'Universe'!A1:E17");
    expect(await page.getByText('sample-state.xlsx').first().isVisible()).toBe(true);

    // Keyboard only: the first Tab stop is Reconcile, and Enter runs it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reconcile');
    await page.keyboard.press('Enter');
    await page.getByText('Wrote the sheets Reconciliation, Call Summary, Line Map, Run Log.').waitFor({ timeout: 60_000 });
    // Focus moves to the results' heading when the run ends.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Reconciliation');
    const q1 = (await quarterRows(page, 'Medicaid')).find((r) => r[0] === '2024Q1') ?? [];
    expect(q1[3]).toBe('Flagged');
    expect(await fake<string[]>('window.__fakeExcel.sheets.map((s) => s.name)')).toEqual(['About', 'Settings', 'Universe', 'CMS-64', 'CMS-21', 'Universe Counts', 'Findings', 'Reconciliation', 'Call Summary', 'Line Map', 'Run Log']);
    expect(await fake<string[]>('[...new Set(window.__fakeExcel.writes.map((w) => w.sheet))].sort()')).toEqual(['Call Summary', 'Line Map', 'Reconciliation', 'Run Log']);

    // The explanation and status typed for Medicaid 2024Q1 go into those two cells of Reconciliation, in one sync, and nowhere else.
    const detail = page.locator('section[data-call="Medicaid 2024Q1"]');
    await detail.getByRole('textbox', { name: 'Explanation' }).fill('=HYPERLINK("x") directed payment in the universe');
    await detail.getByRole('combobox', { name: 'Status' }).selectOption('Resolved');
    const writesBefore = await fake<number>('window.__fakeExcel.writes.length');
    const syncsBefore = await fake<number>('window.__fakeExcel.syncs');
    await detail.getByRole('button', { name: 'Save to sheet' }).click();
    await detail.getByText(/^Saved to Reconciliation!N8 and O8/).waitFor();
    expect(await fake<unknown[]>(`window.__fakeExcel.writes.slice(${writesBefore}).map((w) => w.sheet + ' ' + w.op)`)).toEqual(['Reconciliation formulas', 'Reconciliation formulas']);
    expect(await fake<number>('window.__fakeExcel.syncs')).toBe(syncsBefore + 1);
    // Typed text stays text: never run as a formula.
    expect(await fake<unknown>("window.__fakeExcel.sheets.find((s) => s.name === 'Reconciliation').value('N8')")).toBe('=HYPERLINK("x") directed payment in the universe');
    expect(await fake<unknown>("window.__fakeExcel.sheets.find((s) => s.name === 'Reconciliation').formula('N8') ?? null")).toBeNull();
    expect(await fake<unknown>("window.__fakeExcel.sheets.find((s) => s.name === 'Reconciliation').value('O8')")).toBe('Resolved');

    await run(page, 'Fill CMS-10184E');
    await page.getByText(/Wrote the sheets CMS-10184E Medicaid/).waitFor();
    await page.getByRole('button', { name: "Go to 'CMS-10184E Medicaid'!D23" }).click();
    await expect.poll(() => fake<unknown>('window.__fakeExcel.selection')).toEqual({ sheet: 'CMS-10184E Medicaid', address: 'D23' });

    // Point Universe totals at the user's selection: the choice lands in the document settings.
    await page.getByRole('tab', { name: 'Input tables' }).click();
    await page.evaluate("window.__fakeExcel.selection = { sheet: 'Universe', address: 'A1:E1' }");
    const universe = page.locator('li[data-table="universe"]');
    await universe.getByRole('button', { name: 'Point at another range for Universe totals' }).click();
    expect(await axeViolations(page)).toEqual([]); // the form that points a table, open
    await universe.getByRole('button', { name: 'Use selection' }).click();
    await universe.getByText('Pointed at', { exact: true }).waitFor();
    expect(await fake<unknown>("window.__fakeSettings.saved.get('permRecon.tableHints')")).toEqual({ 'universe totals': { sheet: 'Universe', headerRow: 1 } });
    await shot(page, '05-excel-host.png');

    expect(browser.officeJsRequests.length).toBeGreaterThan(0);
    expect(browser.outside).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 180_000);
});

describe('taskpane.html?preview=1 (the URL npm start prints)', () => {
  it('runs in preview mode, office.js answered by a stub that provides no Office', async () => {
    const page = await openPage('taskpane.html?preview=1');
    await page.getByRole('heading', { name: 'Preview' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator('li[data-table="universe"]').textContent(), { timeout: 30_000 }).toContain("'Universe'!A1:E17");
    expect(browser.officeJsRequests.length).toBeGreaterThan(0);
    expect(browser.outside).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
