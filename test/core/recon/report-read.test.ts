import { describe, expect, it } from 'vitest';
import { stateKey } from '../../../src/core/recon/report-fmr.js';
import { readReports } from '../../../src/core/recon/report-read.js';
import { memorySource } from '../../../src/core/workbook/memory-source.js';
import type { CellValue } from '../../../src/core/workbook/port.js';

type Rows = CellValue[][];

describe('readReports: long form', () => {
  it('reads Quarter, Line, Description, Total Computable, Federal Share and Form; FFY quarters become calendar quarters', async () => {
    const rows: Rows = [
      ['Quarter', 'Line', 'Description', 'Total Computable', 'Federal Share', 'Form'],
      ['FFY2024 Q1', '1A', 'Inpatient Hospital - Reg. Payments', '$1,234.56', 800, 'CMS-64.9 Base'],
      ['2024Q1', null, 'Medicaid - MCO', '(10.01)', null, 'CMS-64.9 Waiver'],
      ['FY2024 Q2', null, 'Prescribed Drugs', 99, null, 'CMS-64.9P'],
    ];
    const r = await readReports(memorySource('book', { Reports: rows }));
    expect(r.issues).toEqual([]);
    expect(r.tables).toEqual([{ sheet: 'Reports', headerRow: 1, range: "'Reports'!A1:F4", layout: 'long', lineCount: 3 }]);
    expect(r.lines.map((l) => [l.form, l.period, l.line, l.totalComputableCents, l.federalShareCents, l.cell])).toEqual([
      ['CMS-64.9 Base', { kind: 'quarter', quarter: '2023Q4' }, '1A', 123_456, 80_000, 'D2'],
      ['CMS-64.9 Waiver', { kind: 'quarter', quarter: '2024Q1' }, undefined, -1_001, undefined, 'D3'],
      ['CMS-64.9P', { kind: 'quarter', quarter: '2024Q1' }, undefined, 9_900, undefined, 'D4'],
    ]);
  });

  it('takes the form from the sheet name when there is no Form column', async () => {
    const r = await readReports(memorySource('book', {
      'CMS-21': [['Quarter', 'Description', 'Total Computable'], ['2023Q3', 'Dental Services', 5]],
      '64.21U': [['Quarter', 'Description', 'Total Computable'], ['2023Q3', 'C-Dental Services', 7]],
    }));
    expect(r.lines.map((l) => [l.sheet, l.form, l.totalComputableCents])).toEqual([
      ['CMS-21', 'CMS-21', 500],
      ['64.21U', 'CMS-64.21U', 700],
    ]);
  });

  it('takes the form from a title row above the table', async () => {
    const r = await readReports(memorySource('book', {
      Sheet1: [['Quarterly CMS-64 report, State of Columbia'], [], ['Quarter', 'Description', 'Total Computable'], ['2023Q3', 'Dental Services', 5]],
    }));
    expect(r.lines[0]?.form).toBe('CMS-64.9 Base');
    expect(r.issues).toEqual([]);
  });

  it('is an error naming the sheet when the form cannot be told', async () => {
    const r = await readReports(memorySource('book', {
      Expenditures: [['Quarter', 'Description', 'Total Computable'], ['2023Q3', 'Dental Services', 5]],
    }));
    expect(r.lines).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'report.form-unknown', sheet: 'Expenditures' });
    expect(r.issues[0]?.message).toMatch(/^sheet 'Expenditures': .*Rename the sheet .*or add a Form column/);
  });

  it('names the cell of a bad amount, quarter or form and leaves only that line out', async () => {
    const rows: Rows = [
      ['Quarter', 'Description', 'Total Computable', 'Form'],
      ['2023Q3', 'Dental Services', 'lots', 'CMS-21'],
      ['Q3', 'Dental Services', 1, 'CMS-21'],
      ['2023Q3', 'Dental Services', 2, 'CMS-99'],
      ['2023Q3', 'Dental Services', 3, 'CMS-21'],
    ];
    const r = await readReports(memorySource('book', { R: rows }));
    expect(r.lines.map((l) => l.totalComputableCents)).toEqual([300]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([
      ['report.amount', 'C2'],
      ['report.quarter', 'A3'],
      ['report.form', 'D4'],
    ]);
    expect(r.issues[0]?.message).toMatch(/^'R'!C2: Total Computable: "lots" is not a dollar amount/);
    expect(r.issues[1]?.message).toMatch(/has no year/);
  });

  it('skips rows without an amount (headings) and keeps lines without a description', async () => {
    const r = await readReports(memorySource('book', {
      'CMS-64': [['Quarter', 'Description', 'Total Computable'], ['2023Q3', 'Medical Assistance', null], ['2023Q3', null, 12]],
    }));
    expect(r.lines.map((l) => [l.description, l.totalComputableCents])).toEqual([['', 1_200]]);
  });
});

