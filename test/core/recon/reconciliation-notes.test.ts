// What the user typed on the Reconciliation sheet survives every run, over two and three re-runs:
// keyed by program, review year, row kind and quarter; moved to the Earlier notes block (and back)
// when its row goes (and returns); the user's own columns; values as typed.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINE_MAP } from '../../../src/core/recon/line-map-defaults.js';
import { reconcileTotals } from '../../../src/core/recon/reconcile.js';
import type { ReconResult } from '../../../src/core/recon/recon-result.js';
import { readReconciliationNotes } from '../../../src/core/recon/reconciliation-notes.js';
import type { ReportLine } from '../../../src/core/recon/report-line.js';
import { memorySource } from '../../../src/core/workbook/memory-source.js';
import type { Program } from '../../../src/core/workbook/program.js';
import { reviewYear, type ReviewYear } from '../../../src/core/workbook/quarter.js';
import type { UniverseTotal } from '../../../src/core/workbook/universe-totals.js';
import { NotesBook, notesRun } from './notes-book.js';

const RY2025 = reviewYear('RY', 2025);
const RY2024 = reviewYear('RY', 2024);
const FFY2024 = reviewYear('FFY', 2024);

function resultFor(year: ReviewYear, programs: readonly Program[] = ['Medicaid', 'CHIP']): ReconResult {
  const universe: UniverseTotal[] = programs.flatMap((program) =>
    year.quarters.flatMap((quarter) => [
      { program, quarter, component: 'FFS' as const, cents: 100_00, rows: 1 },
      { program, quarter, component: 'MC' as const, cents: 50_00, rows: 1 },
    ]),
  );
  const line = (form: ReportLine['form'], quarter: string, description: string, cents: number): ReportLine => ({ form, period: { kind: 'quarter', quarter }, description, totalComputableCents: cents, layout: 'long', sheet: 'R', row: 2, cell: 'D2' });
  const reportLines = [
    ...(programs.includes('Medicaid') ? year.quarters.map((q) => line('CMS-64.9 Base', q, 'Medicaid - MCO', 140_00)) : []),
    ...(programs.includes('Medicaid') ? [line('CMS-64.9P', year.quarters[1] ?? '', 'Prescribed Drugs', 5_00)] : []),
    ...(programs.includes('CHIP') ? year.quarters.map((q) => line('CMS-21', q, 'Dental Services', 150_00)) : []),
  ];
  return reconcileTotals({ universe, reportLines, lineMap: DEFAULT_LINE_MAP, settings: { reviewYear: year, quarterlyThreshold: 0.15, overallThreshold: 0.05, percentBase: 'Report' } });
}

const EXPLANATION = 14; // N
const STATUS = 15; // O

function earlierRows(book: NotesBook): { a: unknown; b: unknown; year: unknown; seen: unknown; where: unknown; explanation: unknown; status: unknown }[] {
  const start = book.rowStarting('Earlier notes');
  return book.rows.slice(start + 1).filter((r) => r.length > 0).map((r) => ({
    a: r[0]?.value ?? null,
    b: r[1]?.value ?? null,
    year: r[2]?.value ?? null,
    seen: r[3]?.value ?? null,
    where: r[4]?.value ?? null,
    explanation: r[EXPLANATION - 1]?.value ?? null,
    status: r[STATUS - 1]?.value ?? null,
  }));
}

