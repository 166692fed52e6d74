/**
 * Byte-level pieces of the sheet scanner: a worksheet's markup is ASCII, so it is scanned as UTF-8
 * bytes, and only the few pieces that hold text (a cell's inline string or formula, a tag's
 * attributes) are decoded. Scanning bytes is measured at about 3.5 times faster than scanning the
 * decoded text of the same sheet (test/bench/xlsx-read.ts), which is what puts a full sheet within
 * the reader's targets.
 */
import { PartProblem } from './read-error.js';
import { parseStartTag, type StartTag } from './xml-chars.js';

export const EMPTY_BYTES: Uint8Array = new Uint8Array(0);
const encoder = new TextEncoder();
// Not fatal: the bytes of a part are checked to be UTF-8 as they are read (xlsx-book.ts), and a
// piece decoded here always starts and ends at an ASCII delimiter, so never inside a character.
const decoder = new TextDecoder('utf-8');

export function bytesOf(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * The bytes a streaming scanner reads next: what it left of the last chunk, then `chunk`, always as
 * a plain Uint8Array (never a Node Buffer, whose indexOf and element reads are other functions:
 * one kind of array keeps every access in the scanners monomorphic).
 */
export function afterPending(pending: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (pending.length === 0) return chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
  const s = new Uint8Array(pending.length + chunk.length);
  s.set(pending, 0);
  s.set(chunk, pending.length);
  return s;
}

/** The text of `b[from..to)`. */
export function textOf(b: Uint8Array, from: number, to: number): string {
  return from >= to ? '' : decoder.decode(b.subarray(from, to));
}

/** True when `b` holds `pattern` at `i`. */
export function bytesAt(b: Uint8Array, i: number, pattern: Uint8Array): boolean {
  const n = pattern.length;
  if (i + n > b.length) return false;
  for (let k = 0; k < n; k++) if (b[i + k] !== pattern[k]) return false;
  return true;
}

/**
 * The first index of `byte` in `b` from `from`, or -1. A plain loop: the distances in a sheet are
 * a few bytes, and a call of TypedArray.prototype.indexOf costs about 60 ns, measured, more than
 * the loop (V8 inlines this function).
 */
export function indexOfByte(b: Uint8Array, byte: number, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) if (b[i] === byte) return i;
  return -1;
}

/** The first index of `pattern` in `b` from `from`, or -1. */
export function indexOfBytes(b: Uint8Array, pattern: Uint8Array, from: number): number {
  const first = pattern[0] as number;
  const last = b.length - pattern.length;
  for (let i = indexOfByte(b, first, from); i >= 0 && i <= last; i = indexOfByte(b, first, i + 1)) {
    if (bytesAt(b, i, pattern)) return i;
  }
  return -1;
}

/** True for XML whitespace (space, tab, CR, LF). */
export function isSpaceByte(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** True when `b[from..to)` is only whitespace. */
export function onlySpaceBytes(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceByte(b[i] as number)) return false;
  return true;
}

/** Index just past the `>` of the tag at `b[lt]` (a `>` inside a quoted value does not end it), or -1 when `b` ends first. */
export function tagEnd(b: Uint8Array, lt: number): number {
  let quote = 0;
  const n = b.length;
  for (let i = lt + 1; i < n; i++) {
    const c = b[i] as number;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return -1;
}

/**
 * The start tag at `b[i]`, decoded and parsed (xml-chars.ts), and the index after it; undefined when
 * `b` ends first. A tag that does not parse whole is a PartProblem with the message `malformed` gives.
 */
export function startTagAt(b: Uint8Array, i: number, malformed: (tag: string) => string): { tag: StartTag; end: number } | undefined {
  const end = tagEnd(b, i);
  if (end < 0) return undefined;
  const text = textOf(b, i, end);
  const tag = parseStartTag(text, 0);
  if (tag === undefined || tag.end !== text.length) throw new PartProblem(malformed(text.slice(0, 40)));
  return { tag, end };
}

/** True when `b` holds only 7-bit ASCII (read four bytes at a time where the view is aligned). */
export function isAscii(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  let acc = 0;
  if ((b.byteOffset & 3) === 0 && n >= 64) {
    const words = new Uint32Array(b.buffer, b.byteOffset, n >>> 2);
    for (let k = 0; k < words.length; k++) acc |= words[k] as number;
    if ((acc & 0x80808080) !== 0) return false;
    i = words.length << 2;
  }
  for (; i < n; i++) acc |= b[i] as number;
  return (acc & 0x80) === 0;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written in `b[from..to)` when it is a plain decimal of at most 15 digits (`-1234.56`),
 * else NaN (the caller then reads it as text). Exact: the digits make an integer below 2^53 and
 * 10^k (k <= 15) is exact, so one division gives the correctly rounded value, the same double
 * as Number() (Clinger 1990, "How to read floating point numbers accurately", the fast path).
 */
export function plainNumber(b: Uint8Array, from: number, to: number): number {
  let k = from;
  let negative = false;
  if (b[k] === 45) {
    negative = true;
    k++;
  }
  let m = 0;
  let digits = 0;
  let point = -1;
  for (; k < to; k++) {
    const c = b[k] as number;
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && point < 0) point = k;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const v = point < 0 ? m : m / (POW10[to - point - 1] as number);
  return negative ? -v : v;
}

/** The non-negative integer of 1 to 9 digits in `b[from..to)`, spaces around allowed, else -1. */
export function plainIndex(b: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to && isSpaceByte(b[i] as number)) i++;
  let end = to;
  while (end > i && isSpaceByte(b[end - 1] as number)) end--;
  if (end === i || end - i > 9) return -1;
  let v = 0;
  for (let k = i; k < end; k++) {
    const d = (b[k] as number) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const TEXT_SLOTS = 4096;
const SHORT_TEXT = 64;

/**
 * Decodes short texts, giving the same string again while a text repeats: a direct-mapped table of
 * 4,096 recent ASCII texts of up to 64 bytes, found by a hash of the bytes (FNV-1a) and checked
 * byte by byte. Bounded, and a text is never mistaken for another (a miss only decodes it).
 */
export class ShortTexts {
  private readonly slots: (string | undefined)[] = [];

  text(b: Uint8Array, from: number, to: number): string {
    const len = to - from;
    if (len > SHORT_TEXT) return textOf(b, from, to);
    let hash = 0x811c9dc5;
    let high = 0;
    for (let k = from; k < to; k++) {
      const c = b[k] as number;
      hash = Math.imul(hash ^ c, 16777619);
      high |= c;
    }
    if ((high & 0x80) !== 0) return textOf(b, from, to);
    const slot = (hash >>> 0) & (TEXT_SLOTS - 1);
    const seen = this.slots[slot];
    if (seen !== undefined && seen.length === len) {
      let same = true;
      for (let k = 0; k < len; k++) {
        if (seen.charCodeAt(k) !== b[from + k]) {
          same = false;
          break;
        }
      }
      if (same) return seen;
    }
    const text = String.fromCharCode.apply(null, b.subarray(from, to) as unknown as number[]);
    this.slots[slot] = text;
    return text;
  }
}
