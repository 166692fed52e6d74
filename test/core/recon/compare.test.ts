import { describe, expect, it } from 'vitest';
import { basisPoints, compareAmounts } from '../../../src/core/recon/compare.js';

describe('compareAmounts', () => {
  it('does not flag a difference of exactly 15.00% of the report', () => {
    const c = compareAmounts(11_500, 10_000, 0.15, 'Report');
    expect(c).toEqual({ differenceCents: 1_500, percentDifference: 0.15, flagged: false });
  });

  it('flags 15.01%', () => {
    const c = compareAmounts(11_501, 10_000, 0.15, 'Report');
    expect(c.differenceCents).toBe(1_501);
    expect(c.percentDifference).toBeCloseTo(0.1501, 12);
    expect(c.flagged).toBe(true);
  });

  it('decides exactly 15% in cents where floating-point dollars say just over', () => {
    // The sample workbook's Medicaid 2024Q2: universe = report × 23/20 exactly.
    const universe = 414_590_694_418;
    const report = 360_513_647_320;
    expect(universe * 20).toBe(report * 23);
    const naive = (universe / 100 - report / 100) / (report / 100);
    expect(naive).toBeGreaterThan(0.15); // the trap is real
    expect(compareAmounts(universe, report, 0.15, 'Report').flagged).toBe(false);
    expect(compareAmounts(universe + 1, report, 0.15, 'Report').flagged).toBe(true);
  });

  it('treats negative differences by their size', () => {
    expect(compareAmounts(8_500, 10_000, 0.15, 'Report')).toEqual({ differenceCents: -1_500, percentDifference: -0.15, flagged: false });
    const over = compareAmounts(8_499, 10_000, 0.15, 'Report');
    expect(over.differenceCents).toBe(-1_501);
    expect(over.flagged).toBe(true);
  });

  it('uses |report| as the base when the report is negative', () => {
    const c = compareAmounts(-8_000, -10_000, 0.15, 'Report');
    expect(c.differenceCents).toBe(2_000);
    expect(c.percentDifference).toBe(0.2);
    expect(c.flagged).toBe(true);
  });

  it('has no percentage and flags when the report is 0 and the universe is not', () => {
    expect(compareAmounts(100, 0, 0.15, 'Report')).toEqual({ differenceCents: 100, percentDifference: null, flagged: true });
    expect(compareAmounts(-100, 0, 0.15, 'Report').flagged).toBe(true);
  });

  it('does not flag when both sides are 0', () => {
    expect(compareAmounts(0, 0, 0.15, 'Report')).toEqual({ differenceCents: 0, percentDifference: null, flagged: false });
  });

  it('divides by the universe when Percent Base is Universe', () => {
    // 1,500 / 10,000 = 15.00% of the universe (not flagged); the same pair is 17.6% of the report.
    expect(compareAmounts(10_000, 8_500, 0.15, 'Universe')).toEqual({ differenceCents: 1_500, percentDifference: 0.15, flagged: false });
    expect(compareAmounts(10_000, 8_500, 0.15, 'Report').flagged).toBe(true);
    expect(compareAmounts(0, 500, 0.15, 'Universe')).toEqual({ differenceCents: -500, percentDifference: null, flagged: true });
  });

  it('applies the 5% overall threshold strictly too', () => {
    expect(compareAmounts(1_050_000_000_000, 1_000_000_000_000, 0.05, 'Report').flagged).toBe(false);
    expect(compareAmounts(1_050_000_000_001, 1_000_000_000_000, 0.05, 'Report').flagged).toBe(true);
  });

  it('stays exact beyond 2^53 when multiplied out (national-size amounts)', () => {
    // |diff| · 10000 ≈ 1.3e17 > 2^53: only integer arithmetic keeps the boundary.
    const report = 86_666_666_666_600; // $866.7 billion, a multiple of 20 cents
    const universe = (report / 20) * 23;
    expect(compareAmounts(universe, report, 0.15, 'Report').flagged).toBe(false);
    expect(compareAmounts(universe + 1, report, 0.15, 'Report').flagged).toBe(true);
  });
});

describe('basisPoints', () => {
  it.each([
    [0.15, 1_500],
    [0.05, 500],
    [0.125, 1_250],
    [0.1234, 1_234],
    [0, 0],
  ])('%d → %d', (fraction, bp) => {
    expect(basisPoints(fraction)).toBe(bp);
  });
});
