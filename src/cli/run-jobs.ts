/**
 * Runs jobs over one .xlsx file and reports as the CLI contract says: a readable table or one JSON
 * document on standard output, problems on standard error naming file, sheet and cell, a copy of
 * the workbook with the output sheets (and the Run Log) when asked, and the exit status.
 */
import { resolve } from 'node:path';
import { hasErrors, type Issue } from '../core/workbook/issue.js';
import { openXlsx } from '../xlsx/open-xlsx.js';
import { XlsxReadError } from '../xlsx/read/read-error.js';
import { EXIT_OK, EXIT_UNUSABLE_INPUT } from './exit-codes.js';
import { outPathProblem } from './out-path.js';
import type { Job, JobResult } from './job.js';
import { terminalProgress, withProgress } from './progress-source.js';
import { clipResults, writeBookCopy } from './write-book-copy.js';

export interface RunOptions {
  readonly json: boolean;
  readonly out?: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** The run's time, ISO 8601 (for the Run Log). */
  readonly now: string;
}

export interface JobsOutcome {
  readonly exitCode: number;
  readonly results: readonly JobResult[];
}

export async function runJobs(bookPath: string, jobs: readonly Job[], options: RunOptions): Promise<JobsOutcome> {
  const { stdout, stderr } = options;
  const input = resolve(bookPath);
  if (options.out !== undefined && resolve(options.out) === input) {
    stderr.write(`${bookPath}: --out names the input file itself; the input is never changed. Choose another file name for the copy.\n`);
    return { exitCode: EXIT_UNUSABLE_INPUT, results: [] };
  }
  if (options.out !== undefined) {
    const problem = await outPathProblem(options.out, input);
    if (problem !== undefined) {
      stderr.write(`${problem}\n`);
      return { exitCode: EXIT_UNUSABLE_INPUT, results: [] };
    }
  }
  let book;
  try {
    book = await openXlsx(input);
  } catch (e) {
    stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    return { exitCode: EXIT_UNUSABLE_INPUT, results: [] };
  }
  const progress = terminalProgress(process.stderr);
  const source = withProgress(book, progress.listener);
  const results: JobResult[] = [];
  try {
    for (const job of jobs) results.push(await job(source));
  } catch (e) {
    // A sheet that changed on disk, or was damaged past what opening checked, while the run read it.
    if (!(e instanceof XlsxReadError)) throw e;
    progress.done();
    stderr.write(`${e.message}\n`);
    return { exitCode: EXIT_UNUSABLE_INPUT, results: [] };
  }
  progress.done();

  // Text over Excel's cell limit is clipped, with a warning naming the cell (logged in the Run Log too).
  results.splice(0, results.length, ...clipResults(results));
  const issues: Issue[] = results.flatMap((r) => [...r.issues]);
  const where = book.label;
  for (const i of issues) stderr.write(`${where}: ${i.severity === 'error' ? 'error' : 'warning'}: ${i.message}\n`);
  const failed = hasErrors(issues);

  let wrote: string | undefined;
  if (!failed && options.out !== undefined) {
    const copy = await writeBookCopy(book, resolve(options.out), results, options.now);
    if (!copy.ok) {
      stderr.write(`${copy.message}\n`);
      return { exitCode: EXIT_UNUSABLE_INPUT, results };
    }
    wrote = `Wrote ${options.out} (sheets: ${copy.sheets.join(', ')}).\n`;
  }

  if (options.json) {
    const documents = results.map((r) => r.json);
    const body = documents.length === 1 ? documents[0] : Object.fromEntries(results.map((r) => [r.command, r.json]));
    const doc = failed ? { errors: issues.filter((i) => i.severity === 'error'), warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message) } : body;
    stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else if (!failed) {
    stdout.write(`${results.map((r) => r.text).join('\n\n')}\n`);
    const warnings = issues.filter((i) => i.severity === 'warning').length;
    if (warnings > 0) stdout.write(`\n${warnings} warning(s); see standard error.\n`);
  }
  if (failed) {
    stderr.write(`${where}: the workbook cannot be used until the error(s) above are fixed; nothing was written.\n`);
    return { exitCode: EXIT_UNUSABLE_INPUT, results };
  }

  if (wrote !== undefined && !options.json) stdout.write(wrote);
  return { exitCode: EXIT_OK, results };
}
