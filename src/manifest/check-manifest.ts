/**
 * The project's own offline checks of the XML add-in manifest: what `npm run validate` and CI run
 * whether or not Microsoft's validation service can be reached. Each issue names its check, so a
 * test can mutate the manifest and expect exactly that check to fail.
 *
 * Sources: the manifest element reference and "How to find the proper order of manifest elements"
 * (learn.microsoft.com/office/dev/add-ins), the MS-OWEMXML schema (resource ids of at most 32
 * characters, ShortString 125 and LongString 250 characters, ribbon icons 16, 32 and 80).
 */
import { pngSize } from './png.js';
import { at, child, childrenNamed, parseXml, walk, type XmlElement } from './xml-tree.js';

export type ManifestCheck =
  | 'well-formed'
  | 'root'
  | 'required'
  | 'order'
  | 'id'
  | 'version'
  | 'https'
  | 'resid'
  | 'string-length'
  | 'files'
  | 'icons'
  | 'permissions'
  | 'requirements'
  | 'shared-runtime'
  | 'commands';

/** Every check, in the order they run, with the line `npm run validate` prints for it. */
export const MANIFEST_CHECKS: readonly (readonly [ManifestCheck, string])[] = [
  ['well-formed', 'well-formed XML'],
  ['root', 'a task pane add-in (TaskPaneApp) for Excel (Workbook)'],
  ['required', 'required elements present'],
  ['order', 'elements in the order the schema requires'],
  ['id', 'Id is a GUID'],
  ['version', 'Version has four parts (and matches package.json)'],
  ['https', 'every URL is https'],
  ['resid', 'every resid resolves to a resource of the right kind'],
  ['string-length', 'strings within their length limits'],
  ['files', 'every file it names is in assets/ or produced by the build'],
  ['icons', 'icons are PNGs of the sizes the manifest says'],
  ['permissions', 'permissions no wider than ReadWriteDocument'],
  ['requirements', 'requirement sets for the shared runtime and custom functions'],
  ['shared-runtime', 'one shared runtime page for task pane, commands and functions'],
  ['commands', 'every ribbon function is registered by src/commands'],
];

export interface ManifestIssue {
  readonly check: ManifestCheck;
  /** Warnings are printed but do not fail validation. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface ManifestContext {
  /** The base of every URL the build serves, as written in the committed manifest (`https://localhost:3000/`). */
  readonly devBaseUrl: string;
  /** What the build serves below that base: output path → the source file copied there, or null when the build generates it. */
  readonly outputs: ReadonlyMap<string, string | null>;
  /** Reads a source file (for icon sizes); undefined when it is missing. */
  readonly readFile: (path: string) => Uint8Array | undefined;
  /** The ExecuteFunction names src/commands registers; omitted, the commands check is skipped. */
  readonly actionIds?: readonly string[];
  /** package.json's version; when given, the manifest's Version must be it with a fourth part. */
  readonly packageVersion?: string;
}

// OfficeApp children of a TaskPaneApp, in schema order (manifest-element-ordering.md).
const OFFICE_APP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
  'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
];

