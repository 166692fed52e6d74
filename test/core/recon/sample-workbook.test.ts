/**
 * The bundled sample workbook (assets/samples/sample-state.xlsx, RY2025, "Columbia") through the
 * whole reconciliation: the outcomes its generator documents, including the exact 15.00% quarter
 * that floating-point dollars would flag.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readLineMap } from '../../../src/core/recon/line-map-sheet.js';
import { reconcile, reconSettings } from '../../../src/core/recon/reconcile.js';
import type { ReconResult } from '../../../src/core/recon/recon-result.js';
import { reconcileJson } from '../../../src/core/recon/reconcile-json.js';
import { readSettings } from '../../../src/core/workbook/settings.js';
import type { WorkbookSource } from '../../../src/core/workbook/port.js';
import { openXlsx } from '../../../src/xlsx/open-xlsx.js';

const SAMPLE = fileURLToPath(new URL('../../../assets/samples/sample-state.xlsx', import.meta.url));

describe('the sample workbook', () => {
  let source: WorkbookSource;
  let result: ReconResult;

  beforeAll(async () => {
    source = await openXlsx(SAMPLE);
    const settings = await readSettings(source);
    const lineMap = await readLineMap(source);
    result = await reconcile(source, reconSettings(settings.settings), lineMap.lineMap.rows);
  }, 60_000);

  it('reconciles both programs with the documented outcomes', () => {
    const rows = result.programs.flatMap((p) => [
      ...p.quarters.map((q) => [p.program, q.quarter, q.universe.totalCents, q.report?.totalCents, q.flagged]),
      [p.program, 'overall', p.overall.universe.totalCents, p.overall.report.totalCents, p.overall.flagged],
    ]);
    expect(rows).toEqual([
      ['Medicaid', '2023Q3', 332_242_033_591, 344_720_931_304, false],
      ['Medicaid', '2023Q4', 341_682_823_558, 357_446_201_023, false],
      ['Medicaid', '2024Q1', 413_402_765_004, 349_541_527_863, true],
      ['Medicaid', '2024Q2', 414_590_694_418, 360_513_647_320, false],
      ['Medicaid', 'overall', 1_501_918_316_571, 1_412_222_307_510, true],
      ['CHIP', '2023Q3', 8_897_795_146, 8_652_076_182, false],
      ['CHIP', '2023Q4', 6_916_719_346, 8_885_816_221, true],
      ['CHIP', '2024Q1', 9_205_072_145, 9_080_667_007, false],
      ['CHIP', '2024Q2', 9_578_523_631, 9_335_793_013, false],
      ['CHIP', 'overall', 34_598_110_268, 35_954_352_423, false],
    ]);
    expect(result.programs[0]?.quarters[3]?.percentDifference).toBe(0.15);
  });

  it('maps every line, warns about nothing, keeps the CMS-64.9P block apart, and records what it read', () => {
    expect(result.issues).toEqual([]);
    expect(result.programs.flatMap((p) => p.unmappedLines)).toEqual([]);
    expect(result.programs[0]?.quarters.map((q) => q.priorPeriod?.totalCents ?? 0)).toEqual([-41_823_317, 420_891_740 - 290_411_258, 88_044_609, 275_109_066 + 731_850_402]);
    expect(result.inputs?.universe).toEqual(["'Universe'!A1:E17"]);
    expect(result.inputs?.reports.map((r) => r.layout)).toEqual(['long', 'long']);
    expect(reconcileJson(result).programs.map((p) => p.report)).toEqual(['CMS-64', 'CMS-21 + CMS-64.21U']);
  });
});
