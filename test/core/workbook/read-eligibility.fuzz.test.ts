// Fuzzing the findings and universe-counts readers with arbitrary cell values: they never throw,
// every issue names its sheet and a cell or range, and a bad column is said once, so the number of
// issues does not grow with the number of rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../../src/core/workbook/memory-source';
import type { CellValue } from '../../../src/core/workbook/port';
import { readEligibilityUniverse } from '../../../src/core/workbook/read-eligibility-universe';
import { readFindings } from '../../../src/core/workbook/read-findings';

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('Medicaid', 'CHIP', 'XXI', '2023-07', 'Jul 2023', '1', '2', '3', 'Denials', 'Terminations', 'Negative', 'E', 'NE', 'U', 'C', 'ID', 'IT', 'L / O', 'Y', 'N', '$1,234.56', '(12.00)', 'n/a'),
  fc.double({ noNaN: true, min: -1e7, max: 1e7 }),
  fc.integer({ min: -5, max: 60_000 }),
  fc.boolean(),
  fc.constant({ kind: 'error', code: '#N/A' } as CellValue),
);

const FINDINGS = ['Program', 'Month', 'Case ID', 'Stratum', 'Finding', 'Dollars Paid', 'Dollars in Error', 'Dollars Correct', 'Fraud'];
const COUNTS = ['Program', 'Month', 'Stratum', 'Cases', 'Dollars'];
const located = (i: { sheet?: string; cell?: string }) => i.sheet !== undefined && (i.cell === undefined || /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$|^\d+:\d+$/.test(i.cell));

describe('reader fuzzing', () => {
  it('readFindings: never throws, names where, and stays bounded as rows grow', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 40 }), async (rows) => {
        const read = await readFindings(memorySource('f', { Findings: [FINDINGS, ...rows] }));
        for (const i of read.issues) expect(located(i), i.message).toBe(true);
        // Per column, a handful of kinds of problem at most, plus one duplicate-case issue per row.
        expect(read.issues.length).toBeLessThanOrEqual(9 * 12 + rows.length);
        expect(read.cases.length).toBeLessThanOrEqual(rows.length);
      }),
      { numRuns: 150 },
    );
  });

  it('readEligibilityUniverse: never throws and names where', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 40 }), async (rows) => {
        const read = await readEligibilityUniverse(memorySource('u', { 'Universe Counts': [COUNTS, ...rows] }));
        for (const i of read.issues) expect(located(i), i.message).toBe(true);
        for (const c of read.counts) expect(Number.isInteger(c.cases) && c.cases >= 0).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('one bad value repeated down 2,000 rows is one issue', async () => {
    const rows: CellValue[][] = Array.from({ length: 2000 }, (_, k) => ['Medicaid', 'soon', `K${k}`, '1', 'E', 1, 0, null, null]);
    const read = await readFindings(memorySource('f', { Findings: [FINDINGS, ...rows] }));
    expect(read.issues.map((i) => i.cell)).toEqual(['B2:B2001']);
  });
});
