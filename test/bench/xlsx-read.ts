// `tsx test/bench/xlsx-read.ts [ROWS]`: a claim-level universe workbook of ROWS rows (default
// 1,048,575: a full sheet with its header) is written by a child process, then this process opens
// it with the streaming reader and sums it by program, quarter and component. Prints one JSON
// line: rows, file size, seconds to open (the first rows of each sheet) and to sum, rows per
// second, and this process's peak memory (so the writer's memory is not counted).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUniverseTotals } from '../../src/core/workbook/universe-totals.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { universeRow, writeUniverseFile } from '../fixtures/xlsx/universe-file.js';

async function writeOnly(path: string, rows: number): Promise<void> {
  await writeUniverseFile(path, rows);
}

async function readAndSum(rows: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'perm-recon-bench-'));
  try {
    const path = join(dir, 'universe.xlsx');
    execFileSync('node_modules/.bin/tsx', ['test/bench/xlsx-read.ts', '--write', path, String(rows)], { stdio: 'inherit' });
    let peakRss = process.memoryUsage().rss;
    const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    let t = performance.now();
    const book = await openXlsx(path);
    const openMs = performance.now() - t;
    t = performance.now();
    const read = await readUniverseTotals(book);
    const sumMs = performance.now() - t;
    clearInterval(sample);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    // Check the sums against the generator's rule, recomputed here without holding the rows.
    const expected = new Map<string, number>();
    for (let i = 1; i <= rows; i++) {
      const [p, q, c, amount] = universeRow(i);
      expected.set(`${p}|${q}|${c}`, (expected.get(`${p}|${q}|${c}`) ?? 0) + Math.round(amount * 100));
    }
    const sumsMatch = read.rowsRead === rows && read.issues.length === 0 && read.totals.every((x) => expected.get(`${x.program}|${x.quarter}|${x.component}`) === x.cents);
    console.log(
      JSON.stringify({
        rows,
        fileMiB: (await stat(path)).size / 2 ** 20,
        openSeconds: openMs / 1000,
        sumSeconds: sumMs / 1000,
        rowsPerSecond: rows / (sumMs / 1000),
        peakRssMiB: peakRss / 2 ** 20,
        sumsMatch,
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--write') await writeOnly(process.argv[3] ?? '', Number(process.argv[4]));
else await readAndSum(Number(process.argv[2] ?? 1_048_575));
