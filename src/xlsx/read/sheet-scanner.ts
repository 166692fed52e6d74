/**
 * A narrow streaming scanner of a worksheet part (ECMA-376 part 1, 18.3.1.99 CT_Worksheet): the
 * cells of `<sheetData>` and the `<mergeCell>` ranges after it; everything else is skipped.
 *
 * Why not a general XML parser: a full sheet (1,048,576 rows, 274 MB of XML) takes 9.8 s through
 * saxes events against 4.7 s for an indexOf scan (notes, measured on these machines), and the target
 * is half LibreOffice's 8-11 s. So this scanner looks only for the few elements a sheet's values live
 * in, with String.indexOf over decoded text, and is strict about everything it reads: rows and
 * columns in order, every tag closed, no text outside cells, no DOCTYPE (so no entity is expanded),
 * no unknown entity, a number that is a number. A sheet that is cut short (no `</worksheet>`) is an
 * error. Anything it cannot read with certainty is a PartProblem naming the cell, never a guess.
 * Shared by the command line and the task pane's preview (it has no Node or DOM APIs).
 */
import type { CellValue } from '../../core/workbook/port.js';
import { excelSerialToUtc } from './excel-serial.js';
import { PartProblem } from './read-error.js';
import { MAX_CELL_CHARS, stringItemText } from './rich-text.js';
import { decodeEntities, decodeXstring, isSpace, localName, onlySpace, parseStartTag, refuseDoctype } from './xml-chars.js';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** The most XML one cell (or any other single tag) may take before it is refused: 32,767 characters of rich text runs with their formatting fit well within. */
export const MAX_PENDING_CHARS = 16 * 1024 * 1024;

/** What the scanner needs to turn a cell's XML into a value. */
export interface CellContext {
  readonly sharedStrings: readonly string[];
  /** By cell format (`s`) index: 1 when its number format is a date or time. */
  readonly dateStyles: Uint8Array;
  readonly date1904: boolean;
}

/** A cell's `<f>` element (18.3.1.40): its text, and for a shared formula its group. */
export interface FormulaXml {
  /** The formula as written (entities decoded), without `=`; '' for a cell of a shared group other than its first. */
  readonly text: string;
  /** `shared` or `array` (or `normal`, the default). */
  readonly type: string;
  /** The shared group's index (`si`), for `type` shared. */
  readonly sharedGroup?: string;
}

/** Receives the non-empty cells in sheet order. */
export interface SheetSink {
  /** `sharedIndex` is the shared-string index of a shared string, else -1. */
  cell(row: number, col: number, value: Exclude<CellValue, null>, style: number, sharedIndex: number): void;
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

const NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const INDEX = /^\s*\d{1,9}\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(Z|[+-]\d{2}:\d{2})?\s*$/;
const MERGE_REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;

/** True when a number's text has x, b or o (0x1F, 0b101, 0o17), which Number() would read. */
function hasRadixLetter(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i) | 32;
    if (c === 120 || c === 98 || c === 111) return true;
  }
  return false;
}

function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `B7` for messages. */
export function cellName(row: number, col: number): string {
  return `${columnName(col)}${row}`;
}

function formulaOf(attrs: Readonly<Record<string, string>>, text: string): FormulaXml {
  const type = attrs['t'] ?? 'normal';
  const group = attrs['si'];
  return { text, type, ...(type === 'shared' && group !== undefined ? { sharedGroup: group } : {}) };
}

export class SheetScanner {
  private buf = '';
  private state = PROLOG;
  private p = '';
  private rowTag = 'row';
  private cTag = 'c';
  private cClose = '</c>';
  private vOpen = '<v>';
  private vClose = '</v>';
  private row = 0;
  private lastCol = 0;
  private rowHasR = false;
  private rootSeen = false;
  private sharedIndex = -1;
  private cellFormula: FormulaXml | undefined;
  readonly merges: string[] = [];

