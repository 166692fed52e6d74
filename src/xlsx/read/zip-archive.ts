/**
 * Reads a zip archive's central directory (PKWARE APPNOTE.TXT 6.3.10: 4.3.12 central file header,
 * 4.3.16 end of central directory, 4.3.14-15 and 4.5.3 Zip64) and opens entries as streams of
 * inflated bytes whose size and CRC-32 are checked at the end, so a truncated or altered entry is
 * an error, never silently different data. The platform (Node or the browser) supplies the bytes,
 * the inflater and the CRC function; everything else is shared.
 */
import { PartProblem } from './read-error.js';
import { isAscii } from './xml-bytes.js';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

/** What a platform gives the archive reader. */
export interface ZipPlatform {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /** The inflated (method 8) or stored (method 0) bytes of `length` compressed bytes at `offset`, chunk by chunk. */
  inflate(offset: number, length: number, method: number): AsyncIterable<Uint8Array>;
  crc32(data: Uint8Array, previous: number): number;
  /** True when the bytes are 7-bit ASCII, where the platform has a native check (Node's buffer.isAscii); else a JavaScript loop is used. */
  isAscii?(data: Uint8Array): boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 100_000;

function u16(b: Uint8Array, i: number): number {
  return (b[i] as number) | ((b[i + 1] as number) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24)) >>> 0;
}
function u64(b: Uint8Array, i: number): number {
  const v = u32(b, i) + u32(b, i + 4) * 2 ** 32;
  if (!Number.isSafeInteger(v)) throw new PartProblem('the zip directory holds a size too large to be real');
  return v;
}