describe('readReports: wide form', () => {
  it('reads the form and the quarter from the sheet name', async () => {
    const r = await readReports(memorySource('book', {
      'CMS-64.9 Base FY2024 Q1': [['Line', 'Description', 'Total Computable', 'Federal Share'], ['1A', 'Inpatient Hospital - Reg. Payments', 100, 60], ['', 'Medicaid - MCO', 200, 120]],
      'CMS-21 2023Q3': [['Service Category', 'Total\nComputable'], ['Dental Services', 5]],
    }));
    expect(r.issues).toEqual([]);
    expect(r.tables.map((t) => t.layout)).toEqual(['wide', 'wide']);
    expect(r.lines.map((l) => [l.form, l.period, l.line, l.totalComputableCents])).toEqual([
      ['CMS-64.9 Base', { kind: 'quarter', quarter: '2023Q4' }, '1A', 10_000],
      ['CMS-64.9 Base', { kind: 'quarter', quarter: '2023Q4' }, undefined, 20_000],
      ['CMS-21', { kind: 'quarter', quarter: '2023Q3' }, undefined, 500],
    ]);
  });

  it('reads the form and quarter from a title when the sheet name has neither', async () => {
    const r = await readReports(memorySource('book', {
      Export: [['CMS-64.21U Quarterly Report'], ['Quarter ending: FFY2024 Q2'], ['Description', 'Total Computable'], ['C-Dental Services', 5]],
    }));
    expect(r.lines.map((l) => [l.form, l.period])).toEqual([['CMS-64.21U', { kind: 'quarter', quarter: '2024Q1' }]]);
  });

  it('decides the C- and T- blocks by position', async () => {
    const r = await readReports(memorySource('book', {
      'CMS-64 FY2024 Q1': [
        ['Description', 'Total Computable'],
        ['Critical Access Hospitals – Reg. Payments', 1],
        ['C-Dental Services', 2],
        ['C-Total Net', 2],
        ['T-Dental Services', 0],
        ['Critical Access Hospitals – Reg. Payments', 0],
      ],
    }));
    expect(r.lines.map((l) => l.block)).toEqual([undefined, 'C', 'C', 'T', 'T']);
  });

  it('is an error naming the sheet when a quarter is named but no form', async () => {
    const r = await readReports(memorySource('book', { 'FY2024 Q1': [['Description', 'Total Computable'], ['Dental Services', 5]] }));
    expect(r.issues[0]).toMatchObject({ code: 'report.form-unknown', sheet: 'FY2024 Q1' });
  });

  it('is an error when the sheet says neither quarter nor year', async () => {
    const r = await readReports(memorySource('book', { 'CMS-64': [['Description', 'Total Computable'], ['Dental Services', 5]] }));
    expect(r.issues[0]).toMatchObject({ code: 'report.period-unknown', sheet: 'CMS-64', cell: 'A1' });
    expect(r.issues[0]?.message).toMatch(/add a Quarter column/);
  });
});

/** A small FMR-style sheet: title rows, a header with line breaks, a C- block and a T block. */
function fmrSheet(state: string, year: number, lines: readonly (readonly [string, number])[]): Rows {
  return [
    ['Medicaid Financial Management Report  - Net Services'],
    [`FY ${year}`],
    [state],
    ['National'],
    [],
    ['Medical Assistance Program'],
    ['Service Category', 'Total \n Computable', 'Federal \n Share', 'State Share'],
    ...lines.map(([d, tc]) => [d, tc, Math.round(tc * 0.6), tc - Math.round(tc * 0.6)]),
    [],
    ['Created On: Wednesday, May 29, 2024 8:25 AM'],
  ];
}

