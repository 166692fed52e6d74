/**
 * The options `reconcile` and `fill` share for many books (`--summary`, `--out-dir`), and the choice
 * between the one-book run (as cli.md has always said) and the many-book run.
 */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { claimUniverse } from './claims-universe.js';
import { EXIT_FAILURE } from './exit-codes.js';
import type { Job } from './job.js';
import type { UniverseProvider } from './reconcile-job.js';
import { runBooks } from './run-books.js';

export interface BookCommandOptions {
  readonly out?: string;
  readonly json?: boolean;
  readonly summary?: string;
  readonly outDir?: string;
  readonly universe?: readonly string[];
}

interface Io {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const isFolder = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

export function manyBookOptions(io: Io, now: Date, setExit: (code: number) => void) {
  const today = now.toISOString().slice(0, 10);
  return {
    addOptions: (command: Command): Command =>
      command
        .option('--summary <file>', 'with several books: write a cross-state summary workbook (.xlsx)')
        .option('--out-dir <dir>', 'with several books: write each book\'s copy with the output sheets into this folder'),
    async run(
      command: 'reconcile' | 'fill',
      books: readonly string[],
      options: BookCommandOptions,
      makeJob: (universe?: UniverseProvider) => Job,
      runOne: (book: string, job: Job) => Promise<void>,
    ): Promise<void> {
      const universe = options.universe === undefined ? undefined : claimUniverse(options.universe, today);
      const many = books.length > 1 || books.some(isFolder) || options.summary !== undefined || options.outDir !== undefined;
      if (!many) {
        await runOne(books[0] ?? '', makeJob(universe));
        return;
      }
      if (options.out !== undefined) {
        io.stderr.write(`${command}: --out names one copy; with several books use --out-dir DIR for their copies.\n`);
        setExit(EXIT_FAILURE);
        return;
      }
      if (universe !== undefined) {
        io.stderr.write(`${command}: --universe files belong to one state's workbook; run each book with its own --universe.\n`);
        setExit(EXIT_FAILURE);
        return;
      }
      setExit(await runBooks(books, makeJob(universe), {
        command,
        json: options.json === true,
        ...(options.summary === undefined ? {} : { summary: options.summary }),
        ...(options.outDir === undefined ? {} : { outDir: options.outDir }),
        stdout: io.stdout,
        stderr: io.stderr,
        now: now.toISOString(),
      }));
    },
  };
}