describe('notes keyed by program, review year, row kind and quarter', () => {
  it("keeps an Overall note with its review year: RY2025's note never shows against RY2024, and comes back with RY2025", async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    const overall = first.book.rowOf('Medicaid', 'Overall');
    first.book.type(overall, EXPLANATION, 'Capitation timing, RY2025');
    first.book.type(overall, STATUS, 'Open');

    // Run 2: Settings now say RY2024.
    const second = await notesRun(resultFor(RY2024), first.book, '2026-11-02');
    const row = second.book.rowOf('Medicaid', 'Overall');
    expect(second.book.at(row, EXPLANATION)).toBeNull();
    expect(second.book.at(row, STATUS)).toBeNull();
    expect(earlierRows(second.book)).toEqual([{ a: 'Medicaid', b: 'Overall', year: 'RY2025', seen: '2026-11-02', where: null, explanation: 'Capitation timing, RY2025', status: 'Open' }]);
    expect(second.notes.issues.map((i) => i.code)).toEqual(['recon.notes-moved']);
    expect(second.notes.issues[0]?.message).toBe(
      `sheet 'Reconciliation': a note typed on a row this run does not show was moved to the Earlier notes block at the foot of the sheet, with the date last seen, so nothing typed is lost: Medicaid RY2025 Overall (row ${overall}): this run is for RY2024. A note there goes back to its row when a run shows that row again (for example when Settings give its review year); delete it there once it is no longer needed.`,
    );

    // Run 3: still RY2024. The note stays in the Earlier block with the same date; no new warning.
    const third = await notesRun(resultFor(RY2024), second.book, '2026-11-03');
    expect(earlierRows(third.book)).toEqual(earlierRows(second.book));
    expect(third.notes.issues).toEqual([]);

    // Run 4: back to RY2025. The note goes back to the Overall row and the block is gone.
    const fourth = await notesRun(resultFor(RY2025), third.book, '2026-11-04');
    const back = fourth.book.rowOf('Medicaid', 'Overall');
    expect(fourth.book.at(back, EXPLANATION)?.value).toBe('Capitation timing, RY2025');
    expect(fourth.book.at(back, STATUS)?.value).toBe('Open');
    expect(() => fourth.book.rowStarting('Earlier notes')).toThrow();
    expect(fourth.notes.issues.map((i) => i.code)).toEqual(['recon.notes-returned']);
    expect(fourth.notes.issues[0]?.message).toMatch(/a note from the Earlier notes block is back on its row: Medicaid RY2025 Overall \(row \d+\)/);
  });

  it('keeps notes typed on prior-period rows, the quarters and the total, over three runs', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    const q = RY2025.quarters[1] ?? '';
    first.book.type(first.book.rowOf('Medicaid prior period', q), EXPLANATION, 'Drug rebate adjustment');
    first.book.type(first.book.rowOf('Medicaid prior period', 'Total'), STATUS, 'Resolved');
    let book = first.book;
    for (const day of ['2026-11-02', '2026-11-03']) {
      const run = await notesRun(resultFor(RY2025), book, day);
      expect(run.book.at(run.book.rowOf('Medicaid prior period', q), EXPLANATION)?.value).toBe('Drug rebate adjustment');
      expect(run.book.at(run.book.rowOf('Medicaid prior period', 'Total'), STATUS)?.value).toBe('Resolved');
      expect(run.sheet.rows[run.book.rowOf('Medicaid prior period', q) - 1]?.[EXPLANATION - 1]).toMatchObject({ unlocked: true });
      expect(run.notes.issues).toEqual([]);
      book = run.book;
    }
  });

  it('moves the notes of a program no longer reconciled, and of quarters that left the table, and brings them back', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    first.book.type(first.book.rowOf('CHIP', '2023Q3'), EXPLANATION, 'CHIP dental timing');
    first.book.type(first.book.rowOf('Medicaid', '2023Q3'), EXPLANATION, 'MCO kick payment');
    const second = await notesRun(resultFor(FFY2024, ['Medicaid']), first.book, '2026-11-02');
    expect(earlierRows(second.book).map((r) => [r.a, r.b, r.year, r.explanation])).toEqual([
      ['Medicaid', '2023Q3', 'RY2025', 'MCO kick payment'],
      ['CHIP', '2023Q3', 'RY2025', 'CHIP dental timing'],
    ]);
    expect(second.notes.issues[0]?.message).toMatch(/Medicaid RY2025 2023Q3 \(row \d+\): this run is for FFY2024; CHIP RY2025 2023Q3 \(row \d+\): this run is for FFY2024/);
    const third = await notesRun(resultFor(RY2025), second.book, '2026-11-03');
    expect(third.book.at(third.book.rowOf('CHIP', '2023Q3'), EXPLANATION)?.value).toBe('CHIP dental timing');
    expect(third.book.at(third.book.rowOf('Medicaid', '2023Q3'), EXPLANATION)?.value).toBe('MCO kick payment');
  });

  it('says why when the program is gone in the same review year', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    first.book.type(first.book.rowOf('CHIP', 'Overall'), STATUS, 'Open');
    const second = await notesRun(resultFor(RY2025, ['Medicaid']), first.book, '2026-11-02');
    expect(second.notes.issues[0]?.message).toMatch(/CHIP RY2025 Overall \(row \d+\): no CHIP table this run/);
  });

  it('finds each note by its key after the user sorts the rows', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    const a = first.book.rowOf('Medicaid', '2023Q4');
    first.book.type(a, EXPLANATION, 'moved row');
    first.book.moveRow(a, first.book.rowOf('Medicaid', 'Overall'));
    const second = await notesRun(resultFor(RY2025), first.book, '2026-11-02');
    expect(second.book.at(second.book.rowOf('Medicaid', '2023Q4'), EXPLANATION)?.value).toBe('moved row');
  });
});

