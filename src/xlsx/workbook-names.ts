/**
 * The workbook part's defined names, read and edited as text (as build-copy edits every part):
 * the ownership record (`_PERMRecon_Owned`, core/workbook/owned-sheets.ts) and the owned sheets'
 * print titles (`_xlnm.Print_Titles`, scoped to a sheet by its position in the sheet list).
 */
import { attr, elements, escapeXml, rootPrefix, section, unescapeXml, withPrefix } from './xml-text.js';

export interface DefinedName {
  readonly name: string;
  /** 0-based position of the sheet the name is scoped to; undefined for a workbook-scoped name. */
  readonly localSheetId?: number;
  /** The formula without `=`, for example `"Run Log|Reconciliation"` or `'Estimator Detail'!$4:$4`. */
  readonly formula: string;
  readonly hidden?: boolean;
}

function parse(tag: string, p: string): DefinedName {
  const start = /^<[^>]*>/.exec(tag)?.[0] ?? tag;
  const local = attr(start, 'localSheetId');
  const inner = tag.endsWith('/>') ? '' : tag.slice(start.length, tag.length - `</${p}definedName>`.length);
  return { name: attr(start, 'name') ?? '', ...(local === undefined ? {} : { localSheetId: Number(local) }), formula: unescapeXml(inner), hidden: /^(1|true)$/.test(attr(start, 'hidden') ?? '') };
}

export function readDefinedNames(workbookXml: string): DefinedName[] {
  const p = rootPrefix(workbookXml, 'workbook');
  const names = section(workbookXml, p, 'definedNames');
  if (names === undefined) return [];
  return elements(names.inner, p, 'definedName').map((t) => parse(t, p));
}

function tagOf(n: DefinedName): string {
  const local = n.localSheetId === undefined ? '' : ` localSheetId="${n.localSheetId}"`;
  return `<definedName name="${escapeXml(n.name)}"${local}${n.hidden === true ? ' hidden="1"' : ''}>${escapeXml(n.formula)}</definedName>`;
}

/** Removes the names `drop` says, then adds `add`; the `<definedNames>` element is created (in schema order) or removed as needed. */
export function editDefinedNames(workbookXml: string, drop: (n: DefinedName) => boolean, add: readonly DefinedName[]): string {
  const p = rootPrefix(workbookXml, 'workbook');
  const names = section(workbookXml, p, 'definedNames');
  const kept = names === undefined ? [] : elements(names.inner, p, 'definedName').filter((t) => !drop(parse(t, p)));
  const body = [...kept, ...add.map((n) => withPrefix(tagOf(n), p))].join('');
  if (names !== undefined) {
    return workbookXml.replace(names.whole, () => (body === '' ? '' : `<${p}definedNames>${body}</${p}definedNames>`));
  }
  if (body === '') return workbookXml;
  // definedNames follows sheets, functionGroups and externalReferences (ECMA-376 part 1, 18.2.27).
  const after = ['externalReferences', 'functionGroups', 'sheets'].map((n) => section(workbookXml, p, n)).find((s) => s !== undefined);
  if (after === undefined) throw new Error('The workbook part has no sheet list; it is not a valid .xlsx file.');
  return workbookXml.replace(after.whole, () => `${after.whole}<${p}definedNames>${body}</${p}definedNames>`);
}
