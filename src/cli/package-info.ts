/** The package's version and root folder (for the bundled sample), found from this module's place. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'perm-recon') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('perm-recon: cannot find the package folder (package.json named perm-recon)');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const SAMPLE_WORKBOOK = join(PACKAGE_ROOT, 'assets', 'samples', 'sample-state.xlsx');