describe('text typed outside the tables', () => {
  it('is kept in the Earlier notes block with where it was typed, over three runs', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    const heading = first.book.rowStarting('CHIP: universe against');
    first.book.type(heading, EXPLANATION, 'Ask CMS about the CHIP report');
    first.book.type(3, STATUS, 'general remark'); // the blank row under the title
    const second = await notesRun(resultFor(RY2025), first.book, '2026-11-02');
    expect(earlierRows(second.book)).toEqual([
      { a: null, b: null, year: null, seen: '2026-11-02', where: 'row 3, outside the tables', explanation: null, status: 'general remark' },
      { a: null, b: null, year: null, seen: '2026-11-02', where: `row ${heading}, beside “CHIP: universe against CMS-21 + CMS-64.21U”`, explanation: 'Ask CMS about the CHIP report', status: null },
    ]);
    expect(second.notes.issues[0]?.message).toContain('2 notes typed on rows this run does not show were moved');
    expect(second.notes.issues[0]?.message).toContain('were moved to the Earlier notes block at the foot of the sheet, with the date last seen, so nothing typed is lost: text typed at row 3, outside the tables; text typed at row');
    const third = await notesRun(resultFor(RY2025), second.book, '2026-11-03');
    expect(earlierRows(third.book)).toEqual(earlierRows(second.book));
    expect(third.notes.issues).toEqual([]);
  });
});

describe('columns the user added', () => {
  it('keep their header and values, matched to rows by key, on every table and in the Earlier notes block', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    const header = first.book.rowOf('Program', 'Quarter');
    first.book.type(header, 16, 'Owner');
    first.book.type(header, 17, 'Call date');
    const q3 = first.book.rowOf('Medicaid', '2023Q3');
    first.book.type(q3, 16, 'Dana');
    first.book.type(q3, 17, new Date(Date.UTC(2026, 10, 20)), { numberFormat: 'm/d/yyyy' });
    first.book.type(first.book.rowOf('CHIP', 'Overall'), 16, 'Lee'); // under the CHIP table, whose header row has no Owner yet
    const second = await notesRun(resultFor(RY2025), first.book, '2026-11-02');
    expect(second.notes.columns).toEqual([{ id: 'owner', header: 'Owner' }, { id: 'call date', header: 'Call date' }]);
    for (const h of [second.book.rowOf('Program', 'Quarter'), second.book.rowOf('Program', 'Quarter', second.book.rowOf('CHIP', '2023Q3') - 3)]) {
      expect([second.book.at(h, 16)?.value, second.book.at(h, 17)?.value]).toEqual(['Owner', 'Call date']);
    }
    const row = second.book.rowOf('Medicaid', '2023Q3');
    expect(second.book.at(row, 16)?.value).toBe('Dana');
    // The date comes back as a date: its serial (46346 = 2026-11-20) with its own format.
    expect(second.book.at(row, 17)).toEqual({ value: 46_346, typed: { numberFormat: 'm/d/yyyy' } });
    expect(second.book.at(second.book.rowOf('CHIP', 'Overall'), 16)?.value).toBe('Lee');
    // The chart moves right of the user's columns.
    expect(second.sheet.charts?.[0]?.from).toBe('S3');

    // Run 3 is for RY2024: the row and its Owner and Call date go to the Earlier notes block.
    const third = await notesRun(resultFor(RY2024), second.book, '2026-11-03');
    const start = third.book.rowStarting('Earlier notes');
    expect(third.book.rows[start]?.slice(13, 17).map((c) => c?.value)).toEqual(['Explanation', 'Status', 'Owner', 'Call date']);
    const moved = third.book.rows.slice(start + 1).find((r) => r[0]?.value === 'Medicaid');
    expect([moved?.[15]?.value, moved?.[16]?.value]).toEqual(['Dana', 46_346]);
    // Run 4, RY2025 again: back on the row.
    const fourth = await notesRun(resultFor(RY2025), third.book, '2026-11-04');
    expect(fourth.book.at(fourth.book.rowOf('Medicaid', '2023Q3'), 16)?.value).toBe('Dana');
    expect(fourth.book.at(fourth.book.rowOf('CHIP', 'Overall'), 16)?.value).toBe('Lee');
  });

  it('keeps a column typed without a header, and two columns with the same header apart', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    const header = first.book.rowOf('Program', 'Quarter');
    first.book.type(header, 16, 'Note');
    first.book.type(header, 17, 'Note');
    const q = first.book.rowOf('Medicaid', '2024Q1');
    first.book.type(q, 16, 'one');
    first.book.type(q, 17, 'two');
    first.book.type(q, 18, 'no header');
    const second = await notesRun(resultFor(RY2025), first.book, '2026-11-02');
    const third = await notesRun(resultFor(RY2025), second.book, '2026-11-03');
    const row = third.book.rowOf('Medicaid', '2024Q1');
    expect([16, 17, 18].map((c) => third.book.at(row, c)?.value)).toEqual(['one', 'two', 'no header']);
    expect([16, 17, 18].map((c) => third.book.at(third.book.rowOf('Program', 'Quarter'), c)?.value ?? null)).toEqual(['Note', 'Note', null]);
  });

  it('keeps a column the user inserted between the tool\'s columns, written after Status', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    // The user inserts a column before Explanation: Explanation and Status shift to O and P.
    for (const row of first.book.rows) if (row.length > 13) row.splice(13, 0, null);
    first.book.type(first.book.rowOf('Program', 'Quarter'), 14, 'Owner');
    const q = first.book.rowOf('CHIP', '2023Q4');
    first.book.type(q, 14, 'Kim');
    first.book.type(q, 15, 'shifted explanation');
    const second = await notesRun(resultFor(RY2025), first.book, '2026-11-02');
    const row = second.book.rowOf('CHIP', '2023Q4');
    expect([EXPLANATION, STATUS, 16].map((c) => second.book.at(row, c)?.value ?? null)).toEqual(['shifted explanation', null, 'Kim']);
    expect(second.book.at(second.book.rowOf('Program', 'Quarter'), 16)?.value).toBe('Owner');
  });
});

