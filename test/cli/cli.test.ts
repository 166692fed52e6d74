// The command line as cli.md specifies it, over the bundled sample and edited copies of it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { column, editedSample, SAMPLE, tempDir } from './sample-copy';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('perm-recon reconcile', () => {
  it('prints one JSON document with every quarter, the flags and the overall line', async () => {
    const run = await runCli(['reconcile', SAMPLE, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { programs: { program: string; report: string; quarters: { quarter: string; flagged: boolean; percentDifference: number }[]; overall: { flagged: boolean } }[] };
    const medicaid = doc.programs.find((p) => p.program === 'Medicaid')!;
    const chip = doc.programs.find((p) => p.program === 'CHIP')!;
    expect(medicaid.report).toBe('CMS-64');
    expect(chip.report).toBe('CMS-21 + CMS-64.21U');
    expect(medicaid.quarters.map((q) => q.quarter)).toEqual(['2023Q3', '2023Q4', '2024Q1', '2024Q2']);
    expect(medicaid.quarters.map((q) => q.flagged)).toEqual([false, false, true, false]);
    // 2024Q2 is exactly 15.00% over the report, to the cent: not flagged.
    expect(medicaid.quarters[3]!.percentDifference).toBeCloseTo(0.15, 12);
    expect(medicaid.overall.flagged).toBe(true);
    expect(chip.quarters.map((q) => q.flagged)).toEqual([false, true, false, false]);
    expect(chip.overall.flagged).toBe(false);
  });

  it('counts the prior-period forms only when Settings say so', async () => {
    const path = await editedSample('prior-period.xlsx', (wb) => { wb.getWorksheet('Settings')!.addRow(['Include Prior Period', 'Yes']); });
    const run = await runCli(['reconcile', path, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { programs: { quarters: { quarter: string; percentDifference: number }[] }[] };
    // 2024Q2 with CMS-64.9P counted: (4,145,906,944.18 − 3,615,206,067.88) / 3,615,206,067.88, summed from the
    // sample's cells by test/cli/prior-period-expected.py (openpyxl, Decimal); 0.15 exactly without the 64.9P rows.
    expect(doc.programs[0]!.quarters[3]!.quarter).toBe('2024Q2');
    expect(doc.programs[0]!.quarters[3]!.percentDifference).toBeCloseTo(0.146796853716, 10);
  });

  it('prints a readable table without --json', async () => {
    const run = await runCli(['reconcile', SAMPLE]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Medicaid against CMS-64');
    expect(run.stdout).toMatch(/2024Q1 .* 18\.27% .* FLAGGED/);
  });
});

describe('--out writes a copy and never changes the input', () => {
  it('keeps the input byte for byte and adds the output sheets', async () => {
    const before = sha(SAMPLE);
    const out = join(tempDir(), 'out.xlsx');
    const run = await runCli(['demo', '--out', join(out, '..')]);
    expect(run.code).toBe(0);
    expect(sha(SAMPLE)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '..', 'sample-state.filled.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Settings', 'Universe', 'Findings', 'Reconciliation', 'Line Map', 'CMS-10184E Medicaid', 'CMS-10184E CHIP', 'Estimator Detail', 'Run Log']));
    const log = wb.getWorksheet('Run Log')!;
    expect(log.getCell('C2').value).toBe('reconcile');
    expect(log.getCell('C3').value).toBe('fill');
  });

  it('refuses to write over the input itself', async () => {
    const run = await runCli(['fill', SAMPLE, '--out', SAMPLE]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the input is never changed');
  });

  it('keeps typed explanations across a re-run and appends to the Run Log', async () => {
    const dir = tempDir();
    const first = join(dir, 'first.xlsx');
    expect((await runCli(['reconcile', SAMPLE, '--out', first])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const ws = wb.getWorksheet('Reconciliation')!;
    let explanationCell: ExcelJS.Cell | undefined;
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.value === 'Explanation' && explanationCell === undefined) {
          const target = ws.getCell(row.number + 3, Number(cell.col));
          explanationCell = target;
        }
      });
    });
    expect(explanationCell).toBeDefined();
    explanationCell!.value = '=HYPERLINK("x") supplemental payments moved to MC';
    const typedAt = explanationCell!.address;
    const edited = join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const second = join(dir, 'second.xlsx');
    expect((await runCli(['reconcile', edited, '--out', second])).code).toBe(0);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(second);
    const kept = again.getWorksheet('Reconciliation')!.getCell(typedAt);
    // Kept, and written back as text: never as a formula Excel would run.
    expect(kept.value).toBe('=HYPERLINK("x") supplemental payments moved to MC');
    expect(kept.formula).toBeUndefined();
    expect(again.getWorksheet('Run Log')!.rowCount).toBe(3);
  });
});

