// The Estimator Detail and CMS-10184E formulas, recomputed by LibreOffice from nothing (every
// cached result stripped first), give the numbers the estimator computed, to 1e-9 relative.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBREOFFICE_REQUIRED, libreOfficeConvert, SOFFICE } from '../../helpers/libreoffice';
import { runCli } from '../../cli/run-cli';
import { SAMPLE, tempDir } from '../../cli/sample-copy';

type Cached = Map<string, number | string>;

/** R's apistrat as a PERM book (annual counts, Month blank; test/fixtures/r/books), with Form Version 2013. */
async function apistratBook(dir: string): Promise<string> {
  const rows = (name: string) => readFileSync(new URL(`../../fixtures/r/books/${name}`, import.meta.url), 'utf8').trim().split(/\r?\n/).map((l) => l.split(',').map((v) => (v === '' ? null : v)));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Settings').addRows([['Setting', 'Value'], ['State', 'California'], ['Review Year', 'RY2025'], ['Report Date', '2025-07-01'], ['Form Version', '2013']]);
  wb.addWorksheet('Findings').addRows(rows('apistrat-findings.csv'));
  wb.addWorksheet('Universe Counts').addRows(rows('apistrat-universe-counts.csv'));
  const path = join(dir, 'apistrat.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

const BOOKS = [
  ['the sample (01/07 form, monthly counts)', async () => SAMPLE, ['Estimator Detail', 'CMS-10184E Medicaid', 'CMS-10184E CHIP'], 500],
  ['apistrat (2013 form, annual counts)', async (dir: string) => apistratBook(dir), ['Estimator Detail', 'CMS-10184E Medicaid'], 100],
] as const;

describe.skipIf(SOFFICE === undefined && !LIBREOFFICE_REQUIRED).each(BOOKS)('formulas recomputed by LibreOffice: %s', (_name, input, SHEETS, atLeast) => {
  const ours: Cached = new Map();
  const theirs: Cached = new Map();
  let formulaCount = 0;
  let fill: { forms: { program: string; errorRates: Record<string, Record<string, number | null>> }[] };

  beforeAll(async () => {
    const dir = tempDir();
    const out = join(dir, 'filled.xlsx');
    const cli = await runCli(['fill', await input(dir), '--out', out, '--json']);
    expect(cli.code).toBe(0);
    fill = JSON.parse(cli.stdout) as typeof fill;
    // Strip every cached result, so whatever LibreOffice shows it computed itself.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    for (const name of SHEETS) {
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula === undefined) return;
          const result = (cell.value as { result?: unknown }).result;
          if (typeof result === 'number' || typeof result === 'string') ours.set(`${name}!${cell.address}`, result);
          cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
          formulaCount += 1;
        }),
      );
    }
    const stripped = join(dir, 'stripped.xlsx');
    await wb.xlsx.writeFile(stripped);
    const recomputed = await libreOfficeConvert(stripped, 'xlsx', join(dir, 'lo'));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(recomputed);
    for (const name of SHEETS) {
      back.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.formula === undefined ? cell.value : (cell.value as { result?: unknown }).result;
          if (typeof v === 'number' || typeof v === 'string') theirs.set(`${name}!${cell.address}`, v);
        }),
      );
    }
  }, 300_000);

  it('computes every formula cell as the tool did', () => {
    expect(formulaCount).toBeGreaterThan(atLeast);
    const mismatches: string[] = [];
    for (const [where, value] of ours) {
      const got = theirs.get(where);
      if (typeof value === 'string') {
        if (got !== value) mismatches.push(`${where}: ${String(got)} != ${value}`);
      } else if (typeof got !== 'number' || Math.abs(got - value) > 1e-9 * Math.max(Math.abs(value), 1e-12)) {
        mismatches.push(`${where}: LibreOffice ${String(got)}, tool ${value}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(ours.size).toBeGreaterThan(atLeast);
  });

  it('gives the form lines as the tool computed them (G-J rounded to one decimal; the 2013 form: its line D totals)', () => {
    for (const form of fill.forms) {
      if (SHEETS.length === 2) {
        // 2013 edition: no error rate table; line D's SUM formulas, Dollars in Error (K) and Undetermined (L).
        const d = (form as unknown as { summary: { active: { sampled: number; dollarsInError: number } } }).summary.active;
        expect(theirs.get(`CMS-10184E ${form.program}!C10`)).toBe(d.sampled);
        expect(theirs.get(`CMS-10184E ${form.program}!K10`)).toBeCloseTo(d.dollarsInError, 6);
        expect(typeof theirs.get(`CMS-10184E ${form.program}!L10`)).toBe('number');
        continue;
      }
      const sheet = `CMS-10184E ${form.program}`;
      const r = form.errorRates;
      expect(theirs.get(`${sheet}!C21`)).toBeCloseTo(Math.round((r.activePayment!.rate as number) * 1000) / 1000, 12);
      expect(theirs.get(`${sheet}!C22`)).toBeCloseTo(Math.round((r.activeCase!.rate as number) * 1000) / 1000, 12);
      expect(theirs.get(`${sheet}!C23`)).toBeCloseTo(Math.round((r.negativeCase!.rate as number) * 1000) / 1000, 12);
      expect(theirs.get(`${sheet}!B21`)).toBeCloseTo(Math.round((r.activePayment!.dollarsInError as number) * 100) / 100, 6);
      expect(theirs.get(`${sheet}!D21`)).toBe(`95.0%, +/- ${((r.activePayment!.precision as number) * 100).toFixed(1)}%`);
      expect(theirs.get(`${sheet}!E24`)).toBeCloseTo(Math.round((r.undetermined!.percentage as number) * 1000) / 1000, 12);
    }
  });
});
