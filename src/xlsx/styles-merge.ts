/**
 * Appends the scratch workbook's styles (fonts, fills, borders, number formats, cell formats and
 * conditional-format styles) to the user's styles part, so the owned sheets keep their look
 * while every existing style index of the user's workbook stays as it was.
 */
import { attr, elements, rootPrefix, section, setAttr, withPrefix } from './xml-text.js';

export interface MergedStyles {
  readonly xml: string;
  /** Scratch cell-format index → index in the merged styles. */
  readonly xf: (index: number) => number;
  /** Scratch conditional-format style index → merged index. */
  readonly dxf: (index: number) => number;
}

const CHILD: Readonly<Record<string, string>> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellStyleXfs: 'xf',
  cellXfs: 'xf',
  cellStyles: 'cellStyle',
  dxfs: 'dxf',
};

/** Section order in a styleSheet (ECMA-376 part 1, 18.8.39). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

function children(xml: string, prefix: string, sectionName: string): string[] {
  const s = section(xml, prefix, sectionName);
  return s === undefined ? [] : elements(s.inner, prefix, CHILD[sectionName] ?? '');
}

/** Replaces (or inserts, in schema order) a section with `items`, updating its count. */
function putSection(xml: string, prefix: string, name: string, items: readonly string[]): string {
  const existing = section(xml, prefix, name);
  const start = setAttr(existing?.start ?? `<${prefix}${name}>`, 'count', String(items.length));
  const whole = `${start}${items.join('')}</${prefix}${name}>`;
  if (existing !== undefined) return xml.replace(existing.whole, () => whole);
  const later = ORDER.slice(ORDER.indexOf(name) + 1);
  for (const next of later) {
    const s = section(xml, prefix, next);
    if (s !== undefined) return xml.replace(s.whole, () => `${whole}${s.whole}`);
  }
  return xml.replace(new RegExp(`</${prefix}styleSheet>`), () => `${whole}</${prefix}styleSheet>`);
}

function remapAttr(element: string, name: string, map: (n: number) => number): string {
  const v = attr(element, name);
  if (v === undefined) return element;
  const start = /^<[^>]*>/.exec(element)?.[0] ?? element;
  return element.replace(start, () => setAttr(start, name, String(map(Number(v)))));
}

/** Merges `scratch` styles into `original` (the user's styles part). */
export function mergeStyles(original: string, scratch: string): MergedStyles {
  const p = rootPrefix(original, 'styleSheet');
  const sp = rootPrefix(scratch, 'styleSheet');
  const own = (name: string) => children(original, p, name);
  const theirs = (name: string) => children(scratch, sp, name).map((e) => withPrefix(e, p));

  // Number formats: reuse an identical format code, else give the scratch format a free id (custom ids start at 164).
  const numFmts = own('numFmts');
  const codeToId = new Map(numFmts.map((e) => [attr(e, 'formatCode') ?? '', Number(attr(e, 'numFmtId'))]));
  let nextId = Math.max(163, ...numFmts.map((e) => Number(attr(e, 'numFmtId')))) + 1;
  const numFmtMap = new Map<number, number>();
  for (const e of theirs('numFmts')) {
    const id = Number(attr(e, 'numFmtId'));
    const code = attr(e, 'formatCode') ?? '';
    let target = codeToId.get(code);
    if (target === undefined) {
      target = nextId++;
      codeToId.set(code, target);
      numFmts.push(setAttr(e, 'numFmtId', String(target)));
    }
    numFmtMap.set(id, target);
  }
  const mapNumFmt = (id: number) => numFmtMap.get(id) ?? id;

  const fonts = own('fonts');
  const fills = own('fills');
  const borders = own('borders');
  const xfs = own('cellXfs');
  const dxfs = own('dxfs');
  const [fontOffset, fillOffset, borderOffset, xfOffset, dxfOffset] = [fonts.length, fills.length, borders.length, xfs.length, dxfs.length];
  fonts.push(...theirs('fonts'));
  fills.push(...theirs('fills'));
  borders.push(...theirs('borders'));
  // Scratch format 0 is the default: cells using it are written with no style, so only 1.. are added.
  for (const xf of theirs('cellXfs').slice(1)) {
    let e = remapAttr(xf, 'fontId', (n) => n + fontOffset);
    e = remapAttr(e, 'fillId', (n) => n + fillOffset);
    e = remapAttr(e, 'borderId', (n) => n + borderOffset);
    e = remapAttr(e, 'numFmtId', mapNumFmt);
    e = remapAttr(e, 'xfId', () => 0);
    xfs.push(e);
  }
  for (const dxf of theirs('dxfs')) {
    dxfs.push(dxf.replace(/(<(?:\w+:)?numFmt\b[^>]*\snumFmtId=")(\d+)"/, (_m, head: string, id: string) => `${head}${mapNumFmt(Number(id))}"`));
  }

  let xml = original;
  if (numFmts.length > 0) xml = putSection(xml, p, 'numFmts', numFmts);
  xml = putSection(xml, p, 'fonts', fonts);
  xml = putSection(xml, p, 'fills', fills);
  xml = putSection(xml, p, 'borders', borders);
  xml = putSection(xml, p, 'cellXfs', xfs);
  if (dxfs.length > 0) xml = putSection(xml, p, 'dxfs', dxfs);
  return {
    xml,
    xf: (i) => (i === 0 ? 0 : xfOffset + i - 1),
    dxf: (i) => dxfOffset + i,
  };
}
