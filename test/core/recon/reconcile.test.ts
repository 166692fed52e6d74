import { describe, expect, it } from 'vitest';
import { DEFAULT_LINE_MAP } from '../../../src/core/recon/line-map-defaults.js';
import { reconcile, reconcileTotals, reconSettings, type ReconSettings } from '../../../src/core/recon/reconcile.js';
import { reconcileJson } from '../../../src/core/recon/reconcile-json.js';
import type { ReportLine } from '../../../src/core/recon/report-line.js';
import { memorySource } from '../../../src/core/workbook/memory-source.js';
import type { CellValue } from '../../../src/core/workbook/port.js';
import { reviewYear } from '../../../src/core/workbook/quarter.js';
import { DEFAULT_SETTINGS } from '../../../src/core/workbook/settings.js';
import type { UniverseTotal } from '../../../src/core/workbook/universe-totals.js';

const RY2025 = reviewYear('RY', 2025); // 2023Q3 .. 2024Q2
const SETTINGS: ReconSettings = { reviewYear: RY2025, quarterlyThreshold: 0.15, overallThreshold: 0.05, percentBase: 'Report' };

const universe = (program: 'Medicaid' | 'CHIP', quarter: string, ffsCents: number, mcCents: number): UniverseTotal[] => [
  { program, quarter, component: 'FFS', cents: ffsCents, rows: 1 },
  { program, quarter, component: 'MC', cents: mcCents, rows: 1 },
];

let nextRow = 2;
function line(form: ReportLine['form'], quarter: string, description: string, cents: number, extra: Partial<ReportLine> = {}): ReportLine {
  const row = nextRow++;
  return { form, period: { kind: 'quarter', quarter }, description, totalComputableCents: cents, layout: 'long', sheet: 'CMS-64', row, cell: `D${row}`, ...extra };
}

/** A Medicaid report quarter: FFS, MC and an excluded DSH line. */
function medicaidQuarter(quarter: string, ffs: number, mc: number, dsh = 0): ReportLine[] {
  return [
    line('CMS-64.9 Base', quarter, 'Inpatient Hospital - Reg. Payments', ffs),
    line('CMS-64.9 Base', quarter, 'Medicaid - MCO', mc),
    line('CMS-64.9 Base', quarter, 'Inpatient Hospital - DSH', dsh),
    line('CMS-64.9 Base', quarter, 'Balance', ffs + mc + dsh),
  ];
}

const QUARTERS = ['2023Q3', '2023Q4', '2024Q1', '2024Q2'];

