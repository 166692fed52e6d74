/**
 * `perm-recon universe FILE... --review-year RY2025 [--json] [--out TOTALS.xlsx] [--print-sql]`
 * (cli.md "Claim-level universe files"): totals claim files in DuckDB, prints them with the checks.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { parseReviewYear, type ReviewYear } from '../core/workbook/quarter.js';
import { ClaimFileError, mapClaimFiles, openDuckDb, printedSql, claimFiles, totalClaimFiles } from '../claims/index.js';
import { EXIT_OK, EXIT_UNUSABLE_INPUT } from './exit-codes.js';
import { writeNewWorkbook } from './new-workbook.js';
import { claimChecksSheet, universeSheet } from './universe-sheets.js';
import { checkIssues, universeJson, universeText } from './universe-output.js';

interface UniverseOptions {
  readonly reviewYear: string;
  readonly json?: boolean;
  readonly out?: string;
  readonly printSql?: boolean;
}

export interface UniverseIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** The review year of `--review-year`, or a message saying how to write it. */
export function reviewYearOption(text: string): ReviewYear | string {
  // A bare year is read as a number, so the message asks which kind (RY or FFY) it is.
  const p = parseReviewYear(/^\s*\d{4}\s*$/.test(text) ? Number(text) : text);
  return p.ok ? p.value : `--review-year ${text}: ${p.reason}`;
}

async function printSql(files: readonly string[], reviewYear: ReviewYear, io: UniverseIo): Promise<number> {
  const header: string[] = [];
  if (files.length > 0) {
    const db = await openDuckDb();
    try {
      for (const f of await mapClaimFiles(db, claimFiles(files))) {
        header.push(`${f.label}: ${Object.entries(f.columns).map(([k, v]) => `${k} = "${v}"`).join(', ')}`);
      }
    } finally {
      db.close();
    }
  }
  io.stdout.write(printedSql({ reviewYear }, header));
  return EXIT_OK;
}

export async function runUniverse(files: readonly string[], options: UniverseOptions, io: UniverseIo): Promise<number> {
  const reviewYear = reviewYearOption(options.reviewYear);
  if (typeof reviewYear === 'string') {
    io.stderr.write(`${reviewYear}\n`);
    return EXIT_UNUSABLE_INPUT;
  }
  try {
    if (options.printSql === true) return await printSql(files, reviewYear, io);
    const run = await totalClaimFiles(files, { reviewYear });
    for (const i of checkIssues(run.checks)) io.stderr.write(`warning: ${i.message}\n`);
    if (options.json === true) io.stdout.write(`${JSON.stringify(universeJson(run), null, 2)}\n`);
    else io.stdout.write(`${universeText(run)}\n`);
    if (options.out !== undefined) {
      await writeNewWorkbook(resolve(options.out), [universeSheet(run), claimChecksSheet(run)]);
      if (options.json !== true) io.stdout.write(`Wrote ${options.out} (sheets: Universe, Claim Checks).\n`);
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof ClaimFileError) {
      for (const m of e.messages) io.stderr.write(`${m}\n`);
      return EXIT_UNUSABLE_INPUT;
    }
    throw e;
  }
}

export function addUniverseCommand(program: Command, io: UniverseIo, done: (code: number) => void): void {
  program
    .command('universe')
    .description('total claim-level universe files (CSV, .csv.gz, Parquet) by program, quarter and component, with the data checks')
    .argument('[files...]', 'claim files or folders of them')
    .requiredOption('--review-year <year>', 'the review year, for example RY2025 or FFY2024')
    .option('--json', 'print one JSON document')
    .option('--out <file>', 'write the totals as a Universe table (.xlsx), with a Claim Checks sheet')
    .option('--print-sql', 'print the aggregation and the checks as portable SQL over a `claims` table (DuckDB, Spark SQL, Trino)')
    .action(async (files: string[], options: UniverseOptions) => {
      if (files.length === 0 && options.printSql !== true) {
        io.stderr.write('universe: name at least one claim file (.csv, .csv.gz or .parquet) or folder.\n');
        done(EXIT_UNUSABLE_INPUT);
        return;
      }
      done(await runUniverse(files, options, io));
    });
}
