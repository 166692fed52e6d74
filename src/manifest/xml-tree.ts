/** The manifest as a small ordered element tree (fast-xml-parser with preserveOrder), with paths for messages. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** Qualified name as written, for example `bt:Image`. */
  readonly name: string;
  /** Name without its prefix, for example `Image`. */
  readonly localName: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Text content directly inside the element, trimmed. */
  readonly text: string;
  /** `OfficeApp/VersionOverrides/Hosts/Host`, local names from the root. */
  readonly path: string;
}

export type ParsedXml = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly message: string };

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const localNameOf = (name: string): string => name.slice(name.indexOf(':') + 1);

function toElement(node: OrderedNode, parentPath: string): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (name === undefined || name.startsWith('#') || name.startsWith('?')) return undefined;
  const localName = localNameOf(name);
  const path = parentPath === '' ? localName : `${parentPath}/${localName}`;
  const rawChildren = (node[name] ?? []) as OrderedNode[];
  const children: XmlElement[] = [];
  let text = '';
  for (const child of rawChildren) {
    if ('#text' in child) text += String(child['#text']);
    const element = toElement(child, path);
    if (element !== undefined) children.push(element);
  }
  return { name, localName, attributes: node[':@'] ?? {}, children, text: text.trim(), path };
}

/** Checks well-formedness, then parses the document's root element. */
export function parseXml(xml: string): ParsedXml {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, message: `line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const nodes = parser.parse(xml) as OrderedNode[];
  const roots = nodes.map((n) => toElement(n, '')).filter((e): e is XmlElement => e !== undefined);
  const root = roots[0];
  if (root === undefined) return { ok: false, message: 'the document has no root element' };
  return { ok: true, root };
}

/** Every element of the tree, depth first, the root included. */
export function* walk(element: XmlElement): Generator<XmlElement> {
  yield element;
  for (const child of element.children) yield* walk(child);
}

export function childrenNamed(element: XmlElement | undefined, localName: string): XmlElement[] {
  return element === undefined ? [] : element.children.filter((c) => c.localName === localName);
}

export function child(element: XmlElement | undefined, localName: string): XmlElement | undefined {
  return element?.children.find((c) => c.localName === localName);
}

/** The element at a path of local names below `element`, first match at each step. */
export function at(element: XmlElement | undefined, ...localNames: string[]): XmlElement | undefined {
  let current = element;
  for (const name of localNames) current = child(current, name);
  return current;
}
