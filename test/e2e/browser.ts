/**
 * Debian's Chromium driven by playwright-core (no downloaded browser), headless, in a fresh profile,
 * with every request outside the test server refused and recorded. office.js, if a page asks for
 * it, is answered with a stub (the page's own init script provides Office when a test needs it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PERM_RECON_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_STUB = '/* office.js stub for the tests: the page init script defines Office when a test needs it. */\n';

export interface Browser {
  readonly context: BrowserContext;
  /** Requests refused because they left the test server's origin. */
  readonly outside: string[];
  /** Whether a page asked for office.js (answered with the stub). */
  readonly officeJsRequests: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(origin: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'perm-recon-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  const outside: string[] = [];
  const officeJsRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    if (url === OFFICE_JS) {
      officeJsRequests.push(url);
      return route.fulfill({ status: 200, contentType: 'application/javascript', body: OFFICE_JS_STUB });
    }
    outside.push(url);
    return route.abort('blockedbyclient');
  });
  // Every Content-Security-Policy violation of a page is kept for the test to check.
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return {
    context,
    outside,
    officeJsRequests,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The Content-Security-Policy violations the page has reported. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}
