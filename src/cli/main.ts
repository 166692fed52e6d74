#!/usr/bin/env node
/**
 * `perm-recon`: the 64/21 reconciliation and CMS-10184E over .xlsx files (shared spec `cli.md`).
 * Exit status 0 when the run completed, 2 when the input is unusable, 1 for anything else.
 */
import { basename, join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { EXIT_FAILURE, EXIT_UNUSABLE_INPUT } from './exit-codes.js';
import { makeOutFolder } from './out-path.js';
import { fillJob } from './fill-job.js';
import type { Job } from './job.js';
import { SAMPLE_WORKBOOK, VERSION } from './package-info.js';
import { reconcileJob } from './reconcile-job.js';
import { runJobs } from './run-jobs.js';
import { manyBookOptions, type BookCommandOptions } from './many-books.js';
import { addUniverseCommand } from './universe-command.js';
import { templateCommand } from './template-command.js';

interface CommandOptions {
  readonly out?: string;
  readonly json?: boolean;
}

export interface CliStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export async function main(argv: readonly string[], io: CliStreams = { stdout: process.stdout, stderr: process.stderr }, now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  let exitCode = 0;
  const run = async (book: string, jobs: readonly Job[], options: CommandOptions) => {
    const outcome = await runJobs(book, jobs, { json: options.json === true, ...(options.out === undefined ? {} : { out: options.out }), stdout: io.stdout, stderr: io.stderr, now: now.toISOString() });
    exitCode = outcome.exitCode;
  };
  const program = new Command()
    .name('perm-recon')
    .description('PERM 64/21 reconciliation and CMS-10184E tables over .xlsx workbooks')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  // Several books, --summary or --out-dir: the many-book run (many-books.ts); one book: as before.
  const books = manyBookOptions(io, now, (code) => { exitCode = code; });
  const reconcile = program
    .command('reconcile')
    .description('compare the PERM universe with the CMS-64 / CMS-21 reports, quarter by quarter and overall')
    .argument('<books...>', 'the workbook (.xlsx), or several, or folders of them')
    .option('--out <file>', 'write a copy of the workbook with the Reconciliation, Line Map and Run Log sheets')
    .option('--json', 'print one JSON document')
    .option('--universe <files...>', 'claim-level universe files (.csv, .csv.gz, .parquet) in place of the workbook\'s universe table');
  books.addOptions(reconcile).action((bookList: string[], options: BookCommandOptions) =>
    books.run('reconcile', bookList, options, (universe) => reconcileJob(today, universe), (book, job) => run(book, [job], options)));
  const fill = program
    .command('fill')
    .description('fill CMS-10184E lines A-J for each program in the workbook')
    .argument('<books...>', 'the workbook (.xlsx), or several, or folders of them')
    .option('--out <file>', 'write a copy of the workbook with the CMS-10184E, Estimator Detail and Run Log sheets')
    .option('--json', 'print one JSON document');
  books.addOptions(fill).action((bookList: string[], options: BookCommandOptions) =>
    books.run('fill', bookList, options, () => fillJob(today), (book, job) => run(book, [job], options)));
  addUniverseCommand(program, io, (code) => { exitCode = code; });
  program
    .command('demo')
    .description('run both on the bundled sample workbook (a made-up state)')
    .option('--out <dir>', 'folder for the filled copy of the sample workbook')
    .option('--json', 'print one JSON document')
    .action(async (options: CommandOptions) => {
      let out: string | undefined;
      if (options.out !== undefined) {
        const problem = await makeOutFolder(options.out);
        if (problem !== undefined) {
          io.stderr.write(`${problem}\n`);
          exitCode = EXIT_UNUSABLE_INPUT;
          return;
        }
        out = join(options.out, basename(SAMPLE_WORKBOOK).replace(/\.xlsx$/, '.filled.xlsx'));
      }
      return run(SAMPLE_WORKBOOK, [reconcileJob(today), fillJob(today)], { ...options, ...(out === undefined ? {} : { out }) });
    });
  program
    .command('template')
    .description('write a blank workbook in the canonical layout: every input table, Settings with their defaults, an About sheet')
    .requiredOption('--out <file>', 'the new .xlsx file')
    .action(async (options: { out: string }) => {
      exitCode = await templateCommand(options.out, io.stderr);
    });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_FAILURE; // help and version exit 0; usage errors 1
    io.stderr.write(`perm-recon: unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_FAILURE;
  }
  return exitCode;
}
