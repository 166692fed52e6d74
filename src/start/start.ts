/**
 * `npm start`.
 * - Where Excel desktop is installed (Windows, macOS): installs the dev certificate and sideloads the
 *   add-in with Microsoft's tools, fetched on demand (`npx --yes office-addin-dev-certs@3 install`,
 *   then `npx --yes office-addin-debugging@7 start manifest.xml desktop --app excel`, which runs
 *   `npm run dev-server` over https). `npm start -- --stop` unloads it again.
 * - Elsewhere, or with `--preview`: builds the add-in (development) and serves dist/addin over plain
 *   HTTP on 127.0.0.1:3000, printing the task pane's preview URL (preview.html, or
 *   taskpane.html?preview=1 when the build has no preview page). No certificate, no sudo.
 * Options: --preview, --port <n> (preview server), --no-build (serve the existing dist/addin).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from './static-server.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ADDIN_DIR = join(ROOT, 'dist', 'addin');
export const DEFAULT_PORT = 3000;

/**
 * The task pane's preview page: preview.html where the build has it (no office.js at all), else
 * taskpane.html?preview=1 (the shared-runtime page, whose office.js request fails harmlessly offline).
 */
export function previewUrl(server: Pick<StaticServer, 'url'>, hasPreviewPage: boolean): string {
  return hasPreviewPage ? `${server.url}preview.html` : `${server.url}taskpane.html?preview=1`;
}

/** Where Excel desktop is installed, or undefined (Linux, or no Excel). */
export function findExcelDesktop(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (platform === 'darwin') {
    const app = '/Applications/Microsoft Excel.app';
    return exists(app) ? app : undefined;
  }
  if (platform === 'win32') {
    const roots = [env['ProgramFiles'], env['ProgramFiles(x86)']].filter((r): r is string => r !== undefined);
    const relative = ['Microsoft Office\\root\\Office16\\EXCEL.EXE', 'Microsoft Office\\Office16\\EXCEL.EXE'];
    return roots.flatMap((r) => relative.map((p) => `${r}\\${p}`)).find(exists);
  }
  return undefined;
}

export interface StartOptions {
  readonly preview: boolean;
  readonly stop: boolean;
  readonly build: boolean;
  readonly port: number;
}

export function parseOptions(argv: readonly string[]): StartOptions {
  const portIndex = argv.indexOf('--port');
  const port = portIndex >= 0 ? Number(argv[portIndex + 1]) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a port number, got ${String(argv[portIndex + 1])}`);
  return { preview: argv.includes('--preview'), stop: argv.includes('--stop'), build: !argv.includes('--no-build'), port };
}

/** A step of the desktop path: a command line to run. */
export interface Command {
  readonly command: string;
  readonly args: readonly string[];
}

/** The commands that sideload the add-in into Excel desktop (or, with stop, unload it). */
export function desktopCommands(stop: boolean): Command[] {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (stop) return [{ command: npx, args: ['--yes', 'office-addin-debugging@7', 'stop', 'manifest.xml', 'desktop'] }];
  return [
    { command: npx, args: ['--yes', 'office-addin-dev-certs@3', 'install'] },
    {
      command: npx,
      args: ['--yes', 'office-addin-debugging@7', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', String(DEFAULT_PORT)],
    },
  ];
}

function run({ command, args }: Command): number {
  console.log(`> ${command} ${args.join(' ')}`);
  // Windows runs npx.cmd through the shell, which joins arguments unquoted: quote those with spaces.
  const windows = process.platform === 'win32' && command.endsWith('.cmd');
  const shellArgs = windows ? args.map((a) => (/\s/.test(a) ? `"${a}"` : a)) : args;
  const result = spawnSync(command, shellArgs, { cwd: ROOT, stdio: 'inherit', shell: windows });
  return result.status ?? 1;
}

/** `webpack --mode development` into dist/addin (WEBPACK_BUILD: no dev-server certificates). */
export function buildDevelopment(): number {
  const cli = createRequire(import.meta.url).resolve('webpack-cli/bin/cli.js');
  return run({ command: process.execPath, args: [cli, '--mode', 'development'] });
}

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv);
  const excel = options.preview ? undefined : findExcelDesktop();
  if (options.stop && excel === undefined) {
    console.log('No Excel desktop here: nothing to unload (stop the preview server with Ctrl+C).');
    return 0;
  }
  if (excel !== undefined) {
    console.log(`Excel desktop found (${excel}): ${options.stop ? 'unloading' : 'sideloading'} PERM Recon.`);
    for (const step of desktopCommands(options.stop)) {
      const status = run(step);
      if (status !== 0) return status;
    }
    return 0;
  }
  console.log('No Excel desktop here: serving the task pane in preview mode over http://127.0.0.1 (no certificate needed).');
  if (options.build) {
    const status = buildDevelopment();
    if (status !== 0) return status;
  }
  if (!existsSync(join(ADDIN_DIR, 'taskpane.html'))) {
    console.error(`${ADDIN_DIR} has no taskpane.html; run without --no-build.`);
    return 1;
  }
  const server = await startStaticServer(ADDIN_DIR, options.port);
  console.log(`\nPERM Recon preview: ${previewUrl(server, existsSync(join(ADDIN_DIR, 'preview.html')))}\n(Ctrl+C to stop)`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return await new Promise<number>(() => undefined); // serve until interrupted
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
