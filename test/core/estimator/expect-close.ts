import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ tolerance · |expected| (absolute when expected is 0), printing Δ. */
export function expectClose(actual: number | null | undefined, expected: number, relativeTolerance: number): void {
  expect(actual, 'value is missing').not.toBeNull();
  expect(actual, 'value is missing').not.toBeUndefined();
  const a = actual as number;
  const delta = Math.abs(a - expected);
  const allowed = expected === 0 ? relativeTolerance : relativeTolerance * Math.abs(expected);
  expect(delta <= allowed, `expected ${expected}, got ${a} (Δ ${delta}, allowed ${allowed})`).toBe(true);
}