describe('readReports: annual FMR export', () => {
  const map = fmrSheet('Columbia', 2024, [
    ['Inpatient Hospital - Reg. Payments', 100],
    ['Balance', 100],
    ['C-Dental Services', 7],
    ['C-Total Net', 7],
    ['T-Dental Services', 0],
    ['Critical Access Hospitals – Reg. Payments', 0],
  ]);

  it('reads MAP, CHIP and MCHIP sheets with the fiscal year of the title', async () => {
    const r = await readReports(memorySource('book', {
      'MAP - Columbia': map,
      'CHIP - Columbia': fmrSheet('Columbia', 2024, [['Dental Services', 5]]),
      'MCHIP - Columbia': fmrSheet('Columbia', 2024, [['C-Dental Services', 7]]),
      'MCHIP 20% - Columbia': fmrSheet('Columbia', 2024, [['Dental Services', 0]]),
      'ADM - Columbia': fmrSheet('Columbia', 2024, [['MMIS - Private Sector', 9]]),
    }));
    expect(r.issues).toEqual([]);
    expect(r.tables.map((t) => [t.sheet, t.layout, t.lineCount])).toEqual([
      ['MAP - Columbia', 'fmr', 6],
      ['CHIP - Columbia', 'fmr', 1],
      ['MCHIP - Columbia', 'fmr', 1],
      ['MCHIP 20% - Columbia', 'fmr', 1],
      ['ADM - Columbia', 'fmr', 1],
    ]);
    const bySheet = (s: string) => r.lines.filter((l) => l.sheet === s);
    expect(bySheet('MAP - Columbia').map((l) => [l.form, l.block])).toEqual([
      ['CMS-64.9 Base', undefined],
      ['CMS-64.9 Base', undefined],
      ['CMS-64.9 Base', 'C'],
      ['CMS-64.9 Base', 'C'],
      ['CMS-64.9 Base', 'T'],
      ['CMS-64.9 Base', 'T'],
    ]);
    expect(bySheet('MCHIP 20% - Columbia')[0]).toMatchObject({ form: 'CMS-64.21U', block: 'T' });
    expect(bySheet('CHIP - Columbia')[0]).toMatchObject({ form: 'CMS-21', period: { kind: 'annual', fiscalYear: 2024 }, federalShareCents: 300, stateShareCents: 200 });
    expect(bySheet('ADM - Columbia')[0]?.form).toBe('CMS-64.10');
  });

  it('reads only the state in Settings when the workbook holds several', async () => {
    const book = memorySource('book', { 'MAP - Columbia': map, 'MAP - Ohio': fmrSheet('Ohio', 2024, [['Dental Services', 5]]) });
    const none = await readReports(book);
    expect(none.lines).toEqual([]);
    expect(none.issues[0]?.message).toMatch(/FMR sheets for 2 states \(Columbia, Ohio\).*Set State in the Settings sheet/);
    const ohio = await readReports(book, { state: 'ohio' });
    expect(ohio.issues).toEqual([]);
    expect(ohio.lines.map((l) => l.sheet)).toEqual(['MAP - Ohio']);
    const wrong = await readReports(book, { state: 'Texas' });
    expect(wrong.lines).toEqual([]);
    expect(wrong.issues[0]?.message).toMatch(/not for Texas/);
  });
});

describe('stateKey', () => {
  it.each([
    ['Dist. Of Col.', 'District of Columbia'],
    ['Dist. Of Col.', 'DC'],
    ['Amer. Samoa', 'American Samoa'],
    ['N. Mariana Islands', 'Northern Mariana Islands'],
    ['Ohio', 'OH'],
    ['New York', 'new  york'],
    ['Massachusetts', 'Commonwealth of Massachusetts'],
  ])('%j is the same state as %j', (fmr, setting) => {
    expect(stateKey(fmr)).toBe(stateKey(setting));
  });

  it('keeps different states apart', () => {
    expect(stateKey('Virginia')).not.toBe(stateKey('West Virginia'));
    expect(stateKey('Washington')).not.toBe(stateKey('DC'));
  });
});
