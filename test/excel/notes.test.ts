// What a state types on the Reconciliation sheet inside Excel survives three re-runs from the task
// pane's flow (runAndWrite over the office-js host), typed into the fake Excel as Excel enters
// typed text: `=1+1` becomes a formula, `1234.5` a number, `11/20/2026` a date serial.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_COLUMN } from '../../src/core/workbook/address.js';
import { createExcelHost } from '../../src/taskpane/excel-host.js';
import { runAndWrite } from '../../src/taskpane/run/run-workbook.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { copyIntoFake } from './copy-into-fake.js';
import { FakeDocumentSettings } from './fake-document-settings.js';
import type { FakeExcel, FakeSheet } from './fake-excel.js';

const SAMPLE = fileURLToPath(new URL('../../assets/samples/sample-state.xlsx', import.meta.url));

let fake: FakeExcel;
beforeAll(async () => {
  fake = await copyIntoFake(await openXlsx(SAMPLE));
  // Excel calculates the user's formula; the tool's own are left uncalculated, as the fake does.
  fake.calculate = (_sheet, formula) => (formula === '=1+1' ? 2 : '');
});

/** 0-based row whose A and B cells read `a` and `b`. */
function rowOf(sheet: FakeSheet, a: string, b: string, after = -1): number {
  const i = sheet.rows.findIndex((line, r) => r > after && line?.[0] === a && line[1] === b);
  if (i < 0) throw new Error(`no row ${a} / ${b}`);
  return i;
}

const N = 13;
const O = 14;
const P = 15;
const Q = 16;

async function reconcile(day: string): Promise<readonly string[]> {
  const host = createExcelHost({ run: fake.run, label: 'fake.xlsx', merges: true, settings: () => new FakeDocumentSettings() });
  const outcome = await runAndWrite(host, 'reconcile', { hints: {}, now: new Date(`${day}T12:00:00Z`), version: 'test' });
  expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return outcome.issues.map((i) => i.message);
}

function setReviewYear(year: string): void {
  const settings = fake.sheet('Settings');
  settings.enter(rowOf(settings, 'Review Year', 'RY2025' === year ? 'RY2024' : 'RY2025'), 1, year);
}

function earlier(sheet: FakeSheet): unknown[][] {
  const start = sheet.rows.findIndex((line) => typeof line?.[0] === 'string' && line[0].startsWith('Earlier notes'));
  if (start < 0) return [];
  return sheet.rows.slice(start + 2).filter((l) => l !== undefined && l.some((v) => v !== '')).map((l) => [0, 1, 2, 3, 4, N, O, P, Q].map((c) => l?.[c] ?? ''));
}

