// The Estimator Detail and CMS-10184E formulas, recomputed by LibreOffice from nothing (every
// cached result stripped first), give the numbers the estimator computed, to 1e-9 relative.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBREOFFICE_REQUIRED, libreOfficeConvert, SOFFICE } from '../../helpers/libreoffice';
import { runCli } from '../../cli/run-cli';
import { SAMPLE, tempDir } from '../../cli/sample-copy';

const SHEETS = ['Estimator Detail', 'CMS-10184E Medicaid', 'CMS-10184E CHIP'];
type Cached = Map<string, number | string>;

describe.skipIf(SOFFICE === undefined && !LIBREOFFICE_REQUIRED)('formulas recomputed by LibreOffice', () => {
  const ours: Cached = new Map();
  const theirs: Cached = new Map();
  let formulaCount = 0;
  let fill: { forms: { program: string; errorRates: Record<string, Record<string, number | null>> }[] };

  beforeAll(async () => {
    const dir = tempDir();
    const out = join(dir, 'filled.xlsx');
    const cli = await runCli(['fill', SAMPLE, '--out', out, '--json']);
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
    expect(formulaCount).toBeGreaterThan(500);
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
    expect(ours.size).toBeGreaterThan(500);
  });

  it('gives lines G-J of both forms as the estimator computed them, rounded to one decimal', () => {
    for (const form of fill.forms) {
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
