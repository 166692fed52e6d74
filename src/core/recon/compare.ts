/**
 * The comparison of one universe amount with one report amount: the difference, the percentage
 * difference and the flag. The flag is decided exactly, in integer arithmetic on cents, so a
 * difference of exactly 15.00% is never flagged whatever floating point would do.
 */
import type { PercentBase } from '../workbook/settings.js';

export interface Comparison {
  /** Universe minus report, integer cents. */
  readonly differenceCents: number;
  /** Difference / |base|, a fraction; null when the base is 0. */
  readonly percentDifference: number | null;
  readonly flagged: boolean;
}

/** A threshold fraction in whole basis points (0.15 → 1500), as the sheet's flag formula rounds it. */
export function basisPoints(fraction: number): number {
  return Math.round(fraction * 10_000);
}

/**
 * Compares `universeCents` with `reportCents`. The base of the percentage is the report amount, or
 * the universe amount when Settings say `Universe` (both are this project's defaults, not CMS rules).
 * Flagged when strictly over the threshold; when the base is 0, flagged when the difference is not.
 */
export function compareAmounts(universeCents: number, reportCents: number, thresholdFraction: number, base: PercentBase): Comparison {
  // workbook-layout.md: percentage difference = (universe − report) / |report| (or |universe|).
  const differenceCents = universeCents - reportCents;
  const baseCents = Math.abs(base === 'Universe' ? universeCents : reportCents);
  if (baseCents === 0) return { differenceCents, percentDifference: null, flagged: differenceCents !== 0 };
  // |diff| / |base| > bp / 10000  ⇔  |diff| · 10000 > bp · |base|, exact in BigInt.
  const flagged = BigInt(Math.abs(differenceCents)) * 10_000n > BigInt(basisPoints(thresholdFraction)) * BigInt(baseCents);
  return { differenceCents, percentDifference: differenceCents / baseCents, flagged };
}
