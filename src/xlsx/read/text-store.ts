/**
 * Texts kept as UTF-8 bytes in 1 MiB blocks, numbered in the order added, decoded when read: the
 * shared-string table and the plain text cells of a sheet's opening pass. A text takes its bytes
 * plus 8 (where a JavaScript string takes about 32 plus its characters, and a substring keeps the
 * whole chunk it was cut from alive), so a table of three million distinct claim, provider and
 * beneficiary ids takes about 70 MB here instead of about 220. A text read again while it repeats
 * (a Program or Quarter) gives the same string, from a small table by index and one by content.
 */
import { IntBlocks } from './number-blocks.js';
import { ShortTexts } from './xml-bytes.js';

/** Bytes of one block; the longest cell text (32,767 characters, at most 4 bytes each) fits within. */
export const TEXT_BLOCK = 1 << 20;
const MEMO = 4096;
const encoder = new TextEncoder();

/** What the scanners and stores need of the shared-string table. */
export interface SharedStringTable {
  readonly count: number;
  /** The text of string `index`, or undefined when there is none. */
  text(index: number): string | undefined;
  /** True when string `index` is the empty string. */
  isEmpty(index: number): boolean;
}

export class TextStore implements SharedStringTable {
  private readonly blocks: Uint8Array[] = [];
  private fill = TEXT_BLOCK;
  /** Per text: its offset (block x TEXT_BLOCK + start) and its length in bytes. */
  private readonly starts = new IntBlocks();
  private readonly lengths = new IntBlocks();
  private readonly byContent = new ShortTexts();
  private readonly memoIndex = new Int32Array(MEMO).fill(-1);
  private readonly memoText: string[] = [];

  /** A store of `texts`, in order (for tests and small tables). */
  static of(texts: readonly string[]): TextStore {
    const store = new TextStore();
    for (const t of texts) store.addString(t);
    return store;
  }

  get count(): number {
    return this.starts.length;
  }

  /** Bytes held (blocks and offsets). */
  bytes(): number {
    return this.blocks.length * TEXT_BLOCK + this.starts.bytes() * 2;
  }

  /** Room for `len` bytes in the current block (a new block when it is full); returns the block. */
  private room(len: number): Uint8Array {
    if (len > TEXT_BLOCK) throw new RangeError(`a text of ${len} bytes is longer than a block of the text store`);
    if (this.fill + len > TEXT_BLOCK) {
      this.blocks.push(new Uint8Array(TEXT_BLOCK));
      this.fill = 0;
    }
    return this.blocks[this.blocks.length - 1] as Uint8Array;
  }

  private added(len: number): number {
    this.starts.push((this.blocks.length - 1) * TEXT_BLOCK + this.fill);
    this.lengths.push(len);
    this.fill += len;
    return this.starts.length - 1;
  }

  /** Adds the text whose UTF-8 bytes are `b[from..to)`; returns its number. */
  addBytes(b: Uint8Array, from: number, to: number): number {
    const len = to - from;
    const block = this.room(len);
    // A loop for short texts: subarray + set costs more than copying a few bytes (measured).
    if (len > 64) block.set(b.subarray(from, to), this.fill);
    else for (let k = 0, at = this.fill; k < len; k++) block[at + k] = b[from + k] as number;
    return this.added(len);
  }

  /** Adds `text`; returns its number. */
  addString(text: string): number {
    const n = text.length;
    let ascii = true;
    for (let k = 0; k < n && ascii; k++) ascii = text.charCodeAt(k) < 128;
    if (ascii) {
      const block = this.room(n);
      for (let k = 0, at = this.fill; k < n; k++) block[at + k] = text.charCodeAt(k);
      return this.added(n);
    }
    const block = this.room(n * 3);
    const { written } = encoder.encodeInto(text, block.subarray(this.fill));
    return this.added(written);
  }

  /** Keeps the first `count` texts only, freeing the blocks after the last of them (nothing is added after). */
  truncate(count: number): void {
    if (count >= this.starts.length) return;
    let blocks = 0;
    if (count > 0) {
      const at = this.starts.get(count - 1);
      const start = at % TEXT_BLOCK;
      blocks = (at - start) / TEXT_BLOCK + 1;
      this.fill = start + this.lengths.get(count - 1);
    } else this.fill = TEXT_BLOCK;
    this.blocks.length = blocks;
    this.starts.truncate(count);
    this.lengths.truncate(count);
    this.memoIndex.fill(-1);
  }

  isEmpty(index: number): boolean {
    return index < this.starts.length && this.lengths.get(index) === 0;
  }

  text(index: number): string | undefined {
    if (index < 0 || index >= this.starts.length) return undefined;
    const slot = index & (MEMO - 1);
    if (this.memoIndex[slot] === index) return this.memoText[slot] as string;
    const at = this.starts.get(index);
    const start = at % TEXT_BLOCK;
    const block = this.blocks[(at - start) / TEXT_BLOCK] as Uint8Array;
    const len = this.lengths.get(index);
    const text = this.byContent.text(block, start, start + len);
    this.memoIndex[slot] = index;
    this.memoText[slot] = text;
    return text;
  }
}
