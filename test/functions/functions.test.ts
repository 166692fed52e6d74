import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, diffPct, flag, ratioErrorRate, sampleSize } from '../../src/functions/functions.js';
import { installCustomFunctionsStub, StubCellError, thrown, type CustomFunctionsStub } from './custom-functions-stub.js';

let stub: CustomFunctionsStub;
beforeAll(() => {
  stub = installCustomFunctionsStub();
});
afterAll(() => stub.uninstall());

/** Excel passes an omitted optional argument as null. */
const OMITTED = null as unknown as undefined;

const column = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
const row = (values: readonly unknown[]): unknown[][] => [[...values]];

describe('PERM.DIFFPCT', () => {
  it('is (universe − report) / |report| as a fraction', () => {
    expect(diffPct(115, 100)).toBe(0.15);
    expect(diffPct(85, 100)).toBe(-0.15);
    expect(diffPct(100, -200)).toBe(1.5);
    expect(diffPct(1.61, 1.4)).toBe(0.15); // 21 cents / 140 cents
  });

  it('compares in exact cents, so float noise in the inputs does not show', () => {
    expect(diffPct(0.3, 0.1 + 0.2)).toBe(0); // 0.30000000000000004 is 30 cents
    expect(diffPct(1.005, 1)).toBe(0.01); // 1.005 is 101 cents (half away from zero, as written)
  });

  it('is #DIV/0! when the report amount is 0', () => {
    const error = thrown(() => diffPct(10, 0));
    expect(error.code).toBe('#DIV/0!');
    expect(thrown(() => diffPct(0, 0)).code).toBe('#DIV/0!');
  });

  it('is #VALUE! naming the argument for an amount that cannot be dollars', () => {
    const error = thrown(() => diffPct(Number.POSITIVE_INFINITY, 100));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^universe: .*not a finite number/);
    expect(thrown(() => diffPct(1, 1e20)).message).toMatch(/^report: .*too large/);
  });
});

describe('PERM.FLAG', () => {
  it('does not flag a difference of exactly 15%, and flags one cent over', () => {
    expect(flag(115, 100, 0.15)).toBe(false);
    expect(flag(115.01, 100, 0.15)).toBe(true);
    expect(flag(85, 100, 0.15)).toBe(false);
    expect(flag(84.99, 100, 0.15)).toBe(true);
  });

  it('decides in integer cents where floating point would flag exactly 15%', () => {
    expect((1.61 - 1.4) / 1.4).toBeGreaterThan(0.15); // the float trap
    expect(flag(1.61, 1.4, 0.15)).toBe(false);
    expect(flag(1.62, 1.4, 0.15)).toBe(true);
  });

  it('uses 15% when the threshold is omitted (Excel passes null)', () => {
    expect(DEFAULT_THRESHOLD).toBe(0.15);
    expect(flag(115, 100)).toBe(false);
    expect(flag(115.01, 100, OMITTED)).toBe(true);
  });

  it('takes the annual 5% threshold', () => {
    expect(flag(105, 100, 0.05)).toBe(false);
    expect(flag(105.01, 100, 0.05)).toBe(true);
  });

  it('with a report of 0 flags any difference', () => {
    expect(flag(0, 0, 0.15)).toBe(false);
    expect(flag(0.01, 0, 0.15)).toBe(true);
  });

  it('is #VALUE! for a threshold that is not a fraction between 0 and 1', () => {
    for (const bad of [15, -0.01, Number.NaN]) {
      const error = thrown(() => flag(1, 1, bad));
      expect(error.code).toBe('#VALUE!');
      expect(error.message).toMatch(/^threshold: .*fraction between 0 and 1/);
    }
  });
});

// Lehtonen & Pahkinen, Practical Methods for Design and Analysis of Complex Surveys (2004),
// the Province'91 stratified sample: two strata (N = 7 and 25, n = 4 each), ratio of ue91 to lab91.
const LEHTONEN = {
  cells: ['1', '1', '1', '1', '2', '2', '2', '2'],
  universe: [7, 7, 7, 7, 25, 25, 25, 25],
  ue91: [4123, 666, 760, 457, 61, 262, 331, 98],
  lab91: [33786, 6016, 5919, 3022, 573, 1737, 2543, 545],
  rate: 0.127778792862,
  standardError: 0.003173563794,
};
const Z95 = 1.959963984540054;

const relative = (actual: unknown, expected: number): number => Math.abs((actual as number) - expected) / Math.abs(expected);

