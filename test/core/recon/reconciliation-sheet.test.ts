import { describe, expect, it } from 'vitest';
import { DEFAULT_LINE_MAP } from '../../../src/core/recon/line-map-defaults.js';
import { reconcileTotals, type ReconSettings } from '../../../src/core/recon/reconcile.js';
import type { ReconResult } from '../../../src/core/recon/recon-result.js';
import { readReconciliationNotes } from '../../../src/core/recon/reconciliation-notes.js';
import { placeNotes } from '../../../src/core/recon/note-placement.js';
import { buildReconciliationSheet, reconciliationRowKeys } from '../../../src/core/recon/reconciliation-sheet.js';
import type { ReportLine } from '../../../src/core/recon/report-line.js';
import { memorySource } from '../../../src/core/workbook/memory-source.js';
import type { CellValue, OutputCell, OwnedSheet } from '../../../src/core/workbook/port.js';
import { reviewYear } from '../../../src/core/workbook/quarter.js';
import type { UniverseTotal } from '../../../src/core/workbook/universe-totals.js';
import { SheetEvaluator } from './formula-eval.js';

const RY2025 = reviewYear('RY', 2025);
const SETTINGS: ReconSettings = { reviewYear: RY2025, quarterlyThreshold: 0.15, overallThreshold: 0.05, percentBase: 'Report' };
const QUARTERS = RY2025.quarters;

function u(program: 'Medicaid' | 'CHIP', quarter: string, ffs: number, mc: number): UniverseTotal[] {
  return [
    { program, quarter, component: 'FFS', cents: ffs, rows: 1 },
    { program, quarter, component: 'MC', cents: mc, rows: 1 },
  ];
}

function r(form: ReportLine['form'], quarter: string, description: string, cents: number): ReportLine {
  return { form, period: { kind: 'quarter', quarter }, description, totalComputableCents: cents, layout: 'long', sheet: 'R', row: 2, cell: 'D2' };
}

// Medicaid 2024Q2 is the sample workbook's exact 15.00% (universe = report × 23/20, where floating-point dollars say 15.000000000000002%).
const REPORT_Q2 = 360_513_647_320;
const UNIVERSE_Q2 = (REPORT_Q2 / 20) * 23;
const result: ReconResult = reconcileTotals({
  universe: [
    ...u('Medicaid', '2023Q3', 100_000_00, 200_000_00),
    ...u('Medicaid', '2023Q4', 100_000_00, 250_000_00),
    ...u('Medicaid', '2024Q1', 0, 0),
    ...u('Medicaid', '2024Q2', UNIVERSE_Q2 - 1_000_000_00, 1_000_000_00),
    ...QUARTERS.flatMap((q) => u('CHIP', q, 10_00, 0)),
  ],
  reportLines: [
    r('CMS-64.9 Base', '2023Q3', 'Inpatient Hospital - Reg. Payments', 100_000_00),
    r('CMS-64.9 Base', '2023Q3', 'Medicaid - MCO', 200_000_00),
    r('CMS-64.9 Base', '2023Q3', 'Inpatient Hospital - DSH', 7_00),
    r('CMS-64.9 Base', '2023Q4', 'Medicaid - MCO', 300_000_00),
    r('CMS-64.9 Base', '2024Q2', 'Medicaid - MCO', REPORT_Q2),
    r('CMS-64.9P', '2023Q4', 'Prescribed Drugs', 5_00),
    ...QUARTERS.map((q) => r('CMS-21', q, 'Dental Services', 10_00)),
  ],
  lineMap: DEFAULT_LINE_MAP,
  settings: SETTINGS,
});

/** Row number (1-based) of the row whose A and B cells read `program` and `quarter`. */
function rowOf(sheet: OwnedSheet, program: string, quarter: string): number {
  const i = sheet.rows.findIndex((row) => text(row[0]) === program && text(row[1]) === quarter);
  if (i < 0) throw new Error(`${program} ${quarter}`);
  return i + 1;
}

function text(cell: OutputCell | undefined): string {
  return cell !== null && cell !== undefined && 'text' in cell ? cell.text : '';
}

