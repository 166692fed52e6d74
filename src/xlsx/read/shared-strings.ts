/**
 * Streams the shared-string table (ECMA-376 part 1, 18.4.9 CT_Sst): every `<si>` becomes one
 * string, in order. The table is the one part held whole in memory (cells refer to it by index),
 * so its size is bounded.
 */
import { PartProblem } from './read-error.js';
import { TextStore } from './text-store.js';
import { MAX_CELL_CHARS, stringItemText } from './rich-text.js';
import { MAX_PENDING_CHARS } from './sheet-scanner.js';
import { decodeEntities, decodeXstring, localName, onlySpace, parseStartTag, refuseDoctype } from './xml-chars.js';

/** Estimated memory the table may take (characters plus about 32 bytes per string), so that a workbook of any size is read within about 300 MiB. */
export const MAX_SHARED_STRING_BYTES = 128 * 1024 * 1024;

export class SharedStringsScanner {
  /** The strings, as UTF-8 bytes (text-store.ts): a substring of the part's text would keep its whole chunk alive. */
  private readonly strings = new TextStore();
  private buf = '';
  private p: string | undefined;
  private done = false;
  /** Estimated bytes the strings take. */
  bytes = 0;

  private plainOpen: string | undefined;
  private plainClose = '';

  private add(text: string): void {
    if (text.length > MAX_CELL_CHARS) throw new PartProblem(`shared string ${this.strings.count + 1} holds ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} Excel allows in a cell`);
    this.strings.addString(text);
    this.bytes = this.strings.bytes();
    if (this.bytes > MAX_SHARED_STRING_BYTES) throw new PartProblem(`the shared-string table holds more text than can be read within bounded memory (over ${this.strings.count.toLocaleString('en-US')} strings)`);
  }

  push(text: string): void {
    const s = this.buf.length === 0 ? text : this.buf + text;
    const i = this.run(s);
    this.buf = i >= s.length ? '' : s.slice(i);
    if (this.buf.length > MAX_PENDING_CHARS) throw new PartProblem(`shared string ${this.strings.count + 1} is longer than the ${MAX_CELL_CHARS.toLocaleString('en-US')} characters Excel allows in a cell`);
  }

  end(): TextStore {
    if (!this.done || !onlySpace(this.buf, 0, this.buf.length)) throw new PartProblem(`the shared-string table is cut short after string ${this.strings.count} (it does not end with </sst>): the file is damaged`);
    return this.strings;
  }

  private run(s: string): number {
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (!onlySpace(s, i, s.length)) throw new PartProblem('the shared-string table has text outside its strings');
        return s.length;
      }
      if (!onlySpace(s, i, lt)) throw new PartProblem('the shared-string table has text outside its strings');
      i = lt;
      if (i + 1 >= s.length) return i;
      const next = s.charCodeAt(i + 1);
      if (next === 33) {
        if (i + 9 >= s.length) return i;
        if (s.startsWith('<!DOCTYPE', i)) refuseDoctype();
        if (!s.startsWith('<!--', i)) throw new PartProblem('the shared-string table has a declaration Excel does not write');
        const end = s.indexOf('-->', i + 4);
        if (end < 0) return i;
        i = end + 3;
        continue;
      }
      if (next === 63) {
        const end = s.indexOf('?>', i + 2);
        if (end < 0) return i;
        i = end + 2;
        continue;
      }
      if (next === 47) {
        const gt = s.indexOf('>', i);
        if (gt < 0) return i;
        const name = s.slice(i + 2, gt).trim();
        if (this.p === undefined || name !== `${this.p}sst`) throw new PartProblem(`the shared-string table closes <${name}> where </sst> belongs`);
        this.done = true;
        i = gt + 1;
        continue;
      }
      if (this.done) throw new PartProblem('the shared-string table has elements after </sst>');
      // Fast path: `<si><t>text</t></si>`, what Excel writes for plain text (no attribute, no run).
      if (this.plainOpen !== undefined && s.startsWith(this.plainOpen, i)) {
        const from = i + this.plainOpen.length;
        const close = s.indexOf(this.plainClose, from);
        if (close < 0) return i;
        const raw = s.slice(from, close);
        if (raw.indexOf('<') < 0) {
          this.add(decodeXstring(decodeEntities(raw)));
          i = close + this.plainClose.length;
          continue;
        }
      }
      const tag = parseStartTag(s, i);
      if (tag === undefined) return i;
      const local = localName(tag.name);
      if (this.p === undefined) {
        if (local !== 'sst') throw new PartProblem(`the shared-string part's root element is <${tag.name}>, not <sst>`);
        this.p = tag.name.slice(0, tag.name.length - 3);
        this.plainOpen = `<${this.p}si><${this.p}t>`;
        this.plainClose = `</${this.p}t></${this.p}si>`;
        if (tag.selfClosing) this.done = true;
        i = tag.end;
        continue;
      }
      if (local === 'si') {
        let text = '';
        let end = tag.end;
        if (!tag.selfClosing) {
          const closeTag = `</${tag.name}>`;
          const close = s.indexOf(closeTag, tag.end);
          if (close < 0) return i;
          text = stringItemText(s, tag.end, close);
          end = close + closeTag.length;
        }
        this.add(text);
        i = end;
        continue;
      }
      if (local === 'extLst') {
        if (tag.selfClosing) {
          i = tag.end;
          continue;
        }
        const close = s.indexOf(`</${tag.name}>`, tag.end);
        if (close < 0) return i;
        i = close + tag.name.length + 3;
        continue;
      }
      throw new PartProblem(`the shared-string table holds <${tag.name}> where strings belong`);
    }
  }
}
