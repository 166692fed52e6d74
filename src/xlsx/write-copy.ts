/**
 * Writes a copy of an .xlsx file with the add-in's owned sheets added or replaced (see
 * build-copy.ts). The input file is only read.
 */
import { createWriteStream } from 'node:fs';
import { readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { dirname, basename, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { OwnedSheet } from '../core/workbook/port.js';
import { buildCopy } from './build-copy.js';

export { buildCopy };

async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [ra, rb] = await Promise.all([realpath(a), realpath(b)]);
    if (ra === rb) return true;
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/**
 * Writes `outPath`: a copy of `inputPath` with `sheets` added or replaced (matched by name,
 * ignoring case). Refuses to write over the input. Writes to a temporary file beside `outPath`
 * first, so a failed write never leaves half a workbook.
 */
export interface WriteCopyOptions {
  /** Opens the temporary file's stream (tests pass one over /dev/full to see a full disk). */
  readonly createStream?: (tempPath: string) => NodeJS.WritableStream;
}

export async function writeCopy(inputPath: string, outPath: string, sheets: readonly OwnedSheet[], options: WriteCopyOptions = {}): Promise<void> {
  if (await samePath(inputPath, outPath)) {
    throw new Error(`${resolve(outPath)}: the output must be a different file from the input, which is never changed. Choose another --out path.`);
  }
  const zip = await buildCopy(await readFile(inputPath), sheets);
  const temp = join(dirname(resolve(outPath)), `.${basename(outPath)}.${process.pid}.tmp`);
  try {
    await pipeline(zip.generateNodeStream({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }), (options.createStream ?? createWriteStream)(temp));
    await rename(temp, outPath);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
