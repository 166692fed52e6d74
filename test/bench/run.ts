// `npm run bench`: time and peak memory tables. Each measurement runs in a fresh Node process so
// its peak memory is its own. Timing is measured here, never asserted in tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Suite {
  readonly title: string;
  readonly script: string;
  readonly sizes: readonly number[];
  readonly columns: readonly string[];
  /** Extra argument lists: each size runs once per list (default one run without extra arguments). */
  readonly args?: readonly (readonly string[])[];
}

const suites: Suite[] = [
  { title: 'Estimator (lines G-J, 36 cells)', script: 'test/bench/estimator-case.ts', sizes: [10_000, 100_000, 1_000_000], columns: ['cases', 'cells', 'milliseconds', 'peakRssMiB'] },
  // A sheet holds 1,048,576 rows: the header and 1,048,575 claims.
  // Beside it, on the full sheet: LibreOffice headless converting it to CSV, and pandas read_excel + groupby (BENCH_PANDAS=0 skips pandas, which takes minutes).
  // seconds and peakRssMiB: open + runReconciliation in process; cliSeconds: `perm-recon reconcile` as a process, writing the copy too (full sheet only).
  { title: 'Reconcile (runReconciliation over a claim-level universe sheet; shared or inline strings; three columns of distinct ids)', script: 'test/bench/reconcile-case.ts', sizes: [200_000, 1_048_575], args: [[], ['--inline'], ['--ids']], columns: ['rows', 'strings', 'fileMiB', 'seconds', 'peakRssMiB', 'cliSeconds', 'errors', 'flagged', 'libreOfficeSeconds', 'vsLibreOffice', 'pandasSeconds', 'vsPandas'] },
  { title: 'Streaming read of a claim-level universe sheet (sum by program, quarter, component)', script: 'test/bench/xlsx-read.ts', sizes: [1_048_575], columns: ['rows', 'fileMiB', 'openSeconds', 'sumSeconds', 'rowsPerSecond', 'peakRssMiB', 'sumsMatch'] },
  // Production build; first render = navigation start to the frame after the first screen's heading (and its table list), median of cold loads.
  { title: 'Task pane (initial JavaScript of taskpane.html, gzipped; first render in Chromium: Excel with the fake Excel, and preview mode on the sample)', script: 'test/bench/taskpane-case.ts', sizes: [5], columns: ['loads', 'initialScripts', 'initialJsKiB', 'initialJsGzipKiB', 'previewChunkGzipKiB', 'excelHeadingMs', 'excelTablesMs', 'previewHeadingMs', 'previewTablesMs'] },
  // Claim-level universe files (perm-recon universe, DuckDB): 3 million claims of CSV beside pandas read_csv + groupby on the same file
  // (speedup = pandas / ours, in-process and as processes); and Parquet, 10^8 claims by default (PERM_BENCH_PARQUET_ROWS sets it), peak memory under 1 GiB.
  { title: 'Claim files: universe over one CSV (DuckDB) beside pandas read_csv + groupby', script: 'test/bench/claims-case.ts', sizes: [3_000_000], args: [['csv']], columns: ['rows', 'fileMiB', 'seconds', 'cliSeconds', 'pandasSeconds', 'pandasProcessSeconds', 'speedup', 'processSpeedup', 'pandasCentsOff', 'peakRssMiB'] },
  { title: 'Claim files: universe over one Parquet file (DuckDB)', script: 'test/bench/claims-case.ts', sizes: [Number(process.env.PERM_BENCH_PARQUET_ROWS ?? 100_000_000)], args: [['parquet']], columns: ['rows', 'fileMiB', 'seconds', 'peakRssMiB', 'path', 'negatives'] },
];

const tsx = 'node_modules/.bin/tsx';
for (const suite of suites) {
  if (!existsSync(suite.script)) continue;
  console.log(`\n${suite.title}`);
  console.log(`| ${suite.columns.join(' | ')} |`);
  console.log(`|${suite.columns.map(() => '---:').join('|')}|`);
  for (const size of suite.sizes) for (const extra of suite.args ?? [[]]) {
    const line = execFileSync(tsx, ['--max-old-space-size=8192', suite.script, String(size), ...extra], { encoding: 'utf8' }).trim().split('\n').pop() ?? '{}';
    const row = JSON.parse(line) as Record<string, unknown>;
    const show = (v: unknown): string => (typeof v === 'number' ? Number(v.toFixed(2)).toLocaleString('en-US') : String(v));
    console.log(`| ${suite.columns.map((c) => show(row[c])).join(' | ')} |`);
  }
}
