/** Opens an .xlsx held in memory (the preview's file), with the same checks and messages as a file on disk. */
import { openBytesZip } from './bytes-zip.js';
import { isOle, isZip, notZipMessage, oleMessage } from './file-kind.js';
import { PartProblem, RESAVE_ADVICE, XlsxReadError } from './read-error.js';
import { XlsxBook, type XlsxBookOptions } from './xlsx-book.js';
import type { ZipArchive } from './zip-archive.js';

/** Throws XlsxReadError naming `label` when the bytes are not a readable .xlsx workbook. */
export async function openXlsxBytes(label: string, bytes: Uint8Array, options: XlsxBookOptions = {}): Promise<XlsxBook> {
  const file = options.file ?? label;
  if (isOle(bytes)) throw new XlsxReadError({ file }, `cannot be read as an Excel workbook: it ${oleMessage(bytes)}`);
  if (!isZip(bytes)) throw new XlsxReadError({ file }, `cannot be read as an Excel workbook: it ${notZipMessage(bytes.subarray(0, 4096))}`);
  let zip: ZipArchive;
  try {
    zip = await openBytesZip(bytes);
  } catch (e) {
    if (e instanceof PartProblem) throw new XlsxReadError({ file }, `cannot be read as an Excel workbook: ${e.message}. ${RESAVE_ADVICE}`, { cause: e });
    throw e;
  }
  return XlsxBook.open(label, zip, options);
}