/** Child order by the end of the parent's path (most specific first). Children not listed are invalid there. */
const ORDER_RULES: readonly (readonly [string, readonly string[]])[] = [
  ['OfficeApp/VersionOverrides/Hosts/Host', ['Runtimes', 'AllFormFactors', 'DesktopFormFactor']],
  ['OfficeApp/VersionOverrides', ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins']],
  ['OfficeApp/Requirements', ['Sets', 'Methods']],
  ['OfficeApp/DefaultSettings', ['SourceLocation']],
  ['OfficeApp', OFFICE_APP_ORDER],
  ['Runtimes', ['Runtime']],
  ['AllFormFactors', ['ExtensionPoint']],
  ['AllFormFactors/ExtensionPoint', ['Script', 'Page', 'Metadata', 'Namespace']],
  ['DesktopFormFactor', ['GetStarted', 'FunctionFile', 'ExtensionPoint']],
  ['GetStarted', ['Title', 'Description', 'LearnMoreUrl']],
  ['DesktopFormFactor/ExtensionPoint', ['OfficeTab', 'CustomTab', 'OfficeMenu']],
  ['OfficeTab', ['Group']],
  ['Group', ['Label', 'Icon', 'Control']],
  ['Control', ['Label', 'Supertip', 'Icon', 'Action', 'Enabled', 'Items']],
  ['Supertip', ['Title', 'Description']],
  ['Action', ['TaskpaneId', 'SourceLocation', 'Title', 'FunctionName']],
  ['Resources', ['Images', 'Urls', 'ShortStrings', 'LongStrings']],
];

const REQUIRED_IN_OFFICE_APP = [
  'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
  'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides',
];

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Which resource list a resid must name, by the referencing element's local name (and its parent's). */
function expectedKind(element: XmlElement, parent: XmlElement | undefined): ResourceKind | undefined {
  switch (element.localName) {
    case 'Image':
      return 'Images';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'Runtime':
    case 'LearnMoreUrl':
      return 'Urls';
    case 'Label':
    case 'Title':
    case 'Namespace':
      return 'ShortStrings';
    case 'Description':
      // Supertip and GetStarted descriptions are long strings; VersionOverrides' own is not checked.
      return parent?.localName === 'Supertip' || parent?.localName === 'GetStarted' ? 'LongStrings' : undefined;
    default:
      return undefined;
  }
}

const MAX_RESOURCE_ID = 32;
const MAX_SHORT = 125;
const MAX_LONG = 250;

/** Task pane permissions from narrowest to widest. */
const TASK_PANE_PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];
const WIDEST_ALLOWED = 'ReadWriteDocument';

/** Sizes the manifest's top-level icons must have (IconUrl 32, HighResolutionIconUrl 64 for task pane add-ins). */
const TOP_LEVEL_ICON_SIZES: Readonly<Record<string, number>> = { IconUrl: 32, HighResolutionIconUrl: 64 };
const REQUIRED_RIBBON_ICON_SIZES = [16, 32, 80];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOUR_PART_VERSION = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/;

interface Resources {
  readonly byId: ReadonlyMap<string, { readonly kind: ResourceKind; readonly element: XmlElement }>;
  readonly duplicates: readonly string[];
}

function collectResources(root: XmlElement): Resources {
  const byId = new Map<string, { kind: ResourceKind; element: XmlElement }>();
  const duplicates: string[] = [];
  const resources = at(root, 'VersionOverrides', 'Resources');
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings'] as const) {
    for (const element of child(resources, kind)?.children ?? []) {
      const id = element.attributes['id'];
      if (id === undefined) continue;
      if (byId.has(id)) duplicates.push(id);
      else byId.set(id, { kind, element });
    }
  }
  return { byId, duplicates };
}

/** Parent of every element, for the checks that depend on context. */
function parents(root: XmlElement): Map<XmlElement, XmlElement> {
  const map = new Map<XmlElement, XmlElement>();
  for (const element of walk(root)) for (const c of element.children) map.set(c, element);
  return map;
}

/** The URL a resid-bearing element points at, through the Urls resources. */
function resolveUrl(element: XmlElement | undefined, resources: Resources): string | undefined {
  const resid = element?.attributes['resid'];
  if (resid === undefined) return undefined;
  const resource = resources.byId.get(resid);
  return resource?.kind === 'Urls' ? resource.element.attributes['DefaultValue'] : undefined;
}

interface Run {
  readonly root: XmlElement;
  readonly ctx: ManifestContext;
  readonly resources: Resources;
  readonly parentOf: Map<XmlElement, XmlElement>;
  readonly add: (check: ManifestCheck, message: string, severity?: 'error' | 'warning') => void;
}

