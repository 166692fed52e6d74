/**
 * CRC-32 (ISO 3309 / ITU-T V.42, the polynomial 0xEDB88320 that zip uses: APPNOTE.TXT 4.4.7), for
 * checking every inflated zip entry in the browser; Node uses zlib.crc32, the same function in C.
 */
const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** The CRC-32 of `data` continuing from `previous` (0 to start), as an unsigned 32-bit number. */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = (TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}
