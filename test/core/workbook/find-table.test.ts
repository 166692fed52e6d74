import { describe, expect, it } from 'vitest';
import {
  findTables,
  readTableRecords,
  recordCell,
  recordText,
  recordValue,
  searchTables,
  tableNotFoundIssue,
  type TableRecord,
  type TableSpec,
} from '../../../src/core/workbook/find-table.js';
import { memorySource } from '../../../src/core/workbook/memory-source.js';
import type { WorkbookSource } from '../../../src/core/workbook/port.js';
import { FINDINGS_TABLE, UNIVERSE_TABLE } from '../../../src/core/workbook/input-tables.js';

const SPEC: TableSpec = {
  name: 'universe totals',
  required: { Program: [], Quarter: ['Qtr'], Component: [], Amount: ['Paid Amount'] },
  optional: { Claims: ['Claim Count'] },
};

async function allRecords(source: WorkbookSource, table: Parameters<typeof readTableRecords>[1], chunkRows?: number): Promise<TableRecord[]> {
  const out: TableRecord[] = [];
  for await (const chunk of readTableRecords(source, table, chunkRows === undefined ? {} : { chunkRows })) out.push(...chunk);
  return out;
}

describe('findTables', () => {
  it('finds the canonical layout at A1', async () => {
    const source = memorySource('book', {
      Universe: [
        ['Program', 'Quarter', 'Component', 'Amount'],
        ['Medicaid', '2023Q3', 'FFS', 100],
        ['CHIP', '2023Q3', 'MC', 50],
      ],
    });
    const tables = await findTables(source, SPEC);
    expect(tables).toEqual([
      { sheet: 'Universe', headerRow: 1, columns: { Program: 1, Quarter: 2, Component: 3, Amount: 4 }, firstDataRow: 2, lastRow: 3 },
    ]);
  });

  it('finds a table at an odd position, headers in another order, with synonyms, case, spacing and line breaks', async () => {
    const source = memorySource('book', {
      Notes: [['Just notes'], ['nothing here']],
      'Data 2024': [
        ['Ohio PERM universe, RY2025'],
        [],
        [],
        [null, null, null, 'PAID\nAMOUNT', ' qtr ', 'Claim  Count', 'component', 'program*'],
        [null, null, null, '$1,000.00', 'Q3 2023', 12, 'FFS', 'Title XIX'],
        [null, null, null, 20, 'Q3 2023', 1, 'MC', 'XXI'],
      ],
    });
    const [table, ...rest] = await findTables(source, SPEC);
    expect(rest).toHaveLength(0);
    expect(table).toEqual({
      sheet: 'Data 2024',
      headerRow: 4,
      columns: { Program: 8, Quarter: 5, Component: 7, Amount: 4, Claims: 6 },
      firstDataRow: 5,
      lastRow: 6,
    });
    if (table === undefined) return;
    const records = await allRecords(source, table);
    expect(records).toHaveLength(2);
    const first = records[0];
    if (first === undefined) return;
    expect(first.row).toBe(5);
    expect(recordValue(first, 'Amount')).toBe('$1,000.00');
    expect(recordCell(first, 'Amount')).toBe('D5');
    expect(recordCell(first, 'Program')).toBe('H5');
    expect(recordText(first, 'Program')).toBe('Title XIX');
    expect(recordValue(first, 'Claims')).toBe(12);
    expect(recordCell(first, 'Missing')).toBeUndefined();
  });

  it('finds two tables side by side and two stacked, ending each at the next', async () => {
    const header = ['Program', 'Quarter', 'Component', 'Amount'];
    const source = memorySource('book', {
      Both: [
        [...header, null, ...header],
        ['Medicaid', '2023Q3', 'FFS', 1, null, 'CHIP', '2023Q3', 'FFS', 2],
        [],
        ['Medicaid', '2023Q4', 'FFS', 3],
        [],
        header,
        ['Medicaid', '2024Q1', 'FFS', 4],
      ],
    });
    const tables = await findTables(source, SPEC);
    expect(tables.map((t) => [t.headerRow, t.columns['Program'], t.firstDataRow, t.lastRow])).toEqual([
      [1, 1, 2, 5],
      [1, 6, 2, 7],
      [6, 1, 7, 7],
    ]);
    const first = tables[0];
    if (first === undefined) return;
    const records = await allRecords(source, first, 1);
    expect(records.map((r) => r.row)).toEqual([2, 4]); // blank rows skipped
  });

  it('skips the output sheets by default, and honours onlySheets', async () => {
    const rows = [['Program', 'Quarter', 'Component', 'Amount'], ['CHIP', '2023Q3', 'FFS', 1]];
    const source = memorySource('book', { Reconciliation: rows, 'run  log': rows, Mine: rows, Other: rows });
    expect((await findTables(source, SPEC)).map((t) => t.sheet)).toEqual(['Mine', 'Other']);
    expect((await findTables(source, SPEC, { onlySheets: ['OTHER'] })).map((t) => t.sheet)).toEqual(['Other']);
    expect((await findTables(source, SPEC, { skipSheets: [] })).map((t) => t.sheet)).toEqual(['Reconciliation', 'run  log', 'Mine', 'Other']);
  });

  it('scans only the first rows of a sheet', async () => {
    const rows: (string | null)[][] = Array.from({ length: 40 }, () => [null]);
    rows[0] = ['filler'];
    rows[35] = ['Program', 'Quarter', 'Component', 'Amount'];
    const source = memorySource('book', { Deep: rows });
    expect(await findTables(source, SPEC)).toEqual([]);
    expect((await findTables(source, SPEC, { scanRows: 40 }))[0]?.headerRow).toBe(36);
  });

  it('explains a missing table with the closest header row', async () => {
    const source = memorySource('book', {
      Universe: [[], ['Program', 'Quarter', 'Paid']],
    });
    const search = await searchTables(source, SPEC);
    expect(search.tables).toEqual([]);
    const issue = tableNotFoundIssue(SPEC, search);
    expect(issue).toMatchObject({ severity: 'error', code: 'table.incomplete', sheet: 'Universe', cell: '2:2' });
    expect(issue.message).toBe(
      "'Universe'!2:2: The universe totals table was not found; this row looks like its header (it has Program, Quarter) but lacks Component, Amount. Add those columns, or rename the headers to Program, Quarter, Component, Amount. The blank template (perm-recon template --out FILE.xlsx, and docs/workbook-layout.md) shows it on its 'Universe' sheet.",
    );
    const none = tableNotFoundIssue(SPEC, await searchTables(memorySource('b', { S: [['x']] }), SPEC));
    expect(none.code).toBe('table.not-found');
    expect(none.message).toMatch(/^The universe totals table is missing: no sheet has a header row with Program, Quarter, Component, Amount\..* shows it on its 'Universe' sheet\.$/);
  });

  it('never blames a missing table on another input table, nor on a row with one generic header', async () => {
    // Findings deleted: the Universe Counts header (Program, Month, Stratum, Cases) is that table, not a Findings table lacking Case ID.
    const counts = memorySource('book', { 'Universe Counts': [['Program', 'Month', 'Stratum', 'Cases', 'Dollars']] });
    const findings = tableNotFoundIssue(FINDINGS_TABLE, await searchTables(counts, FINDINGS_TABLE));
    expect(findings).toMatchObject({ code: 'table.not-found' });
    expect(findings.message).toMatch(/^The case review findings table is missing: .* on its 'Findings' sheet\.$/);
    // Universe deleted: the CMS-64 long form (Quarter, Line, Description, Total Computable) is a report, not a universe lacking three columns.
    const report = memorySource('book', { 'CMS-64': [['Quarter', 'Line', 'Description', 'Total Computable', 'Federal Share', 'Form']], Notes: [['Quarter']] });
    const universe = tableNotFoundIssue(UNIVERSE_TABLE, await searchTables(report, UNIVERSE_TABLE));
    expect(universe).toMatchObject({ code: 'table.not-found' });
    expect(universe.message).not.toContain('CMS-64');
  });

  it('does not let one header column serve two names', async () => {
    const spec: TableSpec = { name: 't', required: { A: ['X'], B: ['X'] } };
    const source = memorySource('book', { S: [['X']], T: [['X', 'X']] });
    const tables = await findTables(source, spec);
    expect(tables.map((t) => [t.sheet, t.columns])).toEqual([['T', { A: 1, B: 2 }]]);
  });
});