describe('buildReconciliationSheet', () => {
  const sheet = buildReconciliationSheet(result);
  const ev = new SheetEvaluator(sheet);

  it('lays out one row per quarter and an overall row per program, with native formulas', () => {
    expect(sheet.name).toBe('Reconciliation');
    const q3 = rowOf(sheet, 'Medicaid', '2023Q3');
    const row = sheet.rows[q3 - 1] ?? [];
    // Totals, difference, % and flag are formulas (a user's edit flows through), valued by the evaluator
    // against the inputs above: universe 100,000 + 200,000; report 100,000 (inpatient) + 200,000 (MCO); DSH 7 excluded.
    for (const c of [4, 7, 9, 10, 12]) expect(row[c] !== null && row[c] !== undefined && 'formula' in row[c]!, `column ${c + 1}`).toBe(true);
    expect([`E${q3}`, `H${q3}`, `I${q3}`, `J${q3}`, `K${q3}`, `M${q3}`].map((a) => ev.value(a))).toEqual([300_000, 300_000, 7, 0, 0, 'No']);
    expect(row[10]).toMatchObject({ numberFormat: '0.0%' });
    const overall = rowOf(sheet, 'Medicaid', 'Overall');
    expect(overall).toBe(q3 + 4);
    // Overall universe FFS: 100,000 + 100,000 + 0 + (2024Q2's universe − 1,000,000), in dollars.
    expect(ev.value(`C${overall}`)).toBeCloseTo(100_000 + 100_000 + 0 + (UNIVERSE_Q2 - 1_000_000_00) / 100, 6);
    ev.set(`C${q3}`, { number: 100_001 });
    expect(ev.value(`C${overall}`)).toBeCloseTo(100_001 + 100_000 + (UNIVERSE_Q2 - 1_000_000_00) / 100, 6);
    ev.set(`C${q3}`, { number: 100_000 });
  });

  it('gives every formula a cached result equal to what the formula computes', () => {
    let checked = 0;
    sheet.rows.forEach((row, i) =>
      row.forEach((cell, c) => {
        if (cell === null || !('formula' in cell)) return;
        const address = `${'ABCDEFGHIJKLMNO'[c] ?? ''}${i + 1}`;
        const value = ev.value(address);
        if (typeof value === 'number' && typeof cell.result === 'number') expect(value, address).toBeCloseTo(cell.result, 6);
        else expect(value, address).toBe(cell.result);
        checked += 1;
      }),
    );
    expect(checked).toBeGreaterThan(40);
  });

  it('does not flag exactly 15.00% in the sheet either, and flags one cent more', () => {
    const q2 = rowOf(sheet, 'Medicaid', '2024Q2');
    expect(ev.value(`M${q2}`)).toBe('No');
    expect(result.programs[0]?.quarters[3]?.flagged).toBe(false);
    ev.set(`D${q2}`, { number: 1_000_000.01 });
    expect(ev.value(`M${q2}`)).toBe('Yes');
    ev.set(`D${q2}`, { number: 1_000_000 });
  });

  it('stays right when a user edits a number', () => {
    const q3 = rowOf(sheet, 'Medicaid', '2023Q3');
    expect(ev.value(`M${q3}`)).toBe('No');
    ev.set(`G${q3}`, { number: 100_000 }); // report MC 200,000 → 100,000: universe 300,000 against 200,000, +50%
    expect(ev.value(`K${q3}`)).toBe(0.5);
    expect(ev.value(`M${q3}`)).toBe('Yes');
    ev.set(`G${q3}`, { number: 200_000 });
  });

  it('shows n/a and flags a quarter whose report is 0; shows n/a unflagged when both are 0', () => {
    const q1 = rowOf(sheet, 'Medicaid', '2024Q1');
    expect(ev.value(`K${q1}`)).toBe('n/a (report is 0)');
    expect(ev.value(`M${q1}`)).toBe('No');
    ev.set(`C${q1}`, { number: 5 });
    expect(ev.value(`M${q1}`)).toBe('Yes');
    ev.set(`C${q1}`, { number: 0 });
  });

  it('highlights flagged rows by the flag formula, and charts universe against report per program', () => {
    const q3 = rowOf(sheet, 'Medicaid', '2023Q3');
    expect(sheet.highlights?.[0]).toEqual({ range: `A${q3}:M${q3 + 4}`, formula: `$M${q3}="Yes"`, fill: 'FFC7CE', fontColor: '9C0006' });
    expect(sheet.highlights).toHaveLength(2);
    expect(sheet.charts?.[0]).toMatchObject({
      kind: 'column',
      categories: `'Reconciliation'!$B$${q3}:$B$${q3 + 3}`,
      series: [
        { name: 'Universe', values: `'Reconciliation'!$E$${q3}:$E$${q3 + 3}` },
        { name: 'Report (CMS-64)', values: `'Reconciliation'!$H$${q3}:$H$${q3 + 3}` },
      ],
    });
    expect(sheet.charts?.[1]?.title).toMatch(/^CHIP: universe against CMS-21 \+ CMS-64\.21U/);
  });

  it('says that the base and the exclusions are the project defaults, not CMS rules', () => {
    expect(text(sheet.rows[1]?.[0])).toMatch(/\(universe − report\) \/ \|report\|.*this project's defaults, not published CMS rules/);
  });

  it('shows prior-period forms in their own block, out of the comparison', () => {
    const i = sheet.rows.findIndex((row) => /^Medicaid prior-period adjustments \(CMS-64\.9P, CMS-64\.9P Waiver\): not in the report amounts above/.test(text(row[0])));
    expect(i).toBeGreaterThan(0);
    expect(text(sheet.rows[i + 1]?.[1])).toBe('2023Q4');
    expect(sheet.rows[i + 1]?.[5]).toMatchObject({ number: 5 });
  });
});

describe('Explanation and Status', () => {
  /** The sheet as a workbook would hold it: formulas as their cached values. */
  function asCells(sheet: OwnedSheet): CellValue[][] {
    return sheet.rows.map((row) => row.map((c) => (c === null || 'blank' in c ? null : 'number' in c ? c.number : 'text' in c ? c.text : (c.result ?? null))));
  }

  it('keeps what the user typed, matched by program and quarter even after the rows moved', async () => {
    const first = asCells(buildReconciliationSheet(result));
    const q4 = first.findIndex((row) => row[0] === 'Medicaid' && row[1] === '2023Q4');
    const overall = first.findIndex((row) => row[0] === 'CHIP' && row[1] === 'Overall');
    (first[q4] as CellValue[])[13] = 'Timing of MCO capitation';
    (first[q4] as CellValue[])[14] = 'Open';
    (first[overall] as CellValue[])[14] = 'Resolved';
    // The user sorts the rows: the Medicaid 2023Q4 row ends up last.
    const moved = [...first.slice(0, q4), ...first.slice(q4 + 1), first[q4] as CellValue[]];
    const read = await readReconciliationNotes(memorySource('book', { Reconciliation: moved }));
    expect(read.notes.map((n) => [n.key, n.explanation, n.status])).toEqual([
      [{ program: 'CHIP', reviewYear: 'RY2025', kind: 'overall', quarter: '' }, undefined, { text: 'Resolved' }],
      [{ program: 'Medicaid', reviewYear: 'RY2025', kind: 'quarter', quarter: '2023Q4' }, { text: 'Timing of MCO capitation' }, { text: 'Open' }],
    ]);
    const again = buildReconciliationSheet(result, placeNotes(read, reconciliationRowKeys(result), '2026-11-23'));
    const row = again.rows[rowOf(again, 'Medicaid', '2023Q4') - 1] ?? [];
    expect(row[13]).toMatchObject({ text: 'Timing of MCO capitation', unlocked: true });
    expect(row[14]).toMatchObject({ text: 'Open', unlocked: true });
    expect(again.rows[rowOf(again, 'CHIP', 'Overall') - 1]?.[14]).toMatchObject({ text: 'Resolved' });
  });

  it('keeps notes for rows no longer shown in the Earlier notes block at the bottom, so nothing typed is lost', () => {
    const note = { key: { program: 'Medicaid' as const, reviewYear: 'RY2023', kind: 'quarter' as const, quarter: '2022Q1' }, explanation: { text: 'old cycle' }, status: { text: 'Closed' }, columns: {}, earlier: false, row: 9 };
    const sheet = buildReconciliationSheet(result, placeNotes({ notes: [note], columns: [] }, reconciliationRowKeys(result), '2026-11-23'));
    const i = sheet.rows.findIndex((row) => /^Earlier notes: typed on rows this run does not show/.test(text(row[0])));
    expect(i).toBeGreaterThan(0);
    const row = sheet.rows[i + 2] ?? [];
    expect([0, 1, 2, 3, 13, 14].map((c) => text(row[c]))).toEqual(['Medicaid', '2022Q1', 'RY2023', '2026-11-23', 'old cycle', 'Closed']);
  });

  it('reads nothing when there is no Reconciliation sheet', async () => {
    expect(await readReconciliationNotes(memorySource('book', { Other: [['Program', 'Quarter', 'Explanation'], ['Medicaid', '2023Q3', 'x']] }))).toEqual({ notes: [], columns: [] });
  });
});

describe('an annual report in the sheet', () => {
  it('leaves the quarters without report amounts and compares the overall row', () => {
    const FFY2024 = reviewYear('FFY', 2024);
    const annual: ReportLine = { form: 'CMS-64.9 Base', period: { kind: 'annual', fiscalYear: 2024 }, description: 'Medicaid - MCO', totalComputableCents: 400_00, layout: 'fmr', sheet: 'MAP - Columbia', row: 8, cell: 'B8' };
    const res = reconcileTotals({ universe: FFY2024.quarters.flatMap((q) => u('Medicaid', q, 0, 110_00)), reportLines: [annual], lineMap: DEFAULT_LINE_MAP, settings: { ...SETTINGS, reviewYear: FFY2024 } });
    const sheet = buildReconciliationSheet(res);
    const ev = new SheetEvaluator(sheet);
    const first = rowOf(sheet, 'Medicaid', '2023Q4');
    expect(sheet.rows[first - 1]?.[7]).toBeNull();
    expect(text(sheet.rows[first - 1]?.[10])).toBe('annual report');
    expect(text(sheet.rows[first - 1]?.[12])).toBe('No');
    const overall = rowOf(sheet, 'Medicaid', 'Overall');
    expect(ev.value(`H${overall}`)).toBe(400);
    expect(ev.value(`E${overall}`)).toBe(440);
    expect(ev.value(`K${overall}`)).toBeCloseTo(0.1, 12);
    expect(ev.value(`M${overall}`)).toBe('Yes');
    expect(sheet.charts?.[0]?.series.map((s) => s.name)).toEqual(['Universe']);
  });
});
