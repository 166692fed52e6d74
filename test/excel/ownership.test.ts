/** The office-js adapter goes through the core's owned-sheet guard: the record it keeps in the workbook, a user's sheet refused, and the fake refusing formulas Excel refuses. */
import { describe, expect, it } from 'vitest';
import { formulaCell, textCell } from '../../src/core/workbook/output-cells.js';
import { OWNERSHIP_RECORD_NAME, UserSheetConflictError } from '../../src/core/workbook/owned-sheets.js';
import type { OutputCell, OwnedSheet } from '../../src/core/workbook/port.js';
import { FakeExcel, type FakeSheet } from './fake-excel.js';
import { adapterOn } from './helpers.js';

const sheet = (name: string, rows: (readonly OutputCell[])[]): OwnedSheet => ({ name, rows });
const contentOf = (s: FakeSheet): string => JSON.stringify([s.rows, [...s.formulas], [...s.styles]]);

describe('ownership in the office-js adapter', () => {
  it('records the sheets it created in a hidden workbook-scoped name, and rewrites them on the next run', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data', [['x']]);
    const book = adapterOn(fake);
    await book.writeSheets([sheet('Run Log', [[textCell('anything')]]), sheet('Reconciliation', [[textCell('x')]])]);
    const record = fake.names.get(OWNERSHIP_RECORD_NAME.toLowerCase());
    expect(record).toEqual({ name: OWNERSHIP_RECORD_NAME, formula: '="Run Log|Reconciliation"', visible: false });
    // The Run Log written above does not have the Run Log layout: only the record says it is the tool's.
    await book.writeSheets([sheet('Run Log', [[textCell('second')]])]);
    expect(fake.sheet('Run Log').value('A1')).toBe('second');
    expect(fake.names.get(OWNERSHIP_RECORD_NAME.toLowerCase())?.formula).toBe('="Run Log|Reconciliation"');
  });

  it.each([
    ['Run Log', [['Time', 'Version', 'Command', 'Inputs used', 'Errors', 'Warnings', 'Reviewer', 'Sign-off'], ['2026-01-01', '1', 'x', '', '', '', 'Ann', 'yes']]],
    ['reconciliation', [['My own reconciliation'], [1, 2, 3]]],
    ['cms-10184e medicaid', [['Draft numbers for the form'], [12]]],
  ])('stops at a user\'s sheet named %s, naming it, before anything is written', async (name, rows) => {
    const fake = new FakeExcel();
    const user = fake.addSheet(name, rows);
    const before = contentOf(user);
    const book = adapterOn(fake);
    const write = book.writeSheets([sheet('Reconciliation', [[textCell('x')]]), sheet('CMS-10184E Medicaid', [[textCell('x')]]), sheet('Run Log', [[textCell('Time')]])]);
    await expect(write).rejects.toThrow(UserSheetConflictError);
    await expect(write).rejects.toThrow(new RegExp(`'${name}'.*Rename it`));
    expect(fake.writes).toEqual([]);
    expect(fake.names.size).toBe(0);
    expect(contentOf(user)).toBe(before);
  });

  it('takes over a sheet an earlier version wrote (recognised by its layout), and records it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Run Log', [['Time', 'Version', 'Command', 'Inputs used', 'Errors', 'Warnings'], ['2025-01-01T00:00:00Z', '0.1.0', 'fill', '', '', '']]);
    fake.addSheet('Estimator Detail', [['Estimator Detail: how lines G-J of CMS-10184E were computed']]);
    await adapterOn(fake).writeSheets([sheet('Run Log', [[textCell('new')]]), sheet('Estimator Detail', [[textCell('new')]])]);
    expect(fake.sheet('Run Log').value('A1')).toBe('new');
    expect(fake.names.get(OWNERSHIP_RECORD_NAME.toLowerCase())?.formula).toBe('="Run Log|Estimator Detail"');
  });
});

describe('the fake refuses formulas Excel refuses', () => {
  it.each([
    ['=IF(E5=D5,0,IF(E5<2,NA(),D5^2*(K5-2*{R}*M5)))', /braces/],
    ['=SUM(A1:A3', /unbalanced \(/],
    ['=SUM(A1))', /unbalanced \)/],
    ['=SUMM(A1:A3)', /unknown function SUMM/],
    ['="text', /unclosed/],
  ])('%s', async (formula, message) => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').formulas = [[formula]];
        await context.sync();
      }),
    ).rejects.toThrow(message);
  });

  it('takes the formulas the tool writes', async () => {
    const fake = new FakeExcel();
    fake.addSheet('S');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:C1').formulas = [['=IFERROR(TEXT(\'Estimator Detail\'!$B$3,"0.0%")&", +/- ","x")', '=TINV(1-$B$3,D9)', '={1,2;3,4}']];
      await context.sync();
    });
    expect(fake.sheet('S').formula('B1')).toBe('=TINV(1-$B$3,D9)');
  });

  it('the core guard stops a placeholder formula before Excel is asked', async () => {
    const fake = new FakeExcel();
    await expect(adapterOn(fake).writeSheets([sheet('Estimator Detail', [[formulaCell('D5*{R}', 1)]])])).rejects.toThrow(/'Estimator Detail'!A1: formula D5\*\{R\} is not valid/);
    expect(fake.runs).toBe(0);
  });
});

describe('layout from the core sheet spec', () => {
  it('applies fitted column widths, fit to page width and the repeated heading row', async () => {
    const fake = new FakeExcel();
    await adapterOn(fake).writeSheets([
      { name: 'Estimator Detail', rows: [[textCell('Heading')], [{ number: 15_019_183_165.71, numberFormat: '$#,##0.00;($#,##0.00)' }]], columnWidths: [8], fitToWidth: true, landscape: true, printTitleRows: { from: 1, to: 1 } },
    ]);
    const s = fake.sheet('Estimator Detail');
    expect(s.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(s.printTitleRows).toBe('$1:$1');
    expect(s.orientation).toBe('Landscape');
    // "$15,019,183,165.71" is 18 characters: the column is widened from 8 to 20 (in points, Calibri 11).
    expect(s.columnWidths.get(0)).toBeGreaterThan(100);
  });
});
