/**
 * The text of a string item: the `<si>` of the shared-string table or a cell's inline `<is>`
 * (ECMA-376 part 1, 18.4.8 CT_Rst): a plain `<t>`, or rich-text runs `<r><rPr/><t/></r>` joined.
 * Phonetic runs (`<rPh>`, the furigana over Japanese text) are not part of the value and are left out.
 */
import { PartProblem } from './read-error.js';
import { decodeEntities, decodeXstring, localName, onlySpace, parseStartTag } from './xml-chars.js';

/** Excel's limit on the characters in one cell (Excel specifications and limits). */
export const MAX_CELL_CHARS = 32_767;

/** The text of the string item whose inner XML is `s` from `from` to `to`. Throws PartProblem on malformed XML. */
export function stringItemText(s: string, from: number, to: number): string {
  // Fast path: exactly one plain <t>…</t> (what Excel and most writers save).
  if (s.charCodeAt(from) === 60 && s.charCodeAt(from + 1) === 116 && s.charCodeAt(from + 2) === 62) {
    const close = s.indexOf('</t>', from + 3);
    if (close + 4 === to) {
      const raw = s.slice(from + 3, close);
      if (raw.indexOf('<') < 0) return decodeXstring(decodeEntities(raw));
    }
  }
  let out = '';
  let phonetic = 0;
  let i = from;
  while (i < to) {
    const lt = s.indexOf('<', i);
    if (lt < 0 || lt >= to) {
      if (!onlySpace(s, i, to)) throw new PartProblem('a string item has text outside its <t> elements');
      break;
    }
    if (!onlySpace(s, i, lt)) throw new PartProblem('a string item has text outside its <t> elements');
    const next = s.charCodeAt(lt + 1);
    if (next === 47) {
      const gt = s.indexOf('>', lt);
      if (gt < 0 || gt >= to) throw new PartProblem('a string item ends inside a tag');
      if (localName(s.slice(lt + 2, gt).trim()) === 'rPh') phonetic--;
      i = gt + 1;
      continue;
    }
    if (next === 33 || next === 63) throw new PartProblem('a string item holds a comment, CDATA section or processing instruction, which Excel does not write');
    const tag = parseStartTag(s, lt);
    if (tag === undefined || tag.end > to) throw new PartProblem('a string item ends inside a tag');
    const local = localName(tag.name);
    if (local === 't') {
      if (tag.selfClosing) {
        i = tag.end;
        continue;
      }
      const closeTag = `</${tag.name}>`;
      const close = s.indexOf(closeTag, tag.end);
      if (close < 0 || close + closeTag.length > to) throw new PartProblem('a string item has a <t> without its end tag');
      const raw = s.slice(tag.end, close);
      if (raw.indexOf('<') >= 0) throw new PartProblem('a string item has markup inside <t>');
      if (phonetic === 0) out += decodeXstring(decodeEntities(raw));
      i = close + closeTag.length;
      continue;
    }
    if (local === 'rPh' && !tag.selfClosing) phonetic++;
    i = tag.end;
  }
  return out;
}
