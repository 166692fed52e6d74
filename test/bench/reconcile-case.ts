// `tsx test/bench/reconcile-case.ts ROWS`: the whole reconciliation (`runReconciliation`, as
// `perm-recon reconcile` runs it) over a workbook whose universe is ROWS claim-level rows, with the
// sample's Settings and CMS-64 / CMS-21 report sheets. The workbook is written first by a child
// process (`--write PATH ROWS`), so this process's peak memory is the reconciliation's own.
// Prints one JSON line: rows, file size, seconds, peak resident memory, flagged quarters; and, beside
// it, what a user would otherwise run on the same file: LibreOffice headless converting the claims
// sheet to CSV (when soffice is installed), and pandas read_excel (openpyxl) + groupby (when
// /usr/bin/python3 has pandas; only for the full sheet of shared strings, where it takes minutes). `--inline` writes
// the claims with inline strings instead of shared strings (Excel writes shared strings);
// `--ids` adds Provider and Beneficiary columns, so three columns of distinct ids fill the
// shared-string table (its worst case for memory). `cliSeconds` is `perm-recon reconcile` on the
// same file as a process (loading, reading, reconciling and writing the copy), on the full sheet.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runReconciliation } from '../../src/core/recon/run-reconciliation.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';

const SAMPLE = new URL('../../assets/samples/sample-state.xlsx', import.meta.url).pathname;

async function write(path: string, rows: number, inline: boolean, ids: boolean): Promise<void> {
  // Loaded here only: the measuring process never loads the writer (its memory would count).
  const { default: ExcelJS } = await import('exceljs');
  const { universeRow } = await import('../fixtures/xlsx/universe-file.js');
  const sample = new ExcelJS.Workbook();
  await sample.xlsx.readFile(SAMPLE);
  const out = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: !inline, useStyles: false });
  for (const name of ['Settings', 'CMS-64', 'CMS-21']) {
    const from = sample.getWorksheet(name)!;
    const to = out.addWorksheet(name);
    from.eachRow((row) => to.addRow((row.values as import('exceljs').CellValue[]).slice(1)).commit());
    await to.commit();
  }
  const claims = out.addWorksheet('Claims');
  claims.addRow(['Claim ID', ...(ids ? ['Provider', 'Beneficiary'] : []), 'Program', 'Quarter', 'Component', 'Amount']).commit();
  for (let i = 1; i <= rows; i++) {
    const more = ids ? [`PRV-${(i * 7919) % 10_000_019}-X`, `BEN-${(i * 104_729) % 99_999_989}-Y`] : [];
    claims.addRow([ids ? `CLM-2024-${String(i).padStart(9, '0')}` : `C${i}`, ...more, ...universeRow(i)]).commit();
  }
  await claims.commit();
  await out.commit();
}

function timed(run: () => void): number | undefined {
  const start = performance.now();
  try {
    run();
  } catch {
    return undefined;
  }
  return (performance.now() - start) / 1000;
}

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
const PANDAS = `import sys, pandas as pd
df = pd.read_excel(sys.argv[1], sheet_name='Claims')
print(df.groupby(['Program', 'Quarter', 'Component'])['Amount'].sum().shape)`;

/** LibreOffice headless converting the claims sheet (the 4th) to CSV. */
function libreOffice(path: string, dir: string): number | undefined {
  if (SOFFICE === undefined) return undefined;
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,4';
  return timed(() => execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--norestore', '--convert-to', filter, '--outdir', join(dir, 'csv'), path], { stdio: 'ignore' }));
}

function pandas(path: string): number | undefined {
  if (!existsSync('/usr/bin/python3')) return undefined;
  return timed(() => execFileSync('/usr/bin/python3', ['-c', PANDAS, path], { stdio: 'ignore' }));
}

/** `perm-recon reconcile` on the file, as a user runs it (the built CLI, when dist/ has it). */
function cli(path: string, dir: string): number | undefined {
  const bin = new URL('../../dist/perm-recon.mjs', import.meta.url).pathname;
  if (!existsSync(bin)) return undefined;
  return timed(() => execFileSync(process.execPath, [bin, 'reconcile', path, '--out', join(dir, 'out.xlsx')], { stdio: 'ignore' }));
}

async function measure(rows: number, inline: boolean, ids: boolean): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'perm-recon-bench-'));
  try {
    const path = join(dir, 'book.xlsx');
    execFileSync('node_modules/.bin/tsx', ['test/bench/reconcile-case.ts', '--write', path, String(rows), ...(inline ? ['--inline'] : []), ...(ids ? ['--ids'] : [])], { stdio: 'inherit' });
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
    const full = rows >= 1_048_575;
    const cliSeconds = full ? cli(path, dir) : undefined;
    const libreOfficeSeconds = full ? libreOffice(path, dir) : undefined;
    // pandas on Excel's own form only (shared strings, five columns): it takes minutes a run.
    const pandasSeconds = full && !inline && !ids && process.env.BENCH_PANDAS !== '0' ? pandas(path) : undefined;
    const ratio = (other: number | undefined) => (other === undefined ? '-' : `${(other / seconds).toFixed(1)}x`);
    console.log(
      JSON.stringify({
        rows,
        strings: `${inline ? 'inline' : 'shared'}${ids ? ', 3 id columns' : ''}`,
        fileMiB: (await stat(path)).size / 2 ** 20,
        seconds,
        peakRssMiB: peak / 2 ** 20,
        cliSeconds: cliSeconds ?? '-',
        errors,
        flagged: flagged.length,
        libreOfficeSeconds: libreOfficeSeconds ?? '-',
        vsLibreOffice: ratio(libreOfficeSeconds),
        pandasSeconds: pandasSeconds ?? '-',
        vsPandas: ratio(pandasSeconds),
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const inline = process.argv.includes('--inline');
const ids = process.argv.includes('--ids');
if (process.argv[2] === '--write') await write(process.argv[3]!, Number(process.argv[4]), inline, ids);
else await measure(Number(process.argv[2] ?? 10_000), inline, ids);
