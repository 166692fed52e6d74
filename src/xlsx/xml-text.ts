/** Small helpers for writing and surgically editing OOXML parts as text. */

/** Escapes text for an XML element or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Reverses `escapeXml` and numeric character references. */
export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** The namespace prefix of a part's root element with `:` (`x:`), or '' when it uses the default namespace. */
export function rootPrefix(xml: string, localName: string): string {
  const m = new RegExp(`<(\\w+:)?${localName}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

/** Adds `prefix` to every element name of an unprefixed fragment (for parts written with `x:` prefixes). */
export function withPrefix(fragment: string, prefix: string): string {
  if (prefix === '') return fragment;
  return fragment.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash: string, name: string) => (name.includes(':') ? m : `<${slash}${prefix}${name}`));
}

/** The value of attribute `name` in an element's start tag text. */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m === null ? undefined : unescapeXml(m[1] ?? m[2] ?? '');
}

/** Sets (or adds) attribute `name` on the first start tag in `tag`. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(':', '\\:')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/^(<[\w:.-]+)/, `$1 ${name}="${escapeXml(value)}"`);
}

/** Every complete element `<p:name ...>...</p:name>` or `<p:name .../>` directly matching `name` (no same-name nesting). */
export function elements(xml: string, prefix: string, name: string): string[] {
  const n = `${prefix}${name}`;
  const re = new RegExp(`<${n}(?=[\\s/>])[^>]*?/>|<${n}(?=[\\s>])[^>]*>[\\s\\S]*?</${n}>`, 'g');
  return xml.match(re) ?? [];
}

/** The section `<p:name ...>inner</p:name>` (or self-closing), with its start tag and inner text. */
export function section(xml: string, prefix: string, name: string): { readonly whole: string; readonly start: string; readonly inner: string } | undefined {
  const n = `${prefix}${name}`;
  const re = new RegExp(`(<${n}(?=[\\s/>])[^>]*?)(/>|>([\\s\\S]*?)</${n}>)`);
  const m = re.exec(xml);
  if (m === null) return undefined;
  return { whole: m[0], start: `${m[1] ?? ''}>`, inner: m[3] ?? '' };
}
