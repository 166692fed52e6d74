/**
 * The last steps of a run over one workbook, shared by `runJobs` (one book, `--out`) and `runBooks`
 * (`--out-dir`): text over Excel's cell limit clipped with a warning naming the cell, then the copy
 * written with the output sheets and the Run Log row, through the core's owned-sheet guard.
 */
import { clipOwnedText } from '../core/workbook/clip-text.js';
import { UserSheetConflictError } from '../core/workbook/owned-sheets.js';
import type { OwnedSheet, WorkbookSource } from '../core/workbook/port.js';
import { buildRunLogSheet, readRunLog } from '../core/workbook/run-log.js';
import type { JobResult } from './job.js';
import { describeWriteError } from './out-path.js';
import { VERSION } from './package-info.js';

/** `results` with their sheets' over-long text clipped, and a warning for each clipped cell. */
export function clipResults(results: readonly JobResult[]): JobResult[] {
  return results.map((r) => {
    const c = clipOwnedText(r.sheets);
    return { ...r, sheets: c.sheets, issues: [...r.issues, ...c.issues] };
  });
}

export type CopyOutcome =
  | { readonly ok: true; readonly sheets: readonly string[] }
  /** A sheet of the user's bears an owned name, or the file system refused: the message names the sheet or the path. */
  | { readonly ok: false; readonly message: string };

/** Writes `book`'s copy to `outPath` with the sheets of `results` and a Run Log row per result. */
export async function writeBookCopy(
  book: WorkbookSource & { writeCopy(path: string, sheets: readonly OwnedSheet[]): Promise<void> },
  outPath: string,
  results: readonly JobResult[],
  now: string,
): Promise<CopyOutcome> {
  const runLog = buildRunLogSheet(await readRunLog(book), results.map((r) => ({ time: now, version: VERSION, command: r.command, inputs: r.inputs, issues: r.issues })));
  const sheets: OwnedSheet[] = [...results.flatMap((r) => [...r.sheets]), runLog];
  try {
    await book.writeCopy(outPath, sheets);
  } catch (e) {
    if (e instanceof UserSheetConflictError) return { ok: false, message: `${book.label}: ${e.message}` };
    if (typeof (e as { code?: unknown }).code === 'string') return { ok: false, message: describeWriteError(outPath, e) };
    throw e;
  }
  return { ok: true, sheets: sheets.map((s) => s.name) };
}