describe('memorySource', () => {
  it('reports the used range and reads chunks within it', async () => {
    const source = memorySource('book', { S: [[], [null, 'a', 'b'], [null, null, 'c']], E: [] });
    const sheets = await source.sheets();
    expect(sheets).toEqual([
      { name: 'S', firstRow: 2, firstColumn: 2, rowCount: 2, columnCount: 2, merges: [] },
      { name: 'E', firstRow: 1, firstColumn: 1, rowCount: 0, columnCount: 0, merges: [] },
    ]);
    const chunks = [];
    for await (const c of source.readRows('S', { chunkRows: 1 })) chunks.push(c);
    expect(chunks).toEqual([[{ row: 2, cells: ['a', 'b'] }], [{ row: 3, cells: [null, 'c'] }]]);
  });
});

describe('tables the user pointed at', () => {
  it('are searched on the named sheet and header row only', async () => {
    const { withTableHints, searchTables } = await import('../../../src/core/workbook/find-table');
    const { memorySource } = await import('../../../src/core/workbook/memory-source');
    const spec = { name: 'universe totals', required: { Program: [], Quarter: [], Component: [], Amount: [] } };
    const book = memorySource('t.xlsx', {
      First: [['Program', 'Quarter', 'Component', 'Amount'], ['Medicaid', '2023Q3', 'FFS', 1]],
      Second: [['note'], ['note'], ['Program', 'Quarter', 'Component', 'Amount'], ['CHIP', '2023Q3', 'MC', 2]],
    });
    expect((await searchTables(book, spec)).tables.map((t) => t.sheet)).toEqual(['First', 'Second']);
    const pointed = withTableHints(book, { 'universe totals': { sheet: 'Second', headerRow: 3 } });
    const found = await searchTables(pointed, spec);
    expect(found.tables.map((t) => [t.sheet, t.headerRow])).toEqual([['Second', 3]]);
    const wrongRow = withTableHints(book, { 'universe totals': { sheet: 'Second', headerRow: 2 } });
    expect((await searchTables(wrongRow, spec)).tables).toEqual([]);
  });
});
