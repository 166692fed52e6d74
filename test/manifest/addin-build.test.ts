// The add-in build (webpack.config.js, development mode, into a temporary folder): the shared
// runtime page, its Content-Security-Policy, the files the manifest names, and the functions and
// commands bundles run in a DOM with a stub office.js (and without one, as in preview mode).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import webpack, { type Configuration, type Stats } from 'webpack';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../../src/manifest/validate.js';
import { parseXml, walk } from '../../src/manifest/xml-tree.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const out = mkdtempSync(join(tmpdir(), 'perm-addin-build-'));
let stats: Stats;
let html: Document;

beforeAll(async () => {
  const module = (await import(pathToFileURL(join(ROOT, 'webpack.config.js')).href)) as {
    default: (env: Record<string, unknown>, argv: Record<string, unknown>) => Configuration;
  };
  const config = module.default({ WEBPACK_BUILD: true }, { mode: 'development' });
  config.output = { ...config.output, path: out };
  config.infrastructureLogging = { level: 'error' };
  stats = await new Promise<Stats>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, result) => {
      compiler.close(() => undefined);
      if (error !== null || result === undefined) reject(error ?? new Error('no stats'));
      else resolve(result);
    });
  });
  html = new JSDOM(readFileSync(join(out, 'taskpane.html'), 'utf8')).window.document;
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

const scripts = () => [...html.querySelectorAll('script')].map((s) => ({ src: s.getAttribute('src') ?? '', defer: s.hasAttribute('defer') || s.hasAttribute('async') }));
const localScripts = () => scripts().map((s) => s.src).filter((src) => !src.startsWith('https://'));

describe('the add-in build', () => {
  it('compiles without errors', () => {
    expect(stats.compilation.errors.map((e) => e.message)).toEqual([]);
  });

  it('loads office.js from the CDN first, then one webpack runtime, then the functions, commands and taskpane bundles', () => {
    const all = scripts();
    expect(all[0]).toEqual({ src: OFFICE_JS, defer: false });
    const local = localScripts();
    expect(local[0]).toBe('runtime.js');
    const order = ['functions.js', 'commands.js', 'taskpane.js'].map((f) => local.indexOf(f));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const src of local) expect(existsSync(join(out, src))).toBe(true);
    expect(html.getElementById('container')).not.toBeNull();
  });

  it('allows scripts only from itself and the office.js CDN, and nothing remote but office.js', () => {
    const csp = html.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
    expect(directives.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-eval');
    const remote = [...html.querySelectorAll('[src], [href]')]
      .map((e) => e.getAttribute('src') ?? e.getAttribute('href') ?? '')
      .filter((u) => /^(https?:)?\/\//.test(u));
    expect(remote).toEqual([OFFICE_JS]);
  });

  it('produces every file the manifest names (what validate predicts from the configuration)', () => {
    const parsed = parseXml(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const named = [...walk(parsed.root)]
      .map((e) => e.attributes['DefaultValue'] ?? '')
      .filter((u) => u.startsWith('https://localhost:3000/'))
      .map((u) => u.slice('https://localhost:3000/'.length));
    expect(named.length).toBeGreaterThan(5);
    for (const file of new Set(named)) expect(existsSync(join(out, file)), file).toBe(true);
    const metadata = JSON.parse(readFileSync(join(out, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
    expect(metadata.functions.map((f) => f.id)).toEqual(['DIFFPCT', 'FLAG', 'RATIOERRORRATE', 'SAMPLESIZE']);
  });
});

/** Runs the page's bundles (all but the task pane's own) in a fresh DOM, with `globals` set first. */
function runBundles(globals: Record<string, unknown>, errors: unknown[] = []) {
  const dom = new JSDOM('<!doctype html><div id="container"></div>', { runScripts: 'outside-only', url: 'http://127.0.0.1/taskpane.html' });
  dom.window.addEventListener('error', (e) => errors.push(e.error));
  Object.assign(dom.window, globals);
  for (const src of localScripts().filter((s) => s !== 'taskpane.js')) dom.window.eval(readFileSync(join(out, src), 'utf8'));
  return dom;
}

describe('the shared runtime page’s bundles', () => {
  it('register the four PERM functions and the ribbon command with office.js', async () => {
    const functions = new Map<string, (...args: unknown[]) => unknown>();
    const actions = new Map<string, (event: unknown) => void>();
    const showAsTaskpane = vi.fn(async () => undefined);
    const dom = runBundles({
      CustomFunctions: {
        associate: (id: string, fn: (...args: unknown[]) => unknown) => functions.set(id, fn),
        Error: class {},
        ErrorCode: {},
      },
      Office: { actions: { associate: (id: string, fn: (event: unknown) => void) => actions.set(id, fn) }, addin: { showAsTaskpane } },
    });
    expect([...functions.keys()]).toEqual(['DIFFPCT', 'FLAG', 'RATIOERRORRATE', 'SAMPLESIZE']);
    expect(functions.get('DIFFPCT')?.(115, 100)).toBe(0.15);
    expect(functions.get('FLAG')?.(115, 100, null)).toBe(false);
    expect([...actions.keys()]).toEqual(['runReconciliation']);
    const completed = vi.fn();
    actions.get('runReconciliation')?.({ completed });
    await vi.waitFor(() => expect(completed).toHaveBeenCalledTimes(1));
    expect(showAsTaskpane).toHaveBeenCalledTimes(1); // no runner registered in this page
    dom.window.close();
  });

  it('share one module instance through the single webpack runtime: a runner registered from outside the commands bundle is the one the ribbon runs', async () => {
    const actions = new Map<string, (event: unknown) => void>();
    const showAsTaskpane = vi.fn(async () => undefined);
    const dom = runBundles({ Office: { actions: { associate: (id: string, fn: (event: unknown) => void) => actions.set(id, fn) }, addin: { showAsTaskpane } } });
    // A chunk's third element runs with the page's __webpack_require__ (development module ids are paths).
    type Require = (id: string) => { setReconciliationRunner: (runner: () => Promise<void>) => () => void };
    let pageRequire: Require | undefined;
    const chunks = (dom.window as unknown as { webpackChunkperm_recon: unknown[][] }).webpackChunkperm_recon;
    chunks.push([['test-probe'], {}, (require: Require) => (pageRequire = require)]);
    expect(pageRequire).toBeDefined();
    const runner = vi.fn(async () => undefined);
    pageRequire?.('./src/commands/runner-registry.ts').setReconciliationRunner(runner);
    const completed = vi.fn();
    actions.get('runReconciliation')?.({ completed });
    await vi.waitFor(() => expect(completed).toHaveBeenCalledTimes(1));
    expect(runner).toHaveBeenCalledTimes(1);
    expect(showAsTaskpane).not.toHaveBeenCalled();
    dom.window.close();
  });

  it('run without office.js (preview mode in a browser) and register nothing', () => {
    const errors: unknown[] = [];
    let dom: JSDOM | undefined;
    expect(() => (dom = runBundles({}, errors))).not.toThrow();
    expect(errors).toEqual([]);
    expect((dom?.window as unknown as { CustomFunctions?: unknown }).CustomFunctions).toBeUndefined(); // no global stand-in left behind
    dom?.window.close();
  });
});