function checkRoot({ root, add }: Run): void {
  if (root.localName !== 'OfficeApp') add('root', `The root element is <${root.name}>; an add-in manifest's root is <OfficeApp>.`);
  if (root.attributes['xsi:type'] !== 'TaskPaneApp') {
    add('root', `OfficeApp has xsi:type="${root.attributes['xsi:type'] ?? ''}"; PERM Recon is a task pane add-in (TaskPaneApp).`);
  }
  if (root.attributes['xmlns'] !== 'http://schemas.microsoft.com/office/appforoffice/1.1') {
    add('root', 'OfficeApp must use the namespace http://schemas.microsoft.com/office/appforoffice/1.1.');
  }
  const hosts = childrenNamed(child(root, 'Hosts'), 'Host').map((h) => h.attributes['Name']);
  if (!hosts.includes('Workbook')) add('root', `Hosts lists ${hosts.length === 0 ? 'no host' : hosts.join(', ')}; Excel is <Host Name="Workbook"/>.`);
  const vo = child(root, 'VersionOverrides');
  if (vo !== undefined && vo.attributes['xsi:type'] !== 'VersionOverridesV1_0') {
    add('root', `VersionOverrides has xsi:type="${vo.attributes['xsi:type'] ?? ''}"; Excel add-ins use VersionOverridesV1_0.`);
  }
}

function checkRequired({ root, add }: Run): void {
  for (const name of REQUIRED_IN_OFFICE_APP) {
    if (child(root, name) === undefined) add('required', `<${name}> is missing from <OfficeApp>.`);
  }
  if (at(root, 'DefaultSettings', 'SourceLocation') === undefined) add('required', '<DefaultSettings> has no <SourceLocation>.');
  const host = at(root, 'VersionOverrides', 'Hosts', 'Host');
  if (host === undefined) add('required', '<VersionOverrides> has no <Hosts><Host>.');
  if (at(root, 'VersionOverrides', 'Resources') === undefined) add('required', '<VersionOverrides> has no <Resources>.');
}

function ruleFor(element: XmlElement): readonly string[] | undefined {
  for (const [suffix, order] of ORDER_RULES) {
    if (element.path === suffix || element.path.endsWith(`/${suffix}`)) return order;
  }
  return undefined;
}

function checkOrder({ root, add }: Run): void {
  for (const element of walk(root)) {
    const order = ruleFor(element);
    if (order === undefined) continue;
    let last = -1;
    let lastName = '';
    for (const c of element.children) {
      const index = order.indexOf(c.localName);
      if (index < 0) {
        add('order', `<${c.name}> is not a valid child of ${element.path}.`);
        continue;
      }
      if (index < last) add('order', `<${c.name}> must come before <${lastName}> in ${element.path}.`);
      else {
        last = index;
        lastName = c.name;
      }
    }
  }
}

function checkId({ root, add }: Run): void {
  const id = child(root, 'Id')?.text;
  if (id !== undefined && !GUID.test(id)) add('id', `Id "${id}" is not a GUID (8-4-4-4-12 hexadecimal digits).`);
}

function checkVersion({ root, ctx, add }: Run): void {
  const version = child(root, 'Version')?.text;
  if (version === undefined) return;
  const m = FOUR_PART_VERSION.exec(version);
  if (m === null) {
    add('version', `Version "${version}" must have four numeric parts, for example 1.0.0.0.`);
    return;
  }
  if (m.slice(1).some((part) => Number(part) > 65535)) add('version', `Version "${version}" has a part above 65535.`);
  if (ctx.packageVersion !== undefined) {
    const base = ctx.packageVersion.split(/[-+]/)[0] ?? '';
    if (!version.startsWith(`${base}.`) || version.split('.').length !== base.split('.').length + 1) {
      add('version', `Version "${version}" does not match package.json's version ${ctx.packageVersion} (expected ${base}.0 or ${base}.<n>).`);
    }
  }
}

