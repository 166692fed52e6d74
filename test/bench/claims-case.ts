// `tsx test/bench/claims-case.ts ROWS csv|parquet`: `perm-recon universe` over ROWS claims in one
// file (written once by DuckDB's COPY into the temp folder and kept there for later runs), timed in
// this process (totalClaimFiles) and as the command (a fresh `node dist/perm-recon.mjs`), with this
// process's peak resident memory. For CSV, beside it the baseline an analyst would pick: pandas
// `read_csv` + `groupby` on the same file (Debian's /usr/bin/python3 with python3-pandas), timed
// inside Python (read and group only) and as a process; `pandasCentsOff` is how far pandas' float
// sums land from the exact cents. The files hold 1% negative amounts (adjustments), which the
// checks report with their first examples. Prints one JSON line.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDb } from '../../src/claims/duckdb-session.js';
import { totalClaimFiles } from '../../src/claims/total-claims.js';
import { reviewYear } from '../../src/core/workbook/quarter.js';

const PYTHON = '/usr/bin/python3';
const PANDAS = `
import sys, time, json
import pandas as pd
t0 = time.time()
d = pd.read_csv(sys.argv[1])
q = pd.to_datetime(d['Paid Date']).dt.to_period('Q').astype(str)
g = d.groupby([d['Program'], q, d['Component']])['Paid Amount'].agg(['sum', 'count'])
t1 = time.time()
print(json.dumps({'seconds': t1 - t0, 'totals': {f'{p}|{qq}|{c}': round(s * 100) for (p, qq, c), s in g['sum'].items()}}))
`;

async function generate(path: string, rows: number, format: 'csv' | 'parquet'): Promise<void> {
  if (existsSync(path)) return;
  mkdirSync(join(path, '..'), { recursive: true });
  const db = await openDuckDb({ memoryLimit: '2GB' });
  const temp = `${path}.partial`;
  try {
    // Deterministic claims: RY2025 paid dates, 60% Medicaid, FFS/MC alternating, 1% negative amounts.
    const select = `SELECT 'ICN' || LPAD(CAST(range AS VARCHAR), 12, '0') AS "Claim ID",
      CASE WHEN hash(range) % 10 < 6 THEN 'Medicaid' ELSE 'CHIP' END AS "Program",
      CASE WHEN range % 2 = 0 THEN 'FFS' ELSE 'MC' END AS "Component",
      ${format === 'csv' ? 'CAST(DATE \'2023-07-01\' + CAST(range % 366 AS INTEGER) AS VARCHAR)' : 'DATE \'2023-07-01\' + CAST(range % 366 AS INTEGER)'} AS "Paid Date",
      CAST(CAST(((hash(range * 7) % 2000000) - CASE WHEN range % 100 = 99 THEN 2000000 ELSE 0 END) AS BIGINT) * 0.01 AS DECIMAL(18,2)) AS "Paid Amount"
      FROM range(${rows})`;
    await db.run(`COPY (${select}) TO '${temp}' (${format === 'csv' ? 'FORMAT csv, HEADER' : 'FORMAT parquet, ROW_GROUP_SIZE 1000000'})`);
    renameSync(temp, path);
  } finally {
    db.close();
  }
}

function pandasBaseline(path: string): { seconds: number; processSeconds: number; totals: Record<string, number> } | undefined {
  if (!existsSync(PYTHON)) return undefined;
  const start = performance.now();
  const run = spawnSync(PYTHON, ['-c', PANDAS, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const processSeconds = (performance.now() - start) / 1000;
  if (run.status !== 0) return undefined; // pandas not installed for this Python
  const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { seconds: number; totals: Record<string, number> };
  return { ...out, processSeconds };
}

const benchPath = (rows: number, format: string): string => join(process.env.PERM_BENCH_DIR ?? join(tmpdir(), 'perm-recon-bench'), `claims-${rows}.${format}`);

async function measure(rows: number, format: 'csv' | 'parquet'): Promise<void> {
  const path = benchPath(rows, format);
  // Written by a child process, so this process's peak memory is the run's own.
  if (!existsSync(path)) execFileSync('node_modules/.bin/tsx', ['test/bench/claims-case.ts', '--generate', String(rows), format], { stdio: 'inherit' });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const run = await totalClaimFiles([path], { reviewYear: reviewYear('RY', 2025) });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const peakRssMiB = Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
  const row: Record<string, unknown> = {
    rows, format, fileMiB: statSync(path).size / 2 ** 20, seconds, peakRssMiB, path: run.path,
    claims: run.claimsRead, negatives: run.checks.find((c) => c.code === 'negative_amount')?.count ?? 0,
  };
  if (format === 'csv') {
    // The command as a user runs it: a fresh Node process, DuckDB's start-up included.
    const cliStart = performance.now();
    execFileSync('node', ['dist/perm-recon.mjs', 'universe', path, '--review-year', 'RY2025', '--json'], { stdio: ['ignore', 'ignore', 'ignore'] });
    const cliSeconds = (performance.now() - cliStart) / 1000;
    row['cliSeconds'] = cliSeconds;
    const pandas = pandasBaseline(path);
    if (pandas !== undefined) {
      let off = 0;
      for (const t of run.totals) off = Math.max(off, Math.abs((pandas.totals[`${t.program}|${t.quarter}|${t.component}`] ?? 0) - t.cents));
      Object.assign(row, { pandasSeconds: pandas.seconds, pandasProcessSeconds: pandas.processSeconds, speedup: pandas.seconds / seconds, processSpeedup: pandas.processSeconds / cliSeconds, pandasCentsOff: off });
    }
  }
  console.log(JSON.stringify(row));
}

if (process.argv[2] === '--generate') {
  const rows = Number(process.argv[3]);
  const format = process.argv[4] === 'parquet' ? 'parquet' : 'csv';
  await generate(benchPath(rows, format), rows, format);
} else {
  const rows = Number(process.argv[2] ?? 3_000_000);
  const format = process.argv[3] === 'parquet' ? 'parquet' : 'csv';
  await measure(rows, format);
}
