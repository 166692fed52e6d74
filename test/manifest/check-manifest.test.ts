// The offline manifest checks: the committed manifest passes every one, and a copy mutated to break
// one rule fails that check (and, where the rule is independent, only that check).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkManifest, MANIFEST_CHECKS, type ManifestCheck, type ManifestContext } from '../../src/manifest/check-manifest.js';
import { manifestContext, ROOT } from '../../src/manifest/validate.js';

const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
let ctx: ManifestContext;

beforeAll(async () => {
  ctx = await manifestContext(ROOT);
});

/** Replaces exactly one occurrence, so a mutation cannot silently miss. */
function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const matches = typeof from === 'string' ? xml.split(from).length - 1 : [...xml.matchAll(new RegExp(from, 'g'))].length;
  if (matches !== 1) throw new Error(`expected one match of ${String(from)}, found ${matches}`);
  return xml.replace(from, to);
}

const errorsOf = (xml: string, context: ManifestContext = ctx) => checkManifest(xml, context).filter((i) => i.severity === 'error');
const failingChecks = (xml: string, context?: ManifestContext) => [...new Set(errorsOf(xml, context).map((i) => i.check))].sort();

describe('the committed manifest', () => {
  it('passes every offline check, without warnings', () => {
    expect(checkManifest(MANIFEST, ctx)).toEqual([]);
  });
});

const longText = (n: number) => 'x'.repeat(n);

type Mutation = readonly [name: string, mutate: (xml: string) => string, fails: readonly ManifestCheck[], message: RegExp];

