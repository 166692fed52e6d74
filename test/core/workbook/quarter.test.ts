import { describe, expect, it } from 'vitest';
import { dateToExcelSerial, excelSerialToDate } from '../../../src/core/workbook/excel-date.js';
import type { CellValue } from '../../../src/core/workbook/port.js';
import {
  addQuarters,
  federalToCalendar,
  fiscalYearFromTitle,
  monthsOfQuarter,
  parseMonth,
  parseQuarter,
  parseReviewYear,
  quarterFromTitle,
  quarterOfMonth,
} from '../../../src/core/workbook/quarter.js';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function failReason(p: { ok: true } | { ok: false; reason: string }): string {
  if (p.ok) throw new Error('expected a failure');
  return p.reason;
}

describe('parseQuarter', () => {
  it.each<[CellValue, string]>([
    ['2023Q3', '2023Q3'],
    ['2023q3', '2023Q3'],
    ['2023 Q3', '2023Q3'],
    ['2023-Q3', '2023Q3'],
    ['2023\u2013Q3', '2023Q3'],
    ['2023/Q3', '2023Q3'],
    ['Q3 2023', '2023Q3'],
    ['Q3-2023', '2023Q3'],
    ['q3, 2023', '2023Q3'],
    ['CY2023 Q3', '2023Q3'],
    ['CY 2023 Q3', '2023Q3'],
    ['Q3 CY2023', '2023Q3'],
    ['2023 Quarter 3', '2023Q3'],
    ['3rd Quarter 2023', '2023Q3'],
    ['Jul-Sep 2023', '2023Q3'],
    ['Jul \u2013 Sep 2023', '2023Q3'],
    ['July-September 2023', '2023Q3'],
    ['Jan-Mar 2024', '2024Q1'],
    ['Oct-Dec, 2023', '2023Q4'],
    ['Apr 2024 - Jun 2024', '2024Q2'],
    ['Jul to Sep 2023', '2023Q3'],
    ['FFY2024 Q1', '2023Q4'],
    ['FY2024 Q1', '2023Q4'],
    ['FFY 2024 Q2', '2024Q1'],
    ['FY2024-Q3', '2024Q2'],
    ['FFY2024 Q4', '2024Q3'],
    ['Q1 FFY2024', '2023Q4'],
    ['FY24 Q1', '2023Q4'],
    ['FFY 2024 1st Quarter', '2023Q4'],
    [utc(2023, 7, 1), '2023Q3'],
    [utc(2023, 9, 30), '2023Q3'],
    [utc(2023, 10, 1), '2023Q4'],
    [utc(2024, 3, 31), '2024Q1'],
    [45108, '2023Q3'], // 2023-07-01
    [45199, '2023Q3'], // 2023-09-30
    [45200, '2023Q4'], // 2023-10-01
    ['2023-08-15', '2023Q3'],
    ['8/15/2023', '2023Q3'],
  ])('%j → %s', (input, expected) => {
    expect(parseQuarter(input)).toEqual({ ok: true, value: expected });
  });

  it('fails a quarter with no year, naming the fix', () => {
    expect(failReason(parseQuarter('Q3'))).toBe(
      '"Q3" has no year. Write it as 2023Q3, Q3 2023, Jul-Sep 2023 or FFY2024 Q1, or enter a date inside the quarter.',
    );
    expect(failReason(parseQuarter('FFY Q1'))).toMatch(/has no year/);
    expect(failReason(parseQuarter('3rd quarter'))).toMatch(/has no year/);
  });

  it('fails labels that fit no form, with distinct reasons', () => {
    expect(failReason(parseQuarter('2023Q5'))).toMatch(/^"2023Q5" is not a quarter/);
    expect(failReason(parseQuarter('Q5 2023'))).toMatch(/other than 1 to 4/);
    expect(failReason(parseQuarter('Aug-Oct 2023'))).toMatch(/not a calendar quarter: a quarter runs Jan-Mar/);
    expect(failReason(parseQuarter('Summer 2023'))).toMatch(/is not a quarter/);
    expect(failReason(parseQuarter(null))).toMatch(/^The quarter is blank/);
    expect(failReason(parseQuarter(2023))).toMatch(/^2023 is a number, not a quarter/);
    expect(failReason(parseQuarter(true))).toMatch(/TRUE\/FALSE/);
    expect(failReason(parseQuarter({ kind: 'error', code: '#N/A' }))).toMatch(/#N\/A/);
    expect(failReason(parseQuarter('2023-02-30'))).toMatch(/is not a quarter/);
  });
});

describe('quarter arithmetic', () => {
  it('maps federal fiscal quarters to calendar quarters', () => {
    expect(federalToCalendar(2024, 1)).toBe('2023Q4');
    expect(federalToCalendar(2024, 4)).toBe('2024Q3');
    expect(addQuarters('2023Q4', 1)).toBe('2024Q1');
    expect(addQuarters('2024Q1', -1)).toBe('2023Q4');
    expect(addQuarters('2023Q3', 7)).toBe('2025Q2');
    expect(monthsOfQuarter('2023Q4')).toEqual(['2023-10', '2023-11', '2023-12']);
    expect(quarterOfMonth('2024-06')).toBe('2024Q2');
  });

  it('converts Excel date serials', () => {
    expect(excelSerialToDate(45108).toISOString()).toBe('2023-07-01T00:00:00.000Z');
    expect(dateToExcelSerial(utc(2023, 7, 1))).toBe(45108);
    expect(excelSerialToDate(45108.5).toISOString()).toBe('2023-07-01T12:00:00.000Z');
  });
});

describe('quarterFromTitle', () => {
  it.each([
    ['CMS-64.9 Base FY2024 Q1', '2023Q4'],
    ['CMS-64.9 Base FFY 2024 Q3', '2024Q2'],
    ['64.21U Q1 FFY2024', '2023Q4'],
    ['CMS-21 2023Q3', '2023Q3'],
    ['CMS-21 Base Jul\u2013Sep 2023', '2023Q3'],
    ['MCHIP Q3 2023 (revised)', '2023Q3'],
    ['CMS-64 FY2024 Q1 (FY2024 Q1 resubmission)', '2023Q4'],
  ])('%j → %s', (title, expected) => {
    expect(quarterFromTitle(title)).toEqual({ ok: true, value: expected });
  });

  it('fails when a title names no quarter or two', () => {
    expect(failReason(quarterFromTitle('CMS-64.9 Base'))).toMatch(/names no quarter/);
    expect(failReason(quarterFromTitle('FY 2023'))).toMatch(/names no quarter/);
    expect(failReason(quarterFromTitle('CMS-64 2023Q3 vs 2023Q4'))).toMatch(/more than one quarter \(2023Q3, 2023Q4\)/);
  });

  it('reads the fiscal year of an annual FMR title', () => {
    expect(fiscalYearFromTitle('FY 2023')).toBe(2023);
    expect(fiscalYearFromTitle('FFY2019 Net Expenditures')).toBe(2019);
    expect(fiscalYearFromTitle('FY2024 Q1')).toBeUndefined();
    expect(fiscalYearFromTitle('Medicaid Financial Management Report')).toBeUndefined();
  });
});

describe('parseReviewYear', () => {
  it('RY2025 runs 2023Q3 to 2024Q2', () => {
    const p = parseReviewYear('RY2025');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.label).toBe('RY2025');
    expect(p.value.kind).toBe('RY');
    expect(p.value.quarters).toEqual(['2023Q3', '2023Q4', '2024Q1', '2024Q2']);
    expect(p.value.months).toHaveLength(12);
    expect(p.value.months[0]).toBe('2023-07');
    expect(p.value.months[11]).toBe('2024-06');
  });

  it('FFY2024 runs 2023Q4 to 2024Q3', () => {
    const p = parseReviewYear('FFY2024');
    if (!p.ok) throw new Error(p.reason);
    expect(p.value).toMatchObject({ label: 'FFY2024', kind: 'FFY', quarters: ['2023Q4', '2024Q1', '2024Q2', '2024Q3'] });
    expect(p.value.months[0]).toBe('2023-10');
    expect(p.value.months[11]).toBe('2024-09');
  });

  it.each([
    ['RY 2025', 'RY2025'],
    ['ry2025', 'RY2025'],
    ['Review Year 2025', 'RY2025'],
    ['RY-2025', 'RY2025'],
    ['FY 2024', 'FFY2024'],
    ['FFY24', 'FFY2024'],
  ])('%j → %s', (input, label) => {
    const p = parseReviewYear(input);
    expect(p.ok && p.value.label).toBe(label);
  });

  it('fails bare numbers and other text, saying how to write it', () => {
    expect(failReason(parseReviewYear(2025))).toBe(
      '2025 does not say which kind of year. Write RY2025 (July 2023 to June 2024) or FFY2025 (October 2024 to September 2025).',
    );
    expect(failReason(parseReviewYear('2025'))).toMatch(/is not a review year\. Write RY2025/);
    expect(failReason(parseReviewYear(null))).toMatch(/blank/);
  });
});

