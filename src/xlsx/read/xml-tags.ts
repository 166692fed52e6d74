/**
 * The start tags of a small, whole part (workbook, relationships, styles), in document order,
 * with their depth. Comments and processing instructions are skipped; a DOCTYPE is refused.
 */
import { PartProblem } from './read-error.js';
import { localName, parseStartTag, refuseDoctype, type StartTag } from './xml-chars.js';

export interface TagAt extends StartTag {
  readonly local: string;
  /** Names of the open elements around this one, outermost first (local names). */
  readonly parents: readonly string[];
}

export function* startTags(xml: string): Generator<TagAt> {
  const open: string[] = [];
  let i = 0;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (open.length > 0) throw new PartProblem(`the XML is cut short inside <${open[open.length - 1] ?? ''}>`);
      return;
    }
    const next = xml.charCodeAt(lt + 1);
    if (next === 33) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new PartProblem('the XML ends inside a comment');
        i = end + 3;
        continue;
      }
      if (xml.startsWith('<!DOCTYPE', lt)) refuseDoctype();
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new PartProblem('the XML ends inside a CDATA section');
        i = end + 3;
        continue;
      }
      throw new PartProblem('the XML has a declaration Excel does not write');
    }
    if (next === 63) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new PartProblem('the XML ends inside a processing instruction');
      i = end + 2;
      continue;
    }
    if (next === 47) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new PartProblem('the XML ends inside a tag');
      const name = localName(xml.slice(lt + 2, gt).trim());
      if (open[open.length - 1] !== name) throw new PartProblem(`the XML closes <${name}> where </${open[open.length - 1] ?? ''}> belongs`);
      open.pop();
      i = gt + 1;
      continue;
    }
    const tag = parseStartTag(xml, lt);
    if (tag === undefined) throw new PartProblem('the XML ends inside a tag');
    const local = localName(tag.name);
    yield { ...tag, local, parents: [...open] };
    if (!tag.selfClosing) open.push(local);
    i = tag.end;
  }
}

/** An attribute by local name, ignoring its namespace prefix (`r:id`, `ns1:id`). */
export function prefixedAttr(tag: StartTag, local: string): string | undefined {
  for (const [k, v] of Object.entries(tag.attrs)) if (k.includes(':') && localName(k) === local) return v;
  return undefined;
}