describe('two notes for one row', () => {
  it('puts the first on the row and keeps the second in Earlier notes, saying so', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    const a = first.book.rowOf('Medicaid', '2024Q2');
    first.book.type(a, EXPLANATION, 'first');
    // The user copies the row below the table and edits it.
    first.book.rows.push([...(first.book.rows[a - 1] ?? [])]);
    first.book.type(first.book.rows.length, EXPLANATION, 'second');
    const second = await notesRun(resultFor(RY2025), first.book, '2026-11-02');
    expect(second.book.at(second.book.rowOf('Medicaid', '2024Q2'), EXPLANATION)?.value).toBe('first');
    expect(earlierRows(second.book).map((r) => [r.a, r.b, r.explanation])).toEqual([['Medicaid', '2024Q2', 'second']]);
    expect(second.notes.issues[0]?.message).toContain(`Medicaid RY2025 2024Q2 (row ${first.book.rows.length}): a second note for that row; the one from row ${a} stays on it`);
  });
});

describe('what was typed comes back as typed', () => {
  it('text as text, numbers as numbers with their format, formulas as their text, over three runs', async () => {
    const first = await notesRun(resultFor(RY2025), undefined, '2026-11-01');
    const [a, b, c] = ['2023Q3', '2023Q4', '2024Q1'].map((q) => first.book.rowOf('Medicaid', q)) as [number, number, number];
    first.book.type(a, EXPLANATION, 1234.5, { numberFormat: '#,##0.00' });
    first.book.type(a, STATUS, 150, { formula: '=C6+D6*2' }); // a formula cell: read as its result, 150
    first.book.type(b, EXPLANATION, '=not a formula, typed as text');
    first.book.type(b, STATUS, '+1 call back');
    first.book.type(c, EXPLANATION, 0.125, { numberFormat: '0.0%' });
    first.book.type(c, STATUS, true);
    let book = first.book;
    for (const day of ['2026-11-02', '2026-11-03']) {
      const run = await notesRun(resultFor(RY2025), book, day);
      const cells = (q: string) => run.sheet.rows[run.book.rowOf('Medicaid', q) - 1]?.slice(EXPLANATION - 1, STATUS);
      expect(cells('2023Q3')).toEqual([{ number: 1234.5, numberFormat: '#,##0.00', unlocked: true, wrap: true }, { text: '=C6+D6*2', unlocked: true }]);
      expect(cells('2023Q4')).toEqual([{ text: '=not a formula, typed as text', unlocked: true, wrap: true }, { text: '+1 call back', unlocked: true }]);
      expect(cells('2024Q1')).toEqual([{ number: 0.125, numberFormat: '0.0%', unlocked: true, wrap: true }, { text: 'TRUE', unlocked: true }]);
      book = run.book;
    }
  });
});

