// The Reconciliation and Call Summary formulas, recomputed by LibreOffice from nothing (every cached
// result stripped first), give the sample's intended outcomes (its About sheet, written by
// test/scripts/generate-sample.ts) and follow an Explanation and Status typed on Reconciliation.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBREOFFICE_REQUIRED, libreOfficeConvert, SOFFICE } from '../../helpers/libreoffice';
import { runCli } from '../../cli/run-cli';
import { SAMPLE, tempDir } from '../../cli/sample-copy';

const SHEETS = ['Reconciliation', 'Call Summary'];
type Values = Map<string, unknown>;

function rowOf(ws: ExcelJS.Worksheet, program: string, quarter: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (found === 0 && row.getCell(1).value === program && row.getCell(2).value === quarter) found = n;
  });
  if (found === 0) throw new Error(`no ${program} ${quarter} row on ${ws.name}`);
  return found;
}

describe.skipIf(SOFFICE === undefined && !LIBREOFFICE_REQUIRED)('Call Summary formulas recomputed by LibreOffice', () => {
  const ours: Values = new Map();
  const theirs: Values = new Map();
  let back: ExcelJS.Workbook;
  let pdfPages = 0;
  let formulaCount = 0;
  const noteDependent = new Set<string>();

  beforeAll(async () => {
    const dir = tempDir();
    const out = join(dir, 'reconciled.xlsx');
    const cli = await runCli(['reconcile', SAMPLE, '--out', out]);
    expect(cli.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The user types an explanation and Resolved for Medicaid 2024Q1 on the Reconciliation sheet.
    const recon = wb.getWorksheet('Reconciliation')!;
    const r = rowOf(recon, 'Medicaid', '2024Q1');
    recon.getCell(r, 14).value = 'FFS claims of 2023Q4 paid late';
    recon.getCell(r, 15).value = 'Resolved';
    for (const name of SHEETS) {
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula === undefined) return;
          ours.set(`${name}!${cell.address}`, (cell.value as { result?: unknown }).result);
          if (name === 'Call Summary' && /COUNTIF|IF\(/.test(cell.formula)) noteDependent.add(`${name}!${cell.address}`);
          cell.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
          formulaCount += 1;
        }),
      );
    }
    // The Call Summary alone, printed by LibreOffice: its page count.
    const alone = new ExcelJS.Workbook();
    await alone.xlsx.readFile(out);
    for (const ws of [...alone.worksheets]) if (ws.name !== 'Call Summary') alone.removeWorksheet(ws.id);
    const aloneFile = join(dir, 'call-summary.xlsx');
    await alone.xlsx.writeFile(aloneFile);
    const pdf = await readFile(await libreOfficeConvert(aloneFile, 'pdf', join(dir, 'pdf')), 'latin1');
    pdfPages = Number(/\/Type\s*\/Pages\b[^>]*?\/Count (\d+)|\/Count (\d+)/.exec(pdf)?.slice(1).find((x) => x !== undefined) ?? 0);
    const stripped = join(dir, 'stripped.xlsx');
    await wb.xlsx.writeFile(stripped);
    back = new ExcelJS.Workbook();
    await back.xlsx.readFile(await libreOfficeConvert(stripped, 'xlsx', join(dir, 'lo')));
    for (const name of SHEETS) {
      back.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          theirs.set(`${name}!${cell.address}`, cell.formula === undefined ? cell.value : (cell.value as { result?: unknown }).result);
        }),
      );
    }
  }, 300_000);

  it('prints on one page', () => {
    expect(pdfPages).toBe(1);
  });

  it('computes every number the tool cached, on both sheets', () => {
    expect(formulaCount).toBeGreaterThan(100);
    const mismatches: string[] = [];
    for (const [where, value] of ours) {
      if (noteDependent.has(where)) continue; // notes, Open and the count: the typed note changed them (checked below)
      const got = theirs.get(where);
      if (typeof value === 'number') {
        if (typeof got !== 'number' || Math.abs(got - value) > 1e-9 * Math.max(1, Math.abs(value))) mismatches.push(`${where}: ${String(got)} != ${value}`);
      } else if ((value ?? '') !== (got ?? '')) mismatches.push(`${where}: ${String(got)} != ${String(value)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('shows the flagged quarters with the sample’s intended numbers, and the typed note closes an open item', () => {
    const cs = back.getWorksheet('Call Summary')!;
    const cell = (c: ExcelJS.Cell): unknown => (c.formula === undefined ? c.value : (c.value as { result?: unknown }).result);
    const value = cell;
    const m = rowOf(cs, 'Medicaid', '2024Q1');
    // About sheet: 2024Q1 universe $4,134,027,650.04, report $3,495,415,278.63, difference $638,612,371.41 = +18.27%, excluded $367,889,120.49.
    expect([3, 4, 5, 7].map((c) => value(cs.getCell(m, c)))).toEqual([4134027650.04, 3495415278.63, 638612371.41, 367889120.49]);
    expect(value(cs.getCell(m, 6)) as number).toBeCloseTo(0.1827, 4);
    expect([8, 9, 10, 11].map((c) => value(cs.getCell(m, c)))).toEqual(['Yes', 'FFS claims of 2023Q4 paid late', 'Resolved', 'No']);
    const c = rowOf(cs, 'CHIP', '2023Q4');
    // About sheet: CHIP 2023Q4 difference −$19,690,968.75 = −22.16%, excluded lines −$439,134.51; no note yet, so open.
    expect([5, 7, 8, 11].map((col) => value(cs.getCell(c, col)))).toEqual([-19690968.75, -439134.51, 'Yes', 'Yes']);
    expect(() => rowOf(cs, 'Medicaid', '2023Q3')).toThrow(); // not flagged: not on the summary
    // Open items count: Medicaid overall and CHIP 2023Q4 (Medicaid 2024Q1 is resolved; CHIP overall is not flagged).
    let count: unknown;
    cs.eachRow((row) => {
      if (row.getCell(1).value === 'Open items') count = cell(row.getCell(2));
    });
    expect(count).toBe(2);
  });
});