describe('notes typed in Excel, over three re-runs through the office-js adapter', () => {
  it('stay on their key as typed, move to Earlier notes with another review year, and come back', async () => {
    await reconcile('2026-11-01');
    const rec = fake.sheet('Reconciliation');
    const overall = rowOf(rec, 'Medicaid', 'Overall');
    rec.enter(overall, N, 'RY2025 overall: capitation timing');
    rec.enter(overall, O, 'Open');
    rec.enter(rowOf(rec, 'Medicaid prior period', '2023Q4'), N, 'Drug rebate adjustment');
    rec.enter(2, N, 'General remark for the call');
    const header = rowOf(rec, 'Program', 'Quarter');
    rec.enter(header, P, 'Owner');
    rec.enter(header, Q, 'Call date');
    const q3 = rowOf(rec, 'Medicaid', '2023Q3');
    rec.enter(q3, P, 'Dana');
    rec.enter(q3, Q, '11/20/2026');
    rec.numberFormats.set(q3 * MAX_COLUMN + Q, 'm/d/yyyy'); // Excel gives a typed date a date format (the fake keys cells row × 16,384 + column)
    expect([rec.value(`Q${q3 + 1}`), rec.numberFormat(`Q${q3 + 1}`)]).toEqual([46_346, 'm/d/yyyy']);
    const q4 = rowOf(rec, 'Medicaid', '2023Q4');
    rec.enter(q4, N, '1234.5');
    rec.enter(q4, O, '=1+1');
    const chip = rowOf(rec, 'CHIP', '2024Q1');
    rec.enter(chip, N, "'=not a formula");
    rec.enter(chip, O, "'+1 call back");

    // Run 2: everything where it was typed, as typed.
    const warnings2 = await reconcile('2026-11-02');
    const r2 = fake.sheet('Reconciliation');
    const o2 = rowOf(r2, 'Medicaid', 'Overall');
    expect([r2.value(`N${o2 + 1}`), r2.value(`O${o2 + 1}`)]).toEqual(['RY2025 overall: capitation timing', 'Open']);
    expect(r2.value(`N${rowOf(r2, 'Medicaid prior period', '2023Q4') + 1}`)).toBe('Drug rebate adjustment');
    const q4r = rowOf(r2, 'Medicaid', '2023Q4') + 1;
    expect(r2.value(`N${q4r}`)).toBe(1234.5);
    // The formula comes back as its text, written as text: no formula in the cell.
    expect([r2.value(`O${q4r}`), r2.formula(`O${q4r}`), r2.hasQuotePrefix(`O${q4r}`)]).toEqual(['=1+1', undefined, true]);
    const chipr = rowOf(r2, 'CHIP', '2024Q1') + 1;
    expect([r2.value(`N${chipr}`), r2.formula(`N${chipr}`), r2.value(`O${chipr}`), r2.formula(`O${chipr}`)]).toEqual(['=not a formula', undefined, '+1 call back', undefined]);
    const q3r = rowOf(r2, 'Medicaid', '2023Q3') + 1;
    expect([r2.value(`P${q3r}`), r2.value(`Q${q3r}`), r2.numberFormat(`Q${q3r}`)]).toEqual(['Dana', 46_346, 'm/d/yyyy']);
    for (const h of [rowOf(r2, 'Program', 'Quarter'), rowOf(r2, 'Program', 'Quarter', o2)]) expect([r2.valueAt(h, P), r2.valueAt(h, Q)]).toEqual(['Owner', 'Call date']);
    expect(earlier(r2)).toEqual([['', '', '', '2026-11-02', 'row 3, outside the tables', 'General remark for the call', '', '', '']]);
    expect(warnings2.join('\n')).toContain('text typed at row 3, outside the tables');

    // Run 3: Settings say RY2024: RY2025's notes leave its rows for the Earlier notes block.
    setReviewYear('RY2024');
    const warnings3 = await reconcile('2026-11-03');
    const r3 = fake.sheet('Reconciliation');
    const o3 = rowOf(r3, 'Medicaid', 'Overall') + 1;
    expect([r3.value(`N${o3}`), r3.value(`O${o3}`)]).toEqual(['', '']);
    const moved = earlier(r3);
    expect(moved).toHaveLength(6);
    expect(moved).toContainEqual(['Medicaid', 'Overall', 'RY2025', '2026-11-03', '', 'RY2025 overall: capitation timing', 'Open', '', '']);
    expect(moved).toContainEqual(['Medicaid', '2023Q4', 'RY2025', '2026-11-03', '', 1234.5, '=1+1', '', '']);
    expect(moved).toContainEqual(['Medicaid', '2023Q3', 'RY2025', '2026-11-03', '', '', '', 'Dana', 46_346]);
    expect(warnings3.join('\n')).toContain('5 notes typed on rows this run does not show were moved to the Earlier notes block');
    const log = fake.sheet('Run Log');
    expect(String(log.rows[log.rows.length - 1]?.[5])).toContain('Medicaid RY2025 Overall (row 10): this run is for RY2024');

    // Run 4: RY2025 again: each note back on its row, as typed.
    setReviewYear('RY2025');
    const warnings4 = await reconcile('2026-11-04');
    const r4 = fake.sheet('Reconciliation');
    expect(r4.value(`N${rowOf(r4, 'Medicaid', 'Overall') + 1}`)).toBe('RY2025 overall: capitation timing');
    const q4again = rowOf(r4, 'Medicaid', '2023Q4') + 1;
    expect([r4.value(`N${q4again}`), r4.value(`O${q4again}`), r4.formula(`O${q4again}`)]).toEqual([1234.5, '=1+1', undefined]);
    const q3again = rowOf(r4, 'Medicaid', '2023Q3') + 1;
    expect([r4.value(`Q${q3again}`), r4.numberFormat(`Q${q3again}`)]).toEqual([46_346, 'm/d/yyyy']);
    expect(earlier(r4)).toEqual([['', '', '', '2026-11-02', 'row 3, outside the tables', 'General remark for the call', '', '', '']]);
    expect(warnings4.join('\n')).toContain('5 notes from the Earlier notes block are back on their rows');
  });
});
