// `tsx bench/xlsx-read.ts [ROWS]`: writes a claim-level universe workbook of ROWS rows (default
// 1,048,575, a full sheet with its header), then opens it with the streaming reader and sums it
// by program, quarter and component. Prints one JSON line: rows, file size, seconds to write,
// to open (first rows of each sheet) and to sum, and peak memory. Run in a fresh process.
import { stat, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readUniverseTotals } from '../src/core/workbook/universe-totals.js';
import { openXlsx } from '../src/xlsx/open-xlsx.js';
import { writeUniverseFile } from '../test/fixtures/xlsx/universe-file.js';

const rows = Number(process.argv[2] ?? 1_048_575);
let peakRss = 0;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const dir = await mkdtemp(join(tmpdir(), 'perm-recon-bench-'));
try {
  const path = join(dir, 'universe.xlsx');
  let t = performance.now();
  const file = await writeUniverseFile(path, rows);
  const writeMs = performance.now() - t;
  const rssAfterWrite = process.memoryUsage().rss;
  peakRss = 0;
  t = performance.now();
  const book = await openXlsx(path, { streamAboveBytes: 0 });
  const openMs = performance.now() - t;
  t = performance.now();
  const read = await readUniverseTotals(book);
  const sumMs = performance.now() - t;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const ok = read.rowsRead === file.rows && read.issues.length === 0 && read.totals.every((x) => file.expectedCents.get(`${x.program}|${x.quarter}|${x.component}`) === x.cents);
  console.log(
    JSON.stringify({
      rows,
      fileMiB: (await stat(path)).size / 2 ** 20,
      writeSeconds: writeMs / 1000,
      openSeconds: openMs / 1000,
      sumSeconds: sumMs / 1000,
      rowsPerSecond: rows / (sumMs / 1000),
      peakRssMiB: peakRss / 2 ** 20,
      rssAfterWriteMiB: rssAfterWrite / 2 ** 20,
      sumsMatch: ok,
    }),
  );
} finally {
  clearInterval(sample);
  await rm(dir, { recursive: true, force: true });
}
