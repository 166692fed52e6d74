// The CMS-10184E sheets as the form reads (seed 003: the form's identification, headers, which
// cells stay blank, the Paperwork Reduction Act statement) for both editions, on the sample book
// (test/fixtures/r/books, the rows of the bundled workbook). Counts and dollars are checked
// against sums made here from the same CSV rows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillForms, type FillRun } from '../../../src/core/forms/fill-forms';
import { NEGATIVE_COLUMNS_NOTE } from '../../../src/core/forms/form-notes';
import { memorySource } from '../../../src/core/workbook/memory-source';
import type { CellValue, OutputCell, OwnedSheet } from '../../../src/core/workbook/port';
import { formatForm } from '../../../src/cli/fill-output';

const books = new URL('../../fixtures/r/books/', import.meta.url);
const csv = (name: string): CellValue[][] => readFileSync(new URL(name, books), 'utf8').trim().split(/\r?\n/).map((l) => l.split(',').map((v) => (v === '' ? null : v)));

async function fill(extra: readonly (readonly [string, string])[] = []): Promise<FillRun> {
  const run = await fillForms(memorySource('sample.xlsx', {
    Settings: [['Setting', 'Value'], ['State', 'Columbia'], ['Review Year', 'RY2025'], ['Report Date', '2025-07-01'], ...extra.map((r) => [...r])],
    Findings: csv('sample-findings.csv'),
    'Universe Counts': csv('sample-universe-counts.csv'),
  }), { today: '2026-11-23' });
  expect(run.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return run;
}

/** The value of a cell as A1 address: text, number or a formula's result. */
function at(sheet: OwnedSheet, address: string): string | number | null {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const cell: OutputCell | undefined = sheet.rows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
  if (cell === null || cell === undefined) return null;
  if ('text' in cell) return cell.text;
  if ('number' in cell) return cell.number;
  if ('formula' in cell) return cell.result ?? null;
  return null;
}
const texts = (sheet: OwnedSheet): string[] => sheet.rows.flat().flatMap((c) => (c !== null && 'text' in c ? [c.text] : []));
const form = (run: FillRun, program = 'Medicaid') => run.sheets.find((s) => s.name === `CMS-10184E ${program}`)!;

describe('CMS-10184E (01/07)', () => {
  it('carries the form’s identification and the Paperwork Reduction Act statement', async () => {
    const sheet = form(await fill());
    expect([at(sheet, 'A1'), at(sheet, 'J1'), at(sheet, 'A2'), at(sheet, 'J2')]).toEqual(['DEPARTMENT OF HEALTH AND HUMAN SERVICES', 'Form Approved', 'CENTERS FOR MEDICARE & MEDICAID SERVICES', 'OMB No. 0938-1012']);
    expect(at(sheet, 'A3')).toBe('Payment Error Rate Measurement (PERM) Eligibility Reviews: Summary Findings and Error Rate Tables');
    expect(at(sheet, 'D9')).toBe('Number of Fraud Cases Excluded from the Universe or Sample');
    const all = texts(sheet);
    expect(all.at(-1)).toBe('FORM CMS-10184E (01/07)');
    expect(all.find((t) => t.startsWith('According to the Paperwork Reduction Act of 1995'))).toContain('The valid OMB control number for this information is 0938-1012.');
    expect(all).toContain(NEGATIVE_COLUMNS_NOTE);
    expect(all.some((t) => t.includes('their paid dollars are in Total Dollars in Error, not in Total Dollars Correct'))).toBe(true);
    expect(all.some((t) => t.startsWith('Line G Dollar Amount is the ratio estimate R × X'))).toBe(true);
    expect(all.some((t) => t.startsWith('Line I: the negative sample is not stratified'))).toBe(true);
    expect([at(sheet, 'A21'), at(sheet, 'A24')]).toEqual(['G. Active Payment Error Rate', 'J. Undetermined Cases']);
  });

  it('says which dollars undetermined cases count in when they do not count as errors', async () => {
    const all = texts(form(await fill([['Undetermined As Error', 'No']])));
    expect(all.some((t) => t.startsWith('Undetermined cases do not count as errors (Settings: Undetermined As Error = No)'))).toBe(true);
  });

  it('the CLI prints the same notes under the form', async () => {
    const run = await fill();
    const text = formatForm(run.forms[0]!);
    expect(text).toContain(`Note: ${NEGATIVE_COLUMNS_NOTE}`);
    expect(text).toContain('G. Active payment error rate');
  });
});

describe('the 2013 Summary Findings form (Form Version = 2013)', () => {
  const findings = csv('sample-findings.csv').slice(1).filter((r) => r[0] === 'Medicaid');
  const cents = (v: CellValue) => Math.round(Number(v ?? 0) * 100);

  it('has lines A-F with Dropped from Sample and Total Dollars Undetermined, and no error rate table', async () => {
    const run = await fill([['Form Version', '2013']]);
    const sheet = form(run);
    expect(at(sheet, 'A3')).toBe('Payment Error Rate Measurement (PERM) Eligibility Reviews: Summary Findings');
    expect(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((c) => at(sheet, `${c}9`))).toEqual([
      'Number of Cases in Universe', 'Number of Cases Sampled', 'Number of Fraud Cases Excluded from the Universe or Sample', 'Number of Cases Dropped from Sample',
      'Number of Cases Correct', 'Number of Cases Incorrect', 'Number of Cases Undetermined', 'Total Dollars Paid', 'Total Dollars Correct', 'Total Dollars in Error', 'Total Dollars Undetermined',
    ]);
    const all = texts(sheet);
    expect(all).not.toContain('Error Rate Table');
    expect(all.some((t) => t.startsWith('G. '))).toBe(false);
    expect(all.at(-1)).toBe('FORM CMS-10184E (2013 Summary Findings edition)');
    expect(all.find((t) => t.startsWith('According to the Paperwork Reduction Act'))).toBeDefined();
    expect(all).toContain(NEGATIVE_COLUMNS_NOTE);
    // Same counting rules: per stratum, dropped = cases marked fraud, undetermined dollars = paid of U cases.
    (['1', '2', '3'] as const).forEach((s, i) => {
      const rows = findings.filter((r) => r[3] === s);
      const row = 11 + i;
      expect(at(sheet, `E${row}`)).toBe(rows.filter((r) => r[7] === 'Y').length);
      expect(at(sheet, `D${row}`)).toBe(rows.filter((r) => r[7] === 'Y').length);
      expect(at(sheet, `L${row}`)).toBe(rows.filter((r) => r[4] === 'U').reduce((t, r) => t + cents(r[5] ?? null), 0) / 100);
      const inError = rows.filter((r) => r[7] !== 'Y').reduce((t, r) => t + (r[4] === 'U' ? cents(r[5] ?? null) : cents(r[6] ?? null)), 0);
      expect(at(sheet, `K${row}`)).toBe(inError / 100);
    });
    // Negative rows: the dollar and undetermined columns stay blank; Dropped counts negative fraud cases (none here).
    for (const row of [15, 16]) {
      for (const col of ['D', 'H', 'I', 'J', 'K', 'L']) expect(at(sheet, `${col}${row}`)).toBeNull();
      expect(at(sheet, `E${row}`)).toBe(0);
    }
    const total = sheet.rows[16]!;
    expect(total.filter((c) => c !== null && 'formula' in c).map((c) => (c as { formula: string }).formula)).toEqual(
      ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'].map((c) => `SUM(${c}10,${c}14)`),
    );
  });

  it('keeps the JSON of fill the same shape and the same numbers as the 01/07 form', async () => {
    const [a, b] = [await fill(), await fill([['Form Version', '2013']])];
    expect(b.json.forms).toEqual(a.json.forms);
    expect(formatForm(b.forms[0]!)).not.toContain('G. Active payment error rate');
    expect(formatForm(b.forms[0]!)).toContain('(2013 Summary Findings form)');
  });

  it('points the precision warnings at Estimator Detail, since the form has no error rate table', async () => {
    const run = await fill([['Form Version', '2013']]);
    const w = run.issues.filter((i) => i.code === 'form.precision-target');
    expect(w.length).toBeGreaterThan(0);
    for (const i of w) expect([i.sheet, i.cell]).toEqual(['Estimator Detail', undefined]);
  });
});

describe('Estimator Detail', () => {
  it('has a Choices block naming every open choice with the setting that changes it', async () => {
    const detail = (await fill()).sheets.find((s) => s.name === 'Estimator Detail')!;
    const all = texts(detail);
    for (const [choice, setting] of [
      ['Undetermined (U) cases', 'Settings: Undetermined As Error'],
      ['Beneficiary fraud cases', 'no setting'],
      ['Case error rates (lines H and I)', 'no setting'],
      ['Line J percentage base', 'no setting'],
      ['Line G Dollar Amount in Error', 'the Dollars column of the universe counts'],
      ['Negative sample design (line I)', 'Settings: Negative Sample Stratified'],
      ['Interval quantile', 'Settings: Interval Quantile'],
    ] as const) {
      const row = detail.rows.find((r) => r[0] !== null && r[0] !== undefined && 'text' in r[0] && r[0].text === choice);
      expect(row, choice).toBeDefined();
      const used = row![3] as { text: string };
      expect(used.text).toContain(`Changed by: ${setting}`);
    }
    expect(all.some((t) => t.startsWith('Ratio estimate R̂ · X: ON THE FORM'))).toBe(true);
    expect(all.some((t) => t.startsWith('Difference estimator R_d = Ŷ_e / X'))).toBe(true);
    expect(all.filter((t) => /^Medicaid, line I, (Denials|Terminations) \(a domain of the monthly cells/.test(t))).toHaveLength(2);
  });
});
