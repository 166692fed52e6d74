/**
 * Opens an .xlsx file on disk for the shared reader (read/xlsx-book.ts): checks what the path is
 * before reading a byte (a directory, device or FIFO is refused, so /dev/zero or a pipe is never
 * read), tells other formats by their first bytes, and streams zip entries through Node's zlib
 * (inflating on libuv's thread pool, beside the scanner) with zlib's CRC-32.
 */
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { TransformOptions } from 'node:stream';
import { createInflateRaw, crc32, type ZlibOptions } from 'node:zlib';
import { isOle, isZip, notZipMessage, oleMessage } from './read/file-kind.js';
import { PartProblem, XlsxReadError } from './read/read-error.js';
import { XlsxBook, type XlsxBookOptions } from './read/xlsx-book.js';
import { ZipArchive, type ZipPlatform } from './read/zip-archive.js';

const READ_CHUNK = 1024 * 1024;
const INFLATE_CHUNK = 256 * 1024;
const INFLATE_AHEAD = 8 * INFLATE_CHUNK;
/** Bytes of an OLE file searched for the names that tell an encrypted .xlsx from an .xls. */
const OLE_SAMPLE = 8 * 1024 * 1024;

async function readAt(path: string, offset: number, length: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(length);
    let got = 0;
    while (got < length) {
      const { bytesRead } = await fh.read(buf, got, length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === length ? buf : buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

function nodePlatform(path: string, size: number): ZipPlatform {
  return {
    size,
    read: (offset, length) => readAt(path, offset, length),
    async *inflate(offset, length, method) {
      if (length === 0) return;
      const raw = createReadStream(path, { start: offset, end: offset + length - 1, highWaterMark: READ_CHUNK });
      if (method === 0) {
        try {
          for await (const chunk of raw) yield chunk as Uint8Array;
        } finally {
          raw.destroy();
        }
        return;
      }
      // Room for eight inflated chunks (2 MiB) ahead, so zlib keeps inflating on its thread while the
      // scanner reads; with the default (16 KiB) it stops after every chunk until that chunk is read.
      const options: ZlibOptions & TransformOptions = { chunkSize: INFLATE_CHUNK, readableHighWaterMark: INFLATE_AHEAD };
      const inflater = createInflateRaw(options);
      raw.on('error', (e) => inflater.destroy(e));
      raw.pipe(inflater);
      try {
        for await (const chunk of inflater) yield chunk as Uint8Array;
      } finally {
        raw.destroy();
        inflater.destroy();
      }
    },
    crc32: (data, previous) => crc32(data, previous),
    isAscii,
  };
}

/** Opens the .xlsx at `path` (absolute) for reading; `label` names it in messages. Throws XlsxReadError. */
export async function openXlsxFile(path: string, label: string, options: XlsxBookOptions = {}): Promise<XlsxBook> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new XlsxReadError({ file: path }, 'file not found. Check the path and try again.');
  }
  if (info.isDirectory()) throw new XlsxReadError({ file: path }, 'is a folder, not an .xlsx file. Give the path of the workbook itself.');
  if (!info.isFile()) throw new XlsxReadError({ file: path }, 'is not a regular file (it is a device, pipe or socket), so it is not read. Save the workbook as an .xlsx file and give its path.');
  const head = await readAt(path, 0, Math.min(info.size, 4096));
  const cannot = (it: string) => new XlsxReadError({ file: path }, `cannot be read as an Excel workbook: it ${it}`);
  if (isOle(head)) throw cannot(oleMessage(await readAt(path, 0, Math.min(info.size, OLE_SAMPLE))));
  if (!isZip(head)) throw cannot(notZipMessage(head));
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.open(nodePlatform(path, info.size));
  } catch (e) {
    if (e instanceof PartProblem) throw new XlsxReadError({ file: path }, `cannot be read as an Excel workbook: ${e.message}. Open it in Excel and save it again as an Excel Workbook (.xlsx), then try again.`, { cause: e });
    throw e;
  }
  return XlsxBook.open(label, zip, { ...options, file: path });
}
