/** Writing the owned sheets through the office-js adapter: the guard, sync counts, text never run as a formula, formats, conditional formats, charts, round trips through the core. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINE_MAP } from '../../src/core/recon/line-map-defaults.js';
import { buildLineMapSheet, readLineMap } from '../../src/core/recon/line-map-sheet.js';
import { reconcileTotals } from '../../src/core/recon/reconcile.js';
import { readReconciliationNotes } from '../../src/core/recon/reconciliation-notes.js';
import { placeNotes } from '../../src/core/recon/note-placement.js';
import type { NoteKey, ReconciliationNote } from '../../src/core/recon/reconciliation-notes.js';
import { buildReconciliationSheet, reconciliationRowKeys } from '../../src/core/recon/reconciliation-sheet.js';
import type { ReportLine } from '../../src/core/recon/report-line.js';
import { blankCell, formulaCell, MONEY_FORMAT, numberCell, textCell } from '../../src/core/workbook/output-cells.js';
import { OWNED_SHEET_NAMES } from '../../src/core/workbook/owned-sheets.js';
import type { OutputCell, OwnedSheet } from '../../src/core/workbook/port.js';
import { reviewYear } from '../../src/core/workbook/quarter.js';
import { columnWidthPoints } from '../../src/excel/output-matrix.js';
import { RefusedWriteError, WRITABLE_SHEET_NAMES } from '../../src/core/workbook/owned-sheets.js';
import { parseSheetRange } from '../../src/excel/sheet-range.js';
import { FakeExcel, parseRect, type FakeSheet } from './fake-excel.js';
import { adapterOn, chunksOf } from './helpers.js';

const sheet = (name: string, rows: (readonly OutputCell[])[], extra: Partial<OwnedSheet> = {}): OwnedSheet => ({ name, rows, ...extra });

/** A user's workbook: input sheets the add-in must never touch. */
function userWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Universe', [['Program', 'Quarter', 'Paid'], ['Medicaid', '2023Q3', 100]]);
  fake.addSheet('Settings', [['Setting', 'Value'], ['State', 'Columbia']]);
  return fake;
}

function contentOf(s: FakeSheet): string {
  return JSON.stringify([s.rows, [...s.formulas], [...s.styles], [...s.numberFormats], s.merges, s.conditionalFormats, s.charts, [...s.columnWidths]]);
}

const RY2025 = reviewYear('RY', 2025);
function reconResult() {
  const line = (form: ReportLine['form'], quarter: string, description: string, cents: number): ReportLine => ({ form, period: { kind: 'quarter', quarter }, description, totalComputableCents: cents, layout: 'long', sheet: 'R', row: 2, cell: 'D2' });
  return reconcileTotals({
    universe: RY2025.quarters.flatMap((quarter, i) => [
      { program: 'Medicaid' as const, quarter, component: 'FFS' as const, cents: 100_000_00 * (i + 1), rows: 1 },
      { program: 'Medicaid' as const, quarter, component: 'MC' as const, cents: 50_000_00, rows: 1 },
      { program: 'CHIP' as const, quarter, component: 'FFS' as const, cents: 10_00, rows: 1 },
    ]),
    reportLines: RY2025.quarters.flatMap((quarter) => [line('CMS-64.9 Base', quarter, 'Inpatient Hospital - Reg. Payments', 150_000_00), line('CMS-64.9 Base', quarter, 'Medicaid - MCO', 50_000_00), line('CMS-21', quarter, 'Dental Services', 10_00)]),
    lineMap: DEFAULT_LINE_MAP,
    settings: { reviewYear: RY2025, quarterlyThreshold: 0.15, overallThreshold: 0.05, percentBase: 'Report' },
  });
}

