/** Shared helpers for the xlsx adapter tests: temp folders, hashes, zip parts. */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'perm-recon-xlsx-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function sha256(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

export async function zipOf(path: string): Promise<JSZip> {
  return JSZip.loadAsync(await readFile(path));
}

export async function partText(zip: JSZip, part: string): Promise<string> {
  const f = zip.file(part);
  if (f === null) throw new Error(`no part ${part}`);
  return f.async('string');
}
