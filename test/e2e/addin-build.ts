/**
 * The add-in as the end-to-end tests load it: a development build (webpack --mode development) in
 * test/artifacts/e2e-addin, made once per test file. PERM_RECON_E2E_DIST=<folder> uses an existing
 * build instead (for quick reruns while working on the tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

export function buildAddin(): string {
  const existing = process.env.PERM_RECON_E2E_DIST;
  if (existing !== undefined && existing !== '') {
    if (!existsSync(join(existing, 'preview.html'))) throw new Error(`PERM_RECON_E2E_DIST=${existing} holds no preview.html; build the add-in there first.`);
    return existing;
  }
  const out = join(ARTIFACTS, 'e2e-addin');
  const cli = createRequire(import.meta.url).resolve('webpack-cli/bin/cli.js');
  const result = spawnSync(process.execPath, [cli, '--mode', 'development', '--output-path', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WEBPACK_BUILD: 'true' } });
  if (result.status !== 0) throw new Error(`The add-in build failed:\n${result.stdout}\n${result.stderr}`);
  return out;
}