describe('the guard: only owned sheets are written', () => {
  it('refuses a sheet the add-in does not own, and writes nothing at all (not even the owned ones in the same call)', async () => {
    for (const name of ['Settings', 'Universe', 'Sheet1', 'reconciliation ', 'Line Map2']) {
      const fake = userWorkbook();
      const before = fake.sheets.map(contentOf);
      const book = adapterOn(fake);
      await expect(book.writeSheets([sheet('Reconciliation', [[textCell('x')]]), sheet(name, [[textCell('x')]])])).rejects.toThrow(RefusedWriteError);
      expect(fake.runs).toBe(0);
      expect(fake.writes).toEqual([]);
      expect(fake.sheets.map(contentOf)).toEqual(before);
    }
  });

  it('refuses duplicates and malformed sheets before touching Excel', async () => {
    const fake = userWorkbook();
    const book = adapterOn(fake);
    await expect(book.writeSheets([sheet('Run Log', []), sheet('Run Log', [])])).rejects.toThrow(/given twice/);
    await expect(book.writeSheets([sheet('Run Log', [[textCell('x', { fill: 'red' })]])])).rejects.toThrow(/colour "red"/);
    await expect(book.writeSheets([sheet('Run Log', [[numberCell(1), { number: Number.NaN }]])])).rejects.toThrow(/not a finite number/);
    await expect(book.writeSheets([sheet('Run Log', [], { charts: [{ kind: 'column', title: 't', categories: 'A1:A3', series: [{ name: 's', values: "'Run Log'!B1:B3" }], from: 'D2', to: 'H9' }] })])).rejects.toThrow(/sheet-qualified/);
    expect(fake.runs).toBe(0);
  });

  it('every write lands in an owned sheet; user sheets are unchanged', async () => {
    const fake = userWorkbook();
    const before = fake.sheets.map(contentOf);
    const sheets = OWNED_SHEET_NAMES.map((name) => sheet(name, [[textCell(name, { bold: true })], [numberCell(1), formulaCell('A2*2', 2)]], { columnWidths: [20], freezeRows: 1 }));
    await adapterOn(fake).writeSheets(sheets);
    expect(fake.writes.length).toBeGreaterThan(20);
    expect(new Set(fake.writes.map((w) => w.sheet))).toEqual(new Set(OWNED_SHEET_NAMES));
    expect(fake.writes.every((w) => WRITABLE_SHEET_NAMES.includes(w.sheet))).toBe(true);
    expect(fake.sheets.slice(0, 2).map(contentOf)).toEqual(before);
  });

  it('writes Line Map when the workbook has none, and leaves the user\'s Line Map alone when it has one', async () => {
    const fake = userWorkbook();
    const lineMap = buildLineMapSheet(DEFAULT_LINE_MAP);
    const first = await adapterOn(fake).writeOwned([lineMap, sheet('Run Log', [[textCell('run 1')]])]);
    expect(first).toMatchObject({ written: ['Line Map', 'Run Log'], kept: [] });
    const userEdited = fake.sheet('Line Map');
    userEdited.setValueAt(1, 2, 'edited by the user');
    const snapshot = contentOf(userEdited);
    fake.resetCounters();
    const second = await adapterOn(fake).writeOwned([lineMap, sheet('Run Log', [[textCell('run 2')]])]);
    expect(second).toMatchObject({ written: ['Run Log'], kept: ['Line Map'] });
    expect(contentOf(userEdited)).toBe(snapshot);
    expect(fake.writes.some((w) => w.sheet === 'Line Map')).toBe(false);
  });
});

