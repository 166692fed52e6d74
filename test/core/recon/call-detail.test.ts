// The call detail of the bundled sample, against the outcomes its generator intended (the About
// sheet of assets/samples/sample-state.xlsx, written by test/scripts/generate-sample.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallItem } from '../../../src/core/recon/call-detail.js';
import { runReconciliation } from '../../../src/core/recon/run-reconciliation.js';
import { openXlsx } from '../../../src/xlsx/open-xlsx.js';
import { SAMPLE_PATH } from '../../taskpane/sample-sheets.js';

let items: readonly CallItem[] = [];
beforeAll(async () => {
  items = (await runReconciliation(await openXlsx(SAMPLE_PATH), { today: '2025-07-01' })).call;
});

const find = (program: string, quarter: string) => items.find((i) => i.program === program && i.quarter === quarter);

describe('callItems on the sample', () => {
  it('lists each program’s flagged quarters in sheet order, then its overall line', () => {
    expect(items.map((i) => `${i.program} ${i.quarter}`)).toEqual(['Medicaid 2024Q1', 'Medicaid Overall', 'CHIP 2023Q4', 'CHIP Overall']);
  });

  it('splits FFS and MC as the generator intended', () => {
    const m = find('Medicaid', '2024Q1')!;
    // About: 2024Q1 FFS +52.00%, MC +2.38%; excluded lines $367,889,120.49.
    expect(m.split.map((s) => [s.component, Number(((s.percentDifference ?? 0) * 100).toFixed(2))])).toEqual([['FFS', 52], ['MC', 2.38]]);
    expect(m.excludedCents).toBe(36_788_912_049);
    expect(m.reading).toContain('$638,612,371.41 (18.3%) above the CMS-64 report');
    expect(m.reading).toContain('Most of it is FFS');
    // About: "Most of the gap is a state directed payment to hospitals, $553,625,775.92, that the CMS-64 reports on
    // Inpatient Hospital - Sup. Payments (an excluded line) and the universe took in as claims. Without it the difference would be +2.43%."
    expect(m.withoutLargestExcluded?.line.description).toBe('Inpatient Hospital - Sup. Payments');
    expect(m.withoutLargestExcluded?.line.cents).toBe(55_362_577_592);
    expect(Number(((m.withoutLargestExcluded?.percentDifference ?? 0) * 100).toFixed(2))).toBe(2.43);
    expect(m.reading).toContain('the difference without it is $84,986,595.49 (2.4%)');
    const c = find('CHIP', '2023Q4')!;
    // About: CHIP 2023Q4 FFS −1.20%, MC −30.37%.
    expect(c.split.map((s) => Number(((s.percentDifference ?? 0) * 100).toFixed(2)))).toEqual([-1.2, -30.37]);
    expect(c.reading).toMatch(/below the CMS-21 \+ CMS-64\.21U report.*Most of it is MC/);
  });

  it('lists the lines behind the quarter: largest, changes against the prior quarter, and every excluded line', () => {
    const m = find('Medicaid', '2024Q1')!;
    expect(m.largestLines.length).toBeGreaterThan(0);
    expect(m.largestLines.length).toBeLessThanOrEqual(5);
    const sizes = m.largestLines.map((l) => Math.abs(l.cents));
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
    expect(m.largestChanges.every((l) => l.priorQuarter === '2023Q4' && l.changeCents === l.cents - l.priorCents)).toBe(true);
    expect(m.excludedLines.every((l) => l.component === 'Excluded')).toBe(true);
    // The excluded lines add up to the quarter's excluded dollars, to the cent.
    expect(m.excludedLines.reduce((s, l) => s + l.cents, 0)).toBe(m.excludedCents);
    expect(find('Medicaid', 'Overall')!.largestChanges).toEqual([]);
  });
});
