/**
 * A narrow streaming scanner of a worksheet part (ECMA-376 part 1, 18.3.1.99 CT_Worksheet): the
 * cells of `<sheetData>` and the `<mergeCell>` ranges after it; everything else is skipped.
 *
 * Why not a general XML parser: a full sheet (1,048,576 rows, 243 MB of XML) takes 9.8 s through
 * saxes events, and the target is half of LibreOffice's conversion of the same file. So this scanner
 * reads the UTF-8 bytes themselves (the markup is ASCII; see xml-bytes.ts), looks only for the few
 * elements a sheet's values live in, reads the common cell (a number or a shared-string index in one
 * `<v>`) without making a string, and decodes the rest of a cell only when it holds more (cell-xml.ts).
 * It is strict about everything it reads: rows and columns in order, every tag closed, no text
 * outside cells, no DOCTYPE (so no entity is expanded), no unknown entity, a number that is a number.
 * A sheet that is cut short (no `</worksheet>`) is an error. Anything it cannot read with certainty
 * is a PartProblem naming the cell, never a guess. Shared by the command line and the task pane's
 * preview (it has no Node or DOM APIs).
 */
import type { CellValue } from '../../core/workbook/port.js';
import { cellXml, type CellContext, type FormulaXml } from './cell-xml.js';
import { excelSerialToUtc } from './excel-serial.js';
import { PartProblem } from './read-error.js';
import { MAX_CELL_CHARS } from './rich-text.js';
import { afterPending, bytesAt, bytesOf, EMPTY_BYTES, indexOfByte, indexOfBytes, isSpaceByte, onlySpaceBytes, plainIndex, plainNumber, ShortTexts, startTagAt, textOf } from './xml-bytes.js';
import { localName, refuseDoctype, type StartTag } from './xml-chars.js';

export type { CellContext, FormulaXml } from './cell-xml.js';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** The most XML one cell (or any other single tag) may take before it is refused: 32,767 characters of rich text runs with their formatting fit well within. */
export const MAX_PENDING_CHARS = 16 * 1024 * 1024;

/** Receives the non-empty cells in sheet order. */
export interface SheetSink {
  /** `sharedIndex` is the shared-string index of a shared string, else -1. */
  cell(row: number, col: number, value: Exclude<CellValue, null>, style: number, sharedIndex: number): void;
  /** A cell holding shared string `index` (not the empty string); optional: without it the cell's text is given to `cell`. */
  shared?(row: number, col: number, index: number, style: number): void;
  /**
   * A cell of plain text (no entity, no escape) given as its UTF-8 bytes `b[from..to)`, valid only
   * during the call; optional: without it such a cell is decoded and given to `cell`.
   */
  text?(row: number, col: number, b: Uint8Array, from: number, to: number, style: number): void;
  /** A cell's formula, after its `cell` call (a formula saved with no cached value has none); optional. */
  formula?(row: number, col: number, formula: FormulaXml, style: number): void;
  /** After the last cell of a row element. */
  rowEnd(row: number): void;
}

const PROLOG = 0;
const DATA = 1;
const ROW = 2;
const AFTER = 3;
const DONE = 4;

const MERGE_REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;
const BOM = [0xef, 0xbb, 0xbf];
const STR = bytesOf('str');
const INLINE_STR = bytesOf('inlineStr');

function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `B7` for messages. */
export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

/** A cell's `t` attribute as written, without making a string for the usual ones. */
function cellType(b: Uint8Array, from: number, to: number): string {
  const len = to - from;
  if (len === 0) return '';
  if (len === 1) {
    switch (b[from]) {
      case 115:
        return 's';
      case 110:
        return 'n';
      case 98:
        return 'b';
      case 101:
        return 'e';
      case 100:
        return 'd';
    }
  }
  if (bytesAt(b, from, STR) && len === STR.length) return 'str';
  if (bytesAt(b, from, INLINE_STR) && len === INLINE_STR.length) return 'inlineStr';
  return textOf(b, from, to);
}

