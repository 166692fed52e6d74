/**
 * Checks an `--out` path before any work is done, so a run that could not write its copy stops
 * at once (exit 2) with a message naming the path, not after the tables have printed: the folder
 * must exist and take a new file, the path must not be a folder, an existing file there must be
 * writable, and the disk must have room for about the size of the input plus the output sheets.
 */
import { constants } from 'node:fs';
import { access, mkdir, open, rm, stat, statfs } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Room the output sheets take beyond the input's size (the sample's add about 200 KB). */
const SHEETS_ALLOWANCE_BYTES = 4 * 1024 * 1024;

const code = (e: unknown): string => (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '');

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Why `outPath` cannot take the copy of `inputPath`, or undefined when it can. */
export async function outPathProblem(outPath: string, inputPath: string): Promise<string | undefined> {
  const out = resolve(outPath);
  const folder = dirname(out);
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory() === true) return `${out}: --out names a folder. Give a file name in it, for example ${join(out, basename(inputPath).replace(/\.xlsx$/i, '') + '.filled.xlsx')}.`;
  if (existing !== undefined && !existing.isFile()) return `${out}: --out names something that is not a regular file. Choose a file name for the copy.`;
  let dir;
  try {
    dir = await stat(folder);
  } catch (e) {
    return code(e) === 'ENOENT' || code(e) === 'ENOTDIR' ? `${out}: the folder ${folder} does not exist. Create it first, or choose another --out path.` : `${out}: the folder ${folder} cannot be used (${code(e) || String(e)}).`;
  }
  if (!dir.isDirectory()) return `${out}: ${folder} is not a folder. Choose another --out path.`;
  if (existing !== undefined) {
    try {
      await access(out, constants.W_OK);
    } catch {
      return `${out}: the file exists and cannot be written (it is read-only or open elsewhere). Choose another --out path or make it writable.`;
    }
  }
  // A real probe: permissions, read-only mounts and quotas all show here, whoever runs the tool.
  const probe = join(folder, `.${basename(out)}.${process.pid}.probe`);
  try {
    const handle = await open(probe, 'wx');
    await handle.close();
  } catch (e) {
    const c = code(e);
    const why = c === 'EROFS' ? 'the file system is read-only' : c === 'ENOSPC' ? 'the disk is full' : c === 'EACCES' || c === 'EPERM' ? 'permission denied' : c || String(e);
    return `${out}: cannot write in the folder ${folder} (${why}). Choose another --out path.`;
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
  try {
    const fs = await statfs(folder);
    const free = Number(fs.bavail) * Number(fs.bsize);
    const input = (await stat(resolve(inputPath)).catch(() => undefined))?.size ?? 0;
    const needed = input + SHEETS_ALLOWANCE_BYTES;
    if (free < needed) return `${out}: the disk holding ${folder} has ${megabytes(free)} free; the copy needs about ${megabytes(needed)}. Free some space or choose another --out path.`;
  } catch {
    // statfs is not available everywhere (some network file systems); the write itself reports a full disk.
  }
  return undefined;
}

/** A write error as the user should read it: the output path and what happened, never the hidden temporary file. */
export function describeWriteError(outPath: string, e: unknown): string {
  const out = resolve(outPath);
  const c = code(e);
  if (c === 'ENOSPC' || c === 'EDQUOT') return `${out}: the disk is full; the copy was not written (nothing was left behind). Free some space or choose another --out path.`;
  if (c === 'EROFS') return `${out}: the file system is read-only; the copy was not written. Choose another --out path.`;
  if (c === 'EACCES' || c === 'EPERM') return `${out}: permission denied; the copy was not written. Choose another --out path.`;
  if (c === 'EISDIR') return `${out}: --out names a folder; the copy was not written. Give a file name.`;
  if (c === 'ENOENT') return `${out}: the folder does not exist (any more); the copy was not written.`;
  return `${out}: the copy could not be written (${e instanceof Error ? e.message.replaceAll(dirname(out) + '/.', '') : String(e)}).`;
}

/** `demo --out DIR`: creates the folder (and its parents); why it cannot be, or undefined. */
export async function makeOutFolder(dir: string): Promise<string | undefined> {
  const folder = resolve(dir);
  try {
    await mkdir(folder, { recursive: true });
    return undefined;
  } catch (e) {
    const c = code(e);
    const why = c === 'EEXIST' || c === 'ENOTDIR' ? 'a file is in the way' : c === 'EROFS' ? 'the file system is read-only' : c === 'EACCES' || c === 'EPERM' ? 'permission denied' : c || String(e);
    return `${folder}: the folder for --out cannot be created (${why}). Choose another --out folder.`;
  }
}
