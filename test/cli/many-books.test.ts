// Many workbooks at once (cli.md "Many workbooks"): books in name order, one unusable book never
// stops the others, each good book in exactly the single-book shape, copies in --out-dir, and a
// --summary workbook whose formulas LibreOffice recalculates to the same numbers.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { LIBREOFFICE_REQUIRED, libreOfficeConvert, SOFFICE } from '../helpers/libreoffice';
import { runCli } from './run-cli';
import { column, editedSample, SAMPLE, tempDir } from './sample-copy';

let dir: string;

beforeAll(async () => {
  dir = tempDir();
  copyFileSync(SAMPLE, join(dir, 'a-columbia.xlsx'));
  // Another state: its Medicaid universe for 2023Q3 raised by 10%, so its flags differ.
  const other = await editedSample('b.xlsx', (wb) => {
    const settings = wb.getWorksheet('Settings')!;
    settings.getCell('B2').value = 'Franklin';
    const u = wb.getWorksheet('Universe')!;
    const amount = column(u, 'Amount');
    const cell = u.getRow(2).getCell(amount);
    cell.value = Math.round(Number(cell.value) * 110) / 100;
  });
  copyFileSync(other, join(dir, 'b-franklin.xlsx'));
  const broken = await editedSample('c.xlsx', (wb) => {
    const u = wb.getWorksheet('Universe')!;
    u.getRow(3).getCell(column(u, 'Amount')).value = 'about a million';
  });
  copyFileSync(broken, join(dir, 'c-broken.xlsx'));
  writeFileSync(join(dir, 'd-not-a-workbook.xlsx'), 'not a zip');
  writeFileSync(join(dir, 'notes.txt'), 'not a book');
});

interface Entry { file: string; state?: string; reviewYear?: string; programs?: { program: string; overall: { universe: { total: number }; report: { total: number }; percentDifference: number | null; flagged: boolean } }[]; forms?: { program: string; errorRates: { activePayment: { rate: number; precision: number; dollarsInError: number }; undetermined: { dollars: number } } }[]; warnings?: string[]; error?: { sheet: string | null; cell: string | null; message: string } }

describe('reconcile BOOK... / folders', () => {
  it('--json: one entry per book in name order, good books in the single-book shape, exit 2 for the unusable ones', async () => {
    const run = await runCli(['reconcile', dir, '--json']);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as { books: Entry[] };
    expect(doc.books.map((b) => b.file.split('/').pop())).toEqual(['a-columbia.xlsx', 'b-franklin.xlsx', 'c-broken.xlsx', 'd-not-a-workbook.xlsx']);
    const [a, b, c, d] = doc.books as [Entry, Entry, Entry, Entry];
    for (const good of [a, b]) {
      const single = JSON.parse((await runCli(['reconcile', good.file, '--json'])).stdout) as Record<string, unknown>;
      expect(Object.keys(good).slice(0, 3)).toEqual(['file', 'state', 'reviewYear']);
      expect(Object.fromEntries(Object.entries(good).slice(3))).toEqual(single);
    }
    expect([a.state, a.reviewYear, b.state]).toEqual(['Columbia', 'RY2025', 'Franklin']);
    expect(c.error).toMatchObject({ sheet: 'Universe', cell: expect.stringMatching(/^[A-Z]+3$/) as unknown as string });
    expect(c.error!.message).toContain('about a million');
    expect(d.error!.message).toContain('cannot be read as an Excel workbook');
    expect(run.stderr).toContain(`${join(dir, 'c-broken.xlsx')}: error: 'Universe'!`);
    expect(run.stderr).not.toContain('Book 1 of');
  });

  it('--out-dir writes each good book\'s copy; the inputs are never changed', async () => {
    const before = readFileSync(join(dir, 'a-columbia.xlsx'));
    const outDir = join(tempDir(), 'copies');
    const run = await runCli(['reconcile', join(dir, 'a-columbia.xlsx'), join(dir, 'b-franklin.xlsx'), '--out-dir', outDir]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'a-columbia.xlsx')).equals(before)).toBe(true);
    for (const name of ['a-columbia.xlsx', 'b-franklin.xlsx']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(outDir, name));
      expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Reconciliation', 'Run Log']));
    }
    expect(run.stdout).toContain('2 book(s): 2 done, 0 unusable.');
  });

  it('shows progress on standard error when it is a terminal', async () => {
    class Tty extends Writable {
      text = '';
      isTTY = true;
      override _write(chunk: Buffer, _e: string, done: () => void): void {
        this.text += chunk.toString('utf8');
        done();
      }
    }
    const stdout = new Tty();
    const stderr = new Tty();
    await main(['reconcile', join(dir, 'a-columbia.xlsx'), join(dir, 'b-franklin.xlsx'), '--json'], { stdout, stderr });
    expect(stderr.text).toContain('Book 1 of 2: ');
    expect(stderr.text).toContain('Book 2 of 2: ');
    expect(() => JSON.parse(stdout.text) as unknown).not.toThrow();
  });

  it('rejects --out with several books (use --out-dir)', async () => {
    const run = await runCli(['reconcile', join(dir, 'a-columbia.xlsx'), join(dir, 'b-franklin.xlsx'), '--out', join(tempDir(), 'x.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--out-dir');
  });
});

