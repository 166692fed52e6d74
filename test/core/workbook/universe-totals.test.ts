import { cellIssue } from '../../../src/core/workbook/issue';
import { describe, expect, it } from 'vitest';
import { issueLimiter } from '../../../src/core/workbook/issue-limiter.js';
import { errorIssue } from '../../../src/core/workbook/issue.js';
import { memorySource } from '../../../src/core/workbook/memory-source.js';
import type { CellValue, SheetRow, WorkbookSource } from '../../../src/core/workbook/port.js';
import { readUniverseTotals } from '../../../src/core/workbook/universe-totals.js';

const HEADER = ['Program', 'Quarter', 'Component', 'Amount'];

describe('readUniverseTotals', () => {
  it('sums summary and claim-level rows by program, quarter and component, in cents', async () => {
    const source = memorySource('b', {
      Universe: [
        [...HEADER, 'Claims'],
        ['Medicaid', '2023Q3', 'FFS', '$1,000.10', 3],
        ['Title XIX', 'Jul-Sep 2023', 'Fee-for-service', 0.2, '2'],
        ['CHIP', 'FFY2024 Q1', 'Managed Care', '(5.00)', null],
        ['XXI', new Date(Date.UTC(2023, 10, 15)), 'capitation', 10.005, 1],
        ['Medicaid', '2023 Q3', 'MC', 7, 1],
      ],
    });
    const read = await readUniverseTotals(source);
    expect(read.issues).toEqual([]);
    expect(read.rowsRead).toBe(5);
    expect(read.rowsSkipped).toBe(0);
    expect(read.totals).toEqual([
      { program: 'Medicaid', quarter: '2023Q3', component: 'FFS', cents: 100030, rows: 2, claims: 5 },
      { program: 'Medicaid', quarter: '2023Q3', component: 'MC', cents: 700, rows: 1, claims: 1 },
      { program: 'CHIP', quarter: '2023Q4', component: 'MC', cents: 501, rows: 2, claims: 1 },
    ]);
  });

  it('names sheet and cell for each bad cell and leaves those rows out', async () => {
    const source = memorySource('b', {
      'Claims Universe': [
        ['Ohio universe'],
        [null, ...HEADER],
        [null, 'Medicaid', '2023Q3', 'FFS', 'abc'],
        [null, 'Medicaid', '2023Q3', 'FFS', { kind: 'error', code: '#N/A' }],
        [null, 'Medicaid', '2023Q3', 'FFS', null],
        [null, 'Medicare', '2023Q3', 'FFS', 1],
        [null, 'CHIP', 'Q3', 'FFS', 1],
        [null, 'CHIP', '2023Q3', 'DSH', 1],
        [null, 'CHIP', '2023Q3', 'FFS', 2.5],
        [null, 'Total', null, null, 9999],
      ],
    });
    const read = await readUniverseTotals(source);
    expect(read.totals).toEqual([{ program: 'CHIP', quarter: '2023Q3', component: 'FFS', cents: 250, rows: 1 }]);
    expect(read.rowsRead).toBe(8);
    expect(read.rowsSkipped).toBe(7);
    // Three different problems in one column: three issues (the same one down a column would be one).
    expect(read.issues.map((i) => [i.severity, i.code, i.sheet, i.cell])).toEqual([
      ['error', 'universe.amount', 'Claims Universe', 'E3'],
      ['error', 'universe.amount', 'Claims Universe', 'E4'],
      ['error', 'universe.amount', 'Claims Universe', 'E5'],
      ['error', 'universe.program', 'Claims Universe', 'B6'],
      ['error', 'universe.quarter', 'Claims Universe', 'C7'],
      ['error', 'universe.component', 'Claims Universe', 'D8'],
      ['warning', 'universe.total-row', 'Claims Universe', 'B10'],
    ]);
    const messages = read.issues.map((i) => i.message);
    expect(messages[0]).toBe(
      "'Claims Universe'!E3: Amount: \"abc\" is not a dollar amount. Type a dollar amount such as 1234.56, $1,234.56 or (1,234.56) for a negative.",
    );
    expect(messages[1]).toMatch(/^'Claims Universe'!E4: Amount: The cell holds the error value #N\/A\. Fix the formula/);
    expect(messages[2]).toMatch(/^'Claims Universe'!E5: Amount: The cell is blank\./);
    expect(messages[3]).toMatch(/^'Claims Universe'!B6: Program: "Medicare" is not a program\. Write Medicaid/);
    expect(messages[4]).toMatch(/^'Claims Universe'!C7: Quarter: "Q3" has no year\./);
    expect(messages[5]).toMatch(/^'Claims Universe'!D8: Component: "DSH" is not a universe component\. Write FFS/);
    expect(messages[6]).toMatch(/"Total" looks like a total row/);
  });

  it('says a flood of bad cells down one column once, naming the range', async () => {
    const rows: CellValue[][] = [HEADER];
    for (let i = 0; i < 50; i++) rows.push(['Medicaid', '2023Q3', 'FFS', 'n/a']);
    const read = await readUniverseTotals(memorySource('b', { U: rows }), { maxIssuesPerKind: 3 });
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]).toMatchObject({ code: 'universe.amount', sheet: 'U', cell: 'D2:D51' });
    expect(read.issues[0]?.message).toMatch(/^'U'!D2:D51: All 50 cells of this range have the same problem; the first, D2: Amount: "n\/a" is not a dollar amount\..* Fix them the same way\.$/);
  });

  it('says which headers are missing when there is no universe table', async () => {
    const read = await readUniverseTotals(memorySource('b', { U: [['Program', 'Quarter', 'Amount']] }));
    expect(read.totals).toEqual([]);
    expect(read.issues).toHaveLength(1);
    expect(read.issues[0]?.message).toMatch(/lacks Component/);
  });

  it('streams a large claim-level sheet without holding its rows', async () => {
    // A generated source: 300,000 claim rows produced chunk by chunk, never as one array.
    const total = 300_000;
    let maxChunk = 0;
    const source: WorkbookSource = {
      label: 'generated',
      sheets: () => Promise.resolve([{ name: 'Claims', firstRow: 1, firstColumn: 1, rowCount: total + 1, columnCount: 4, merges: [] }]),
      async *readRows(_sheet, options = {}) {
        const from = options.fromRow ?? 1;
        const to = options.toRow ?? total + 1;
        const size = options.chunkRows ?? 5000;
        for (let start = from; start <= to; start += size) {
          const chunk: SheetRow[] = [];
          for (let r = start; r <= Math.min(to, start + size - 1); r++) {
            if (r === 1) chunk.push({ row: 1, cells: HEADER });
            else chunk.push({ row: r, cells: [r % 3 === 0 ? 'CHIP' : 'Medicaid', r % 2 === 0 ? '2023Q3' : '2023Q4', 'FFS', 1.01] });
          }
          maxChunk = Math.max(maxChunk, chunk.length);
          yield chunk;
        }
      },
    };
    let progressCalls = 0;
    const read = await readUniverseTotals(source, { chunkRows: 20_000, onProgress: () => (progressCalls += 1) });
    expect(read.rowsRead).toBe(total);
    expect(maxChunk).toBeLessThanOrEqual(20_000);
    expect(progressCalls).toBe(15);
    const sum = read.totals.reduce((s, t) => s + t.cents, 0);
    expect(sum).toBe(total * 101);
    const rows = read.totals.reduce((s, t) => s + t.rows, 0);
    expect(rows).toBe(total);
    // Rows 2..300001: CHIP when divisible by 3, 2023Q3 when even.
    const chipQ3 = read.totals.find((t) => t.program === 'CHIP' && t.quarter === '2023Q3');
    expect(chipQ3?.rows).toBe(50_000);
  });
});