describe('reconcileTotals', () => {
  const universeRows = [
    ...universe('Medicaid', '2023Q3', 60_000, 40_000), // 100,000 vs 100,000: 0%
    ...universe('Medicaid', '2023Q4', 70_000, 45_000), // 115,000 vs 100,000: exactly +15.00%
    ...universe('Medicaid', '2024Q1', 70_001, 45_000), // 115,001 vs 100,000: +15.001%
    ...universe('Medicaid', '2024Q2', 50_000, 34_000), // 84,000 vs 100,000: −16%
  ];
  const report = QUARTERS.flatMap((q) => medicaidQuarter(q, 55_000, 45_000, 9_999));
  const result = reconcileTotals({ universe: universeRows, reportLines: report, lineMap: DEFAULT_LINE_MAP, settings: SETTINGS });
  const medicaid = result.programs[0];

  it('compares each quarter: exactly 15.00% is not flagged, just over is, negative by size', () => {
    expect(result.programs.map((p) => p.program)).toEqual(['Medicaid']);
    expect(medicaid?.quarters.map((q) => [q.quarter, q.differenceCents, q.flagged])).toEqual([
      ['2023Q3', 0, false],
      ['2023Q4', 15_000, false],
      ['2024Q1', 15_001, true],
      ['2024Q2', -16_000, true],
    ]);
    expect(medicaid?.quarters[1]?.percentDifference).toBe(0.15);
  });

  it('sums FFS and MC by the line map, shows the excluded dollars and never adds a subtotal', () => {
    expect(medicaid?.quarters[0]?.universe).toEqual({ ffsCents: 60_000, mcCents: 40_000, totalCents: 100_000 });
    expect(medicaid?.quarters[0]?.report).toEqual({ ffsCents: 55_000, mcCents: 45_000, totalCents: 100_000, excludedCents: 9_999 });
  });

  it('computes the overall row from summed dollars, not from averaged percentages', () => {
    const o = medicaid?.overall;
    expect(o?.universe.totalCents).toBe(414_001);
    expect(o?.report.totalCents).toBe(400_000);
    expect(o?.differenceCents).toBe(14_001);
    expect(o?.percentDifference).toBeCloseTo(0.0350025, 12);
    expect(o?.flagged).toBe(false);
    expect(o?.thresholdFraction).toBe(0.05);
    // The average of the quarterly percentages would be (0 + 15 + 15.001 − 16) / 4 = 3.50025%: the same here by construction
    // of equal reports, so also check a case where they differ.
    const uneven = reconcileTotals({
      universe: [...universe('Medicaid', '2023Q3', 200_000, 0), ...universe('Medicaid', '2023Q4', 100, 0), ...universe('Medicaid', '2024Q1', 100, 0), ...universe('Medicaid', '2024Q2', 100, 0)],
      reportLines: [...medicaidQuarter('2023Q3', 100_000, 0), ...medicaidQuarter('2023Q4', 100, 0), ...medicaidQuarter('2024Q1', 100, 0), ...medicaidQuarter('2024Q2', 100, 0)],
      lineMap: DEFAULT_LINE_MAP,
      settings: SETTINGS,
    });
    expect(uneven.programs[0]?.overall.percentDifference).toBeCloseTo(100_000 / 100_300, 12); // 99.7%, not the 25% average
  });

  it('compares with the universe as the base when Settings say so', () => {
    const r = reconcileTotals({ universe: universeRows, reportLines: report, lineMap: DEFAULT_LINE_MAP, settings: { ...SETTINGS, percentBase: 'Universe' } });
    const q = r.programs[0]?.quarters;
    expect(q?.[1]?.percentDifference).toBeCloseTo(15_000 / 115_000, 12);
    expect(q?.[1]?.flagged).toBe(false);
    expect(q?.[3]?.percentDifference).toBeCloseTo(-16_000 / 84_000, 12); // 19.05% of the universe
    expect(q?.[3]?.flagged).toBe(true);
    expect(r.percentBase).toBe('Universe');
  });

  it('flags a quarter whose report is 0 while its universe is not, with no percentage, and warns that it is missing', () => {
    const r = reconcileTotals({
      universe: QUARTERS.flatMap((q) => universe('Medicaid', q, 100, 0)),
      reportLines: ['2023Q3', '2023Q4', '2024Q1'].flatMap((q) => medicaidQuarter(q, 100, 0)),
      lineMap: DEFAULT_LINE_MAP,
      settings: SETTINGS,
    });
    const last = r.programs[0]?.quarters[3];
    expect(last).toMatchObject({ quarter: '2024Q2', differenceCents: 100, percentDifference: null, flagged: true, report: { totalCents: 0 } });
    const warning = r.issues.find((i) => i.code === 'recon.report-missing-quarter');
    expect(warning?.message).toMatch(/Medicaid report \(CMS-64\) has no lines for 2024Q2, so its report amounts are 0/);
  });

  it('warns about a quarter missing from the universe and about quarters outside the review year', () => {
    const r = reconcileTotals({
      universe: [...universe('Medicaid', '2023Q3', 100, 0), ...universe('Medicaid', '2024Q3', 5, 5)],
      reportLines: [...medicaidQuarter('2023Q3', 100, 0), ...medicaidQuarter('2023Q2', 1, 1)],
      lineMap: DEFAULT_LINE_MAP,
      settings: SETTINGS,
    });
    const codes = r.issues.map((i) => i.code);
    expect(codes.filter((c) => c === 'recon.universe-missing-quarter')).toHaveLength(3);
    expect(r.issues.find((i) => i.code === 'recon.universe-outside-year')?.message).toMatch(/Medicaid 2024Q3 rows, outside the review year RY2025 \(2023Q3 to 2024Q2\)/);
    const outside = r.issues.find((i) => i.code === 'recon.report-outside-year');
    expect(outside).toMatchObject({ sheet: 'CMS-64' });
    expect(outside?.message).toMatch(/4 report lines here are for 2023Q2, outside the review year/);
    expect(r.programs[0]?.overall.universe.totalCents).toBe(100);
  });

  it('lists unmapped lines, counts them nowhere, and warns naming the cell', () => {
    const lines = [...medicaidQuarter('2023Q3', 100, 0), line('CMS-64.9 Base', '2023Q3', 'Widget payments', 7_00), line('CMS-64.9 Base', '2023Q4', 'Widget payments', 3_00)];
    const r = reconcileTotals({ universe: universe('Medicaid', '2023Q3', 100, 0), reportLines: lines, lineMap: DEFAULT_LINE_MAP, settings: SETTINGS });
    const p = r.programs[0];
    expect(p?.unmappedLines).toEqual([{ form: 'CMS-64.9 Base', description: 'Widget payments', sheet: 'CMS-64', cell: lines[4]?.cell, occurrences: 2, amountCents: 1_000 }]);
    expect(p?.quarters[0]?.report?.totalCents).toBe(100);
    const w = r.issues.find((i) => i.code === 'recon.unmapped-line');
    expect(w).toMatchObject({ sheet: 'CMS-64', cell: lines[4]?.cell });
    expect(w?.message).toMatch(/"Widget payments" is not in the line map, so its \$10\.00 count in no Medicaid component \(2 rows\)\. Add a row to the Line Map sheet/);
    expect(reconcileJson(r).programs[0]?.unmappedLines).toEqual([`CMS-64.9 Base "Widget payments" ('CMS-64'!${lines[4]?.cell ?? ''} and 1 more)`]);
  });

  it('warns about a line repeated for the same form and quarter, and counts both', () => {
    const a = line('CMS-64.9 Base', '2023Q3', 'Medicaid - MCO', 100);
    const b = line('CMS-64.9 Base', '2023Q3', 'MEDICAID – MCO', 100);
    const r = reconcileTotals({ universe: universe('Medicaid', '2023Q3', 0, 200), reportLines: [a, b], lineMap: DEFAULT_LINE_MAP, settings: SETTINGS });
    const dup = r.issues.filter((i) => i.code === 'recon.duplicate-line');
    expect(dup).toHaveLength(1);
    expect(dup[0]).toMatchObject({ sheet: 'CMS-64', cell: b.cell });
    expect(dup[0]?.message).toMatch(new RegExp(`appears again \\(first at ${a.cell}\\); both are counted`));
    expect(r.programs[0]?.quarters[0]?.report?.mcCents).toBe(200);
  });

  it('counts CHIP from the CMS-21 plus the CMS-64.21U, and the C- block on the Medicaid sheet only there', () => {
    const lines = [
      ...medicaidQuarter('2023Q3', 1_000, 0),
      line('CMS-64.9 Base', '2023Q3', 'C-Prescribed Drugs', 50), // repeated M-CHIP block: excluded from Medicaid
      line('CMS-21', '2023Q3', 'Dental Services', 30),
      line('CMS-21', '2023Q3', 'Premiums - Up To 150%: Gross Premiums Paid', 20),
      line('CMS-64.21U', '2023Q3', 'C-Prescribed Drugs', 50),
      line('CMS-64.21U', '2023Q3', 'C-Premiums: Up To 150% - Gross Premiums Paid', 25),
    ];
    const r = reconcileTotals({ universe: [...universe('Medicaid', '2023Q3', 1_000, 0), ...universe('CHIP', '2023Q3', 80, 45)], reportLines: lines, lineMap: DEFAULT_LINE_MAP, settings: SETTINGS });
    const [medicaid, chip] = r.programs;
    expect(medicaid?.quarters[0]?.report).toEqual({ ffsCents: 1_000, mcCents: 0, totalCents: 1_000, excludedCents: 50 });
    expect(chip?.report).toBe('CMS-21 + CMS-64.21U');
    expect(chip?.quarters[0]?.report).toEqual({ ffsCents: 80, mcCents: 45, totalCents: 125, excludedCents: 0 });
    expect(chip?.quarters[0]?.differenceCents).toBe(0);
  });

  it('keeps prior-period forms apart by default and adds them when Settings include them', () => {
    const lines = [...medicaidQuarter('2023Q3', 1_000, 0), line('CMS-64.9P', '2023Q3', 'Prescribed Drugs', 300), line('CMS-64.9P', '2023Q3', 'Drug Rebate Offset - National', -40)];
    const input = { universe: universe('Medicaid', '2023Q3', 1_300, 0), reportLines: lines, lineMap: DEFAULT_LINE_MAP };
    const off = reconcileTotals({ ...input, settings: SETTINGS }).programs[0];
    expect(off?.quarters[0]?.report?.totalCents).toBe(1_000);
    expect(off?.quarters[0]?.priorPeriod).toEqual({ ffsCents: 300, mcCents: 0, totalCents: 300, excludedCents: -40 });
    expect(off?.quarters[0]?.flagged).toBe(true); // 30%
    expect(off?.quarters[1]?.priorPeriod).toBeNull();
    const on = reconcileTotals({ ...input, settings: { ...SETTINGS, includePriorPeriod: true } });
    expect(on.includePriorPeriod).toBe(true);
    expect(on.programs[0]?.quarters[0]?.report).toEqual({ ffsCents: 1_300, mcCents: 0, totalCents: 1_300, excludedCents: -40 });
    expect(on.programs[0]?.quarters[0]?.flagged).toBe(false);
    expect(on.programs[0]?.overall.report.totalCents).toBe(1_300);
  });
});

