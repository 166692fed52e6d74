/**
 * A cell's inner XML as text, the general case (ECMA-376 part 1, 18.3.1.4 CT_Cell: `<f>`, `<v>`,
 * `<is>` and `<extLst>` in any mix, every cell type): the sheet scanner reads the common cells
 * (a number or a shared-string index in one `<v>`) straight from the bytes and decodes every other
 * cell's inner XML to hand it here. Strict: anything it cannot read with certainty is a problem
 * naming the cell, never a guess.
 */
import type { CellValue } from '../../core/workbook/port.js';
import { excelSerialToUtc } from './excel-serial.js';
import type { SharedStringTable } from './text-store.js';
import { MAX_CELL_CHARS, stringItemText } from './rich-text.js';
import { decodeEntities, decodeXstring, localName, onlySpace, parseStartTag } from './xml-chars.js';

/** What the scanner needs to turn a cell's XML into a value. */
export interface CellContext {
  readonly sharedStrings: SharedStringTable;
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

export interface CellXml {
  readonly value: Exclude<CellValue, null> | null;
  /** The shared-string index of a shared string, else -1. */
  readonly sharedIndex: number;
  readonly formula: FormulaXml | undefined;
}

const NUMBER = /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(Z|[+-]\d{2}:\d{2})?\s*$/;

/** True when a number's text has x, b or o (0x1F, 0b101, 0o17), which Number() would read. */
function hasRadixLetter(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i) | 32;
    if (c === 120 || c === 98 || c === 111) return true;
  }
  return false;
}

function formulaOf(attrs: Readonly<Record<string, string>>, text: string): FormulaXml {
  const type = attrs['t'] ?? 'normal';
  const group = attrs['si'];
  return { text, type, ...(type === 'shared' && group !== undefined ? { sharedGroup: group } : {}) };
}

/** The parts of a cell's inner XML `s`: its `<v>` text, its inline string and its formula. */
function cellParts(s: string, problem: (what: string) => never): { raw: string | undefined; inline: string | undefined; formula: FormulaXml | undefined } {
  let raw: string | undefined;
  let inline: string | undefined;
  let formula: FormulaXml | undefined;
  const to = s.length;
  let i = 0;
  while (i < to) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      if (!onlySpace(s, i, to)) problem('has text outside its value');
      break;
    }
    if (!onlySpace(s, i, lt)) problem('has text outside its value');
    const next = s.charCodeAt(lt + 1);
    if (next === 33 || next === 63 || next === 47) problem('has a comment, CDATA section or stray end tag inside it, which Excel does not write');
    const tag = parseStartTag(s, lt);
    if (tag === undefined || tag.end > to) problem('ends inside a tag');
    const local = localName(tag.name);
    if (tag.selfClosing) {
      if (local === 'v') raw = '';
      else if (local === 'is') inline = '';
      else if (local === 'f') formula = formulaOf(tag.attrs, '');
      else if (local !== 'extLst') problem(`holds <${tag.name}>, which is not part of a cell`);
      i = tag.end;
      continue;
    }
    const closeTag = `</${tag.name}>`;
    const close = s.indexOf(closeTag, tag.end);
    if (close < 0 || close + closeTag.length > to) problem(`has <${tag.name}> without its end tag`);
    if (local === 'v') raw = s.slice(tag.end, close);
    else if (local === 'is') {
      try {
        inline = stringItemText(s, tag.end, close);
      } catch (e) {
        problem(e instanceof Error ? e.message.replace(/^a string item/, 'has an inline string that') : String(e));
      }
      if (inline.length > MAX_CELL_CHARS) problem(`holds ${inline.length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} Excel allows in a cell`);
    } else if (local !== 'f' && local !== 'extLst') problem(`holds <${tag.name}>, which is not part of a cell`);
    else if (local === 'f') {
      const text = s.slice(tag.end, close);
      if (text.indexOf('<') >= 0) problem('has markup inside its formula');
      formula = formulaOf(tag.attrs, decodeEntities(text));
    }
    i = close + closeTag.length;
  }
  return { raw, inline, formula };
}