export class SheetScanner {
  private buf: Uint8Array = EMPTY_BYTES;
  private started = false;
  private state = PROLOG;
  private p = '';
  private rowTag = 'row';
  private rowTagBytes = bytesOf('row');
  private cTagBytes = bytesOf('c');
  private cCloseBytes = bytesOf('</c>');
  private vOpenBytes = bytesOf('<v>');
  private vCloseBytes = bytesOf('</v>');
  private row = 0;
  private lastCol = 0;
  private rowHasR = false;
  private rootSeen = false;
  readonly merges: string[] = [];
  /** Inline texts decoded once each while they repeat (a claim sheet's Program, Quarter and Component). */
  private readonly texts = new ShortTexts();

  constructor(
    private readonly ctx: CellContext,
    private readonly sink: SheetSink,
  ) {}

  /** Feeds the next piece of the part's bytes (UTF-8). Throws PartProblem on malformed XML. */
  push(chunk: Uint8Array): void {
    const s = afterPending(this.buf, chunk);
    let from = 0;
    if (!this.started) {
      // A byte order mark is not part of the XML (as TextDecoder drops it).
      if (s.length < BOM.length && BOM.slice(0, s.length).every((v, k) => s[k] === v)) {
        this.buf = s;
        return;
      }
      this.started = true;
      if (s[0] === BOM[0] && s[1] === BOM[1] && s[2] === BOM[2]) from = 3;
    }
    const i = this.run(s, from);
    this.buf = i >= s.length ? EMPTY_BYTES : s.subarray(i);
    if (this.buf.length > MAX_PENDING_CHARS) {
      if (this.state === ROW) throw new PartProblem(`a cell of row ${this.row} holds more than ${MAX_CELL_CHARS.toLocaleString('en-US')} characters, more than Excel allows in a cell`, cellName(this.row, this.lastCol + 1));
      throw new PartProblem('the sheet XML has a tag that never ends');
    }
  }

  /** After the last piece: throws when the part is cut short. */
  end(): void {
    if (this.state !== DONE || !onlySpaceBytes(this.buf, 0, this.buf.length)) {
      const where = this.state === ROW || this.state === DATA ? ` after row ${this.row}` : '';
      throw new PartProblem(`the sheet XML is cut short${where} (it does not end with </worksheet>): the file is damaged or was not completely saved`);
    }
  }

  private run(s: Uint8Array, from: number): number {
    let i = from;
    const n = s.length;
    for (;;) {
      const lt = indexOfByte(s, 60, i);
      // Text is allowed in the other parts of a sheet (header and footer text, formulas of conditional formats), not among rows and cells.
      const strict = this.state === DATA || this.state === ROW;
      if (lt < 0) {
        if (strict && !onlySpaceBytes(s, i, n)) this.strayText();
        if (this.state === DONE && !onlySpaceBytes(s, i, n)) throw new PartProblem('the sheet XML has text after </worksheet>');
        return n;
      }
      if (strict && lt > i && !onlySpaceBytes(s, i, lt)) this.strayText();
      i = lt;
      if (i + 1 >= n) return i;
      const next = s[i + 1] as number;
      if (next === 33 || next === 63) {
        const skipped = this.skipMarkup(s, i);
        if (skipped < 0) return i;
        i = skipped;
        continue;
      }
      let r: number;
      switch (this.state) {
        case ROW:
          r = this.inRow(s, i, next);
          break;
        case DATA:
          r = this.inData(s, i, next);
          break;
        case PROLOG:
          r = this.inProlog(s, i, next);
          break;
        default:
          r = this.inAfter(s, i, next);
      }
      if (r < 0) return i;
      i = r;
    }
  }

  private strayText(): never {
    throw new PartProblem(`the sheet XML has text outside any cell near row ${this.row}`);
  }