export class ZipArchive {
  private constructor(
    private readonly platform: ZipPlatform,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** Reads the central directory. Throws PartProblem when the bytes are not a complete zip archive. */
  static async open(platform: ZipPlatform): Promise<ZipArchive> {
    const { size } = platform;
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await platform.read(size - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (u32(tail, i) === EOCD && i + 22 + u16(tail, i + 20) <= tail.length) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new PartProblem('the zip archive has no end record, so the file is truncated (an incomplete download or copy) or damaged');
    let count = u16(tail, at + 10);
    let dirSize = u32(tail, at + 12);
    let dirOffset = u32(tail, at + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const locatorAt = size - tailLength + at - 20;
      const locator = locatorAt >= 0 ? await platform.read(locatorAt, 20) : new Uint8Array(0);
      if (locator.length < 20 || u32(locator, 0) !== ZIP64_LOCATOR) throw new PartProblem('the zip archive is damaged (its Zip64 end record is missing)');
      const recordAt = u64(locator, 8);
      const record = recordAt + 56 <= size ? await platform.read(recordAt, 56) : new Uint8Array(0);
      if (record.length < 56 || u32(record, 0) !== ZIP64_EOCD) throw new PartProblem('the zip archive is damaged (its Zip64 end record is missing)');
      count = u64(record, 32);
      dirSize = u64(record, 40);
      dirOffset = u64(record, 48);
    }
    if (count > MAX_ENTRIES) throw new PartProblem(`the zip archive lists ${count} entries, more than a workbook has`);
    if (dirOffset + dirSize > size) throw new PartProblem('the zip archive is truncated: its directory points past the end of the file');
    const dir = await platform.read(dirOffset, dirSize);
    const entries = new Map<string, ZipEntry>();
    const decoder = new TextDecoder('utf-8');
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || u32(dir, p) !== CENTRAL) throw new PartProblem('the zip directory is damaged');
      const flags = u16(dir, p + 8);
      const method = u16(dir, p + 10);
      let crc = u32(dir, p + 16);
      let compressedSize = u32(dir, p + 20);
      let uncompressed = u32(dir, p + 24);
      const nameLength = u16(dir, p + 28);
      const extraLength = u16(dir, p + 30);
      const commentLength = u16(dir, p + 32);
      let localHeaderOffset = u32(dir, p + 42);
      const end = p + 46 + nameLength + extraLength + commentLength;
      if (end > dir.length) throw new PartProblem('the zip directory is damaged');
      const name = decoder.decode(dir.subarray(p + 46, p + 46 + nameLength));
      // Zip64 extended information (APPNOTE 4.5.3): only the fields that are 0xFFFFFFFF, in this order.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = u16(dir, e);
        const len = u16(dir, e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressed === 0xffffffff && f + 8 <= e + 4 + len) {
            uncompressed = u64(dir, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= e + 4 + len) {
            compressedSize = u64(dir, f);
            f += 8;
          }
          if (localHeaderOffset === 0xffffffff && f + 8 <= e + 4 + len) localHeaderOffset = u64(dir, f);
        }
        e += 4 + len;
      }
      crc >>>= 0;
      const key = name.toLowerCase();
      if (entries.has(key)) throw new PartProblem(`the zip archive holds two entries named ${name}`);
      entries.set(key, { name, method, compressedSize, size: uncompressed, crc32: crc, localHeaderOffset, encrypted: (flags & 1) === 1 });
      p = end;
    }
    return new ZipArchive(platform, entries);
  }

  /** True when `data` is 7-bit ASCII (the platform's native check when it has one). */
  isAscii(data: Uint8Array): boolean {
    return this.platform.isAscii === undefined ? isAscii(data) : this.platform.isAscii(data);
  }

  /** Entry names as stored. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** The entry of a part name (compared ignoring case, as OPC part names are), or undefined. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\//, '').toLowerCase());
  }

  /**
   * The inflated bytes of entry `name`, chunk by chunk. Throws PartProblem when the entry is
   * encrypted, uses another compression, is cut short, or its size or CRC-32 differ from the directory.
   */
  async *open(name: string): AsyncGenerator<Uint8Array> {
    const entry = this.entry(name);
    if (entry === undefined) throw new PartProblem(`the package has no part ${name}`);
    if (entry.encrypted) throw new PartProblem(`part ${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) throw new PartProblem(`part ${entry.name} uses compression method ${entry.method}, which Excel does not write`);
    const local = entry.localHeaderOffset + 30 <= this.platform.size ? await this.platform.read(entry.localHeaderOffset, 30) : new Uint8Array(0);
    if (local.length < 30 || u32(local, 0) !== LOCAL) throw new PartProblem(`part ${entry.name} is missing from the zip archive (the file is truncated or damaged)`);
    const dataOffset = entry.localHeaderOffset + 30 + u16(local, 26) + u16(local, 28);
    if (dataOffset + entry.compressedSize > this.platform.size) throw new PartProblem(`part ${entry.name} is cut short: the file is truncated (an incomplete download or copy)`);
    let crc = 0;
    let total = 0;
    try {
      for await (const chunk of this.platform.inflate(dataOffset, entry.compressedSize, entry.method)) {
        total += chunk.length;
        if (total > entry.size) throw new PartProblem(`part ${entry.name} inflates to more bytes than its zip directory says (the file is damaged)`);
        crc = this.platform.crc32(chunk, crc);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof PartProblem) throw e;
      throw new PartProblem(`part ${entry.name} cannot be decompressed (${e instanceof Error ? e.message : String(e)}): the file is damaged`);
    }
    if (total !== entry.size) throw new PartProblem(`part ${entry.name} is cut short (${total} of ${entry.size} bytes): the file is damaged or truncated`);
    if (crc !== entry.crc32) throw new PartProblem(`part ${entry.name} fails its CRC-32 check: the file is damaged`);
  }

  /** A whole (small) part as text, or undefined when the package lacks it. */
  async text(name: string, maxBytes = 64 * 1024 * 1024): Promise<string | undefined> {
    const entry = this.entry(name);
    if (entry === undefined) return undefined;
    if (entry.size > maxBytes) throw new PartProblem(`part ${entry.name} is ${entry.size} bytes, larger than a workbook's ${name} can be`);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let out = '';
    try {
      for await (const chunk of this.open(name)) out += decoder.decode(chunk, { stream: true });
      out += decoder.decode();
    } catch (e) {
      if (e instanceof TypeError) throw new PartProblem(`part ${entry.name} is not valid UTF-8 text`);
      throw e;
    }
    return out;
  }
}
