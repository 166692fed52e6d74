import { parseFormVersion } from '../../../src/core/workbook/parse-setting-values';
import { describe, expect, it } from 'vitest';
import { memorySource } from '../../../src/core/workbook/memory-source.js';
import { parseChoice, parseDate, parsePercent, parseYesNo } from '../../../src/core/workbook/parse-setting-values.js';
import type { CellValue } from '../../../src/core/workbook/port.js';
import { DEFAULT_SETTINGS, readSettings, SETTINGS } from '../../../src/core/workbook/settings.js';

describe('setting values', () => {
  it.each<[CellValue, number]>([
    ['15%', 0.15],
    [' 15 % ', 0.15],
    ['0.15', 0.15],
    ['15', 0.15],
    [0.15, 0.15],
    [15, 0.15],
    ['12.5%', 0.125],
    ['0%', 0],
    [1, 0.01],
  ])('percent %j → %f', (input, expected) => {
    expect(parsePercent(input, 0, 1)).toEqual({ ok: true, value: expected });
  });

  it('rejects percentages out of range or not percentages', () => {
    expect(parsePercent('100%', 0, 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/^"100%" is outside the allowed range/) });
    expect(parsePercent(-0.1, 0, 1)).toMatchObject({ ok: false });
    expect(parsePercent('40%', 0.5, 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/from 50% up to \(not including\) 100%/) });
    expect(parsePercent('high', 0, 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/is not a percentage/) });
    expect(parsePercent(true, 0, 1)).toMatchObject({ ok: false });
  });

  it('reads yes/no, dates and choices', () => {
    expect(parseYesNo('Yes')).toEqual({ ok: true, value: true });
    expect(parseYesNo('n')).toEqual({ ok: true, value: false });
    expect(parseYesNo(false)).toEqual({ ok: true, value: false });
    expect(parseYesNo(1)).toEqual({ ok: true, value: true });
    expect(parseYesNo('maybe')).toMatchObject({ ok: false, reason: '"maybe" is not Yes or No. Write Yes or No.' });
    expect(parseDate('2025-07-01')).toEqual({ ok: true, value: '2025-07-01' });
    expect(parseDate('7/1/2025')).toEqual({ ok: true, value: '2025-07-01' });
    expect(parseDate(45839)).toEqual({ ok: true, value: '2025-07-01' });
    expect(parseDate(new Date(Date.UTC(2025, 6, 1)))).toEqual({ ok: true, value: '2025-07-01' });
    expect(parseDate('2025-02-30')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a real calendar date/) });
    expect(parseChoice('universe', ['Report', 'Universe'])).toEqual({ ok: true, value: 'Universe' });
    expect(parseChoice('Both', ['Report', 'Universe'])).toMatchObject({ ok: false, reason: '"Both" is not one of the choices. Write Report or Universe.' });
  });
});

describe('readSettings', () => {
  it('gives the defaults when there is no Settings sheet', async () => {
    const read = await readSettings(memorySource('b', { Data: [['x']] }), { today: '2025-08-01' });
    expect(read.issues).toEqual([]);
    expect(read.sheet).toBeUndefined();
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, reportDate: '2025-08-01' });
    expect(DEFAULT_SETTINGS).toEqual({ quarterlyThreshold: 0.15, overallThreshold: 0.05, confidence: 0.95, undeterminedAsError: true, percentBase: 'Report', includePriorPeriod: false, intervalQuantile: 'Normal', negativeSampleStratified: false, formVersion: '01/07' });
  });

  it('reads every setting, in any spelling, with cells named', async () => {
    const source = memorySource('b', {
      settings: [
        ['PERM settings'],
        [],
        [null, 'SETTING', 'Value'],
        [null, 'State', ' Ohio '],
        [null, 'review year', 'RY2025'],
        [null, 'Report Date', new Date(Date.UTC(2025, 6, 1))],
        [null, 'Quarterly  Threshold', '10%'],
        [null, 'Overall Threshold', 0.04],
        [null, 'Confidence Level', 90],
        [null, 'Undetermined As Error', 'No'],
        [null, 'Percent Base', 'universe'],
        [null, 'Include Prior Period', 'yes'],
        [null, 'Quantile', 'T'],
        [null, 'negative sample stratified', 'Y'],
        // Excel turns a typed 01/07 into the date 7 January.
        [null, 'Form Version', new Date(Date.UTC(2026, 0, 7))],
      ],
    });
    const read = await readSettings(source, { today: '2030-01-01' });
    expect(read.issues).toEqual([]);
    expect(read.sheet).toBe('settings');
    const { reviewYear, ...rest } = read.settings;
    expect(rest).toEqual({
      state: 'Ohio',
      reportDate: '2025-07-01',
      quarterlyThreshold: 0.1,
      overallThreshold: 0.04,
      confidence: 0.9,
      undeterminedAsError: false,
      percentBase: 'Universe',
      includePriorPeriod: true,
      intervalQuantile: 't',
      negativeSampleStratified: true,
      formVersion: '01/07',
    });
    expect(reviewYear?.quarters).toEqual(['2023Q3', '2023Q4', '2024Q1', '2024Q2']);
    expect(read.cells.quarterlyThreshold).toBe('C7');
    expect(read.cells.reviewYear).toBe('C5');
  });

  it('reports bad values with sheet, cell and fix, and keeps the defaults for them', async () => {
    const source = memorySource('b', {
      Settings: [
        ['Setting', 'Value'],
        ['Quarterly Threshold', 'fifteen'],
        ['Confidence', '120%'],
        ['Review Year', 2025],
        ['Overall Threshold', '3%'],
        ['Favourite Colour', 'blue'],
        ['Overall Threshold', '9%'],
        ['Percent Base', null],
      ],
    });
    const read = await readSettings(source);
    expect(read.settings.quarterlyThreshold).toBe(0.15);
    expect(read.settings.confidence).toBe(0.95);
    expect(read.settings.overallThreshold).toBe(0.03);
    expect(read.settings.reviewYear).toBeUndefined();
    expect(read.settings.percentBase).toBe('Report');
    expect(read.settings.reportDate).toBeUndefined();
    const byCode = Object.fromEntries(read.issues.map((i) => [i.code, i]));
    expect(byCode['settings.quarterly-threshold-value']).toEqual({
      severity: 'error',
      code: 'settings.quarterly-threshold-value',
      sheet: 'Settings',
      cell: 'B2',
      message:
        "'Settings'!B2: Quarterly Threshold: \"fifteen\" is not a percentage. Type a percentage such as 15%, 0.15 or 15, from 0% up to (not including) 100%. The default, 15%, is used until you fix it.",
    });
    expect(byCode['settings.confidence-value']?.cell).toBe('B3');
    expect(byCode['settings.confidence-value']?.message).toMatch(/The default, 95%, is used/);
    expect(byCode['settings.review-year-value']?.message).toMatch(/^'Settings'!B4: Review Year: 2025 does not say which kind of year\..*It is left unset\.$/);
    expect(byCode['settings.unknown']).toMatchObject({ severity: 'warning', cell: 'A6' });
    expect(byCode['settings.duplicate']).toMatchObject({ severity: 'warning', cell: 'A7' });
    expect(byCode['settings.duplicate']?.message).toMatch(/the first one, in B5, is used/);
    expect(read.issues).toHaveLength(5);
  });

  it('reads a Settings sheet without a header row', async () => {
    const source = memorySource('b', { Settings: [['Overall Threshold', '2%'], ['State', 'Texas']] });
    const read = await readSettings(source);
    expect(read.settings.overallThreshold).toBe(0.02);
    expect(read.settings.state).toBe('Texas');
    expect(read.cells.state).toBe('B2');
  });
});

