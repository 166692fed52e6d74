// The committed icons are the generator's output, real PNGs (chunk CRCs checked independently of
// our codec) of the sizes their names say.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, ICON_SIZES, iconFileName } from '../../src/manifest/icon-art.js';
import { ICON_DIR } from '../../src/manifest/make-icons.js';
import { decodePng, encodePng, pngSize } from '../../src/manifest/png.js';

/** Every chunk of a PNG file: type and whether its CRC is right. */
function chunks(bytes: Buffer): { type: string; crcOk: boolean }[] {
  const out: { type: string; crcOk: boolean }[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const body = bytes.subarray(offset + 4, offset + 8 + length);
    out.push({ type: body.toString('latin1', 0, 4), crcOk: crc32(body) === bytes.readUInt32BE(offset + 8 + length) });
    offset += 12 + length;
  }
  return out;
}

describe('icons', () => {
  it.each(ICON_SIZES)('assets/icons/icon-%i.png is the generated %i-pixel PNG', (size) => {
    const bytes = readFileSync(join(ICON_DIR, iconFileName(size)));
    expect(pngSize(bytes)).toEqual({ width: size, height: size });
    expect(chunks(bytes)).toEqual([
      { type: 'IHDR', crcOk: true },
      { type: 'IDAT', crcOk: true },
      { type: 'IEND', crcOk: true },
    ]);
    expect(Buffer.from(decodePng(bytes).pixels).equals(Buffer.from(drawIcon(size).pixels))).toBe(true);
  });

  it('are opaque brand blue inside and transparent at the rounded corners', () => {
    const { pixels } = drawIcon(64);
    const at = (x: number, y: number) => [...pixels.subarray((y * 64 + x) * 4, (y * 64 + x) * 4 + 4)];
    expect(at(0, 0)[3]).toBe(0);
    expect(at(60, 8)).toEqual([0x0f, 0x6c, 0xbd, 255]);
  });
});

describe('png codec', () => {
  it('round-trips an image and rejects what is not a PNG', () => {
    const image = { width: 2, height: 1, pixels: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]) };
    const decoded = decodePng(encodePng(image));
    expect(decoded.width).toBe(2);
    expect([...decoded.pixels]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pngSize(new TextEncoder().encode('GIF89a and more bytes here'))).toBeUndefined();
    expect(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(4) })).toThrow(/Expected 16 bytes/);
  });
});
