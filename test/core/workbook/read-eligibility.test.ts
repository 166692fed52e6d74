// The findings and universe-counts readers: Month optional with annual counts, and the same problem
// down one column said once, naming the range (developers' guide: "once per column or range").
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../../src/core/workbook/memory-source';
import type { CellValue } from '../../../src/core/workbook/port';
import { readEligibilityUniverse } from '../../../src/core/workbook/read-eligibility-universe';
import { readFindings } from '../../../src/core/workbook/read-findings';

const FINDINGS: CellValue[] = ['Program', 'Month', 'Case ID', 'Stratum', 'Finding', 'Dollars Paid', 'Dollars in Error'];

describe('readFindings', () => {
  it('reads a blank Month as no month (allowed where the counts are annual)', async () => {
    const read = await readFindings(memorySource('b', { Findings: [FINDINGS, ['Medicaid', null, 'A1', '1', 'E', 10, 0], ['Medicaid', '2023-07', 'A2', '1', 'NE', 5, 5]] }));
    expect(read.issues).toEqual([]);
    expect(read.cases.map((c) => c.month)).toEqual([null, '2023-07']);
  });

  it('says text that is not a month once for the whole column, naming the range', async () => {
    const rows: CellValue[][] = [FINDINGS];
    for (let i = 0; i < 300; i++) rows.push(['Medicaid', 'later', `C${i}`, '1', 'E', 1, 0]);
    rows.push(['Medicaid', '2023-07', 'ok', '1', 'E', 1, 0]);
    rows.push(['Medicaid', '2023-07', 'bad', '1', 'E', 'lots', 0]);
    const read = await readFindings(memorySource('b', { Findings: rows }));
    expect(read.issues.map((i) => [i.code, i.cell])).toEqual([['findings.month', 'B2:B301'], ['findings.dollars', 'F303']]);
    expect(read.issues[0]!.message).toMatch(/^'Findings'!B2:B301: All 300 cells of this range have the same problem; the first, B2: /);
  });

  it('says each missing dollar column once, not once a row', async () => {
    const rows: CellValue[][] = [['Program', 'Month', 'Case ID', 'Stratum', 'Finding']];
    for (let i = 0; i < 50; i++) rows.push(['Medicaid', '2023-07', `C${i}`, '1', 'E']);
    const read = await readFindings(memorySource('b', { Findings: rows }));
    expect(read.issues.map((i) => i.code)).toEqual(['findings.column-missing', 'findings.column-missing']);
    expect(read.issues.map((i) => /no (.+) column/.exec(i.message)?.[1])).toEqual(['Dollars Paid', 'Dollars in Error']);
  });
});

describe('readEligibilityUniverse', () => {
  it('says bad counts down one column once, naming the range', async () => {
    const rows: CellValue[][] = [['Program', 'Month', 'Stratum', 'Cases']];
    for (let m = 1; m <= 12; m++) rows.push(['Medicaid', `2023-${String(m).padStart(2, '0')}`, '1', 'many']);
    rows.push(['Medicaid', null, '2', 900]);
    const read = await readEligibilityUniverse(memorySource('b', { 'Universe Counts': rows }));
    expect(read.issues.map((i) => [i.code, i.sheet, i.cell])).toEqual([['universe-counts.cases', 'Universe Counts', 'D2:D13']]);
    expect(read.counts).toEqual([expect.objectContaining({ month: null, stratum: 'stratum2', cases: 900 })]);
  });
});
