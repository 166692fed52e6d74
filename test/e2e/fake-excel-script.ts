/**
 * The init script that puts the fake Excel (test/excel/fake-excel.ts) into a page as the `Excel`
 * and `Office` globals, seeded with a workbook's values as office-js would give them.
 */
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { CellValue, WorkbookSource } from '../../src/core/workbook/port.js';
import { ROOT } from './addin-build.js';

/** Every sheet's values from A1 (dates as serial numbers, error values as their codes). */
export async function officeValues(source: WorkbookSource): Promise<Record<string, unknown[][]>> {
  const office = (v: CellValue): unknown => {
    if (v === null) return '';
    if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
    if (typeof v === 'object') return v.code;
    return v;
  };
  const out: Record<string, unknown[][]> = {};
  for (const s of await source.sheets()) {
    const rows: unknown[][] = [];
    for await (const chunk of source.readRows(s.name)) {
      for (const r of chunk) rows[r.row - 1] = [...Array.from({ length: s.firstColumn - 1 }, () => ''), ...r.cells.map(office)];
    }
    out[s.name] = Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
  }
  return out;
}

/** The script: the seed, then the bundled fake-office-page.ts. */
export async function fakeExcelInitScript(seed: Record<string, unknown[][]>): Promise<string> {
  const bundle = await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'e2e', 'fake-office-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return `window.__permSeed = ${JSON.stringify(seed)};\n${bundle.outputFiles[0]?.text ?? ''}`;
}
