// What PERM Recon's manifest declares (beyond the generic checks), the production rewrite, and
// office-addin-manifest's own offline reader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../../src/manifest/check-manifest.js';
import { manifestContext, ROOT } from '../../src/manifest/validate.js';
import { at, childrenNamed, parseXml, walk, type XmlElement } from '../../src/manifest/xml-tree.js';

const PATH = join(ROOT, 'manifest.xml');
const XML = readFileSync(PATH, 'utf8');

function root(xml: string = XML): XmlElement {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.root;
}

function resource(id: string): string | undefined {
  const element = [...walk(root())].find((e) => e.attributes['id'] === id && e.name.startsWith('bt:'));
  return element?.attributes['DefaultValue'];
}

interface WebpackConfigModule {
  default: (env: Record<string, unknown>, argv: Record<string, unknown>) => { plugins: unknown[] };
  rewriteManifest: (xml: string, url: string) => string;
  productionUrl: (env?: Record<string, unknown>) => string;
  URL_DEV: string;
}
const webpackConfig = () => import(pathToFileURL(join(ROOT, 'webpack.config.js')).href) as Promise<WebpackConfigModule>;

describe('manifest.xml', () => {
  it('is PERM Recon with ReadWriteDocument and the shared runtime and custom functions requirement sets', () => {
    const r = root();
    expect(at(r, 'DisplayName')?.attributes['DefaultValue']).toBe('PERM Recon');
    expect(at(r, 'Permissions')?.text).toBe('ReadWriteDocument');
    const sets = childrenNamed(at(r, 'Requirements', 'Sets'), 'Set').map((s) => [s.attributes['Name'], s.attributes['MinVersion']]);
    expect(sets).toEqual([['SharedRuntime', '1.1'], ['CustomFunctionsRuntime', '1.2'], ['ExcelApi', '1.9']]);
  });

  it('puts two buttons on the Home tab: Open PERM Recon (task pane) and Run reconciliation (runReconciliation)', () => {
    const tab = [...walk(root())].find((e) => e.localName === 'OfficeTab');
    expect(tab?.attributes['id']).toBe('TabHome');
    const controls = childrenNamed(at(tab, 'Group'), 'Control').map((c) => ({
      label: resource(at(c, 'Label')?.attributes['resid'] ?? ''),
      action: at(c, 'Action')?.attributes['xsi:type'],
      functionName: at(c, 'Action', 'FunctionName')?.text,
    }));
    expect(controls).toEqual([
      { label: 'Open PERM Recon', action: 'ShowTaskpane', functionName: undefined },
      { label: 'Run reconciliation', action: 'ExecuteFunction', functionName: 'runReconciliation' },
    ]);
  });

  it('declares the PERM custom functions, their metadata and script, on the shared taskpane.html runtime', () => {
    const host = at(root(), 'VersionOverrides', 'Hosts', 'Host');
    expect(at(host, 'Runtimes', 'Runtime')?.attributes).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    const functions = at(host, 'AllFormFactors', 'ExtensionPoint');
    expect(functions?.attributes['xsi:type']).toBe('CustomFunctions');
    const url = (...path: string[]) => resource(at(functions, ...path)?.attributes['resid'] ?? '');
    expect(url('Namespace')).toBe('PERM');
    expect(url('Script', 'SourceLocation')).toBe('https://localhost:3000/functions.js');
    expect(url('Page', 'SourceLocation')).toBe('https://localhost:3000/taskpane.html');
    expect(url('Metadata', 'SourceLocation')).toBe('https://localhost:3000/functions.json');
  });

  it('is read by office-addin-manifest offline', async () => {
    const info = await OfficeAddinManifest.readManifestFile(PATH);
    expect(info.id).toBe('2415fab4-9832-4bab-818c-5f85539e9073');
    expect(info.version).toBe('0.1.0.0');
    expect(info.displayName).toBe('PERM Recon');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
  });
});

describe('the production manifest', () => {
  it('moves every dev URL to the production base, and still passes every check there', async () => {
    const webpack = await webpackConfig();
    const prod = 'https://perm.example.gov/addin/';
    const xml = webpack.rewriteManifest(XML, prod);
    expect(xml).not.toContain('localhost');
    expect(xml).toContain(`<SourceLocation DefaultValue="${prod}taskpane.html"/>`);
    const ctx = await manifestContext(ROOT);
    expect(checkManifest(xml, { ...ctx, devBaseUrl: prod })).toEqual([]);
  });

  it('is what the production build copies (the CopyWebpackPlugin transform)', async () => {
    const webpack = await webpackConfig();
    const config = webpack.default({ WEBPACK_BUILD: true, urlProd: 'https://perm.example.gov/' }, { mode: 'production' });
    const copy = config.plugins.find((p) => (p as object).constructor.name === 'CopyPlugin') as {
      patterns: { from: string; transform?: (content: Buffer) => string }[];
    };
    const pattern = copy.patterns.find((p) => p.from === 'manifest.xml');
    expect(pattern?.transform?.(Buffer.from(XML))).toBe(webpack.rewriteManifest(XML, 'https://perm.example.gov/'));
  });

  it('takes only an https base URL ending in /', async () => {
    const webpack = await webpackConfig();
    expect(webpack.productionUrl({ urlProd: 'https://a.example/b/' })).toBe('https://a.example/b/');
    expect(() => webpack.productionUrl({ urlProd: 'http://a.example/' })).toThrow(/must be an https URL ending in "\/"/);
    expect(() => webpack.productionUrl({ urlProd: 'https://a.example/b' })).toThrow(/ending in/);
  });
});