/**
 * The value of a cell of type `type` (its `t`, '' when absent) and format `style` whose inner XML
 * is `s`; null when it holds none. `problem` throws, naming the cell.
 */
export function cellXml(s: string, type: string, style: number, ctx: CellContext, problem: (what: string) => never): CellXml {
  const parts = cellParts(s, problem);
  const { inline, formula } = parts;
  let { raw } = parts;
  const result = (value: Exclude<CellValue, null> | null, sharedIndex = -1): CellXml => ({ value, sharedIndex, formula });
  if (raw !== undefined && raw.indexOf('<') >= 0) problem('has markup inside its value');
  // An empty <v></v> holds no value (openpyxl writes one for a formula whose result it did not keep).
  if (raw !== undefined && type !== 'str' && type !== 'inlineStr' && onlySpace(raw, 0, raw.length)) raw = undefined;
  switch (type) {
    case '':
    case 'n': {
      if (raw === undefined) return result(null);
      // Number() accepts all of xsd:double's forms; it also takes hexadecimal, binary and octal
      // literals, which xsd:double does not, so those are checked for by their letter.
      const n = Number(raw);
      if (!Number.isFinite(n) || hasRadixLetter(raw)) {
        if (!NUMBER.test(raw)) problem(`holds "${raw.slice(0, 40)}" where a number belongs`);
        problem(`holds "${raw.slice(0, 40)}", which is not a finite number`);
      }
      return result(ctx.dateStyles[style] === 1 ? (excelSerialToUtc(n, ctx.date1904) ?? n) : n);
    }
    case 's': {
      if (raw === undefined) return result(null);
      let index = 0;
      const len = raw.length;
      if (len === 0 || len > 9) problem(`refers to the shared string "${raw.slice(0, 40)}", which is not an index`);
      for (let k = 0; k < len; k++) {
        const d = raw.charCodeAt(k) - 48;
        if (d < 0 || d > 9) problem(`refers to the shared string "${raw.slice(0, 40)}", which is not an index`);
        index = index * 10 + d;
      }
      const text = ctx.sharedStrings.text(index);
      if (text === undefined) problem(`refers to shared string ${index}, but the workbook has only ${ctx.sharedStrings.count}`);
      return result(text === '' ? null : text, index);
    }
    case 'inlineStr':
    case 'str': {
      const text = inline ?? (raw === undefined ? undefined : decodeXstring(decodeEntities(raw)));
      if (text === undefined || text === '') return result(null);
      if (text.length > MAX_CELL_CHARS) problem(`holds ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_CELL_CHARS.toLocaleString('en-US')} Excel allows in a cell`);
      return result(text);
    }
    case 'b': {
      if (raw === undefined) return result(null);
      const b = raw.trim();
      if (b === '1' || b === 'true') return result(true);
      if (b === '0' || b === 'false') return result(false);
      return problem(`holds "${raw.slice(0, 40)}" where TRUE or FALSE belongs`);
    }
    case 'e': {
      if (raw === undefined) return result(null);
      const code = decodeEntities(raw).trim();
      if (!/^#[A-Z0-9/!?._]{1,20}$/i.test(code)) problem(`holds the error value "${code.slice(0, 40)}", which is not one Excel has`);
      return result({ kind: 'error', code });
    }
    case 'd': {
      if (raw === undefined) return result(null);
      const m = ISO_DATE.exec(raw);
      const ms = m === null ? NaN : Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${m[7] ?? 'Z'}`);
      if (Number.isNaN(ms)) problem(`holds "${raw.slice(0, 40)}" where an ISO 8601 date belongs`);
      return result(new Date(ms));
    }
    default:
      return problem(`has the cell type "${type}", which is not one of Excel's (n, s, str, inlineStr, b, e, d)`);
  }
}
