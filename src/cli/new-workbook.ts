/**
 * Writes a new .xlsx holding only the given owned sheets (the universe totals, the cross-state
 * summary): the sheets are rendered as a scratch workbook, and that package then goes through the
 * same copy step as every output (native charts included).
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { OwnedSheet } from '../core/workbook/port.js';
import { buildCopy } from '../xlsx/build-copy.js';
import { renderOwnedSheets } from '../xlsx/render-owned-sheets.js';

export async function writeNewWorkbook(outPath: string, sheets: readonly OwnedSheet[]): Promise<void> {
  const zip = await buildCopy(await renderOwnedSheets(sheets), sheets, { newWorkbook: true });
  const temp = join(dirname(resolve(outPath)), `.${basename(outPath)}.${process.pid}.tmp`);
  try {
    await pipeline(zip.generateNodeStream({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }), createWriteStream(temp));
    await rename(temp, outPath);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
