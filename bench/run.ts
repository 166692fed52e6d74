// `npm run bench`: time and peak memory tables. Each measurement runs in a fresh Node process so
// its peak memory is its own. Timing is measured here, never asserted in tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Suite {
  readonly title: string;
  readonly script: string;
  readonly sizes: readonly number[];
  readonly columns: readonly string[];
}

const suites: Suite[] = [
  { title: 'Estimator (lines G-J, 36 cells)', script: 'bench/estimator-case.ts', sizes: [10_000, 100_000, 1_000_000], columns: ['cases', 'cells', 'milliseconds', 'peakRssMiB'] },
];

const tsx = 'node_modules/.bin/tsx';
for (const suite of suites) {
  if (!existsSync(suite.script)) continue;
  console.log(`\n${suite.title}`);
  console.log(`| ${suite.columns.join(' | ')} |`);
  console.log(`|${suite.columns.map(() => '---:').join('|')}|`);
  for (const size of suite.sizes) {
    const line = execFileSync(tsx, ['--max-old-space-size=8192', suite.script, String(size)], { encoding: 'utf8' }).trim().split('\n').pop() ?? '{}';
    const row = JSON.parse(line) as Record<string, number>;
    console.log(`| ${suite.columns.map((c) => (typeof row[c] === 'number' ? Number(row[c]!.toFixed(1)).toLocaleString('en-US') : String(row[c]))).join(' | ')} |`);
  }
}
