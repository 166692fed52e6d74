/**
 * The parts of an .xlsx package that say where the sheets are: the package relationships, the
 * workbook's sheet list (names, hidden state, the date system) and the workbook relationships.
 */
import { PartProblem } from './read-error.js';
import { prefixedAttr, startTags } from './xml-tags.js';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The last segment of a relationship type (transitional and strict namespaces alike). */
export function relKind(rel: Relationship): string {
  return rel.type.slice(rel.type.lastIndexOf('/') + 1);
}

export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const t of startTags(xml)) {
    if (t.local !== 'Relationship') continue;
    out.push({ id: t.attrs['Id'] ?? '', type: t.attrs['Type'] ?? '', target: t.attrs['Target'] ?? '', external: t.attrs['TargetMode'] === 'External' });
  }
  return out;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.includes('/') ? fromPart.slice(0, fromPart.lastIndexOf('/')).split('/') : [];
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

export interface WorkbookSheet {
  readonly name: string;
  readonly relId: string;
  readonly hidden: boolean;
}

export interface WorkbookPart {
  readonly sheets: readonly WorkbookSheet[];
  readonly date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookPart {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  let root = true;
  for (const t of startTags(xml)) {
    if (root) {
      if (t.local !== 'workbook') throw new PartProblem(`the workbook part's root element is <${t.name}>, not <workbook>`);
      root = false;
    }
    if (t.local === 'workbookPr') date1904 = t.attrs['date1904'] === '1' || t.attrs['date1904'] === 'true';
    if (t.local === 'sheet' && t.parents[t.parents.length - 1] === 'sheets') {
      const state = t.attrs['state'];
      sheets.push({ name: t.attrs['name'] ?? '', relId: prefixedAttr(t, 'id') ?? '', hidden: state !== undefined && state !== 'visible' });
    }
  }
  if (root) throw new PartProblem('the workbook part is empty');
  return { sheets, date1904 };
}
