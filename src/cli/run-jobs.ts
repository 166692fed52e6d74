/**
 * Runs jobs over one .xlsx file and reports as the CLI contract says: a readable table or one JSON
 * document on standard output, problems on standard error naming file, sheet and cell, a copy of
 * the workbook with the output sheets (and the Run Log) when asked, and the exit status.
 */
import { resolve } from 'node:path';
import { clipOwnedText } from '../core/workbook/clip-text.js';
import { hasErrors, type Issue } from '../core/workbook/issue.js';
import { UserSheetConflictError } from '../core/workbook/owned-sheets.js';
import type { OwnedSheet } from '../core/workbook/port.js';
import { buildRunLogSheet, readRunLog } from '../core/workbook/run-log.js';
import { openXlsx } from '../xlsx/open-xlsx.js';
import { EXIT_OK, EXIT_UNUSABLE_INPUT } from './exit-codes.js';
import { describeWriteError, outPathProblem } from './out-path.js';
import type { Job, JobResult } from './job.js';
import { VERSION } from './package-info.js';
import { terminalProgress, withProgress } from './progress-source.js';

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
  for (const job of jobs) results.push(await job(source));
  progress.done();

  // Text over Excel's cell limit is clipped, with a warning naming the cell (logged in the Run Log too).
  const clipped = results.map((r) => {
    const c = clipOwnedText(r.sheets);
    return { ...r, sheets: c.sheets, issues: [...r.issues, ...c.issues] };
  });
  results.splice(0, results.length, ...clipped);
  const issues: Issue[] = results.flatMap((r) => [...r.issues]);
  const where = book.label;
  for (const i of issues) stderr.write(`${where}: ${i.severity === 'error' ? 'error' : 'warning'}: ${i.message}\n`);
  const failed = hasErrors(issues);

  let wrote: string | undefined;
  if (!failed && options.out !== undefined) {
    const previous = await readRunLog(book);
    const runLog = buildRunLogSheet(previous, results.map((r) => ({ time: options.now, version: VERSION, command: r.command, inputs: r.inputs, issues: r.issues })));
    const sheets: OwnedSheet[] = [...results.flatMap((r) => [...r.sheets]), runLog];
    try {
      await book.writeCopy(resolve(options.out), sheets);
    } catch (e) {
      if (e instanceof UserSheetConflictError) {
        stderr.write(`${where}: ${e.message}\n`);
        return { exitCode: EXIT_UNUSABLE_INPUT, results };
      }
      if (typeof (e as { code?: unknown }).code === 'string') {
        stderr.write(`${describeWriteError(options.out, e)}\n`);
        return { exitCode: EXIT_UNUSABLE_INPUT, results };
      }
      throw e;
    }
    wrote = `Wrote ${options.out} (sheets: ${sheets.map((s) => s.name).join(', ')}).\n`;
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
