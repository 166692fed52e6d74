/**
 * Streams the shared-string table (ECMA-376 part 1, 18.4.9 CT_Sst): every `<si>` becomes one
 * string, in order. The table is the one part held whole in memory (cells refer to it by index),
 * so its size is bounded. Read as UTF-8 bytes, as the sheets are (sheet-scanner.ts): a string of
 * plain text (`<si><t>text</t></si>`, what Excel writes) goes to the store as its bytes, with no
 * JavaScript string made; any other item is decoded and read as text (rich-text.ts).
 */
import { PartProblem } from './read-error.js';
import { MAX_CELL_CHARS, stringItemText } from './rich-text.js';
import { MAX_PENDING_CHARS } from './sheet-scanner.js';
import { TextStore } from './text-store.js';
import { afterPending, bytesAt, bytesOf, EMPTY_BYTES, indexOfByte, indexOfBytes, onlySpaceBytes, startTagAt, textOf } from './xml-bytes.js';
import { localName, refuseDoctype } from './xml-chars.js';

/** Bytes the table's store may take (text-store.ts), so that a workbook of any size is read within 300 MiB. */
export const MAX_SHARED_STRING_BYTES = 128 * 1024 * 1024;

const DOCTYPE = bytesOf('<!DOCTYPE');
const COMMENT_OPEN = bytesOf('<!--');
const COMMENT_END = bytesOf('-->');
const PI_END = bytesOf('?>');

export class SharedStringsScanner {
  private readonly strings = new TextStore();
  private buf: Uint8Array = EMPTY_BYTES;
  private started = false;
  private p: string | undefined;
  private plainOpen = EMPTY_BYTES;
  private plainClose = EMPTY_BYTES;
  private done = false;
  /** Bytes the strings take. */
  get bytes(): number {
    return this.strings.bytes();
  }

  private added(): void {
    if (this.bytes > MAX_SHARED_STRING_BYTES) throw new PartProblem(`the shared-string table holds more text than can be read within bounded memory (over ${this.strings.count.toLocaleString('en-US')} strings)`);
  }

  private addText(text: string): void {
    if (text.length > MAX_CELL_CHARS) throw new PartProblem(`shared string ${this.strings.count + 1} holds ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} Excel allows in a cell`);
    this.strings.addString(text);
    this.added();
  }

  /** Feeds the next piece of the part's bytes (UTF-8, checked by the caller). */
  push(chunk: Uint8Array): void {
    const s = afterPending(this.buf, chunk);
    let from = 0;
    if (!this.started) {
      if (s.length < 3) {
        this.buf = s;
        return;
      }
      this.started = true;
      // A byte order mark is not part of the XML.
      if (s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf) from = 3;
    }
    const i = this.run(s, from);
    this.buf = i >= s.length ? EMPTY_BYTES : s.subarray(i);
    if (this.buf.length > MAX_PENDING_CHARS) throw new PartProblem(`shared string ${this.strings.count + 1} is longer than the ${MAX_CELL_CHARS.toLocaleString('en-US')} characters Excel allows in a cell`);
  }

  end(): TextStore {
    if (!this.done || !onlySpaceBytes(this.buf, 0, this.buf.length)) throw new PartProblem(`the shared-string table is cut short after string ${this.strings.count} (it does not end with </sst>): the file is damaged`);
    return this.strings;
  }

  private run(s: Uint8Array, from: number): number {
    let i = from;
    const n = s.length;
    for (;;) {
      const lt = indexOfByte(s, 60, i);
      if (lt < 0) {
        if (!onlySpaceBytes(s, i, n)) throw new PartProblem('the shared-string table has text outside its strings');
        return n;
      }
      if (!onlySpaceBytes(s, i, lt)) throw new PartProblem('the shared-string table has text outside its strings');
      i = lt;
      if (i + 1 >= n) return i;
      const next = s[i + 1] as number;
      if (next === 33) {
        if (i + 9 >= n) return i;
        if (bytesAt(s, i, DOCTYPE)) refuseDoctype();
        if (!bytesAt(s, i, COMMENT_OPEN)) throw new PartProblem('the shared-string table has a declaration Excel does not write');
        const end = indexOfBytes(s, COMMENT_END, i + 4);
        if (end < 0) return i;
        i = end + 3;
        continue;
      }
      if (next === 63) {
        const end = indexOfBytes(s, PI_END, i + 2);
        if (end < 0) return i;
        i = end + 2;
        continue;
      }
      if (next === 47) {
        const gt = indexOfByte(s, 62, i);
        if (gt < 0) return i;
        const name = textOf(s, i + 2, gt).trim();
        if (this.p === undefined || name !== `${this.p}sst`) throw new PartProblem(`the shared-string table closes <${name}> where </sst> belongs`);
        this.done = true;
        i = gt + 1;
        continue;
      }
      if (this.done) throw new PartProblem('the shared-string table has elements after </sst>');
      // Fast path: `<si><t>text</t></si>` of plain text (no entity, no `_x` escape), stored as its bytes.
      if (this.p !== undefined && bytesAt(s, i, this.plainOpen)) {
        const textFrom = i + this.plainOpen.length;
        let to = textFrom;
        let special = false;
        while (to < n && s[to] !== 60) {
          if (s[to] === 38 || s[to] === 95) special = true;
          to++;
        }
        if (to >= n) return i;
        if (to + this.plainClose.length > n) return i;
        if (!special && to - textFrom <= MAX_CELL_CHARS && bytesAt(s, to, this.plainClose)) {
          this.strings.addBytes(s, textFrom, to);
          this.added();
          i = to + this.plainClose.length;
          continue;
        }
      }
      const read = startTagAt(s, i, (tag) => `the shared-string table has a malformed tag ${tag}`);
      if (read === undefined) return i;
      const { tag } = read;
      const local = localName(tag.name);
      if (this.p === undefined) {
        if (local !== 'sst') throw new PartProblem(`the shared-string part's root element is <${tag.name}>, not <sst>`);
        this.p = tag.name.slice(0, tag.name.length - 3);
        this.plainOpen = bytesOf(`<${this.p}si><${this.p}t>`);
        this.plainClose = bytesOf(`</${this.p}t></${this.p}si>`);
        if (tag.selfClosing) this.done = true;
        i = read.end;
        continue;
      }
      if (local === 'si') {
        let text = '';
        let end = read.end;
        if (!tag.selfClosing) {
          const closeTag = bytesOf(`</${tag.name}>`);
          const close = indexOfBytes(s, closeTag, read.end);
          if (close < 0) return i;
          const inner = textOf(s, read.end, close);
          text = stringItemText(inner, 0, inner.length);
          end = close + closeTag.length;
        }
        this.addText(text);
        i = end;
        continue;
      }
      if (local === 'extLst') {
        if (tag.selfClosing) {
          i = read.end;
          continue;
        }
        const close = indexOfBytes(s, bytesOf(`</${tag.name}>`), read.end);
        if (close < 0) return i;
        i = close + bytesOf(tag.name).length + 3;
        continue;
      }
      throw new PartProblem(`the shared-string table holds <${tag.name}> where strings belong`);
    }
  }
}