describe('issueLimiter', () => {
  it('groups one code down one column into one issue naming the range, where the first was', () => {
    const limiter = issueLimiter(1);
    limiter.add(cellIssue('error', 'findings.month', { sheet: 'S', cell: 'B2' }, 'bad month.'));
    limiter.add(cellIssue('error', 'findings.case-id', { sheet: 'S', cell: 'C2' }, 'bad id.'));
    limiter.add(cellIssue('error', 'findings.month', { sheet: 'S', cell: 'B9' }, 'bad month.'));
    limiter.add(cellIssue('error', 'findings.month', { sheet: 'S', cell: 'B5' }, 'bad month.'));
    limiter.add(cellIssue('error', 'findings.month', { sheet: 'T', cell: 'B5' }, 'bad month.'));
    // Another kind of problem under the same code and column is its own issue; cell values do not make a new kind.
    limiter.add(cellIssue('error', 'findings.month', { sheet: 'S', cell: 'B7' }, 'blank month.'));
    limiter.add(cellIssue('error', 'findings.dollars', { sheet: 'S', cell: 'D3' }, '"x" is not 12.'));
    limiter.add(cellIssue('error', 'findings.dollars', { sheet: 'S', cell: 'D4' }, '"yy" is not 13.'));
    const out = limiter.finish();
    expect(out.map((i) => [i.sheet, i.cell])).toEqual([['S', 'B2:B9'], ['S', 'C2'], ['T', 'B5'], ['S', 'B7'], ['S', 'D3:D4']]);
    expect(out[0]!.message).toBe("'S'!B2:B9: 3 cells of this range have the same problem; the first, B2: bad month. Fix them the same way.");
    expect(out[2]!.message).toBe("'T'!B5: bad month.");
  });

  it('keeps the first issues per code that name no cell, says a repeated message once, and counts the rest', () => {
    const limiter = issueLimiter(1);
    limiter.add(errorIssue('findings.month', 'first a', { sheet: 'S' }));
    limiter.add(errorIssue('findings.month', 'first a', { sheet: 'S' }));
    limiter.add(errorIssue('findings.case-id', 'first b'));
    limiter.add(errorIssue('findings.month', 'second a', { sheet: 'S' }));
    limiter.add(errorIssue('findings.month', 'third a', { sheet: 'S' }));
    const out = limiter.finish();
    expect(out.map((i) => i.message)).toEqual(['first a', 'first b', "sheet 'S': 2 more issues like the one above (only the first 1 are listed). Fix them the same way."]);
  });
});