describe('perm-recon fill', () => {
  it('prints one JSON document with lines A-J for both programs', async () => {
    const run = await runCli(['fill', SAMPLE, '--json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { forms: { program: string; state: string; date: string; summary: Record<string, Record<string, number | null>>; errorRates: Record<string, Record<string, number | null>> }[]; warnings: string[] };
    expect(doc.forms.map((f) => f.program)).toEqual(['Medicaid', 'CHIP']);
    const m = doc.forms[0]!;
    expect([m.state, m.date]).toEqual(['Columbia', '2025-07-01']);
    expect(Object.keys(m.summary)).toEqual(['active', 'stratum1', 'stratum2', 'stratum3', 'negative', 'denials', 'terminations', 'totals']);
    expect(m.summary.active!.sampled).toBe(504);
    expect(m.summary.negative!.sampled).toBe(204);
    expect(m.summary.denials!.dollarsPaid).toBeNull();
    expect(m.errorRates.activePayment!.confidence).toBe(0.95);
    expect(doc.warnings.some((w) => w.includes('precision'))).toBe(true);
  });
});

describe('unusable input: exit status 2 and a message naming file, sheet and cell', () => {
  const cases: [string, (wb: ExcelJS.Workbook) => void, 'reconcile' | 'fill', RegExp][] = [
    ['text in an Amount cell', (wb) => { const ws = wb.getWorksheet('Universe')!; ws.getCell(3, column(ws, 'Amount')).value = 'about a billion'; }, 'reconcile', /'Universe'!D3/],
    ['#N/A in an Amount cell', (wb) => { const ws = wb.getWorksheet('Universe')!; ws.getCell(4, column(ws, 'Amount')).value = { error: '#N/A' }; }, 'reconcile', /'Universe'!D4/],
    ['a quarter label with no year', (wb) => { const ws = wb.getWorksheet('Universe')!; ws.getCell(2, column(ws, 'Quarter')).value = 'Q3'; }, 'reconcile', /'Universe'!B2/],
    ['an unknown finding code', (wb) => { const ws = wb.getWorksheet('Findings')!; ws.getCell(5, column(ws, 'Finding')).value = 'ZZ'; }, 'fill', /'Findings'!E5/],
    ['text in a dollar cell of the findings', (wb) => { const ws = wb.getWorksheet('Findings')!; ws.getCell(6, column(ws, 'Dollars Paid')).value = 'n/a'; }, 'fill', /'Findings'!F6/],
    ['Dollars Correct that is not Paid minus Error', (wb) => { const ws = wb.getWorksheet('Findings')!; ws.getCell(7, column(ws, 'Dollars Correct')).value = 1.23; }, 'fill', /'Findings'!H7/],
    ['n > N', (wb) => { const ws = wb.getWorksheet('Universe Counts')!; ws.getCell(2, column(ws, 'Cases')).value = 3; }, 'fill', /'Universe Counts'!D2/],
    ['a blank Amount cell', (wb) => { const ws = wb.getWorksheet('Universe')!; ws.getCell(5, column(ws, 'Amount')).value = null; }, 'reconcile', /'Universe'!D5/],
    ['merged cells in the universe table', (wb) => { const ws = wb.getWorksheet('Universe')!; ws.mergeCells('A2:A3'); }, 'reconcile', /'Universe'!A2:A3: cells A2:A3 of the universe totals table are merged/],
    ['merged cells in the findings', (wb) => { const ws = wb.getWorksheet('Findings')!; ws.mergeCells('B2:B4'); }, 'fill', /'Findings'!B2:B4/],
    ['a stratum that is not one', (wb) => { const ws = wb.getWorksheet('Findings')!; ws.getCell(8, column(ws, 'Stratum')).value = 'Stratum 9'; }, 'fill', /'Findings'!D8/],
    ['a sampled month with no universe count', (wb) => { const ws = wb.getWorksheet('Universe Counts')!; ws.spliceRows(2, 1); }, 'fill', /'Findings'!B\d+/],
  ];
  it.each(cases)('%s', async (name, edit, command, where) => {
    const path = await editedSample(`${name.replace(/\W+/g, '-')}.xlsx`, edit);
    const run = await runCli([command, path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`${name.replace(/\W+/g, '-')}\\.xlsx: error: ${where.source}`));
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stdout).toBe('');
  });

  it('a file that does not exist', async () => {
    const run = await runCli(['reconcile', '/nonexistent/book.xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/nonexistent/book.xlsx: file not found');
  });

  it('a file that is not a workbook', async () => {
    const path = join(tempDir(), 'notes.xlsx');
    (await import('node:fs')).writeFileSync(path, 'plain text');
    const run = await runCli(['fill', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot be read as an Excel workbook');
  });
});
