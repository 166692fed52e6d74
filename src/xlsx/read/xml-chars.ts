/**
 * Character-level pieces of the narrow XML scanners (sheet data, shared strings): entity and
 * ST_Xstring decoding, attribute parsing, and the refusal of document type declarations.
 * No DTD is ever read, so no entity is ever expanded or fetched: only XML's five predefined
 * entities and character references are decoded (XML 1.0 section 4.6 and 4.1).
 */
import { PartProblem } from './read-error.js';

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes `&lt;` … `&#x1F600;` in element text or an attribute value. Throws on any other entity. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([^;&]{0,12});?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new PartProblem(`the XML has a bare '&' ("${whole.slice(0, 14)}")`);
    const named = NAMED[name];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
    if (m === null) throw new PartProblem(`the XML uses the entity &${name}; which is not defined (entities other than XML's own are refused, never expanded)`);
    const code = m[1] === undefined ? Number(m[2]) : parseInt(m[1], 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new PartProblem(`the XML has the character reference &${name}; which is not a valid character`);
    return String.fromCodePoint(code);
  });
}

/** ST_Xstring escapes (ECMA-376 part 1, 22.9.2.19): `_x000D_` is a carriage return; `_x005F_` escapes an underscore. */
export function decodeXstring(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Throws when a part declares a document type (where entity expansion attacks live). */
export function refuseDoctype(): never {
  throw new PartProblem('the XML declares a document type (<!DOCTYPE>), which Excel never writes; it is refused so that no entity is expanded or fetched');
}

/** True for XML whitespace (space, tab, CR, LF). */
export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** True when `s` from `from` to `to` is only whitespace. */
export function onlySpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/** A parsed start tag: its local name, attributes, where it ends and whether it is self-closing. */
export interface StartTag {
  /** Name with the prefix, as written. */
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** Index just past the closing `>`. */
  readonly end: number;
  readonly selfClosing: boolean;
}

/**
 * Parses the start tag at `s[lt]` (`<name a="v" ...>`), honouring quotes (a `>` inside a value
 * does not end the tag). Returns undefined when `s` ends before the tag does. Throws on a malformed tag.
 */
export function parseStartTag(s: string, lt: number): StartTag | undefined {
  let i = lt + 1;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || c === 62 || c === 47) break;
    i++;
  }
  if (i >= n) return undefined;
  const name = s.slice(lt + 1, i);
  if (name.length === 0) throw new PartProblem('the XML has a tag without a name');
  const attrs: Record<string, string> = {};
  for (;;) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return undefined;
    const c = s.charCodeAt(i);
    if (c === 62) return { name, attrs, end: i + 1, selfClosing: false };
    if (c === 47) {
      if (i + 1 >= n) return undefined;
      if (s.charCodeAt(i + 1) !== 62) throw new PartProblem(`the XML tag <${name}> is malformed`);
      return { name, attrs, end: i + 2, selfClosing: true };
    }
    const eq = s.indexOf('=', i);
    if (eq < 0) return undefined;
    const attrName = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && isSpace(s.charCodeAt(q))) q++;
    if (q >= n) return undefined;
    const quote = s.charCodeAt(q);
    if ((quote !== 34 && quote !== 39) || attrName.length === 0 || /[\s<>"']/.test(attrName)) throw new PartProblem(`the XML tag <${name}> has a malformed attribute`);
    const close = s.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0) return undefined;
    const raw = s.slice(q + 1, close);
    if (raw.indexOf('<') >= 0) throw new PartProblem(`the XML tag <${name}> has '<' in an attribute value`);
    attrs[attrName] = decodeEntities(raw);
    i = close + 1;
    const after = s.charCodeAt(i);
    if (i < n && !isSpace(after) && after !== 62 && after !== 47) throw new PartProblem(`the XML tag <${name}> has a malformed attribute`);
  }
}

/** The local part of a qualified name (`x:row` → `row`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