/** Every URL the manifest declares, with where it is. */
function declaredUrls(root: XmlElement): { url: string; where: string }[] {
  const urls: { url: string; where: string }[] = [];
  const urlElements = new Set(['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url']);
  for (const element of walk(root)) {
    if (element.localName === 'AppDomain' && element.text !== '') urls.push({ url: element.text, where: element.path });
    if (!urlElements.has(element.localName) && element.localName !== 'Override') continue;
    for (const attr of ['DefaultValue', 'Value']) {
      const value = element.attributes[attr];
      if (value === undefined) continue;
      const id = element.attributes['id'];
      urls.push({ url: value, where: id === undefined ? element.path : `${element.name} ${id}` });
    }
  }
  return urls;
}

function checkHttps({ root, add }: Run): void {
  for (const { url, where } of declaredUrls(root)) {
    if (!url.startsWith('https://')) add('https', `${where}: "${url}" is not an https URL.`);
  }
}

function checkResids({ root, resources, parentOf, add }: Run): void {
  for (const id of resources.duplicates) add('resid', `Resource id "${id}" is defined more than once.`);
  for (const [id] of resources.byId) {
    if (id.length > MAX_RESOURCE_ID) add('resid', `Resource id "${id}" has ${id.length} characters; the limit is ${MAX_RESOURCE_ID}.`);
  }
  const used = new Set<string>();
  for (const element of walk(root)) {
    const resid = element.attributes['resid'];
    if (resid === undefined) continue;
    used.add(resid);
    const resource = resources.byId.get(resid);
    if (resource === undefined) {
      add('resid', `${element.path} has resid "${resid}", which no bt:Image, bt:Url or bt:String defines.`);
      continue;
    }
    const kind = expectedKind(element, parentOf.get(element));
    if (kind !== undefined && kind !== resource.kind) {
      add('resid', `${element.path} has resid "${resid}", which is in ${resource.kind}; it must name an entry of ${kind}.`);
    }
  }
  for (const [id] of resources.byId) {
    if (!used.has(id)) add('resid', `Resource "${id}" is never used.`, 'warning');
  }
}

function checkStringLengths({ root, add }: Run): void {
  const limit = (what: string, value: string | undefined, max: number): void => {
    if (value !== undefined && [...value].length > max) add('string-length', `${what} has ${[...value].length} characters; the limit is ${max}.`);
  };
  limit('ProviderName', child(root, 'ProviderName')?.text, MAX_SHORT);
  limit('DisplayName', child(root, 'DisplayName')?.attributes['DefaultValue'], MAX_SHORT);
  limit('Description', child(root, 'Description')?.attributes['DefaultValue'], MAX_LONG);
  const resources = at(root, 'VersionOverrides', 'Resources');
  for (const [kind, max] of [['ShortStrings', MAX_SHORT], ['LongStrings', MAX_LONG]] as const) {
    for (const s of child(resources, kind)?.children ?? []) {
      const id = s.attributes['id'] ?? '?';
      limit(`${kind} "${id}"`, s.attributes['DefaultValue'], max);
      for (const o of childrenNamed(s, 'Override')) limit(`${kind} "${id}" (${o.attributes['Locale'] ?? '?'})`, o.attributes['Value'], max);
    }
  }
}