describe('reconcileTotals with an annual (FMR) report', () => {
  const FFY2024 = reviewYear('FFY', 2024); // 2023Q4 .. 2024Q3
  const annual = (description: string, cents: number): ReportLine => ({
    form: 'CMS-64.9 Base', period: { kind: 'annual', fiscalYear: 2024 }, description, totalComputableCents: cents, layout: 'fmr', sheet: 'MAP - Columbia', row: 8, cell: 'B8',
  });
  const lines = [annual('Inpatient Hospital - Reg. Payments', 300_000), annual('Medicaid - MCO', 100_000), annual('Inpatient Hospital - DSH', 5_000), annual('Balance', 405_000)];
  const u = ['2023Q4', '2024Q1', '2024Q2', '2024Q3'].flatMap((q) => universe('Medicaid', q, 80_000, 26_000)); // 424,000: +6.0%

  it('gives quarters no report amount and no flag, and counts the annual amounts overall', () => {
    const r = reconcileTotals({ universe: u, reportLines: lines, lineMap: DEFAULT_LINE_MAP, settings: { ...SETTINGS, reviewYear: FFY2024 } });
    const p = r.programs[0];
    expect(p?.reportKind).toBe('annual');
    for (const q of p?.quarters ?? []) expect(q).toMatchObject({ report: null, differenceCents: null, percentDifference: null, flagged: false });
    expect(p?.overall.report).toEqual({ ffsCents: 300_000, mcCents: 100_000, totalCents: 400_000, excludedCents: 5_000 });
    expect(p?.overall.differenceCents).toBe(24_000);
    expect(p?.overall.percentDifference).toBe(0.06);
    expect(p?.overall.flagged).toBe(true);
    const json = reconcileJson(r).programs[0];
    expect(json?.quarters[0]).toEqual({ quarter: '2023Q4', universe: { ffs: 800, mc: 260, total: 1_060 }, report: null, difference: null, percentDifference: null, flagged: false });
    expect(json?.overall).toEqual({ universe: { ffs: 3_200, mc: 1_040, total: 4_240 }, report: { ffs: 3_000, mc: 1_000, total: 4_000, excluded: 50 }, difference: 240, percentDifference: 0.06, flagged: true });
  });

  it('leaves an annual report out of a July-June review year, with a warning naming the sheet', () => {
    const r = reconcileTotals({ universe: u, reportLines: lines, lineMap: DEFAULT_LINE_MAP, settings: SETTINGS });
    const w = r.issues.find((i) => i.code === 'recon.annual-report-unused');
    expect(w).toMatchObject({ sheet: 'MAP - Columbia' });
    expect(w?.message).toMatch(/only be compared with a federal-fiscal-year review year.*Set Review Year to FFY2024/);
    expect(r.programs[0]?.reportKind).toBe('none');
  });

  it('infers the review year when Settings give none, and says so', () => {
    const r = reconcileTotals({ universe: u, reportLines: lines, lineMap: DEFAULT_LINE_MAP, settings: { quarterlyThreshold: 0.15, overallThreshold: 0.05, percentBase: 'Report' } });
    expect(r.reviewYear?.label).toBe('FFY2024');
    expect(r.issues.find((i) => i.code === 'recon.review-year-inferred')?.message).toMatch(/FFY2024 \(2023Q4 to 2024Q3\) was taken from the quarters in the data/);
  });
});