  /** Comments, processing instructions and declarations. Returns the index after them, or -1 when incomplete. */
  private skipMarkup(s: Uint8Array, i: number): number {
    if (s.length - i < 4) return -1;
    if (s[i + 1] === 33 && s[i + 2] === 45 && s[i + 3] === 45) {
      const end = indexOfBytes(s, COMMENT_END, i + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s[i + 1] === 63) {
      const end = indexOfBytes(s, PI_END, i + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (s.length - i < 9) return -1;
    if (bytesAt(s, i, DOCTYPE)) refuseDoctype();
    throw new PartProblem(this.state === ROW || this.state === DATA ? `the sheet XML has a CDATA section or declaration near row ${this.row}, which Excel does not write` : 'the sheet XML has a declaration Excel does not write');
  }

  /** The start tag at `s[i]`, decoded and parsed, and the index after it; undefined when `s` ends first. */
  private startTag(s: Uint8Array, i: number): { tag: StartTag; end: number } | undefined {
    return startTagAt(s, i, (tag) => `the XML tag ${tag} is malformed`);
  }

  /** The name of the end tag at `s[i]` (`</name>`), trimmed, and the index after it; undefined when `s` ends first. */
  private endTag(s: Uint8Array, i: number): { name: string; end: number } | undefined {
    const gt = indexOfByte(s, 62, i);
    if (gt < 0) return undefined;
    // `</row>`, once a row: no string made.
    if (this.state === ROW && gt - i - 2 === this.rowTagBytes.length && bytesAt(s, i + 2, this.rowTagBytes)) return { name: this.rowTag, end: gt + 1 };
    return { name: textOf(s, i + 2, gt).trim(), end: gt + 1 };
  }

  private inProlog(s: Uint8Array, i: number, next: number): number {
    if (next === 47) {
      const gt = indexOfByte(s, 62, i);
      return gt < 0 ? -1 : gt + 1;
    }
    const read = this.startTag(s, i);
    if (read === undefined) return -1;
    const { tag } = read;
    if (!this.rootSeen) {
      if (localName(tag.name) !== 'worksheet') throw new PartProblem(`the part is not a worksheet (its root element is <${tag.name}>)`);
      this.rootSeen = true;
      const colon = tag.name.indexOf(':');
      this.p = colon < 0 ? '' : tag.name.slice(0, colon + 1);
      this.rowTag = `${this.p}row`;
      this.rowTagBytes = bytesOf(this.rowTag);
      this.cTagBytes = bytesOf(`${this.p}c`);
      this.cCloseBytes = bytesOf(`</${this.p}c>`);
      this.vOpenBytes = bytesOf(`<${this.p}v>`);
      this.vCloseBytes = bytesOf(`</${this.p}v>`);
      if (tag.selfClosing) this.state = DONE;
      return read.end;
    }
    if (tag.name === `${this.p}sheetData`) this.state = tag.selfClosing ? AFTER : DATA;
    return read.end;
  }

  private inAfter(s: Uint8Array, i: number, next: number): number {
    if (next === 47) {
      const close = this.endTag(s, i);
      if (close === undefined) return -1;
      if (close.name === `${this.p}worksheet`) this.state = DONE;
      return close.end;
    }
    if (this.state === DONE) throw new PartProblem('the sheet XML has elements after </worksheet>');
    const read = this.startTag(s, i);
    if (read === undefined) return -1;
    const { tag } = read;
    if (tag.name === `${this.p}mergeCell`) {
      const ref = tag.attrs['ref'] ?? '';
      const m = MERGE_REF.exec(ref.trim());
      if (m === null) throw new PartProblem(`the sheet lists a merged range "${ref}" that is not a cell range`);
      this.merges.push(ref.trim().replace(/\$/g, '').toUpperCase());
    }
    return read.end;
  }

  private inData(s: Uint8Array, i: number, next: number): number {
    if (next === 47) {
      const close = this.endTag(s, i);
      if (close === undefined) return -1;
      if (close.name !== `${this.p}sheetData`) throw new PartProblem(`the sheet XML closes <${close.name}> where </sheetData> belongs, after row ${this.row}`);
      this.state = AFTER;
      return close.end;
    }
    const n = s.length;
    // `<row r="12" ...>`: attributes read in place (only r matters), as for cells.
    let end = -1;
    let selfClosing = false;
    let rFrom = -1;
    let rTo = -1;
    const rowLen = this.rowTagBytes.length;
    if (i + 1 + rowLen < n && bytesAt(s, i + 1, this.rowTagBytes) && isSpaceByte(s[i + 1 + rowLen] as number)) {
      let j = i + 1 + rowLen;
      for (;;) {
        while (j < n && isSpaceByte(s[j] as number)) j++;
        if (j >= n) return -1;
        const c = s[j] as number;
        if (c === 62) {
          end = j + 1;
          break;
        }
        if (c === 47) {
          if (j + 1 >= n) return -1;
          if (s[j + 1] !== 62) throw new PartProblem(`the tag of the row after row ${this.row} is malformed`);
          end = j + 2;
          selfClosing = true;
          break;
        }
        // A one-letter name then `=` (r="12") is the usual attribute: no search.
        const eq = j + 1 < n && s[j + 1] === 61 ? j + 1 : indexOfByte(s, 61, j);
        if (eq < 0) return -1;
        let q = eq + 1;
        while (q < n && isSpaceByte(s[q] as number)) q++;
        if (q >= n) return -1;
        const quote = s[q] as number;
        if (quote !== 34 && quote !== 39) throw new PartProblem(`the tag of the row after row ${this.row} has a malformed attribute`);
        const close = indexOfByte(s, quote, q + 1);
        if (close < 0) return -1;
        let nameEnd = eq;
        while (nameEnd > j && isSpaceByte(s[nameEnd - 1] as number)) nameEnd--;
        if (nameEnd - j === 1 && s[j] === 114) {
          rFrom = q + 1;
          rTo = close;
        }
        j = close + 1;
        // (Read only within the bytes: a read past the end would make V8 deoptimise the scanner.)
        if (j < n && !isSpaceByte(s[j] as number) && s[j] !== 62 && s[j] !== 47) throw new PartProblem(`the tag of the row after row ${this.row} has a malformed attribute`);
      }
    } else {
      const read = this.startTag(s, i);
      if (read === undefined) return -1;
      if (read.tag.name !== this.rowTag) throw new PartProblem(`the sheet XML has <${read.tag.name}> among its rows, after row ${this.row}`);
      const r = read.tag.attrs['r'];
      // An attribute value decoded from entities is checked as text below.
      const index = r === undefined ? -1 : plainIndexOfText(r);
      if (r !== undefined && index < 0) this.badRowNumber(r);
      return this.rowStart(index, read.end, read.tag.selfClosing);
    }
    const index = rFrom < 0 ? -1 : plainIndex(s, rFrom, rTo);
    if (rFrom >= 0 && index < 0) this.badRowNumber(textOf(s, rFrom, rTo));
    return this.rowStart(index, end, selfClosing);
  }

  private badRowNumber(r: string): never {
    throw new PartProblem(`a row after row ${this.row} has the row number "${r}"`);
  }

  /** A row element begins: `index` is its r (-1 when it has none). */
  private rowStart(index: number, end: number, selfClosing: boolean): number {
    const row = index < 0 ? this.row + 1 : index;
    if (row <= this.row || row > MAX_ROWS) throw new PartProblem(`row ${row} comes after row ${this.row}: rows must be in order, from 1 to ${MAX_ROWS.toLocaleString('en-US')}`);
    this.row = row;
    this.rowHasR = index >= 0;
    this.lastCol = 0;
    if (selfClosing) this.sink.rowEnd(row);
    else this.state = ROW;
    return end;
  }

  private inRow(s: Uint8Array, i: number, next: number): number {
    const n = s.length;
    if (next === 47) {
      const close = this.endTag(s, i);
      if (close === undefined) return -1;
      if (close.name !== this.rowTag) throw new PartProblem(`row ${this.row} closes <${close.name}> where </row> belongs`, cellName(this.row, this.lastCol + 1));
      this.sink.rowEnd(this.row);
      this.state = DATA;
      return close.end;
    }
    // <c ...>: the cell's attributes are read in place (no objects, no strings), for speed.
    const cTag = this.cTagBytes;
    const cLen = cTag.length;
    if (cLen === 1 ? next !== 99 : !bytesAt(s, i + 1, cTag)) return this.otherInRow(s, i);
    let j = i + 1 + cLen;
    if (j >= n) return -1;
    const after = s[j] as number;
    if (!isSpaceByte(after) && after !== 62 && after !== 47) return this.otherInRow(s, i);
    let refStart = -1;
    let refEnd = -1;
    let typeStart = -1;
    let typeEnd = -1;
    let style = 0;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpaceByte(s[j] as number)) j++;
      if (j >= n) return -1;
      const c = s[j] as number;
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (j + 1 >= n) return -1;
        if (s[j + 1] !== 62) throw new PartProblem(`a cell tag in row ${this.row} is malformed`, cellName(this.row, this.lastCol + 1));
        j += 2;
        selfClosing = true;
        break;
      }
      const eq = j + 1 < n && s[j + 1] === 61 ? j + 1 : indexOfByte(s, 61, j);
      if (eq < 0) return -1;
      let q = eq + 1;
      while (q < n && isSpaceByte(s[q] as number)) q++;
      if (q >= n) return -1;
      const quote = s[q] as number;
      if (quote !== 34 && quote !== 39) throw new PartProblem(`a cell tag in row ${this.row} has a malformed attribute`, cellName(this.row, this.lastCol + 1));
      const close = indexOfByte(s, quote, q + 1);
      if (close < 0) return -1;
      let nameEnd = eq;
      while (nameEnd > j && isSpaceByte(s[nameEnd - 1] as number)) nameEnd--;
      if (nameEnd - j === 1) {
        const a = s[j] as number;
        if (a === 114) {
          refStart = q + 1;
          refEnd = close;
        } else if (a === 116) {
          typeStart = q + 1;
          typeEnd = close;
        } else if (a === 115) {
          style = plainIndex(s, q + 1, close);
          if (style < 0) throw new PartProblem(`a cell in row ${this.row} has the style index "${textOf(s, q + 1, close)}"`, cellName(this.row, this.lastCol + 1));
        }
      }
      j = close + 1;
      if (j < n && !isSpaceByte(s[j] as number) && s[j] !== 62 && s[j] !== 47) throw new PartProblem(`a cell tag in row ${this.row} has a malformed attribute`, cellName(this.row, this.lastCol + 1));
    }
    const col = refStart < 0 ? this.lastCol + 1 : this.refColumn(s, refStart, refEnd);
    if (col <= this.lastCol || col > MAX_COLUMNS) throw new PartProblem(`cell ${cellName(this.row, col)} comes after ${cellName(this.row, this.lastCol)}: cells must be in column order`, cellName(this.row, col));
    if (selfClosing) {
      this.lastCol = col;
      return j;
    }
    const type = typeStart < 0 ? '' : cellType(s, typeStart, typeEnd);
    const cClose = this.cCloseBytes;
    // The common cell, `<v>` then its digits then `</v></c>`, read from the bytes.
    // Without a namespace prefix (as Excel writes) the tags are compared byte by byte, which is
    // measured faster than the general comparison.
    const plain = this.p === '';
    if ((type === 's' || type === '' || type === 'n' || type === 'str') && (plain ? j + 2 < n && s[j] === 60 && s[j + 1] === 118 && s[j + 2] === 62 : bytesAt(s, j, this.vOpenBytes))) {
      const from = j + this.vOpenBytes.length;
      let to = from;
      while (to < n && s[to] !== 60) to++;
      const closeAt = to + this.vCloseBytes.length;
      const closed = plain
        ? closeAt + 3 < n && s[to + 1] === 47 && s[to + 2] === 118 && s[to + 3] === 62 && s[closeAt] === 60 && s[closeAt + 1] === 47 && s[closeAt + 2] === 99 && s[closeAt + 3] === 62
        : bytesAt(s, to, this.vCloseBytes) && bytesAt(s, closeAt, cClose);
      if (to > from && closed) {
        if (type === 's') {
          const first = s[from] as number;
          const last = s[to - 1] as number;
          // Digits only (spaces around are left to the general case, which refuses them).
          const index = first >= 48 && first <= 57 && last >= 48 && last <= 57 ? plainIndex(s, from, to) : -1;
          const strings = this.ctx.sharedStrings;
          if (index >= 0 && index < strings.count) {
            this.lastCol = col;
            if (strings.isEmpty(index)) return closeAt + cClose.length;
            if (this.sink.shared !== undefined) this.sink.shared(this.row, col, index, style);
            else this.sink.cell(this.row, col, strings.text(index) as string, style, index);
            return closeAt + cClose.length;
          }
        } else if (type === 'str') {
          // A formula's text result saved without its formula (as streaming writers save text).
          let special = false;
          for (let k = from; k < to && !special; k++) special = s[k] === 38 || s[k] === 95;
          if (!special && to - from <= MAX_CELL_CHARS) {
            this.lastCol = col;
            this.plainText(col, s, from, to, style);
            return closeAt + cClose.length;
          }
        } else {
          const v = plainNumber(s, from, to);
          if (v === v) {
            this.lastCol = col;
            this.sink.cell(this.row, col, this.ctx.dateStyles[style] === 1 ? (excelSerialToUtc(v, this.ctx.date1904) ?? v) : v, style, -1);
            return closeAt + cClose.length;
          }
        }
      }
    }
    // An inline string of plain text, `<is><t>text</t></is>` (as streaming writers save text),
    // read from the bytes; text with an entity or an `_x` escape is left to the general case.
    if (plain && type === 'inlineStr' && j + 7 < n && s[j] === 60 && s[j + 1] === 105 && s[j + 2] === 115 && s[j + 3] === 62 && s[j + 4] === 60 && s[j + 5] === 116 && s[j + 6] === 62) {
      const from = j + 7;
      let to = from;
      let special = false;
      while (to < n && s[to] !== 60) {
        if (s[to] === 38 || s[to] === 95) special = true;
        to++;
      }
      const end = to + INLINE_CLOSE.length;
      if (!special && to - from <= MAX_CELL_CHARS && end <= n && bytesAt(s, to, INLINE_CLOSE)) {
        this.lastCol = col;
        if (to > from) this.plainText(col, s, from, to, style);
        return end;
      }
    }
    const closeAt = indexOfBytes(s, cClose, j);
    if (closeAt < 0) return -1;
    this.lastCol = col;
    // Anything else: the inner XML as text.
    const read = cellXml(textOf(s, j, closeAt), type, style, this.ctx, (what) => this.problem(col, what));
    if (read.value !== null) this.sink.cell(this.row, col, read.value, style, read.sharedIndex);
    if (read.formula !== undefined && this.sink.formula !== undefined) this.sink.formula(this.row, col, read.formula, style);
    return closeAt + cClose.length;
  }