const MUTATIONS: readonly Mutation[] = [
  ['a closing tag missing', (x) => replaceOnce(x, '</AllFormFactors>', ''), ['well-formed'], /not well-formed XML: line \d+/],
  ['a content add-in', (x) => replaceOnce(x, 'xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), ['root'], /task pane add-in \(TaskPaneApp\)/],
  ['a Word host', (x) => replaceOnce(x, '<Host Name="Workbook"/>', '<Host Name="Document"/>'), ['root'], /Excel is <Host Name="Workbook"\/>/],
  ['VersionOverrides 1.1 (Outlook only)', (x) => replaceOnce(x, 'VersionOverridesV1_0', 'VersionOverridesV1_1'), ['root'], /use VersionOverridesV1_0/],
  ['no SupportUrl', (x) => replaceOnce(x, /\s*<SupportUrl [^>]*\/>/, ''), ['required'], /<SupportUrl> is missing/],
  ['no HighResolutionIconUrl', (x) => replaceOnce(x, /\s*<HighResolutionIconUrl [^>]*\/>/, ''), ['required'], /<HighResolutionIconUrl> is missing/],
  ['ProviderName before Version', (x) => replaceOnce(x, /(<Version>[^<]*<\/Version>)(\s*)(<ProviderName>[^<]*<\/ProviderName>)/, '$3$2$1'), ['order'], /<Version> must come before <ProviderName> in OfficeApp/],
  ['Permissions before DefaultSettings', (x) => replaceOnce(replaceOnce(x, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, ''), '<DefaultSettings>', '<Permissions>ReadWriteDocument</Permissions><DefaultSettings>'), ['order'], /<DefaultSettings> must come before <Permissions>/],
  ['Supertip before Label in a button', (x) => replaceOnce(x, /(<Label resid="RunButton.Label"\/>)(\s*)(<Supertip>[\s\S]*?<\/Supertip>)/, '$3$2$1'), ['order'], /<Label> must come before <Supertip> in .*Control/],
  ['an element the schema does not know', (x) => replaceOnce(x, '<DefaultLocale>', '<Colour>blue</Colour><DefaultLocale>'), ['order'], /<Colour> is not a valid child of OfficeApp/],
  ['an Id that is not a GUID', (x) => replaceOnce(x, /<Id>[^<]*<\/Id>/, '<Id>perm-recon</Id>'), ['id'], /"perm-recon" is not a GUID/],
  ['a three-part Version', (x) => replaceOnce(x, '<Version>0.1.0.0</Version>', '<Version>0.1.0</Version>'), ['version'], /four numeric parts/],
  ['a Version behind package.json', (x) => replaceOnce(x, '<Version>0.1.0.0</Version>', '<Version>0.0.9.0</Version>'), ['version'], /does not match package.json's version/],
  ['an http icon', (x) => replaceOnce(x, '<IconUrl DefaultValue="https://', '<IconUrl DefaultValue="http://'), ['https'], /IconUrl: "http:\/\/localhost:3000\/assets\/icons\/icon-32.png" is not an https URL/],
  ['an http support page', (x) => replaceOnce(x, '<SupportUrl DefaultValue="https://', '<SupportUrl DefaultValue="http://'), ['https'], /SupportUrl: "http:\/\/www.cms.gov/],
  ['a resid with no resource', (x) => replaceOnce(x, '<Label resid="Group.Label"/>', '<Label resid="Missing.Label"/>'), ['resid'], /resid "Missing.Label", which no bt:Image, bt:Url or bt:String defines/],
  ['a label naming a URL', (x) => replaceOnce(x, '<Label resid="Group.Label"/>', '<Label resid="Taskpane.Url"/>'), ['resid'], /"Taskpane.Url", which is in Urls; it must name an entry of ShortStrings/],
  ['a tooltip naming a short string', (x) => replaceOnce(x, '<Description resid="RunButton.Tooltip"/>', '<Description resid="RunButton.Label"/>'), ['resid'], /it must name an entry of LongStrings/],
  ['a resource id of 33 characters', (x) => x.split('"GetStarted.Title"').join(`"GetStarted.Title.${'x'.repeat(16)}"`), ['resid'], /has 33 characters; the limit is 32/],
  ['a resource defined twice', (x) => replaceOnce(x, '<bt:String id="Group.Label" DefaultValue="PERM Recon"/>', '<bt:String id="Group.Label" DefaultValue="PERM Recon"/><bt:String id="Group.Label" DefaultValue="Again"/>'), ['resid'], /"Group.Label" is defined more than once/],
  ['a short string of 126 characters', (x) => replaceOnce(x, 'DefaultValue="Run reconciliation"', `DefaultValue="${longText(126)}"`), ['string-length'], /ShortStrings "RunButton.Label" has 126 characters; the limit is 125/],
  ['a long string of 251 characters', (x) => replaceOnce(x, /(id="RunButton.Tooltip" DefaultValue=")[^"]*"/, `$1${longText(251)}"`), ['string-length'], /LongStrings "RunButton.Tooltip" has 251 characters; the limit is 250/],
  ['a DisplayName of 126 characters', (x) => replaceOnce(x, '<DisplayName DefaultValue="PERM Recon"/>', `<DisplayName DefaultValue="${longText(126)}"/>`), ['string-length'], /DisplayName has 126 characters/],
  ['metadata the build does not produce', (x) => replaceOnce(x, 'https://localhost:3000/functions.json', 'https://localhost:3000/functions-metadata.json'), ['files'], /names "functions-metadata.json", which neither assets\/ nor the build/],
  ['an icon not in assets', (x) => replaceOnce(x, 'assets/icons/icon-80.png', 'assets/icons/icon-96.png'), ['files'], /"assets\/icons\/icon-96.png"/],
  ['a 32-pixel image named as the 16-pixel one', (x) => replaceOnce(x, 'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icons/icon-16.png"', 'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icons/icon-32.png"'), ['icons'], /icon-32.png is 32×32; it must be 16×16/],
  ['a 64-pixel IconUrl', (x) => replaceOnce(x, '<IconUrl DefaultValue="https://localhost:3000/assets/icons/icon-32.png"/>', '<IconUrl DefaultValue="https://localhost:3000/assets/icons/icon-64.png"/>'), ['icons'], /IconUrl: .*icon-64.png is 64×64; it must be 32×32/],
  ['a group icon without its 80-pixel image', (x) => replaceOnce(x, /(<Group id="PermRecon.Group">[\s\S]*?)\s*<bt:Image size="80" resid="Icon.80x80"\/>/, '$1'), ['icons'], /Group\/Icon lacks the 80 pixel image/],
  ['a mailbox permission', (x) => replaceOnce(x, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteMailbox</Permissions>'), ['permissions'], /"ReadWriteMailbox" is not a task pane permission/],
  ['no SharedRuntime requirement', (x) => replaceOnce(x, /\s*<Set Name="SharedRuntime" MinVersion="1.1"\/>/, ''), ['requirements'], /lacks <Set Name="SharedRuntime" MinVersion="1.1"\/>/],
  ['CustomFunctionsRuntime 1.0', (x) => replaceOnce(x, '<Set Name="CustomFunctionsRuntime" MinVersion="1.2"/>', '<Set Name="CustomFunctionsRuntime" MinVersion="1.0"/>'), ['requirements'], /CustomFunctionsRuntime 1.0 is below 1.1/],
  ['a short-lived runtime', (x) => replaceOnce(x, 'lifetime="long"', 'lifetime="short"'), ['shared-runtime'], /lifetime="long"/],
  ['commands in a page of their own', (x) => replaceOnce(x, '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'), ['shared-runtime'], /FunctionFile is https:\/\/localhost:3000\/functions.js; in a shared runtime it must be the runtime page/],
  ['a ribbon function the commands do not register', (x) => replaceOnce(x, '<FunctionName>runReconciliation</FunctionName>', '<FunctionName>runRecon</FunctionName>'), ['commands'], /ExecuteFunction "runRecon", but src\/commands registers only "runReconciliation"/],
];

describe('a manifest mutated to break one rule', () => {
  it.each(MUTATIONS)('%s fails the expected check', (_name, mutate, fails, message) => {
    const xml = mutate(MANIFEST);
    expect(failingChecks(xml)).toEqual([...fails].sort());
    expect(errorsOf(xml).map((i) => i.message).join('\n')).toMatch(message);
  });

  it('covers every check', () => {
    const covered = new Set(MUTATIONS.flatMap(([, , fails]) => fails));
    expect(MANIFEST_CHECKS.map(([check]) => check).filter((c) => !covered.has(c))).toEqual([]);
  });

  it('reports an unused resource as a warning only', () => {
    const xml = replaceOnce(MANIFEST, '<bt:ShortStrings>', '<bt:ShortStrings><bt:String id="Spare.Label" DefaultValue="Spare"/>');
    expect(errorsOf(xml)).toEqual([]);
    expect(checkManifest(xml, ctx)).toEqual([{ check: 'resid', severity: 'warning', message: 'Resource "Spare.Label" is never used.' }]);
  });

  it('reports a file copied from a source that is missing', () => {
    const outputs = new Map(ctx.outputs);
    outputs.set('assets/icons/icon-80.png', join(ROOT, 'assets', 'icons', 'gone.png'));
    expect(errorsOf(MANIFEST, { ...ctx, outputs }).map((i) => i.message)).toEqual([
      expect.stringMatching(/icon-80.png is copied from .*gone.png, which does not exist/),
    ]);
  });

  it('reports a file that is not a PNG where an icon belongs', () => {
    const readFile = (path: string) => (path.endsWith('icon-16.png') ? new TextEncoder().encode('GIF89a…') : ctx.readFile(path));
    expect(errorsOf(MANIFEST, { ...ctx, readFile }).map((i) => [i.check, i.message])).toEqual([
      ['icons', expect.stringMatching(/icon-16.png is not a PNG file/)],
    ]);
  });
});
