/**
 * The task pane at Excel's pane widths (320, 350 and 500 px) in light, dark and high-contrast
 * (forced colors) themes, inside the fake Excel (taskpane.html): after Reconcile and after Fill no
 * element's content is wider than its box and the page is no wider than the viewport, axe finds no
 * violation, and a screenshot of each is kept in test/artifacts/e2e/fit/. Also taskpane.html
 * without Office: it says so and never shows the sample.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../src/start/static-server.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { SAMPLE_PATH } from '../taskpane/sample-sheets.js';
import { ARTIFACTS, buildAddin } from './addin-build.js';
import { axeViolations } from './axe.js';
import { cspViolations, launch, type Browser } from './browser.js';
import { fakeExcelInitScript, officeValues } from './fake-excel-script.js';

const SHOTS = join(ARTIFACTS, 'e2e', 'fit');
let server: StaticServer;
let browser: Browser;
let script = '';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  const dist = buildAddin();
  server = await startStaticServer(dist, 0);
  browser = await launch(server.url);
  script = await fakeExcelInitScript(await officeValues(await openXlsx(SAMPLE_PATH)));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every element whose content is wider than its box, and the page when it is wider than the viewport. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    // Measure the settled layout: a selected tab's indicator slides over from the tab selected before
    // (a CSS transition), and mid-slide it reaches past its tab.
    await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) out.push(`the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px viewport`);
    for (const el of document.body.querySelectorAll('*')) {
      if (el.scrollWidth > el.clientWidth && el.clientWidth > 0) {
        const text = (el.textContent ?? '').trim().slice(0, 40);
        out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> "${text}": content ${el.scrollWidth} px in ${el.clientWidth} px`);
      }
    }
    return out;
  });
}

async function run(page: Page, button: string, done: RegExp): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await page.getByText(done).first().waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByRole('button', { name: button }).isEnabled(), { timeout: 60_000 }).toBe(true);
}

type Theme = 'light' | 'dark' | 'high-contrast';
const CASES: [Theme, number][] = [
  ['light', 320],
  ['light', 350],
  ['light', 500],
  ['dark', 320],
  ['high-contrast', 320],
  ['high-contrast', 500],
];

describe('the task pane fits Excel’s pane (taskpane.html over the fake Excel)', () => {
  it.each(CASES)('%s theme at %i px: nothing clipped or scrolled sideways after Reconcile and after Fill', async (theme, width) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width, height: 900 });
    if (theme === 'high-contrast') await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
    const dark = theme === 'dark' ? "window.Office.context.officeTheme.bodyBackgroundColor = '#1F1F1F';" : '';
    await page.addInitScript({ content: `${script}\n${dark}` });
    await page.goto(`${server.url}taskpane.html`);
    await page.locator('li[data-table="universe"]').getByText("'Universe'!A1:E17").waitFor({ timeout: 30_000 });
    const name = `${theme}-${width}`;
    await page.screenshot({ path: join(SHOTS, `${name}-0-inputs.png`), fullPage: true });
    expect(await overflowing(page)).toEqual([]);

    await run(page, 'Reconcile', /^Done, \d+ warnings?$|^Done$/);
    // The call detail of the flagged quarter, with its details opened, is part of what must fit.
    for (const d of await page.locator('details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
    await page.screenshot({ path: join(SHOTS, `${name}-1-reconcile.png`), fullPage: true });
    await page.getByRole('region', { name: /^Medicaid against/ }).locator('table').screenshot({ path: join(SHOTS, `${name}-1a-medicaid-table.png`) });
    await page.locator('section[data-call="Medicaid 2024Q1"]').screenshot({ path: join(SHOTS, `${name}-1b-medicaid-2024Q1.png`) });
    expect(await overflowing(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await run(page, 'Fill CMS-10184E', /^Done, \d+ warnings?$/);
    await page.screenshot({ path: join(SHOTS, `${name}-2-fill.png`), fullPage: true });
    expect(await overflowing(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});

describe('taskpane.html without Office', () => {
  it('says Office could not be loaded, what to check and how to open the preview; never the sample', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${server.url}taskpane.html`); // office.js answered by an empty stub: no Office global
    await page.getByText('Office could not be loaded').waitFor({ timeout: 30_000 });
    expect(await page.getByText(/appsforoffice\.microsoft\.com/).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'open the preview' }).getAttribute('href')).toBe('preview.html');
    const text = (await page.textContent('body')) ?? '';
    expect(text).not.toMatch(/Columbia|sample-state|Universe totals/);
    expect(await overflowing(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'no-office-320.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(browser.outside).toEqual([]);
    await page.close();
  }, 60_000);
});
