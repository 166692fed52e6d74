/**
 * A zip archive over bytes already in memory (the task pane's preview: a file the user opened in
 * the browser), inflated with fflate's streaming Inflate and checked with the JavaScript CRC-32.
 * Works anywhere (no Node or DOM APIs); the command line uses node-file.ts instead.
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32.js';
import { ZipArchive, type ZipPlatform } from './zip-archive.js';

const SLICE = 256 * 1024;

export function bytesPlatform(bytes: Uint8Array): ZipPlatform {
  return {
    size: bytes.length,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, Math.min(bytes.length, offset + length))),
    async *inflate(offset, length, method) {
      const data = bytes.subarray(offset, offset + length);
      if (method === 0) {
        for (let i = 0; i < data.length; i += SLICE) yield data.subarray(i, i + SLICE);
        return;
      }
      let out: Uint8Array[] = [];
      const inflater = new Inflate((chunk) => out.push(chunk));
      for (let i = 0; i < data.length; i += SLICE) {
        inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
        const ready = out;
        out = [];
        for (const c of ready) yield c;
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      for (const c of out) yield c;
    },
    crc32,
  };
}

/** Opens the zip archive held in `bytes`. */
export function openBytesZip(bytes: Uint8Array): Promise<ZipArchive> {
  return ZipArchive.open(bytesPlatform(bytes));
}