  /** A cell of plain text, as bytes when the sink takes them. */
  private plainText(col: number, s: Uint8Array, from: number, to: number, style: number): void {
    if (this.sink.text !== undefined) this.sink.text(this.row, col, s, from, to, style);
    else this.sink.cell(this.row, col, this.texts.text(s, from, to), style, -1);
  }

  /** Column of a cell reference such as `AB12`, checking that its row is this row. */
  private refColumn(s: Uint8Array, from: number, to: number): number {
    let i = from;
    let col = 0;
    while (i < to) {
      const c = s[i] as number;
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else break;
      i++;
      if (col > MAX_COLUMNS) break;
    }
    let row = 0;
    const digitsFrom = i;
    while (i < to) {
      const c = s[i] as number;
      if (c < 48 || c > 57) break;
      row = row * 10 + (c - 48);
      i++;
    }
    if (col === 0 || i !== to || digitsFrom === i || i - digitsFrom > 7) throw new PartProblem(`a cell in row ${this.row} has the reference "${textOf(s, from, to)}"`, cellName(this.row, this.lastCol + 1));
    if (row !== this.row) {
      const ref = textOf(s, from, to);
      if (this.rowHasR) throw new PartProblem(`cell ${ref} is inside row ${this.row}`, ref);
      // A row element without r takes its number from its cells.
      if (row <= this.row - 1 || row > MAX_ROWS || this.lastCol !== 0) throw new PartProblem(`cell ${ref} is out of order after row ${this.row - 1}`, ref);
      this.row = row;
      this.rowHasR = true;
    }
    return col;
  }

  /** Elements in a row other than cells: an extension list is skipped whole; anything else is an error. */
  private otherInRow(s: Uint8Array, i: number): number {
    const read = this.startTag(s, i);
    if (read === undefined) return -1;
    const { tag } = read;
    if (localName(tag.name) !== 'extLst') throw new PartProblem(`row ${this.row} holds <${tag.name}> where cells belong`, cellName(this.row, this.lastCol + 1));
    if (tag.selfClosing) return read.end;
    const close = indexOfBytes(s, bytesOf(`</${tag.name}>`), read.end);
    return close < 0 ? -1 : close + bytesOf(tag.name).length + 3;
  }

  private problem(col: number, what: string): never {
    throw new PartProblem(`cell ${cellName(this.row, col)} ${what}`, cellName(this.row, col));
  }
}

const COMMENT_END = bytesOf('-->');
const INLINE_CLOSE = bytesOf('</t></is></c>');
const PI_END = bytesOf('?>');
const DOCTYPE = bytesOf('<!DOCTYPE');

/** A row number given as (entity-decoded) attribute text: 1 to 9 digits, spaces around allowed; else -1. */
function plainIndexOfText(r: string): number {
  return /^\s*\d{1,9}\s*$/.test(r) ? Number(r) : -1;
}