describe('reconcile over a workbook', () => {
  it('reads the universe table and a long-form report and maps 1:1 onto the reconcile --json shape', async () => {
    const universeSheet: CellValue[][] = [['Program', 'Quarter', 'Component', 'Amount']];
    const reportSheet: CellValue[][] = [['Quarter', 'Line', 'Description', 'Total Computable', 'Form']];
    QUARTERS.forEach((q, i) => {
      universeSheet.push(['Medicaid', q, 'FFS', 1_000 + i], ['Medicaid', q, 'MC', 2_000]);
      reportSheet.push([q, '1A', 'Inpatient Hospital - Reg. Payments', 1_000, 'CMS-64.9 Base'], [q, null, 'Medicaid - MCO', 2_000, 'CMS-64.9 Base'], [q, '1B', 'Inpatient Hospital - DSH', 10, 'CMS-64.9 Base']);
    });
    const source = memorySource('book', { Universe: universeSheet, 'CMS-64': reportSheet });
    const result = await reconcile(source, reconSettings({ ...DEFAULT_SETTINGS, reviewYear: RY2025 }), DEFAULT_LINE_MAP);
    const json = reconcileJson(result);
    expect(json.programs).toHaveLength(1);
    expect(json.programs[0]?.program).toBe('Medicaid');
    expect(json.programs[0]?.report).toBe('CMS-64');
    expect(json.programs[0]?.quarters.map((q) => q.quarter)).toEqual(QUARTERS);
    expect(json.programs[0]?.quarters[3]).toEqual({
      quarter: '2024Q2',
      universe: { ffs: 1_003, mc: 2_000, total: 3_003 },
      report: { ffs: 1_000, mc: 2_000, total: 3_000, excluded: 10 },
      difference: 3,
      percentDifference: 0.001,
      flagged: false,
    });
    expect(json.programs[0]?.overall).toEqual({
      universe: { ffs: 4_006, mc: 8_000, total: 12_006 },
      report: { ffs: 4_000, mc: 8_000, total: 12_000, excluded: 40 },
      difference: 6,
      percentDifference: 0.0005,
      flagged: false,
    });
    expect(json.programs[0]?.unmappedLines).toEqual([]);
    expect(json.warnings).toEqual([]);
  });
});
