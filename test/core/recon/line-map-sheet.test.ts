import { describe, expect, it } from 'vitest';
import { DEFAULT_LINE_MAP } from '../../../src/core/recon/line-map-defaults.js';
import { buildLineMapSheet, LINE_MAP_HEADER_ROW, readLineMap } from '../../../src/core/recon/line-map-sheet.js';
import { LineMatcher } from '../../../src/core/recon/line-map.js';
import { memorySource } from '../../../src/core/workbook/memory-source.js';
import type { CellValue, OwnedSheet } from '../../../src/core/workbook/port.js';

/** An output sheet as the workbook holds it once written: text and numbers. */
function asCells(sheet: OwnedSheet): CellValue[][] {
  return sheet.rows.map((row) => row.map((c) => (c === null || 'blank' in c ? null : 'number' in c ? c.number : 'text' in c ? c.text : (c.result ?? null))));
}

describe('readLineMap', () => {
  it('uses the bundled defaults and hands back the sheet to write when the workbook has none', async () => {
    const read = await readLineMap(memorySource('book', { Universe: [['Program']] }));
    expect(read.lineMap).toEqual({ rows: DEFAULT_LINE_MAP, origin: 'defaults' });
    expect(read.issues).toEqual([]);
    expect(read.sheetToWrite?.name).toBe('Line Map');
    expect(read.sheetToWrite?.rows[LINE_MAP_HEADER_ROW - 1]?.map((c) => (c !== null && 'text' in c ? c.text : ''))).toEqual(['Form', 'Line', 'Description', 'Component', 'Subtotal', 'Reason', 'Note']);
    expect(read.sheetToWrite?.rows).toHaveLength(LINE_MAP_HEADER_ROW + DEFAULT_LINE_MAP.length);
  });

  it('reads back exactly the defaults it wrote, and never asks to overwrite the sheet', async () => {
    const written = buildLineMapSheet(DEFAULT_LINE_MAP);
    const read = await readLineMap(memorySource('book', { 'Line Map': asCells(written) }));
    expect(read.issues).toEqual([]);
    expect(read.sheetToWrite).toBeUndefined();
    expect(read.lineMap.origin).toBe('sheet');
    expect(read.lineMap.rows.map(({ sheetRow: _row, ...r }) => ({ ...r }))).toEqual(DEFAULT_LINE_MAP.map((r) => ({ ...r })));
    expect(read.lineMap.rows[0]?.sheetRow).toBe(LINE_MAP_HEADER_ROW + 1);
  });

  it("follows the user's edits", async () => {
    const cells = asCells(buildLineMapSheet(DEFAULT_LINE_MAP));
    const i = cells.findIndex((row) => row[0] === 'CMS-64.9 Base' && row[2] === 'Inpatient Hospital - Sup. Payments');
    (cells[i] as CellValue[])[3] = 'ffs';
    cells.push(['CMS-64.9 Base', null, 'Widget payments', 'Managed care']);
    const read = await readLineMap(memorySource('book', { 'Line Map': cells }));
    const m = new LineMatcher(read.lineMap.rows);
    expect(m.match({ form: 'CMS-64.9 Base', description: 'Inpatient Hospital - Sup. Payments' })?.row.component).toBe('FFS');
    expect(m.match({ form: 'CMS-64.9 Base', description: 'Widget payments' })?.row).toMatchObject({ component: 'MC', subtotal: false, reason: '' });
  });

  it('reads a minimal user sheet (Form, Line, Description, Component) and tells subtotals by their label', async () => {
    const read = await readLineMap(memorySource('book', {
      'line map': [
        ['Form', 'Line', 'Description', 'Component'],
        ['CMS-64', '1A', 'Inpatient Hospital - Reg. Payments', 'FFS'],
        ['CMS-21', null, 'Total', 'Excluded'],
        ['64.21U', null, 'C-Balance', 'Excluded'],
        ['CMS-21', null, 'Less: Collection', 'Excluded'],
      ],
    }));
    expect(read.issues).toEqual([]);
    expect(read.lineMap.rows.map((r) => [r.form, r.line, r.subtotal])).toEqual([
      ['CMS-64.9 Base', '1A', false],
      ['CMS-21', undefined, true],
      ['CMS-64.21U', undefined, true],
      ['CMS-21', undefined, false],
    ]);
  });

  it('names the cell of a bad row and leaves it out; warns about a repeated row', async () => {
    const read = await readLineMap(memorySource('book', {
      'Line Map': [
        ['Form', 'Line', 'Description', 'Component', 'Subtotal'],
        ['CMS-99', null, 'Dental Services', 'FFS', null],
        ['CMS-21', null, 'Dental Services', 'Sometimes', null],
        ['CMS-21', null, null, 'FFS', null],
        ['CMS-21', null, 'Dental Services', 'FFS', 'maybe'],
        ['CMS-21', null, 'DENTAL  SERVICES', 'MC', null],
      ],
    }));
    expect(read.issues.map((i) => [i.severity, i.code, i.cell])).toEqual([
      ['error', 'line-map.form', 'A2'],
      ['error', 'line-map.component', 'D3'],
      ['error', 'line-map.description', 'C4'],
      ['error', 'line-map.subtotal', 'E5'],
      ['warning', 'line-map.duplicate', 'C6'],
    ]);
    expect(read.issues[0]?.message).toMatch(/^'Line Map'!A2: "CMS-99" is not a report form PERM Recon knows.*Write CMS-64\.9 Base/);
    expect(read.issues[1]?.message).toMatch(/"Sometimes" is not a line-map component\. Write FFS, MC or Excluded\./);
    expect(read.issues[4]?.message).toMatch(/repeats the CMS-21 line in C5; the first row is used/);
    expect(read.lineMap.rows.map((r) => r.component)).toEqual(['FFS', 'MC']);
  });

  it('falls back to the defaults for this run, with an error, when the sheet lacks the headers', async () => {
    const read = await readLineMap(memorySource('book', { 'Line Map': [['Report', 'Counts'], ['x', 'y']] }));
    expect(read.lineMap.origin).toBe('defaults');
    expect(read.sheetToWrite).toBeUndefined();
    expect(read.issues[0]).toMatchObject({ severity: 'error', code: 'line-map.no-table', sheet: 'Line Map' });
  });
});