  constructor(
    private readonly ctx: CellContext,
    private readonly sink: SheetSink,
  ) {}

  /** Feeds the next piece of the part's text. Throws PartProblem on malformed XML. */
  push(text: string): void {
    const s = this.buf.length === 0 ? text : this.buf + text;
    const i = this.run(s);
    this.buf = i >= s.length ? '' : s.slice(i);
    if (this.buf.length > MAX_PENDING_CHARS) {
      if (this.state === ROW) throw new PartProblem(`a cell of row ${this.row} holds more than ${MAX_CELL_CHARS.toLocaleString('en-US')} characters, more than Excel allows in a cell`, cellName(this.row, this.lastCol + 1));
      throw new PartProblem('the sheet XML has a tag that never ends');
    }
  }

  /** After the last piece: throws when the part is cut short. */
  end(): void {
    if (this.state !== DONE || !onlySpace(this.buf, 0, this.buf.length)) {
      const where = this.state === ROW || this.state === DATA ? ` after row ${this.row}` : '';
      throw new PartProblem(`the sheet XML is cut short${where} (it does not end with </worksheet>): the file is damaged or was not completely saved`);
    }
  }

  private run(s: string): number {
    let i = 0;
    const n = s.length;
    for (;;) {
      const lt = s.indexOf('<', i);
      // Text is allowed in the other parts of a sheet (header and footer text, formulas of conditional formats), not among rows and cells.
      const strict = this.state === DATA || this.state === ROW;
      if (lt < 0) {
        if (strict && !onlySpace(s, i, n)) this.strayText();
        if (this.state === DONE && !onlySpace(s, i, n)) throw new PartProblem('the sheet XML has text after </worksheet>');
        return n;
      }
      if (strict && lt > i && !onlySpace(s, i, lt)) this.strayText();
      i = lt;
      if (i + 1 >= n) return i;
      const next = s.charCodeAt(i + 1);
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
  private skipMarkup(s: string, i: number): number {
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.charCodeAt(i + 1) === 63) {
      const end = s.indexOf('?>', i + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (s.length - i < 9) return -1;
    if (s.startsWith('<!DOCTYPE', i)) refuseDoctype();
    throw new PartProblem(this.state === ROW || this.state === DATA ? `the sheet XML has a CDATA section or declaration near row ${this.row}, which Excel does not write` : 'the sheet XML has a declaration Excel does not write');
  }

  private inProlog(s: string, i: number, next: number): number {
    if (next === 47) {
      const gt = s.indexOf('>', i);
      return gt < 0 ? -1 : gt + 1;
    }
    const tag = parseStartTag(s, i);
    if (tag === undefined) return -1;
    if (!this.rootSeen) {
      if (localName(tag.name) !== 'worksheet') throw new PartProblem(`the part is not a worksheet (its root element is <${tag.name}>)`);
      this.rootSeen = true;
      const colon = tag.name.indexOf(':');
      this.p = colon < 0 ? '' : tag.name.slice(0, colon + 1);
      this.rowTag = `${this.p}row`;
      this.cTag = `${this.p}c`;
      this.cClose = `</${this.p}c>`;
      this.vOpen = `<${this.p}v>`;
      this.vClose = `</${this.p}v>`;
      if (tag.selfClosing) this.state = DONE;
      return tag.end;
    }
    if (tag.name === `${this.p}sheetData`) this.state = tag.selfClosing ? AFTER : DATA;
    return tag.end;
  }

  private inAfter(s: string, i: number, next: number): number {
    if (next === 47) {
      const gt = s.indexOf('>', i);
      if (gt < 0) return -1;
      if (s.slice(i + 2, gt).trim() === `${this.p}worksheet`) this.state = DONE;
      return gt + 1;
    }
    if (this.state === DONE) throw new PartProblem('the sheet XML has elements after </worksheet>');
    const tag = parseStartTag(s, i);
    if (tag === undefined) return -1;
    if (tag.name === `${this.p}mergeCell`) {
      const ref = tag.attrs['ref'] ?? '';
      const m = MERGE_REF.exec(ref.trim());
      if (m === null) throw new PartProblem(`the sheet lists a merged range "${ref}" that is not a cell range`);
      this.merges.push(ref.trim().replace(/\$/g, '').toUpperCase());
    }
    return tag.end;
  }

  private inData(s: string, i: number, next: number): number {
    if (next === 47) {
      const gt = s.indexOf('>', i);
      if (gt < 0) return -1;
      if (s.slice(i + 2, gt).trim() !== `${this.p}sheetData`) throw new PartProblem(`the sheet XML closes <${s.slice(i + 2, gt).trim()}> where </sheetData> belongs, after row ${this.row}`);
      this.state = AFTER;
      return gt + 1;
    }
    // `<row r="12" ...>`: attributes read in place (only r matters), as for cells.
    let tag: { name: string; end: number; selfClosing: boolean; r: string | undefined } | undefined;
    const rowLen = this.rowTag.length;
    if (s.startsWith(this.rowTag, i + 1) && isSpace(s.charCodeAt(i + 1 + rowLen))) {
      const n = s.length;
      let j = i + 1 + rowLen;
      let r: string | undefined;
      for (;;) {
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) return -1;
        const c = s.charCodeAt(j);
        if (c === 62) {
          tag = { name: this.rowTag, end: j + 1, selfClosing: false, r };
          break;
        }
        if (c === 47) {
          if (j + 1 >= n) return -1;
          if (s.charCodeAt(j + 1) !== 62) throw new PartProblem(`the tag of the row after row ${this.row} is malformed`);
          tag = { name: this.rowTag, end: j + 2, selfClosing: true, r };
          break;
        }
        const eq = s.indexOf('=', j);
        if (eq < 0) return -1;
        let q = eq + 1;
        while (q < n && isSpace(s.charCodeAt(q))) q++;
        if (q >= n) return -1;
        const quote = s.charCodeAt(q);
        if (quote !== 34 && quote !== 39) throw new PartProblem(`the tag of the row after row ${this.row} has a malformed attribute`);
        const close = s.indexOf(quote === 34 ? '"' : "'", q + 1);
        if (close < 0) return -1;
        let nameEnd = eq;
        while (nameEnd > j && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        if (nameEnd - j === 1 && s.charCodeAt(j) === 114) r = s.slice(q + 1, close);
        j = close + 1;
        const t = s.charCodeAt(j);
        if (j < n && !isSpace(t) && t !== 62 && t !== 47) throw new PartProblem(`the tag of the row after row ${this.row} has a malformed attribute`);
      }
    }
    if (tag === undefined) {
      const t = parseStartTag(s, i);
      if (t === undefined) return -1;
      tag = { name: t.name, end: t.end, selfClosing: t.selfClosing, r: t.attrs['r'] };
    }
    if (tag.name !== this.rowTag) throw new PartProblem(`the sheet XML has <${tag.name}> among its rows, after row ${this.row}`);
    const r = tag.r;
    let row = this.row + 1;
    if (r !== undefined) {
      if (!INDEX.test(r)) throw new PartProblem(`a row after row ${this.row} has the row number "${r}"`);
      row = Number(r);
    }
    if (row <= this.row || row > MAX_ROWS) throw new PartProblem(`row ${row} comes after row ${this.row}: rows must be in order, from 1 to ${MAX_ROWS.toLocaleString('en-US')}`);
    this.row = row;
    this.rowHasR = r !== undefined;
    this.lastCol = 0;
    if (tag.selfClosing) this.sink.rowEnd(row);
    else this.state = ROW;
    return tag.end;
  }

  private inRow(s: string, i: number, next: number): number {
    const n = s.length;
    if (next === 47) {
      const gt = s.indexOf('>', i);
      if (gt < 0) return -1;
      const name = s.slice(i + 2, gt).trim();
      if (name !== this.rowTag) throw new PartProblem(`row ${this.row} closes <${name}> where </row> belongs`, cellName(this.row, this.lastCol + 1));
      this.sink.rowEnd(this.row);
      this.state = DATA;
      return gt + 1;
    }
    // <c ...>: the cell's attributes are read in place (no objects), for speed.
    const cLen = this.cTag.length;
    if (cLen === 1 ? next !== 99 : !s.startsWith(this.cTag, i + 1)) return this.otherInRow(s, i);
    let j = i + 1 + cLen;
    if (j >= n) return -1;
    const after = s.charCodeAt(j);
    if (!isSpace(after) && after !== 62 && after !== 47) return this.otherInRow(s, i);
    let refStart = -1;
    let refEnd = -1;
    let type = '';
    let style = 0;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      const c = s.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (j + 1 >= n) return -1;
        if (s.charCodeAt(j + 1) !== 62) throw new PartProblem(`a cell tag in row ${this.row} is malformed`, cellName(this.row, this.lastCol + 1));
        j += 2;
        selfClosing = true;
        break;
      }
      const eq = s.indexOf('=', j);
      if (eq < 0) return -1;
      let q = eq + 1;
      while (q < n && isSpace(s.charCodeAt(q))) q++;
      if (q >= n) return -1;
      const quote = s.charCodeAt(q);
      if (quote !== 34 && quote !== 39) throw new PartProblem(`a cell tag in row ${this.row} has a malformed attribute`, cellName(this.row, this.lastCol + 1));
      const close = s.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0) return -1;
      let nameEnd = eq;
      while (nameEnd > j && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
      if (nameEnd - j === 1) {
        const a = s.charCodeAt(j);
        if (a === 114) {
          refStart = q + 1;
          refEnd = close;
        } else if (a === 116) type = s.slice(q + 1, close);
        else if (a === 115) {
          const v = s.slice(q + 1, close);
          if (!INDEX.test(v)) throw new PartProblem(`a cell in row ${this.row} has the style index "${v}"`, cellName(this.row, this.lastCol + 1));
          style = Number(v);
        }
      }
      j = close + 1;
      const t = s.charCodeAt(j);
      if (j < n && !isSpace(t) && t !== 62 && t !== 47) throw new PartProblem(`a cell tag in row ${this.row} has a malformed attribute`, cellName(this.row, this.lastCol + 1));
    }
    const col = refStart < 0 ? this.lastCol + 1 : this.refColumn(s, refStart, refEnd);
    if (col <= this.lastCol || col > MAX_COLUMNS) throw new PartProblem(`cell ${cellName(this.row, col)} comes after ${cellName(this.row, this.lastCol)}: cells must be in column order`, cellName(this.row, col));
    if (selfClosing) {
      this.lastCol = col;
      return j;
    }
    const closeAt = s.indexOf(this.cClose, j);
    if (closeAt < 0) return -1;
    this.sharedIndex = -1;
    this.cellFormula = undefined;
    const value = this.cellValue(s, j, closeAt, type, style, col);
    this.lastCol = col;
    if (value !== null) this.sink.cell(this.row, col, value, style, this.sharedIndex);
    if (this.cellFormula !== undefined && this.sink.formula !== undefined) this.sink.formula(this.row, col, this.cellFormula, style);
    return closeAt + this.cClose.length;
  }

  /** Column of a cell reference such as `AB12`, checking that its row is this row. */
  private refColumn(s: string, from: number, to: number): number {
    let i = from;
    let col = 0;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
      else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
      else break;
      i++;
      if (col > MAX_COLUMNS) break;
    }
    let row = 0;
    const digitsFrom = i;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      row = row * 10 + (c - 48);
      i++;
    }
    if (col === 0 || i !== to || digitsFrom === i || i - digitsFrom > 7) throw new PartProblem(`a cell in row ${this.row} has the reference "${s.slice(from, to)}"`, cellName(this.row, this.lastCol + 1));
    if (row !== this.row) {
      if (this.rowHasR) throw new PartProblem(`cell ${s.slice(from, to)} is inside row ${this.row}`, s.slice(from, to));
      // A row element without r takes its number from its cells.
      if (row <= this.row - 1 || row > MAX_ROWS || this.lastCol !== 0) throw new PartProblem(`cell ${s.slice(from, to)} is out of order after row ${this.row - 1}`, s.slice(from, to));
      this.row = row;
      this.rowHasR = true;
    }
    return col;
  }

  /** Elements in a row other than cells: an extension list is skipped whole; anything else is an error. */
  private otherInRow(s: string, i: number): number {
    const tag = parseStartTag(s, i);
    if (tag === undefined) return -1;
    if (localName(tag.name) !== 'extLst') throw new PartProblem(`row ${this.row} holds <${tag.name}> where cells belong`, cellName(this.row, this.lastCol + 1));
    if (tag.selfClosing) return tag.end;
    const close = s.indexOf(`</${tag.name}>`, tag.end);
    return close < 0 ? -1 : close + tag.name.length + 3;
  }

  private problem(col: number, what: string): never {
    throw new PartProblem(`cell ${cellName(this.row, col)} ${what}`, cellName(this.row, col));
  }

  /** The value of a cell whose inner XML is `s[from..to)`; null when it holds none. */
  private cellValue(s: string, from: number, to: number, type: string, style: number, col: number): Exclude<CellValue, null> | null {
    let raw: string | undefined;
    let inline: string | undefined;
    // Fast path: the inner XML is exactly <v>…</v>.
    if (s.startsWith(this.vOpen, from)) {
      const vEnd = s.indexOf(this.vClose, from + this.vOpen.length);
      if (vEnd >= 0 && vEnd + this.vClose.length === to) raw = s.slice(from + this.vOpen.length, vEnd);
    }
    if (raw === undefined) ({ raw, inline } = this.cellParts(s, from, to, col));
    if (raw !== undefined && raw.indexOf('<') >= 0) this.problem(col, 'has markup inside its value');
    // An empty <v></v> holds no value (openpyxl writes one for a formula whose result it did not keep).
    if (raw !== undefined && type !== 'str' && type !== 'inlineStr' && onlySpace(raw, 0, raw.length)) raw = undefined;
    let value: Exclude<CellValue, null> | null;
    switch (type) {
      case '':
      case 'n': {
        if (raw === undefined) return null;
        // Number() accepts all of xsd:double's forms; it also takes hexadecimal, binary and octal
        // literals, which xsd:double does not, so those are checked for by their letter.
        const n = Number(raw);
        if (!Number.isFinite(n) || hasRadixLetter(raw)) {
          if (!NUMBER.test(raw)) this.problem(col, `holds "${raw.slice(0, 40)}" where a number belongs`);
          this.problem(col, `holds "${raw.slice(0, 40)}", which is not a finite number`);
        }
        value = this.ctx.dateStyles[style] === 1 ? (excelSerialToUtc(n, this.ctx.date1904) ?? n) : n;
        return value;
      }
      case 's': {
        if (raw === undefined) return null;
        let index = 0;
        const len = raw.length;
        if (len === 0 || len > 9) this.problem(col, `refers to the shared string "${raw.slice(0, 40)}", which is not an index`);
        for (let k = 0; k < len; k++) {
          const d = raw.charCodeAt(k) - 48;
          if (d < 0 || d > 9) this.problem(col, `refers to the shared string "${raw.slice(0, 40)}", which is not an index`);
          index = index * 10 + d;
        }
        const text = this.ctx.sharedStrings[index];
        this.sharedIndex = index;
        if (text === undefined) this.problem(col, `refers to shared string ${index}, but the workbook has only ${this.ctx.sharedStrings.length}`);
        return text === '' ? null : text;
      }
      case 'inlineStr':
      case 'str': {
        const text = inline ?? (raw === undefined ? undefined : decodeXstring(decodeEntities(raw)));
        if (text === undefined || text === '') return null;
        if (text.length > MAX_CELL_CHARS) this.problem(col, `holds ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} Excel allows in a cell`);
        return text;
      }
      case 'b': {
        if (raw === undefined) return null;
        const b = raw.trim();
        if (b === '1' || b === 'true') return true;
        if (b === '0' || b === 'false') return false;
        return this.problem(col, `holds "${raw.slice(0, 40)}" where TRUE or FALSE belongs`);
      }
      case 'e': {
        if (raw === undefined) return null;
        const code = decodeEntities(raw).trim();
        if (!/^#[A-Z0-9/!?._]{1,20}$/i.test(code)) this.problem(col, `holds the error value "${code.slice(0, 40)}", which is not one Excel has`);
        return { kind: 'error', code };
      }
      case 'd': {
        if (raw === undefined) return null;
        const m = ISO_DATE.exec(raw);
        const ms = m === null ? NaN : Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${m[7] ?? 'Z'}`);
        if (Number.isNaN(ms)) this.problem(col, `holds "${raw.slice(0, 40)}" where an ISO 8601 date belongs`);
        return new Date(ms);
      }
      default:
        return this.problem(col, `has the cell type "${type}", which is not one of Excel's (n, s, str, inlineStr, b, e, d)`);
    }
  }

  /** The general case of a cell's inner XML: `<f>`, `<v>`, `<is>` and `<extLst>` in any mix. */
  private cellParts(s: string, from: number, to: number, col: number): { raw: string | undefined; inline: string | undefined } {
    let raw: string | undefined;
    let inline: string | undefined;
    let i = from;
    while (i < to) {
      const lt = s.indexOf('<', i);
      if (lt < 0 || lt >= to) {
        if (!onlySpace(s, i, to)) this.problem(col, 'has text outside its value');
        break;
      }
      if (!onlySpace(s, i, lt)) this.problem(col, 'has text outside its value');
      const next = s.charCodeAt(lt + 1);
      if (next === 33 || next === 63 || next === 47) this.problem(col, 'has a comment, CDATA section or stray end tag inside it, which Excel does not write');
      const tag = parseStartTag(s, lt);
      if (tag === undefined || tag.end > to) this.problem(col, 'ends inside a tag');
      const local = localName(tag.name);
      if (tag.selfClosing) {
        if (local === 'v') raw = '';
        else if (local === 'is') inline = '';
        else if (local === 'f') this.cellFormula = formulaOf(tag.attrs, '');
        else if (local !== 'extLst') this.problem(col, `holds <${tag.name}>, which is not part of a cell`);
        i = tag.end;
        continue;
      }
      const closeTag = `</${tag.name}>`;
      const close = s.indexOf(closeTag, tag.end);
      if (close < 0 || close + closeTag.length > to) this.problem(col, `has <${tag.name}> without its end tag`);
      if (local === 'v') raw = s.slice(tag.end, close);
      else if (local === 'is') {
        try {
          inline = stringItemText(s, tag.end, close);
        } catch (e) {
          this.problem(col, e instanceof Error ? e.message.replace(/^a string item/, 'has an inline string that') : String(e));
        }
        if (inline.length > MAX_CELL_CHARS) this.problem(col, `holds ${inline.length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} Excel allows in a cell`);
      } else if (local !== 'f' && local !== 'extLst') this.problem(col, `holds <${tag.name}>, which is not part of a cell`);
      else if (local === 'f') {
        const text = s.slice(tag.end, close);
        if (text.indexOf('<') >= 0) this.problem(col, 'has markup inside its formula');
        this.cellFormula = formulaOf(tag.attrs, decodeEntities(text));
      }
      i = close + closeTag.length;
    }
    return { raw, inline };
  }
}

