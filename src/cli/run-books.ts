/**
 * Runs a command over many workbooks (cli.md "Many workbooks"): one book at a time, each opened,
 * run, its copy written to `--out-dir`, and then let go, so memory stays that of one book; only a
 * few numbers per book are kept for the JSON document and the `--summary` workbook. One unusable
 * book never stops the others; the run exits 2 at the end when any was.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { hasErrors, type Issue } from '../core/workbook/issue.js';
import { openXlsx } from '../xlsx/open-xlsx.js';
import { XlsxReadError } from '../xlsx/read/read-error.js';
import type { FillSummaryRow, ReconcileSummaryRow } from './book-summary.js';
import { EXIT_OK, EXIT_UNUSABLE_INPUT } from './exit-codes.js';
import type { Job, JobResult } from './job.js';
import { writeNewWorkbook } from './new-workbook.js';
import { makeOutFolder, outPathProblem } from './out-path.js';
import { clipResults, writeBookCopy } from './write-book-copy.js';
import { fillSummarySheet, reconcileSummarySheet, unusableBooksSheet, type SummaryLine, type UnusableBook } from './summary-sheets.js';

export interface RunBooksOptions {
  readonly command: 'reconcile' | 'fill';
  readonly json: boolean;
  readonly summary?: string;
  readonly outDir?: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** The run's time, ISO 8601 (for the Run Log). */
  readonly now: string;
}

/** The .xlsx files named by `inputs`: files as given, folders' .xlsx files in name order (Excel's lock files `~$...` left out). */
export function bookPaths(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // a missing file is reported by the book's own run, with its path
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    const names = readdirSync(input).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$')).sort();
    for (const n of names) out.push(join(input, n));
  }
  return out;
}

type BookEntry = Record<string, unknown>;

interface BookRun {
  readonly entry: BookEntry;
  readonly unusable?: UnusableBook;
  readonly lines: readonly SummaryLine<ReconcileSummaryRow | FillSummaryRow>[];
}

function errorEntry(file: string, errors: readonly Issue[], message?: string): BookRun {
  const first = errors[0];
  const error = { sheet: first?.sheet ?? null, cell: first?.cell ?? null, message: message ?? first?.message ?? 'unusable' };
  return {
    entry: { file, error, ...(errors.length > 1 ? { errors: errors.map((e) => ({ sheet: e.sheet ?? null, cell: e.cell ?? null, message: e.message })) } : {}) },
    unusable: { file, sheet: error.sheet ?? '', cell: error.cell ?? '', message: errors.length > 1 ? errors.map((e) => e.message).join('\n') : error.message },
    lines: [],
  };
}

async function runBook(path: string, job: Job, options: RunBooksOptions): Promise<BookRun> {
  const { stderr } = options;
  let book;
  try {
    book = await openXlsx(resolve(path));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    stderr.write(`${message}\n`);
    return errorEntry(path, [], message);
  }
  let ran: JobResult;
  try {
    ran = await job(book);
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    stderr.write(`${e.message}\n`);
    return errorEntry(path, [], e.message);
  }
  const [result] = clipResults([ran]) as [JobResult];
  for (const i of result.issues) stderr.write(`${path}: ${i.severity === 'error' ? 'error' : 'warning'}: ${i.message}\n`);
  if (hasErrors(result.issues)) {
    stderr.write(`${path}: the workbook cannot be used until the error(s) above are fixed; nothing was written for it.\n`);
    return errorEntry(path, result.issues.filter((i) => i.severity === 'error'));
  }
  if (options.outDir !== undefined) {
    const copy = await writeBookCopy(book, join(resolve(options.outDir), basename(path)), [result], options.now);
    if (!copy.ok) {
      stderr.write(`${copy.message}\n`);
      return errorEntry(path, [], copy.message);
    }
  }
  const summary = result.summary ?? { state: '', reviewYear: '', rows: [] };
  const body = result.json as Record<string, unknown>;
  const entry: BookEntry = { file: path, state: summary.state, reviewYear: summary.reviewYear, ...body };
  if (!options.json) options.stdout.write(`== ${path}${summary.state === '' ? '' : ` (${summary.state}, ${summary.reviewYear})`} ==\n${result.text}\n\n`);
  return { entry, lines: summary.rows.map((row) => ({ file: path, state: summary.state, reviewYear: summary.reviewYear, row })) };
}

/** True when standard error is a terminal: progress lines go there only then. */
function isTerminal(stream: NodeJS.WritableStream): boolean {
  return (stream as NodeJS.WriteStream).isTTY === true;
}

export async function runBooks(inputs: readonly string[], job: Job, options: RunBooksOptions): Promise<number> {
  const paths = bookPaths(inputs);
  if (paths.length === 0) {
    options.stderr.write(`${inputs.join(', ')}: no .xlsx workbooks found. Name workbooks, or folders that hold them.\n`);
    return EXIT_UNUSABLE_INPUT;
  }
  // --summary and --out-dir are checked before any book is read, as --out is.
  if (options.summary !== undefined) {
    const problem = await outPathProblem(options.summary, paths[0]!);
    if (problem !== undefined) {
      options.stderr.write(`${problem.replace('--out', '--summary')}\n`);
      return EXIT_UNUSABLE_INPUT;
    }
  }
  if (options.outDir !== undefined) {
    const problem = await makeOutFolder(options.outDir);
    if (problem !== undefined) {
      options.stderr.write(`${problem.replace('--out', '--out-dir')}\n`);
      return EXIT_UNUSABLE_INPUT;
    }
  }
  const entries: BookEntry[] = [];
  const unusable: UnusableBook[] = [];
  const lines: SummaryLine<ReconcileSummaryRow | FillSummaryRow>[] = [];
  const progress = isTerminal(options.stderr);
  for (const [i, path] of paths.entries()) {
    if (progress) options.stderr.write(`Book ${i + 1} of ${paths.length}: ${path}\n`);
    const run = await runBook(path, job, options);
    entries.push(run.entry);
    if (run.unusable !== undefined) unusable.push(run.unusable);
    lines.push(...run.lines);
  }
  if (options.json) options.stdout.write(`${JSON.stringify({ books: entries }, null, 2)}\n`);
  if (options.summary !== undefined) {
    const summary = options.command === 'reconcile'
      ? reconcileSummarySheet(lines.filter((l): l is SummaryLine<ReconcileSummaryRow> => l.row.kind === 'reconcile'))
      : fillSummarySheet(lines.filter((l): l is SummaryLine<FillSummaryRow> => l.row.kind === 'fill'));
    await writeNewWorkbook(resolve(options.summary), [summary, unusableBooksSheet(unusable)]);
    if (!options.json) options.stdout.write(`Wrote ${options.summary} (sheets: Summary, Unusable Books).\n`);
  }
  if (!options.json) options.stdout.write(`${paths.length} book(s): ${paths.length - unusable.length} done, ${unusable.length} unusable${unusable.length > 0 ? ' (see standard error)' : ''}.\n`);
  return unusable.length > 0 ? EXIT_UNUSABLE_INPUT : EXIT_OK;
}