describe('sheets written by the previous version', () => {
  it('are read: table rows by program and quarter with the title review year, the old bottom block without one', async () => {
    // The previous version's layout: no notes on prior-period rows, and its bottom block of
    // Program, Quarter, Explanation and Status for quarters it did not show.
    const old = [
      ['64/21 reconciliation, RY2025 (2023Q3 to 2024Q2): PERM universe against the CMS-64 (Medicaid) and the CMS-21 + CMS-64.21U (CHIP), total computable'],
      [],
      ['Medicaid: universe against CMS-64'],
      ['Program', 'Quarter', 'Universe FFS', 'Universe MC', 'Universe total', 'Report FFS', 'Report MC', 'Report total', 'Excluded', 'Difference', '% difference', 'Threshold', 'Flag', 'Explanation', 'Status'],
      ['Medicaid', '2023Q3', 1, 2, 3, 4, 5, 6, 0, -3, -0.5, 0.15, 'Yes', 'Old explanation', 'Open'],
      ['Medicaid', 'Overall', 1, 2, 3, 4, 5, 6, 0, -3, -0.5, 0.05, 'Yes', '', 'Resolved'],
      [],
      ['Notes typed for quarters this run does not show (kept so nothing typed is lost; delete them when done)'],
      ['Program', 'Quarter', null, null, null, null, null, null, null, null, null, null, null, 'Explanation', 'Status'],
      ['Medicaid', '2024Q2', null, null, null, null, null, null, null, null, null, null, null, 'from an older run', ''],
      ['CHIP', 'Overall', null, null, null, null, null, null, null, null, null, null, null, 'which year?', ''],
    ];
    const read = await readReconciliationNotes(memorySource('old.xlsx', { Reconciliation: old }));
    expect(read.notes.map((n) => [n.key, n.earlier, n.explanation, n.status])).toEqual([
      [{ program: 'Medicaid', reviewYear: 'RY2025', kind: 'quarter', quarter: '2023Q3' }, false, { text: 'Old explanation' }, { text: 'Open' }],
      [{ program: 'Medicaid', reviewYear: 'RY2025', kind: 'overall', quarter: '' }, false, undefined, { text: 'Resolved' }],
      [{ program: 'Medicaid', reviewYear: '', kind: 'quarter', quarter: '2024Q2' }, true, { text: 'from an older run' }, undefined],
      [{ program: 'CHIP', reviewYear: '', kind: 'overall', quarter: '' }, true, { text: 'which year?' }, undefined],
    ]);
    expect(read.columns).toEqual([]);
    // A run over it: the table notes stay, the old quarter note returns to its calendar quarter, the overall note without a year waits in Earlier notes.
    const run = await notesRun(resultFor(RY2025), new NotesBookFrom(old), '2026-11-02');
    expect(run.book.at(run.book.rowOf('Medicaid', '2023Q3'), EXPLANATION)?.value).toBe('Old explanation');
    expect(run.book.at(run.book.rowOf('Medicaid', '2024Q2'), EXPLANATION)?.value).toBe('from an older run');
    expect(earlierRows(run.book)).toEqual([{ a: 'CHIP', b: 'Overall', year: null, seen: '2026-11-02', where: null, explanation: 'which year?', status: null }]);
  });

  it('takes the review year from the quarters shown when the title is gone', async () => {
    const first = await notesRun(resultFor(FFY2024), undefined, '2026-11-01');
    first.book.type(first.book.rowOf('Medicaid', 'Overall'), EXPLANATION, 'FFY note');
    first.book.rows[0] = [];
    const read = await readReconciliationNotes(first.book.source());
    expect(read.notes[0]?.key).toEqual({ program: 'Medicaid', reviewYear: 'FFY2024', kind: 'overall', quarter: '' });
  });
});

/** A NotesBook over plain rows of values (a sheet the test writes out by hand). */
class NotesBookFrom extends NotesBook {
  constructor(rows: readonly (readonly unknown[])[]) {
    super({ name: 'Reconciliation', rows: [] });
    for (const r of rows) this.rows.push(r.map((v) => (v === null || v === '' ? null : { value: v as string | number, typed: null })));
  }
}
