/**
 * Which claim files a run reads: CSV (optionally gzip-compressed) and Parquet, told by name and
 * checked by their first bytes, folders expanded to their claim files in name order. Anything else
 * is an unusable-input error naming the file and what to do.
 */
import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ClaimFileFormat = 'csv' | 'csv.gz' | 'parquet';

export interface ClaimFile {
  /** Absolute path. */
  readonly path: string;
  /** As the user wrote it (or the folder's path joined with the name), for messages. */
  readonly label: string;
  readonly format: ClaimFileFormat;
}

/** A claim file that cannot be used: the messages name the file and say what to do (exit status 2). */
export class ClaimFileError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(messages.join('\n'));
    this.name = 'ClaimFileError';
  }
}

const FORMATS = 'CSV (.csv, or gzip-compressed .csv.gz) or Parquet (.parquet)';
const HEADER_HINT = 'Export the claims with a header row (Claim ID, Program, Component, Paid Date, Paid Amount)';

export function formatOfName(name: string): ClaimFileFormat | undefined {
  if (/\.(parquet|parq)$/i.test(name)) return 'parquet';
  if (/\.(csv|txt|tsv)\.gz$/i.test(name)) return 'csv.gz';
  if (/\.(csv|txt|tsv)$/i.test(name)) return 'csv';
  return undefined;
}

function firstBytes(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(n);
    const read = readSync(fd, buffer, 0, n, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Why the file's first bytes do not fit its name, or undefined when they do. */
function contentProblem(file: ClaimFile): string | undefined {
  const head = firstBytes(file.path, 4);
  const isZip = head[0] === 0x50 && head[1] === 0x4b;
  if (file.format === 'parquet') {
    return head.toString('latin1') === 'PAR1' ? undefined : `is named as a Parquet file but is not one (it does not start with PAR1). Export it again as Parquet, or as ${FORMATS}.`;
  }
  if (file.format === 'csv.gz') {
    return head[0] === 0x1f && head[1] === 0x8b ? undefined : 'is named .gz but is not gzip-compressed. Compress it with gzip, or drop the .gz from its name.';
  }
  if (isZip) return `is a zip package (an Excel workbook?), not CSV text. Save the sheet as CSV (File > Save As > CSV UTF-8), or use ${FORMATS}.`;
  if (head.subarray(0, 4).toString('latin1') === 'PAR1') return 'is a Parquet file named as CSV. Rename it to .parquet.';
  if (head.includes(0)) return `is binary, not CSV text. Use ${FORMATS}.`;
  return undefined;
}

/** The claim files named by `inputs` (files or folders), checked; throws ClaimFileError naming every unusable one. */
export function claimFiles(inputs: readonly string[]): ClaimFile[] {
  const { files, problems } = checkClaimFiles(inputs);
  if (problems.length > 0) throw new ClaimFileError(problems);
  return files;
}

/** The usable claim files named by `inputs`, and a message for each unusable one. */
export function checkClaimFiles(inputs: readonly string[]): { files: ClaimFile[]; problems: string[] } {
  const files: ClaimFile[] = [];
  const problems: string[] = [];
  for (const input of inputs) {
    const path = resolve(input);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      problems.push(`${input}: file not found. Check the path and try again.`);
      continue;
    }
    const candidates: { path: string; label: string }[] = [];
    if (stat.isDirectory()) {
      const names = readdirSync(path).filter((n) => formatOfName(n) !== undefined).sort();
      if (names.length === 0) problems.push(`${input}: the folder holds no claim files. Put ${FORMATS} files in it.`);
      for (const n of names) candidates.push({ path: join(path, n), label: join(input, n) });
    } else {
      candidates.push({ path, label: input });
    }
    for (const c of candidates) {
      const format = formatOfName(c.path);
      if (format === undefined) {
        problems.push(`${c.label}: is not a claim file PERM Recon reads. Use ${FORMATS}.`);
        continue;
      }
      if (statSync(c.path).size === 0) {
        problems.push(`${c.label}: the file is empty. ${HEADER_HINT} and one row per claim.`);
        continue;
      }
      const file = { path: c.path, label: c.label, format };
      const problem = contentProblem(file);
      if (problem !== undefined) problems.push(`${c.label}: ${problem}`);
      else files.push(file);
    }
  }
  return { files, problems };
}

export { HEADER_HINT };
