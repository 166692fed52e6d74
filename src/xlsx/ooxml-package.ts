/** Relationships, content types and part paths of an Open Packaging Conventions (.xlsx) package. */
import { attr, escapeXml, rootPrefix } from './xml-text.js';

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** Compares relationship types by their last segment, so transitional and strict OOXML namespaces both match. */
export function relTypeIs(rel: Relationship, type: string): boolean {
  const tail = (t: string) => t.slice(t.lastIndexOf('/') + 1);
  return tail(rel.type) === tail(type);
}

export function parseRels(xml: string): Relationship[] {
  const p = rootPrefix(xml, 'Relationships');
  const re = new RegExp(`<${p}Relationship\\b[^>]*>`, 'g');
  return (xml.match(re) ?? []).map((tag) => ({
    id: attr(tag, 'Id') ?? '',
    type: attr(tag, 'Type') ?? '',
    target: attr(tag, 'Target') ?? '',
    external: attr(tag, 'TargetMode') === 'External',
  }));
}

export function relsXml(rels: readonly Relationship[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** A relationship id not yet used in `rels`. */
export function freeRelId(rels: readonly Relationship[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

// Part paths are resolved as the reader resolves them: one implementation (read/package-parts.ts).
export { relsPathOf, resolveTarget } from './read/package-parts.js';

/** A target for `toPart` relative to the folder of `fromPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function addOverride(contentTypes: string, part: string, type: string): string {
  const p = rootPrefix(contentTypes, 'Types');
  const cleaned = removeOverride(contentTypes, part);
  return cleaned.replace(new RegExp(`</${p}Types>`), () => `<${p}Override PartName="/${escapeXml(part)}" ContentType="${type}"/></${p}Types>`);
}

export function removeOverride(contentTypes: string, part: string): string {
  const re = new RegExp(`<(\\w+:)?Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`, 'gi');
  return contentTypes.replace(re, '');
}

/** A part path `{folder}/{stem}{n}.xml` not used by any entry (compared ignoring case, as package part names are). */
export function freePartName(existing: Iterable<string>, folder: string, stem: string): string {
  const used = new Set([...existing].map((e) => e.toLowerCase()));
  let n = 1;
  while (used.has(`${folder}/${stem}${n}.xml`.toLowerCase())) n++;
  return `${folder}/${stem}${n}.xml`;
}

export interface WorkbookSheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
}

export function parseWorkbookSheets(workbookXml: string): WorkbookSheetEntry[] {
  const p = rootPrefix(workbookXml, 'workbook');
  const re = new RegExp(`<${p}sheet\\b[^>]*>`, 'g');
  return (workbookXml.match(re) ?? []).map((tag) => ({
    name: attr(tag, 'name') ?? '',
    sheetId: Number(attr(tag, 'sheetId') ?? 0),
    relId: /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '',
  }));
}
