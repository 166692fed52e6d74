/** Growable lists of numbers in fixed blocks of typed arrays (no copying as they grow), for the reader's stores. */

/** 16,384 entries a block (64 KiB of 32-bit integers): a small sheet's store takes a few hundred KiB, not megabytes. */
export const BLOCK_BITS = 14;
export const BLOCK = 1 << BLOCK_BITS;
export const MASK = BLOCK - 1;

/** A growable list of 32-bit integers in fixed blocks (no copying as it grows). One class per element type keeps every access monomorphic. */
export class IntBlocks {
  readonly blocks: Int32Array[] = [];
  length = 0;

  push(v: number): void {
    const b = this.length >>> BLOCK_BITS;
    if (b === this.blocks.length) this.blocks.push(new Int32Array(BLOCK));
    (this.blocks[b] as Int32Array)[this.length & MASK] = v;
    this.length++;
  }

  get(i: number): number {
    return (this.blocks[i >>> BLOCK_BITS] as Int32Array)[i & MASK] as number;
  }

  truncate(n: number): void {
    this.length = n;
    this.blocks.length = (n + MASK) >>> BLOCK_BITS;
  }

  bytes(): number {
    return this.blocks.length * BLOCK * 4;
  }
}

/** The same for 64-bit floats (numbers and dates): a class of its own, so each stays monomorphic. */
export class FloatBlocks {
  readonly blocks: Float64Array[] = [];
  length = 0;

  push(v: number): void {
    const b = this.length >>> BLOCK_BITS;
    if (b === this.blocks.length) this.blocks.push(new Float64Array(BLOCK));
    (this.blocks[b] as Float64Array)[this.length & MASK] = v;
    this.length++;
  }

  get(i: number): number {
    return (this.blocks[i >>> BLOCK_BITS] as Float64Array)[i & MASK] as number;
  }

  truncate(n: number): void {
    this.length = n;
    this.blocks.length = (n + MASK) >>> BLOCK_BITS;
  }

  bytes(): number {
    return this.blocks.length * BLOCK * 8;
  }
}
