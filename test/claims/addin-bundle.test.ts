// DuckDB is for the command line only: nothing the add-in's webpack entries import reaches
// src/claims or @duckdb (walks the import graph of the entries webpack.config.js names).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

function entries(): string[] {
  const config = readFileSync(join(root, 'webpack.config.js'), 'utf8');
  const block = /entry:\s*\{([^}]*)\}/.exec(config)?.[1] ?? '';
  return [...block.matchAll(/'(\.\/src\/[^']+)'/g)].map((m) => join(root, m[1]!));
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = join(dirname(from), spec.replace(/\.js$/, ''));
  return ['.ts', '.tsx', '/index.ts', '/index.tsx', ''].map((ext) => base + ext).find((p) => existsSync(p) && !p.endsWith('/'));
}

function importGraph(start: readonly string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) {
        const target = resolveImport(file, spec);
        if (target !== undefined && /\.(ts|tsx)$/.test(target)) queue.push(target);
      } else packages.add(spec);
    }
  }
  return { files, packages };
}

describe('the add-in bundle', () => {
  it('never imports the claim-file adapter or DuckDB', () => {
    const start = entries();
    expect(start.length).toBeGreaterThanOrEqual(3);
    const { files, packages } = importGraph(start);
    expect(files.size).toBeGreaterThan(50);
    const reached = [...files].map((f) => relative(root, f));
    expect(reached.filter((f) => f.startsWith('src/claims/') || f.startsWith('src/cli/'))).toEqual([]);
    expect([...packages].filter((p) => p.includes('duckdb'))).toEqual([]);
    expect(readFileSync(join(root, 'webpack.config.js'), 'utf8')).not.toMatch(/duckdb|src\/claims/);
  });

  it('the CLI build keeps @duckdb/node-api (a native module) external', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts['build:cli']).toContain('--packages=external');
    expect(pkg.dependencies['@duckdb/node-api']).toMatch(/^\d+\.\d+\.\d+/);
  });
});