describe('sync counts of a write', () => {
  it('writes several new owned sheets in 2 syncs in one Excel.run, with calculation suspended for every write', async () => {
    const fake = userWorkbook();
    const result = reconResult();
    const sheets = [buildReconciliationSheet(result), buildLineMapSheet(DEFAULT_LINE_MAP), sheet('Run Log', [[textCell('Run')], [textCell('2025-07-01')]]), sheet('Estimator Detail', [[textCell('x')]])];
    const report = await adapterOn(fake).writeOwned(sheets);
    expect(fake.syncs).toBe(2); // which sheets exist; everything else
    expect(report.syncs).toBe(2);
    expect(fake.runs).toBe(1);
    expect(fake.writes.every((w) => w.calculationSuspended)).toBe(true);
    expect(fake.syncLog[1]?.calculationSuspended).toBe(true);
  });

  it('rewrites existing owned sheets in 3 syncs (the extra one lists their charts to delete)', async () => {
    const fake = userWorkbook();
    const rec = buildReconciliationSheet(reconResult());
    await adapterOn(fake).writeSheets([rec]);
    fake.resetCounters();
    await adapterOn(fake).writeSheets([rec, sheet('Run Log', [[textCell('new')]])]);
    expect(fake.syncs).toBe(3);
  });

  it('does not grow with the number of rows written', async () => {
    const counts: number[] = [];
    for (const n of [10, 1000, 20_000]) {
      const fake = userWorkbook();
      const rows = Array.from({ length: n }, (_, r) => [textCell(`Cell ${r}`), numberCell(r, { numberFormat: MONEY_FORMAT }), formulaCell(`B${r + 1}*2`, r * 2, { numberFormat: MONEY_FORMAT })]);
      await adapterOn(fake).writeSheets([sheet('Estimator Detail', rows, { freezeRows: 1 })]);
      counts.push(fake.syncs);
      expect(fake.writes.filter((w) => w.op === 'formulas')).toHaveLength(1); // one 2-D block
      expect(fake.writes.filter((w) => w.op === 'numberFormat')).toHaveLength(1); // one rectangle B1:C{n}
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  it('splits only a write over the 4 MB budget into more syncs, each under 5 MB', async () => {
    const fake = userWorkbook();
    const rows = Array.from({ length: 60_000 }, (_, r) => Array.from({ length: 8 }, (_, c) => textCell(`row ${r} column ${c} text`)));
    const report = await adapterOn(fake).writeOwned([sheet('Estimator Detail', rows)]);
    expect(report.syncs).toBeGreaterThan(2);
    expect(fake.syncs).toBe(report.syncs);
    expect(fake.syncLog.every((s) => s.requestBytes < fake.payloadLimit)).toBe(true);
    expect(fake.writes.every((w) => w.calculationSuspended)).toBe(true);
    expect(fake.sheet('Estimator Detail').value('H60000')).toBe('row 59999 column 7 text');
  });
});

describe('values and formulas', () => {
  const tricky = ['=SUM(A1:A2)', '+1', '-x', '@x', '15%', '00123', 'TRUE', '1/2', "'quoted", '=', ' =not a formula', '#N/A text'];

  it('writes text as text, whatever it starts with (an apostrophe prefix), formulas as formulas, numbers as numbers', async () => {
    const fake = userWorkbook();
    await adapterOn(fake).writeSheets([
      sheet('Run Log', [tricky.map((t) => textCell(t)), [formulaCell('SUM(A3:B3)', 3), formulaCell('=A3*2', 2), numberCell(-12.5), blankCell({ fill: 'FFC7CE' }), textCell('')], [numberCell(1), numberCell(2)]]),
    ]);
    const s = fake.sheet('Run Log');
    tricky.forEach((t, c) => {
      const a1 = `${String.fromCharCode(65 + c)}1`;
      expect(s.formula(a1), a1).toBeUndefined();
      expect(s.value(a1), a1).toBe(t);
    });
    expect(s.formula('A2')).toBe('=SUM(A3:B3)');
    expect(s.formula('B2')).toBe('=A3*2');
    expect(s.value('C2')).toBe(-12.5);
    expect(s.value('D2')).toBe('');
    expect(s.style('D2')).toMatchObject({ 'fill.color': '#FFC7CE' });
    expect(s.value('E2')).toBe('');
  });

  it('the same strings without the prefix would have been changed by Excel (the fake enters text as Excel does)', () => {
    const s = new FakeExcel().addSheet('Probe');
    tricky.slice(0, 8).forEach((t, c) => s.enter(0, c, t));
    expect(s.formula('A1')).toBe('=SUM(A1:A2)');
    expect(s.formula('C1')).toBe('=-x');
    expect(s.formula('D1')).toBe('=x');
    expect([s.value('B1'), s.value('E1'), s.value('F1'), s.value('G1'), typeof s.value('H1')]).toEqual([1, 0.15, 123, true, 'number']);
  });

  it('text written reads back exactly through readRows', async () => {
    const fake = userWorkbook();
    await adapterOn(fake).writeSheets([sheet('Run Log', [tricky.map((t) => textCell(t))])]);
    const rows = (await chunksOf(adapterOn(fake).readRows('Run Log'))).flat();
    expect(rows).toEqual([{ row: 1, cells: tricky }]);
  });
});

describe('formats, layout, conditional formats and charts', () => {
  it('applies number formats, fonts, fills, borders, alignment, wrap, lock, widths, merges, frozen rows and page layout', async () => {
    const fake = userWorkbook();
    const header = { bold: true, fill: 'D9E1F2', border: 'thin', wrap: true } as const;
    await adapterOn(fake).writeSheets([
      sheet(
        'CMS-10184E Medicaid',
        [
          [textCell('Title', { bold: true, italic: true, fontColor: 'C00000' })],
          [textCell('A', header), textCell('B', header), textCell('C', header)],
          [numberCell(1.5, { numberFormat: MONEY_FORMAT }), textCell('right', { horizontal: 'right' }), textCell('', { unlocked: true })],
          [numberCell(2.5, { numberFormat: MONEY_FORMAT, border: 'medium' })],
        ],
        { columnWidths: [10, 10, 44], merges: ['A1:C1'], freezeRows: 2, landscape: true, fitToPage: true },
      ),
    ]);
    const s = fake.sheet('CMS-10184E Medicaid');
    expect(s.style('A1')).toEqual({ 'font.bold': true, 'font.italic': true, 'font.color': '#C00000' });
    expect(s.style('B2')).toMatchObject({ 'font.bold': true, 'fill.color': '#D9E1F2', wrapText: true, verticalAlignment: 'Top', 'border.EdgeTop.style': 'Continuous', 'border.EdgeTop.weight': 'Thin', 'border.InsideVertical.weight': 'Thin' });
    expect(fake.writes.filter((w) => w.sheet === 'CMS-10184E Medicaid' && w.op === 'format.font.bold')).toHaveLength(2); // A1, and the header row A2:C2 as one range
    expect(s.numberFormat('A3')).toBe(MONEY_FORMAT);
    expect(s.numberFormat('B3')).toBe('General');
    expect(s.style('B3')).toEqual({ horizontalAlignment: 'Right' });
    expect(s.style('C3')).toEqual({ 'protection.locked': false });
    expect(s.style('A4')).toMatchObject({ 'border.EdgeBottom.weight': 'Medium' });
    expect([s.columnWidths.get(0), s.columnWidths.get(1), s.columnWidths.get(2)]).toEqual([columnWidthPoints(10), columnWidthPoints(10), columnWidthPoints(44)]);
    expect(columnWidthPoints(10)).toBe(52.5);
    expect(s.merges).toEqual([parseRect('A1:C1')]);
    expect(s.frozenRows).toBe(2);
    expect(s.orientation).toBe('Landscape');
    expect(s.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
  });

  it('creates the Reconciliation highlights as native conditional formats and its chart as a native chart, with the right ranges', async () => {
    const fake = userWorkbook();
    const rec = buildReconciliationSheet(reconResult());
    expect(rec.highlights?.length).toBeGreaterThan(0);
    expect(rec.charts?.length).toBeGreaterThan(0);
    await adapterOn(fake).writeSheets([rec]);
    const s = fake.sheet('Reconciliation');
    expect(s.conditionalFormats).toEqual(
      (rec.highlights ?? []).map((h) => ({ range: h.range, type: 'Custom', formula: `=${h.formula}`, fill: `#${h.fill}`, ...(h.fontColor === undefined ? {} : { fontColor: `#${h.fontColor}` }) })),
    );
    const norm = (ref: string | undefined) => {
      const p = parseSheetRange(ref ?? '');
      return p === undefined ? ref : `${p.sheet}!${p.address}`;
    };
    expect(s.charts).toHaveLength(rec.charts?.length ?? 0);
    (rec.charts ?? []).forEach((spec, i) => {
      const chart = s.charts[i];
      expect(chart?.type).toBe(spec.kind === 'line' ? 'Line' : 'ColumnClustered');
      expect(chart?.title).toBe(spec.title);
      expect([chart?.from, chart?.to]).toEqual([spec.from, spec.to]);
      expect(chart?.series.map((x) => ({ name: x.name, values: norm(x.values), x: norm(x.xValues) }))).toEqual(spec.series.map((x) => ({ name: x.name, values: norm(x.values), x: norm(spec.categories) })));
    });
    // the flag column is what the highlight tests: its formulas are in place
    const flagRef = /^\$([A-Z])(\d+)="Yes"$/.exec(rec.highlights?.[0]?.formula ?? '');
    expect(s.formula(`${flagRef?.[1]}${flagRef?.[2]}`)).toMatch(/^=IF\(/);
  });

  it('a rewrite clears the previous run in place: old cells, formats, conditional formats, charts, merges and frozen rows go; the sheet keeps its place', async () => {
    const fake = userWorkbook();
    const rec = buildReconciliationSheet(reconResult());
    await adapterOn(fake).writeSheets([rec, sheet('Run Log', [[textCell('x', { bold: true })], [textCell('y')]], { merges: ['A5:B5'], freezeRows: 1, landscape: true, fitToPage: true, columnWidths: [30] })]);
    const recSheet = fake.sheet('Reconciliation');
    const index = fake.sheets.indexOf(recSheet);
    await adapterOn(fake).writeSheets([rec, sheet('Run Log', [[textCell('only')]])]);
    expect(fake.sheet('Reconciliation')).toBe(recSheet); // not deleted and re-added: formulas pointing at it keep working
    expect(fake.sheets.indexOf(recSheet)).toBe(index);
    expect(recSheet.charts).toHaveLength(rec.charts?.length ?? 0);
    expect(recSheet.conditionalFormats).toHaveLength(rec.highlights?.length ?? 0);
    const log = fake.sheet('Run Log');
    expect([log.value('A1'), log.value('A2'), log.style('A1'), log.merges, log.frozenRows, log.orientation, log.zoom, log.columnWidths.size]).toEqual(['only', '', {}, [], 0, 'Portrait', { scale: 100 }, 0]);
  });
});

describe('round trips through the core', () => {
  it('the Line Map written is the Line Map read', async () => {
    const fake = userWorkbook();
    await adapterOn(fake).writeSheets([buildLineMapSheet(DEFAULT_LINE_MAP)]);
    const read = await readLineMap(adapterOn(fake));
    expect(read.issues).toEqual([]);
    expect(read.sheetToWrite).toBeUndefined();
    expect(read.lineMap.origin).toBe('sheet');
    expect(read.lineMap.rows.map(({ sheetRow: _r, ...row }) => row)).toEqual(DEFAULT_LINE_MAP.map(({ sheetRow: _r, ...row }) => row));
  });

  it('explanations typed on the Reconciliation sheet (even ones starting with =) survive a rewrite', async () => {
    const fake = userWorkbook();
    const result = reconResult();
    const rows = reconciliationRowKeys(result);
    const note = (key: NoteKey, explanation: string, status: string): ReconciliationNote => ({ key, explanation: { text: explanation }, status: { text: status }, columns: {}, earlier: false, row: 0 });
    const notes = [note(rows[0] as NoteKey, '=timing: see memo', 'Open'), note(rows.find((k) => k.program === 'CHIP' && k.kind === 'overall') as NoteKey, '-5% adjustment, "quoted"', '+done')];
    await adapterOn(fake).writeSheets([buildReconciliationSheet(result, placeNotes({ notes, columns: [] }, rows, '2025-07-01'))]);
    const read = await readReconciliationNotes(adapterOn(fake));
    expect(read.notes.map((n) => [n.key, n.explanation, n.status])).toEqual(notes.map((n) => [n.key, n.explanation, n.status]));
    await adapterOn(fake).writeSheets([buildReconciliationSheet(result, placeNotes(read, rows, '2025-07-01'))]);
    expect(await readReconciliationNotes(adapterOn(fake))).toEqual(read);
  });
});
