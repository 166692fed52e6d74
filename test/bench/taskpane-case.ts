/**
 * The task pane as Excel loads it: the production build's initial JavaScript for taskpane.html
 * (every script the page names from its own origin, raw and gzipped; office.js from the CDN is not
 * counted), the preview chunk loaded on demand, and the time to first render in Chromium: from
 * navigation start to the frame after the first screen's heading is in the page, and to the frame
 * after the input tables are listed. Median of `loads` cold loads (a new browser context each).
 * Inside Excel the fake Excel stands in for office.js (taskpane.html); preview mode opens the sample.
 * Usage: tsx test/bench/taskpane-case.ts <loads>; prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startStaticServer } from '../../src/start/static-server.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { ROOT } from '../e2e/addin-build.js';
import { CHROMIUM, CHROMIUM_ARGS, OFFICE_JS } from '../e2e/browser.js';
import { fakeExcelInitScript, officeValues } from '../e2e/fake-excel-script.js';

const loads = Math.max(1, Number(process.argv[2] ?? '5'));
const kib = (bytes: number): number => bytes / 1024;

function buildProduction(out: string): void {
  const cli = createRequire(import.meta.url).resolve('webpack-cli/bin/cli.js');
  const r = spawnSync(process.execPath, [cli, '--mode', 'production', '--output-path', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WEBPACK_BUILD: 'true' } });
  if (r.status !== 0) throw new Error(`production build failed:\n${r.stdout}\n${r.stderr}`);
}

/** The scripts taskpane.html loads from its own origin. */
function initialScripts(dist: string): string[] {
  const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1] ?? '').filter((src) => src !== '' && !/^https?:/.test(src));
}

// Records when the first screen's heading, then its list of tables, is in the page, at the next frame.
const MARKS = `(() => {
  const marks = (window.__marks = {});
  const mark = (name) => { if (marks[name] === undefined) { marks[name] = -1; requestAnimationFrame(() => { marks[name] = performance.now(); }); } };
  new MutationObserver(() => {
    if ([...document.querySelectorAll('h2')].some((h) => h.textContent === 'Input tables')) mark('heading');
    if (document.querySelector('li[data-table="findings"]') !== null) mark('tables');
  }).observe(document, { childList: true, subtree: true });
})();`;

async function timeLoad(browser: Browser, url: string, init: string | undefined): Promise<{ heading: number; tables: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('http://127.0.0.1')) return route.continue();
    if (u === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'application/javascript', body: '/* stub */' });
    return route.abort();
  });
  await context.addInitScript({ content: MARKS });
  if (init !== undefined) await context.addInitScript({ content: init });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => {
    const m = (window as unknown as { __marks: Record<string, number> }).__marks;
    return (m.heading ?? -1) > 0 && (m.tables ?? -1) > 0;
  }, undefined, { timeout: 60_000 });
  const marks = await page.evaluate(() => (window as unknown as { __marks: { heading: number; tables: number } }).__marks);
  await context.close();
  return marks;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const dist = mkdtempSync(join(tmpdir(), 'perm-recon-bench-'));
try {
  buildProduction(dist);
  const scripts = initialScripts(dist);
  const bytes = scripts.map((s) => readFileSync(join(dist, s)));
  const preview = readdirSync(dist).filter((f) => /^preview\.[0-9a-f]+\.js$/.test(f)).map((f) => readFileSync(join(dist, f)));
  const server = await startStaticServer(dist, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const excelInit = await fakeExcelInitScript(await officeValues(await openXlsx(join(ROOT, 'assets', 'samples', 'sample-state.xlsx'))));
  const excel: { heading: number; tables: number }[] = [];
  const previewLoads: { heading: number; tables: number }[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      excel.push(await timeLoad(browser, `${server.url}taskpane.html`, excelInit));
      previewLoads.push(await timeLoad(browser, `${server.url}preview.html`, undefined));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const round = (x: number): number => Math.round(x);
  console.log(JSON.stringify({
    loads,
    initialScripts: scripts.length,
    initialJsKiB: kib(bytes.reduce((n, b) => n + b.length, 0)),
    initialJsGzipKiB: kib(bytes.reduce((n, b) => n + gzipSync(b).length, 0)),
    previewChunkGzipKiB: kib(preview.reduce((n, b) => n + gzipSync(b).length, 0)),
    excelHeadingMs: round(median(excel.map((m) => m.heading))),
    excelTablesMs: round(median(excel.map((m) => m.tables))),
    previewHeadingMs: round(median(previewLoads.map((m) => m.heading))),
    previewTablesMs: round(median(previewLoads.map((m) => m.tables))),
  }));
} finally {
  rmSync(dist, { recursive: true, force: true });
}