describe('Settings the user pointed at', () => {
  it('are read from that sheet instead of the one named Settings', async () => {
    const { withTableHints } = await import('../../../src/core/workbook/find-table');
    const book = memorySource('b', {
      Settings: [['Setting', 'Value'], ['Quarterly Threshold', '15%']],
      Choices: [['notes'], ['Setting', 'Value'], ['Quarterly Threshold', '20%']],
    });
    expect((await readSettings(book)).settings.quarterlyThreshold).toBe(0.15);
    const pointed = await readSettings(withTableHints(book, { Settings: { sheet: 'Choices', headerRow: 2 } }));
    expect(pointed.settings.quarterlyThreshold).toBe(0.2);
    expect(pointed.sheet).toBe('Choices');
    expect(pointed.cells.quarterlyThreshold).toBe('B3');
  });
});

describe('Form Version', () => {
  it.each([
    ['01/07', '01/07'], ['1/07', '01/07'], ['01/2007', '01/07'], ['FORM CMS-10184E (01/07)', '01/07'], [2007, '01/07'], [46029, '01/07'],
    ['2013', '2013'], [2013, '2013'],
  ] as const)('reads %s as %s', (value, expected) => {
    expect(parseFormVersion(value)).toEqual({ ok: true, value: expected });
  });
  it.each(['2010', 'new', 46030])('refuses %s, saying the two editions', (value) => {
    const p = parseFormVersion(value);
    expect(p.ok).toBe(false);
    expect(p.ok ? '' : p.reason).toContain('Write 01/07 (the form with lines A-J, the default) or 2013');
  });
});

describe('SETTINGS, the one schema', () => {
  // The Settings table of the layout spec (workbook-layout.md), label and the value its defaults are written as.
  const LAYOUT_SPEC: readonly [string, string | null][] = [
    ['State', null], ['Review Year', null], ['Report Date', null],
    ['Quarterly Threshold', '15%'], ['Overall Threshold', '5%'], ['Confidence', '95%'], ['Undetermined As Error', 'Yes'],
    ['Percent Base', 'Report'], ['Include Prior Period', 'No'], ['Interval Quantile', 'Normal'], ['Negative Sample Stratified', 'No'], ['Form Version', '01/07'],
  ];

  it('lists the layout spec settings in its order, with its defaults as a user writes them', () => {
    expect(Object.values(SETTINGS).map((s) => [s.label, s.default?.text ?? null])).toEqual(LAYOUT_SPEC);
  });

  it('reads each default as written back to the default value', async () => {
    const rows = LAYOUT_SPEC.filter(([, text]) => text !== null).map(([label, text]) => [label, text] as CellValue[]);
    const read = await readSettings(memorySource('b', { Settings: [['Setting', 'Value'], ...rows] }), { today: '2025-08-01' });
    expect(read.issues).toEqual([]);
    expect(read.settings).toEqual({ ...DEFAULT_SETTINGS, reportDate: '2025-08-01' });
  });

  it('gives every label and alias to one setting only', () => {
    const labels = Object.values(SETTINGS).flatMap((s) => [s.label, ...s.aliases].map((l) => l.toLowerCase().replace(/\s+/g, '')));
    expect(new Set(labels).size).toBe(labels.length);
  });
});
