/**
 * `npm run validate`: the project's offline manifest checks, always; then Microsoft's validation
 * service (office-addin-manifest's validateManifest, what `office-addin-manifest validate` runs),
 * which is skipped with a note when it cannot be reached.
 *
 * Exit status: 0 when the offline checks pass and the service accepts the manifest or cannot be
 * reached; 1 when an offline check fails or the service reports the manifest invalid.
 * `--offline` skips the service.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ACTION_IDS } from '../commands/action-ids.js';
import { addinOutputs, type WebpackConfigLike } from './build-outputs.js';
import { checkManifest, MANIFEST_CHECKS, type ManifestContext, type ManifestIssue } from './check-manifest.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** How long the validation service gets before it counts as unreachable. */
export const ONLINE_TIMEOUT_MS = 30_000;

interface WebpackConfigModule {
  readonly default: (env: Record<string, unknown>, argv: Record<string, unknown>) => WebpackConfigLike;
  readonly URL_DEV: string;
}

/** The context of the offline checks: the production build's outputs, package.json's version, the commands. */
export async function manifestContext(rootDir: string = ROOT): Promise<ManifestContext> {
  const webpack = (await import(pathToFileURL(join(rootDir, 'webpack.config.js')).href)) as WebpackConfigModule;
  const config = webpack.default({ WEBPACK_BUILD: true }, { mode: 'production' });
  const pkg = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as { version?: string };
  return {
    devBaseUrl: webpack.URL_DEV,
    outputs: addinOutputs(config, rootDir),
    readFile: (path) => (existsSync(path) ? readFileSync(path) : undefined),
    actionIds: ACTION_IDS,
    ...(pkg.version === undefined ? {} : { packageVersion: pkg.version }),
  };
}

export type OnlineResult =
  | { readonly status: 'valid'; readonly notes: readonly string[] }
  | { readonly status: 'invalid'; readonly details: readonly string[] }
  | { readonly status: 'skipped'; readonly reason: string };

/** The shape of office-addin-manifest's validateManifest result that matters here. */
interface ServiceValidation {
  readonly isValid: boolean;
  readonly status?: number;
  readonly statusText?: string;
  readonly report?: { readonly errors?: readonly { readonly title?: string; readonly content?: string }[] };
}

export type ValidateWithService = (manifestPath: string) => Promise<ServiceValidation>;

async function officeAddinManifestValidate(manifestPath: string): Promise<ServiceValidation> {
  const { validateManifest } = (await import('office-addin-manifest')) as { validateManifest: ValidateWithService };
  return validateManifest(manifestPath);
}

const UNREACHABLE = /Unable to contact the manifest validation service|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|certificate/i;

/** Microsoft's validation service on the manifest: valid, invalid (with its errors), or skipped (with why). */
export async function validateOnline(
  manifestPath: string,
  validate: ValidateWithService = officeAddinManifestValidate,
  timeoutMs: number = ONLINE_TIMEOUT_MS,
): Promise<OnlineResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolveTimeout) => {
    timer = setTimeout(() => resolveTimeout('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([validate(manifestPath), timeout]);
    if (result === 'timeout') return { status: 'skipped', reason: `no answer within ${timeoutMs / 1000} s` };
    if (result.status !== undefined && result.status !== 200) {
      const answer = `HTTP ${result.status}${result.statusText === undefined ? '' : ` ${result.statusText}`}`;
      // A 5xx is the service failing (Office-Addin-Scripts#1001), not a verdict on the manifest.
      if (result.status >= 500) return { status: 'skipped', reason: `the service answered ${answer}` };
      return { status: 'invalid', details: [`the service answered ${answer}`] };
    }
    if (result.isValid) return { status: 'valid', notes: [] };
    const errors = (result.report?.errors ?? []).map((e) => [e.title, e.content].filter(Boolean).join(': '));
    return { status: 'invalid', details: errors.length > 0 ? errors : ['the service did not accept the manifest'] };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (UNREACHABLE.test(message)) return { status: 'skipped', reason: message.split('\n').slice(1).join(' ').trim() || message };
    return { status: 'invalid', details: [message] };
  } finally {
    clearTimeout(timer);
  }
}

/** The offline report, one line per check, and whether it passed. */
export function formatOfflineReport(manifestName: string, issues: readonly ManifestIssue[]): { lines: string[]; passed: boolean } {
  const lines = [`Offline checks of ${manifestName}:`];
  let failed = 0;
  for (const [check, label] of MANIFEST_CHECKS) {
    const mine = issues.filter((i) => i.check === check);
    const errors = mine.filter((i) => i.severity === 'error');
    if (errors.length > 0) failed += 1;
    lines.push(`  ${errors.length > 0 ? 'FAIL' : 'ok  '} ${label}`);
    for (const issue of mine) lines.push(`         ${issue.severity === 'error' ? '-' : 'warning:'} ${issue.message}`);
  }
  lines.push(failed === 0 ? `Offline checks passed (${MANIFEST_CHECKS.length} of ${MANIFEST_CHECKS.length}).` : `Offline checks failed: ${failed} of ${MANIFEST_CHECKS.length}.`);
  return { lines, passed: failed === 0 };
}

export function formatOnlineResult(result: OnlineResult): string[] {
  switch (result.status) {
    case 'valid':
      return ['online validation: the validation service accepted the manifest.'];
    case 'invalid':
      return ['online validation FAILED: the validation service reports the manifest invalid:', ...result.details.map((d) => `  - ${d}`)];
    case 'skipped':
      return ['online validation skipped: the validation service cannot be reached', `  (${result.reason})`];
  }
}

/** Runs the validation and returns the exit status. */
export async function main(argv: readonly string[], log: (line: string) => void = console.log): Promise<number> {
  const offlineOnly = argv.includes('--offline');
  const manifestArg = argv.find((a) => !a.startsWith('--')) ?? 'manifest.xml';
  const manifestPath = resolve(ROOT, manifestArg);
  const issues = checkManifest(readFileSync(manifestPath, 'utf8'), await manifestContext(ROOT));
  const offline = formatOfflineReport(manifestArg, issues);
  offline.lines.forEach((line) => log(line));
  if (!offline.passed) return 1;
  if (offlineOnly) {
    log('online validation not attempted (--offline).');
    return 0;
  }
  const online = await validateOnline(manifestPath);
  formatOnlineResult(online).forEach((line) => log(line));
  return online.status === 'invalid' ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
