/**
 * What the add-in build serves, read from the webpack configuration object (not from a build), so
 * the manifest check knows whether each file it names will exist: output path → the source file
 * copied there, or null for files the build generates (bundles, taskpane.html, functions.json).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The parts of a webpack configuration this reads; everything else is ignored. */
export interface WebpackConfigLike {
  readonly context?: string;
  readonly entry?: unknown;
  readonly output?: { readonly filename?: unknown };
  readonly optimization?: { readonly runtimeChunk?: unknown };
  readonly plugins?: readonly unknown[];
}

interface CopyPattern {
  readonly from?: string;
  readonly to?: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const toPosix = (path: string): string => path.split(sep).join('/');

function entryNames(entry: unknown): string[] {
  if (typeof entry === 'string' || Array.isArray(entry)) return ['main'];
  if (entry !== null && typeof entry === 'object') return Object.keys(entry);
  return [];
}

function pluginName(plugin: unknown): string {
  return (plugin as { constructor?: { name?: string } } | null)?.constructor?.name ?? '';
}

/** Output path (relative to the output folder, with "/") → source file, or null when generated. */
export function addinOutputs(config: WebpackConfigLike, rootDir: string): Map<string, string | null> {
  const context = config.context ?? rootDir;
  const outputs = new Map<string, string | null>();
  const filename = typeof config.output?.filename === 'string' ? config.output.filename : '[name].js';
  // Only names without hashes can be known before a build; those are the ones a manifest can name.
  const named = (name: string): string | undefined => (/\[(?!name\])[^\]]+\]/.test(filename) ? undefined : filename.replace('[name]', name));
  for (const name of entryNames(config.entry)) {
    const file = named(name);
    if (file !== undefined) outputs.set(file, null);
  }
  const runtime = config.optimization?.runtimeChunk;
  if (runtime === 'single') {
    const file = named('runtime');
    if (file !== undefined) outputs.set(file, null);
  }
  for (const plugin of config.plugins ?? []) {
    const kind = pluginName(plugin);
    if (kind === 'HtmlWebpackPlugin') {
      const options = (plugin as { userOptions?: { filename?: unknown } }).userOptions;
      outputs.set(typeof options?.filename === 'string' ? options.filename : 'index.html', null);
    } else if (kind === 'CustomFunctionsMetadataPlugin') {
      const output = (plugin as { options?: { output?: unknown } }).options?.output;
      if (typeof output === 'string') outputs.set(output, null);
    } else if (kind === 'CopyPlugin') {
      for (const pattern of (plugin as { patterns?: (string | CopyPattern)[] }).patterns ?? []) {
        const { from, to } = typeof pattern === 'string' ? { from: pattern, to: undefined } : pattern;
        if (from === undefined) continue;
        const source = resolve(context, from);
        if (!existsSync(source)) continue; // nothing copied: every file the manifest names there is missing
        if (statSync(source).isDirectory()) {
          for (const file of filesUnder(source)) outputs.set(toPosix(join(to ?? '', relative(source, file))), file);
        } else {
          outputs.set(toPosix(to ?? from.split('/').pop() ?? from), source);
        }
      }
    }
  }
  return outputs;
}