describe('parseMonth', () => {
  it.each<[CellValue, string]>([
    [utc(2023, 7, 1), '2023-07'],
    [utc(2024, 6, 30), '2024-06'],
    [45108, '2023-07'],
    ['2023-07', '2023-07'],
    ['2023/7', '2023-07'],
    ['Jul 2023', '2023-07'],
    ['July 2023', '2023-07'],
    ['jul-2023', '2023-07'],
    ['Sept. 2023', '2023-09'],
    ['07/2023', '2023-07'],
    ['7/2023', '2023-07'],
    ['2023 Dec', '2023-12'],
    ['2023-07-01', '2023-07'],
    ['7/1/2023', '2023-07'],
  ])('%j → %s', (input, expected) => {
    expect(parseMonth(input)).toEqual({ ok: true, value: expected });
  });

  it('fails months with no year or out of range', () => {
    expect(failReason(parseMonth('July'))).toMatch(/^"July" has no year/);
    expect(failReason(parseMonth('2023-13'))).toMatch(/has no month 13/);
    expect(failReason(parseMonth('13/2023'))).toMatch(/has no month 13/);
    expect(failReason(parseMonth('soon'))).toMatch(/is not a month\. Write it as 2023-07/);
    expect(failReason(parseMonth(7))).toMatch(/is a number, not a month/);
  });
});