describe('PERM.RATIOERRORRATE', () => {
  it('matches the published ratio estimate and standard error, spilled as one row', () => {
    const result = ratioErrorRate(column(LEHTONEN.cells), column(LEHTONEN.universe), column(LEHTONEN.lab91), column(LEHTONEN.ue91));
    expect(result).toHaveLength(1);
    const [rate, se, precision] = result[0] ?? [];
    expect(relative(rate, LEHTONEN.rate)).toBeLessThan(1e-10);
    expect(relative(se, LEHTONEN.standardError)).toBeLessThan(1e-9);
    expect(relative(precision, Z95 * LEHTONEN.standardError)).toBeLessThan(1e-9);
  });

  it('takes rows as well as columns, numeric cell ids, dollar text, and skips blank rows', () => {
    const expected = ratioErrorRate(column(LEHTONEN.cells), column(LEHTONEN.universe), column(LEHTONEN.lab91), column(LEHTONEN.ue91));
    expect(ratioErrorRate(row(LEHTONEN.cells), row(LEHTONEN.universe), row(LEHTONEN.lab91), row(LEHTONEN.ue91))).toEqual(expected);
    const numericIds = LEHTONEN.cells.map(Number);
    const text = LEHTONEN.lab91.map((v) => `$${v.toLocaleString('en-US')}.00`);
    const blanks = ['', null];
    expect(
      ratioErrorRate(
        column([...numericIds, ...blanks]),
        column([...LEHTONEN.universe, ...blanks]),
        column([...text, ...blanks]),
        column([...LEHTONEN.ue91, ...blanks]),
      ),
    ).toEqual(expected);
  });

  it('gives #N/A for the standard error and precision when a cell has one case, and says which', () => {
    const result = ratioErrorRate(
      column([...LEHTONEN.cells, '3']),
      column([...LEHTONEN.universe, 10]),
      column([...LEHTONEN.lab91, 1000]),
      column([...LEHTONEN.ue91, 100]),
    );
    const [rate, se, precision] = result[0] ?? [];
    expect(typeof rate).toBe('number');
    expect(se).toBeInstanceOf(StubCellError);
    expect((se as StubCellError).code).toBe('#N/A');
    expect((se as StubCellError).message).toMatch(/cell\(s\) 3 have a single sampled case/);
    expect(precision).toBe(se);
  });

  it('is #DIV/0! when no dollars were paid in the sample', () => {
    expect(thrown(() => ratioErrorRate(column(['a', 'a']), column([5, 5]), column([0, 0]), column([0, 0]))).code).toBe('#DIV/0!');
  });

  it.each([
    ['ranges of different lengths', [column(['a', 'a']), column([5]), column([1, 2]), column([0, 0])], /^ranges: .*cells 2, universeCounts 1, paid 2, error 2/],
    ['a block two columns wide', [[['a', 'a'], ['a', 'a']], column([5, 5]), column([1, 2]), column([0, 0])], /^cells: Pass one column/],
    ['two universe counts for one cell', [column(['a', 'a']), column([5, 6]), column([1, 2]), column([0, 0])], /Cell a has universe count 5 in row 1 but 6 in row 2/],
    ['a universe count with a fraction', [column(['a', 'a']), column([5.5, 5.5]), column([1, 2]), column([0, 0])], /^universeCounts: row 1 .*has a fraction/],
    ['text where dollars belong', [column(['a', 'a']), column([5, 5]), column(['abc', 2]), column([0, 0])], /^paid: row 1 .*"abc" is not a dollar amount/],
    ['a missing cell id', [column([true, 'a']), column([5, 5]), column([1, 2]), column([0, 0])], /^cells: row 1 .*TRUE is not a cell id/],
    ['no cases at all', [column(['', null]), column(['', null]), column(['', null]), column(['', null])], /^ranges: The ranges hold no sampled cases/],
    ['more cases than the universe', [column(['a', 'a', 'a']), column([2, 2, 2]), column([1, 2, 3]), column([0, 0, 1])], /Cell a has 3 sampled cases but a universe of only 2/],
    ['negative dollars paid', [column(['a', 'a']), column([5, 5]), column([-1, 2]), column([0, 0])], /Case 1 in cell a has negative dollars paid/],
  ])('is #VALUE! with a message for %s', (_name, args, message) => {
    const [cells, counts, paid, error] = args as [unknown[][], unknown[][], unknown[][], unknown[][]];
    const e = thrown(() => ratioErrorRate(cells, counts, paid, error));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(message);
  });
});

describe('PERM.SAMPLESIZE', () => {
  it('is ⌈z² P(1 − P) / d²⌉ at 95% by default (5% rate, ±3 points: 202.74 → 203)', () => {
    expect(sampleSize(0.05, 0.03)).toBe(203);
    expect(sampleSize(0.05, 0.03, OMITTED, OMITTED)).toBe(203);
    expect(sampleSize(0.05, 0.03, 0.95)).toBe(203);
  });

  it('applies the finite population correction when a universe is given (202.74 / (1 + 201.74 / 10000) → 199)', () => {
    expect(sampleSize(0.05, 0.03, 0.95, 10_000)).toBe(199);
  });

  it('takes another confidence level (90%: 142.79 → 143)', () => {
    expect(sampleSize(0.05, 0.03, 0.9)).toBe(143);
  });

  it('is #VALUE! with the estimator’s message for impossible input', () => {
    const rate = thrown(() => sampleSize(5, 0.03));
    expect(rate.code).toBe('#VALUE!');
    expect(rate.message).toMatch(/anticipated error rate must be between 0% and 100%/);
    expect(thrown(() => sampleSize(0.05, 0.03, 95)).message).toMatch(/confidence must be between/);
    expect(thrown(() => sampleSize(0.05, 0.03, 0.95, 0)).message).toMatch(/universe must be a whole number/);
  });
});
