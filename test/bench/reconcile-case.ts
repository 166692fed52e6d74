// `tsx test/bench/reconcile-case.ts ROWS`: the whole reconciliation (`runReconciliation`, as
// `perm-recon reconcile` runs it) over a workbook whose universe is ROWS claim-level rows, with the
// sample's Settings and CMS-64 / CMS-21 report sheets. The workbook is written first by a child
// process (`--write PATH ROWS`), so this process's peak memory is the reconciliation's own.
// Prints one JSON line: rows, file size, seconds, peak resident memory, flagged quarters.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runReconciliation } from '../../src/core/recon/run-reconciliation.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { universeRow } from '../fixtures/xlsx/universe-file.js';

const SAMPLE = new URL('../../assets/samples/sample-state.xlsx', import.meta.url).pathname;

async function write(path: string, rows: number): Promise<void> {
  const sample = new ExcelJS.Workbook();
  await sample.xlsx.readFile(SAMPLE);
  const out = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  for (const name of ['Settings', 'CMS-64', 'CMS-21']) {
    const from = sample.getWorksheet(name)!;
    const to = out.addWorksheet(name);
    from.eachRow((row) => to.addRow((row.values as ExcelJS.CellValue[]).slice(1)).commit());
    await to.commit();
  }
  const claims = out.addWorksheet('Claims');
  claims.addRow(['Claim ID', 'Program', 'Quarter', 'Component', 'Amount']).commit();
  for (let i = 1; i <= rows; i++) claims.addRow([`C${i}`, ...universeRow(i)]).commit();
  await claims.commit();
  await out.commit();
}

async function measure(rows: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'perm-recon-bench-'));
  try {
    const path = join(dir, 'book.xlsx');
    execFileSync('node_modules/.bin/tsx', ['test/bench/reconcile-case.ts', '--write', path, String(rows)], { stdio: 'inherit' });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    const book = await openXlsx(path);
    const run = await runReconciliation(book, { today: '2026-11-23' });
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
    const flagged = run.result.programs.flatMap((p) => p.quarters.filter((q) => q.flagged).map((q) => `${p.program} ${q.quarter}`));
    const errors = run.issues.filter((i) => i.severity === 'error').length;
    console.log(JSON.stringify({ rows, mode: book.mode, fileMiB: (await stat(path)).size / 2 ** 20, seconds, peakRssMiB: peak / 2 ** 20, errors, flagged: flagged.length }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--write') await write(process.argv[3]!, Number(process.argv[4]));
else await measure(Number(process.argv[2] ?? 10_000));