describe('--summary', () => {
  it('reconcile: one row per book and program, native formulas LibreOffice recalculates to the JSON\'s numbers, flags highlighted, a chart', async (ctx) => {
    const out = join(tempDir(), 'summary.xlsx');
    const run = await runCli(['reconcile', dir, '--summary', out, '--json']);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as { books: Entry[] };
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).some((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toContain('conditionalFormatting');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const unusable = wb.getWorksheet('Unusable Books')!;
    expect([unusable.getCell('A2').value, unusable.getCell('B2').value]).toEqual([join(dir, 'c-broken.xlsx'), 'Universe']);
    expect(String(unusable.getCell('A3').value)).toBe(join(dir, 'd-not-a-workbook.xlsx'));

    if (SOFFICE === undefined && !LIBREOFFICE_REQUIRED) {
      ctx.skip();
      return;
    }
    const recalculated = await libreOfficeConvert(out, 'xlsx', join(tempDir(), 'lo'));
    const lo = new ExcelJS.Workbook();
    await lo.xlsx.readFile(recalculated);
    const s = lo.getWorksheet('Summary')!;
    const expected = doc.books.filter((b) => b.programs !== undefined).flatMap((b) => b.programs!.map((p) => ({ file: b.file, ...p })));
    expect(expected).toHaveLength(4);
    expected.forEach((p, i) => {
      const row = s.getRow(i + 2);
      const value = (col: number): unknown => {
        const v = row.getCell(col).value as unknown;
        return v !== null && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
      };
      expect([value(2), value(5)]).toEqual([p.file, p.program]);
      expect(value(7)).toBeCloseTo(p.overall.universe.total, 2);
      expect(value(8)).toBeCloseTo(p.overall.report.total, 2);
      expect(value(10) as number).toBeCloseTo(p.overall.percentDifference!, 12);
      expect(value(12)).toBe(p.overall.flagged ? 'Yes' : 'No');
    });
    expect(expected.some((p) => p.overall.flagged)).toBe(true);
  });

  it('fill: lines G-J per book and program', async () => {
    const out = join(tempDir(), 'fill-summary.xlsx');
    const run = await runCli(['fill', join(dir, 'a-columbia.xlsx'), join(dir, 'b-franklin.xlsx'), '--summary', out, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { books: Entry[] };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const s = wb.getWorksheet('Summary')!;
    const forms = doc.books.flatMap((b) => b.forms!.map((f) => ({ file: b.file, ...f })));
    expect(forms.length).toBeGreaterThanOrEqual(2);
    forms.forEach((f, i) => {
      const row = s.getRow(i + 2);
      expect(row.getCell(5).value).toBe(f.program);
      expect(row.getCell(6).value as number).toBeCloseTo(f.errorRates.activePayment.dollarsInError, 6);
      expect(row.getCell(7).value as number).toBeCloseTo(f.errorRates.activePayment.rate, 12);
      expect(row.getCell(8).value as number).toBeCloseTo(f.errorRates.activePayment.precision, 12);
    });
    expect(existsSync(out)).toBe(true);
  });
});
