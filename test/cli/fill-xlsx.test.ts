// perm-recon fill over an .xlsx file written here from the estimator's reference designs: the
// CMS-10184E sheet it writes, read back cell by cell, against counts made here and the values R's
// survey package printed (test/fixtures/r/estimator-reference.R).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingsRows, readCsv, reference, universeRows } from '../core/forms/eligibility-fixture';
import { runCli } from './run-cli';
import { tempDir } from './sample-copy';

type Est = { estimate: number; se: number | null };
const active = reference.designs['tcp2-fraud']!['undeterminedAsError=true'] as unknown as Record<string, Est> & { undeterminedShare: number };
const negative = reference.designs['negative-domains']!['undeterminedAsError=true'] as unknown as { negativeRate: Est };

describe('fill over a workbook written by the test', () => {
  let form: ExcelJS.Worksheet;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Settings').addRows([['Setting', 'Value'], ['State', 'Testland'], ['Review Year', 'RY2025'], ['Report Date', '2025-07-01']]);
    // The tables sit away from A1 and in another order of sheets, as real workbooks do.
    const counts = wb.addWorksheet('Eligibility Universe');
    counts.addRow(['Universe counts for RY2025']);
    counts.addRow([]);
    for (const r of universeRows('Medicaid', 'tcp2-fraud', 'negative-domains')) counts.addRow([null, ...r]);
    wb.addWorksheet('Case Findings').addRows(findingsRows('Medicaid', 'tcp2-fraud', 'negative-domains'));
    const dir = tempDir();
    const input = join(dir, 'testland.xlsx');
    await wb.xlsx.writeFile(input);
    const out = join(dir, 'filled.xlsx');
    const run = await runCli(['fill', input, '--out', out]);
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(0);
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.readFile(out);
    form = filled.getWorksheet('CMS-10184E Medicaid')!;
    expect(filled.getWorksheet('CMS-10184E CHIP')).toBeUndefined();
  });

  const value = (address: string): unknown => {
    const v = form.getCell(address).value;
    return v !== null && typeof v === 'object' && 'formula' in v ? v.result : v;
  };

  it('fills lines A-C', () => {
    expect([value('B5'), value('B6'), value('B7')]).toEqual(['Testland', 'July 1, 2025', 'Medicaid']);
  });

  it('fills the strata rows with the counts and dollars of the findings', () => {
    const cases = readCsv('tcp2-fraud.cases.csv');
    const cells = readCsv('tcp2-fraud.cells.csv');
    (['1', '2', '3'] as const).forEach((s, i) => {
      const row = 11 + i;
      const inStratum = cases.filter((c) => (c.cellId as string).endsWith(`|${s}`));
      const reviewed = inStratum.filter((c) => c.fraud !== '1');
      const cents = (k: 'paid' | 'error') => reviewed.reduce((t, c) => t + Math.round(Number(c[k]) * 100), 0);
      // Undetermined As Error (default Yes): a U case's paid dollars are in error.
      const inError = reviewed.reduce((t, c) => t + Math.round(Number(c.undetermined === '1' ? c.paid : c.error) * 100), 0);
      expect(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((col) => value(`${col}${row}`))).toEqual([
        cells.filter((c) => (c.cellId as string).endsWith(`|${s}`)).reduce((t, c) => t + Number(c.N), 0),
        inStratum.length,
        inStratum.length - reviewed.length,
        reviewed.filter((c) => c.caseError !== '1' && c.undetermined !== '1').length,
        reviewed.filter((c) => c.caseError === '1').length,
        reviewed.filter((c) => c.undetermined === '1').length,
        cents('paid') / 100,
        (cents('paid') - inError) / 100,
        inError / 100,
      ]);
    });
  });

  it('leaves the negative rows blank where the instructions say, and totals with SUM formulas', () => {
    for (const row of [14, 15, 16]) for (const col of ['D', 'G', 'H', 'I', 'J']) expect(value(`${col}${row}`)).toBeNull();
    expect(form.getCell('C10').formula).toBe('SUM(C11:C13)');
    expect(form.getCell('C14').formula).toBe('SUM(C15:C16)');
    expect(form.getCell('C17').formula).toBe('SUM(C10,C14)');
    expect(value('C17')).toBe(504 + 204);
  });

  it('fills lines G-J as R survey computes them, rounded to one decimal', () => {
    const round3 = (x: number) => Math.round(x * 1000) / 1000;
    expect(value('C21')).toBe(round3(active.paymentRate!.estimate));
    // Universe dollars X known: line G's Dollar Amount is the ratio estimate R·X.
    const X = (active as unknown as { differenceRate: { X: number } }).differenceRate.X;
    expect(value('B21')).toBe(Math.round(active.paymentRate!.estimate * X * 100) / 100);
    expect(value('D21')).toBe(`95.0%, +/- ${(1.959963984540054 * (active.paymentRate!.se as number) * 100).toFixed(1)}%`);
    expect(value('C22')).toBe(round3(active.caseRate!.estimate));
    expect(value('C23')).toBe(round3(negative.negativeRate.estimate));
    expect(value('B24')).toBe(Math.round(active.undeterminedPaidTotal!.estimate * 100) / 100);
    expect(value('E24')).toBe(round3(active.undeterminedShare));
    for (const blank of ['E21', 'B22', 'E22', 'B23', 'E23', 'C24', 'D24']) expect(value(blank)).toBeNull();
  });
});