/** The served path of a dev URL (`https://localhost:3000/assets/x.png` → `assets/x.png`), or undefined for other hosts. */
function servedPath(url: string, ctx: ManifestContext): string | undefined {
  if (!url.startsWith(ctx.devBaseUrl)) return undefined;
  return decodeURIComponent(url.slice(ctx.devBaseUrl.length).split(/[?#]/)[0] ?? '');
}

function checkFiles({ root, ctx, add }: Run): void {
  for (const { url, where } of declaredUrls(root)) {
    const path = servedPath(url, ctx);
    if (path === undefined) continue;
    if (!ctx.outputs.has(path)) {
      add('files', `${where}: ${url} names "${path}", which neither assets/ nor the build (webpack.config.js) provides.`);
      continue;
    }
    const source = ctx.outputs.get(path);
    if (source !== null && source !== undefined && ctx.readFile(source) === undefined) {
      add('files', `${where}: ${url} is copied from ${source}, which does not exist.`);
    }
  }
}

function checkIconFile(run: Run, url: string | undefined, size: number, where: string): void {
  if (url === undefined) return;
  const path = servedPath(url, run.ctx);
  if (path === undefined) return; // an external icon cannot be checked offline
  const source = run.ctx.outputs.get(path);
  if (source === null || source === undefined) return; // reported by the files check
  const bytes = run.ctx.readFile(source);
  if (bytes === undefined) return;
  const dims = pngSize(bytes);
  if (dims === undefined) run.add('icons', `${where}: ${source} is not a PNG file.`);
  else if (dims.width !== size || dims.height !== size) {
    run.add('icons', `${where}: ${source} is ${dims.width}×${dims.height}; it must be ${size}×${size}.`);
  }
}

function checkIcons(run: Run): void {
  const { root, resources, add } = run;
  for (const [name, size] of Object.entries(TOP_LEVEL_ICON_SIZES)) {
    checkIconFile(run, child(root, name)?.attributes['DefaultValue'], size, name);
  }
  const checked = new Set<string>(); // each image and size once, however many buttons share it
  for (const element of walk(root)) {
    if (element.localName !== 'Icon') continue;
    const images = childrenNamed(element, 'Image');
    const sizes = images.map((i) => Number(i.attributes['size']));
    const missing = REQUIRED_RIBBON_ICON_SIZES.filter((s) => !sizes.includes(s));
    if (missing.length > 0) add('icons', `${element.path} lacks the ${missing.join(', ')} pixel image(s); ribbon icons need 16, 32 and 80.`);
    for (const image of images) {
      const resid = image.attributes['resid'] ?? '';
      const resource = resources.byId.get(resid);
      if (resource?.kind !== 'Images' || checked.has(`${resid} ${image.attributes['size'] ?? ''}`)) continue; // missing: the resid check
      checked.add(`${resid} ${image.attributes['size'] ?? ''}`);
      checkIconFile(run, resource.element.attributes['DefaultValue'], Number(image.attributes['size']), `bt:Image ${resid} (size ${image.attributes['size'] ?? '?'})`);
    }
  }
}

function checkPermissions({ root, add }: Run): void {
  const permission = child(root, 'Permissions')?.text;
  if (permission === undefined) return;
  const index = TASK_PANE_PERMISSIONS.indexOf(permission);
  if (index < 0) {
    add('permissions', `Permissions "${permission}" is not a task pane permission (${TASK_PANE_PERMISSIONS.join(', ')}); the add-in needs at most ${WIDEST_ALLOWED}.`);
  } else if (index > TASK_PANE_PERMISSIONS.indexOf(WIDEST_ALLOWED)) {
    add('permissions', `Permissions "${permission}" is wider than ${WIDEST_ALLOWED}, the most the add-in needs.`);
  }
}

function requirementSets(root: XmlElement): Map<string, string> {
  const sets = new Map<string, string>();
  const setsElement = at(root, 'Requirements', 'Sets');
  const defaultMin = setsElement?.attributes['DefaultMinVersion'] ?? '1.1';
  for (const s of childrenNamed(setsElement, 'Set')) sets.set(s.attributes['Name'] ?? '', s.attributes['MinVersion'] ?? defaultMin);
  return sets;
}

const versionAtLeast = (version: string, min: string): boolean => {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = min.split('.').map(Number);
  return a > c || (a === c && b >= d);
};

/** The CustomFunctions extension point, if any. */
function customFunctionsPoint(root: XmlElement): XmlElement | undefined {
  return childrenNamed(at(root, 'VersionOverrides', 'Hosts', 'Host', 'AllFormFactors'), 'ExtensionPoint').find(
    (e) => e.attributes['xsi:type'] === 'CustomFunctions',
  );
}

function checkRequirements({ root, add }: Run): void {
  const sets = requirementSets(root);
  const host = at(root, 'VersionOverrides', 'Hosts', 'Host');
  const need = (name: string, min: string, why: string): void => {
    const version = sets.get(name);
    if (version === undefined) add('requirements', `<Requirements> lacks <Set Name="${name}" MinVersion="${min}"/>, needed for ${why}.`);
    else if (!versionAtLeast(version, min)) add('requirements', `${name} ${version} is below ${min}, needed for ${why}.`);
  };
  if (child(host, 'Runtimes') !== undefined) need('SharedRuntime', '1.1', 'the shared runtime (<Runtimes>)');
  if (customFunctionsPoint(root) !== undefined) need('CustomFunctionsRuntime', '1.1', 'custom functions');
}

function checkSharedRuntime({ root, resources, add }: Run): void {
  const host = at(root, 'VersionOverrides', 'Hosts', 'Host');
  const runtimes = childrenNamed(child(host, 'Runtimes'), 'Runtime');
  if (runtimes.length !== 1) {
    add('shared-runtime', `The host declares ${runtimes.length} runtimes; a shared runtime is exactly one <Runtime resid="Taskpane.Url" lifetime="long"/>.`);
    return;
  }
  const runtime = runtimes[0] as XmlElement;
  if (runtime.attributes['lifetime'] !== 'long') add('shared-runtime', 'The <Runtime> must have lifetime="long" so the task pane, commands and functions share it.');
  const page = resolveUrl(runtime, resources);
  if (page === undefined) return; // reported by the resid check
  const same = (what: string, url: string | undefined): void => {
    if (url !== undefined && url !== page) add('shared-runtime', `${what} is ${url}; in a shared runtime it must be the runtime page ${page}.`);
  };
  same('DefaultSettings/SourceLocation', at(root, 'DefaultSettings', 'SourceLocation')?.attributes['DefaultValue']);
  const desktop = child(host, 'DesktopFormFactor');
  const functionFile = child(desktop, 'FunctionFile');
  if (functionFile === undefined && [...walk(root)].some((e) => e.localName === 'Action' && e.attributes['xsi:type'] === 'ExecuteFunction')) {
    add('shared-runtime', 'An ExecuteFunction button needs <FunctionFile resid="…"/> pointing at the runtime page.');
  }
  same('FunctionFile', resolveUrl(functionFile, resources));
  same('CustomFunctions Page', resolveUrl(at(customFunctionsPoint(root), 'Page', 'SourceLocation'), resources));
  for (const action of walk(root)) {
    if (action.localName === 'Action' && action.attributes['xsi:type'] === 'ShowTaskpane') {
      same('The ShowTaskpane action', resolveUrl(child(action, 'SourceLocation'), resources));
    }
  }
}

function checkCommands({ root, ctx, add }: Run): void {
  if (ctx.actionIds === undefined) return;
  for (const action of walk(root)) {
    if (action.localName !== 'Action' || action.attributes['xsi:type'] !== 'ExecuteFunction') continue;
    const name = child(action, 'FunctionName')?.text ?? '';
    if (!ctx.actionIds.includes(name)) {
      add('commands', `The ribbon calls ExecuteFunction "${name}", but src/commands registers only ${ctx.actionIds.map((a) => `"${a}"`).join(', ')}.`);
    }
  }
}

/** Runs every offline check on a manifest's text. An empty list means it passed. */
export function checkManifest(xml: string, ctx: ManifestContext): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const add = (check: ManifestCheck, message: string, severity: 'error' | 'warning' = 'error'): void => {
    issues.push({ check, severity, message });
  };
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    add('well-formed', `The manifest is not well-formed XML: ${parsed.message}.`);
    return issues;
  }
  const root = parsed.root;
  const run: Run = { root, ctx, resources: collectResources(root), parentOf: parents(root), add };
  checkRoot(run);
  checkRequired(run);
  checkOrder(run);
  checkId(run);
  checkVersion(run);
  checkHttps(run);
  checkResids(run);
  checkStringLengths(run);
  checkFiles(run);
  checkIcons(run);
  checkPermissions(run);
  checkRequirements(run);
  checkSharedRuntime(run);
  checkCommands(run);
  return issues;
}
