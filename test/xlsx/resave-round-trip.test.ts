// The tool's output re-saved by other tools — openpyxl (users' own scripts) and LibreOffice Calc —
// and written again: the ownership record survives each re-save, the package writer (build-copy)
// writes into the re-saved package (their drawings, defined names, content types and styles) a
// file that LibreOffice and openpyxl open, and a re-run over the re-saved file keeps the
// explanation typed into Reconciliation.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { reconcileJob } from '../../src/cli/reconcile-job';
import { fillJob } from '../../src/cli/fill-job';
import { buildRunLogSheet } from '../../src/core/workbook/run-log';
import { ownershipRecordOf } from '../../src/xlsx/build-copy';
import { openXlsx } from '../../src/xlsx/open-xlsx';
import { writeCopy } from '../../src/xlsx/write-copy';
import { LIBREOFFICE_REQUIRED, libreOfficeConvert, SOFFICE } from '../helpers/libreoffice';
import { runCli } from '../cli/run-cli';
import { tempDir } from '../cli/sample-copy';
import { partText, zipOf } from './helpers';

const run = promisify(execFile);
/** Debian's python3 with openpyxl (python3-openpyxl; .ci/run installs it). */
const PYTHON = '/usr/bin/python3';
const OPENPYXL = existsSync(PYTHON);
/** CI installs both (.ci/run) and must run these tests; elsewhere they are skipped when either is missing. */
const EXPLANATION = 'Directed payment booked on the supplemental line; moved in the next quarter';

/** openpyxl loads `from`, types the explanation beside the first flagged quarter's row, and saves `to`. */
async function openpyxlEdit(from: string, to: string, explanation: string | null): Promise<void> {
  const script = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
if sys.argv[3] != '-':
    ws = wb['Reconciliation']
    cell = next(c for row in ws.iter_rows() for c in row if c.value == 'Explanation')
    ws.cell(row=cell.row + 3, column=cell.column).value = sys.argv[3]
wb.save(sys.argv[2])
`;
  await run(PYTHON, ['-c', script, from, to, explanation ?? '-'], { timeout: 120_000 });
}

/** Whether openpyxl opens `path`, and the text it reads in `sheet`!`address`. */
async function openpyxlCell(path: string, sheet: string, address: string): Promise<string> {
  const { stdout } = await run(PYTHON, ['-c', 'import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); print(wb[sys.argv[2]][sys.argv[3]].value)', path, sheet, address], { timeout: 120_000 });
  return stdout.trim();
}

/** Where the explanation went: the address openpyxl typed into. */
async function explanationAddress(path: string): Promise<string> {
  const { stdout } = await run(PYTHON, ['-c', "import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])['Reconciliation']; c = next(c for row in ws.iter_rows() for c in row if c.value == 'Explanation'); print(ws.cell(row=c.row + 3, column=c.column).coordinate)", path], { timeout: 120_000 });
  return stdout.trim();
}

const dir = tempDir();
const first = join(dir, 'first.xlsx');
const edited = join(dir, 'edited-by-openpyxl.xlsx');
let resaved: Record<'openpyxl' | 'LibreOffice', string> = { openpyxl: '', LibreOffice: '' };

const canRun = LIBREOFFICE_REQUIRED || (OPENPYXL && SOFFICE !== undefined);

beforeAll(async () => {
  if (!canRun) return;
  expect((await runCli(['demo', '--out', dir])).code).toBe(0);
  await copyFile(join(dir, 'sample-state.filled.xlsx'), first);
  // openpyxl types an explanation and saves: that file is the openpyxl re-save; LibreOffice re-saves it again.
  await openpyxlEdit(first, edited, EXPLANATION);
  await mkdir(join(dir, 'lo'), { recursive: true });
  resaved = { openpyxl: edited, LibreOffice: await libreOfficeConvert(edited, 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo')) };
}, 300_000);

describe.skipIf(!canRun).each(['openpyxl', 'LibreOffice'] as const)('the output re-saved by %s', (tool) => {
  it('still carries the record of the sheets the tool created', async () => {
    expect(ownershipRecordOf(await partText(await zipOf(resaved[tool]), 'xl/workbook.xml'))).toEqual(['Reconciliation', 'Call Summary', 'Line Map', 'CMS-10184E Medicaid', 'CMS-10184E CHIP', 'Estimator Detail', 'Run Log']);
  });

  it('takes the owned sheets again through build-copy, into a file LibreOffice and openpyxl open', async () => {
    // The sheets of a run over the tool's own output (read before the re-save), written into the re-saved package.
    const source = await openXlsx(first);
    const results = [await reconcileJob('2026-11-23')(source), await fillJob('2026-11-23')(source)];
    const sheets = [...results.flatMap((r) => [...r.sheets]), buildRunLogSheet([], results.map((r) => ({ time: '2026-11-23T12:00:00Z', version: 'test', command: r.command, inputs: r.inputs, issues: r.issues })))];
    const out = join(dir, `written-over-${tool}.xlsx`);
    // writeCopy straight over the re-saved bytes: the package writer does not need the reader.
    await writeCopy(resaved[tool], out, sheets);
    expect(await openpyxlCell(out, 'Estimator Detail', 'A1')).toMatch(/^Estimator Detail/);
    const back = await libreOfficeConvert(out, 'xlsx:Calc MS Excel 2007 XML', join(dir, `lo-${tool}`));
    expect(await openpyxlCell(back, 'CMS-10184E Medicaid', 'A5')).toBe('A. State');
    const zip = await zipOf(out);
    // Every part the content types name exists, and every worksheet has one.
    const types = await partText(zip, '[Content_Types].xml');
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(zip.file(m[1] ?? ''), m[1]).not.toBeNull();
    for (const part of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))) expect(types, part).toContain(`/${part}"`);
  }, 300_000);
});

describe.skipIf(!canRun).each(['openpyxl', 'LibreOffice'] as const)('a re-run over the output re-saved by %s', (tool) => {
  it('reads it, writes again, and keeps the typed explanation', async () => {
    const again = join(dir, `again-${tool}.xlsx`);
    const cli = await runCli(['reconcile', resaved[tool], '--out', again]);
    expect(cli.stderr).not.toMatch(/cannot be read/);
    expect(cli.code).toBe(0);
    expect(await openpyxlCell(again, 'Reconciliation', await explanationAddress(edited))).toBe(EXPLANATION);
    expect(ownershipRecordOf(await partText(await zipOf(again), 'xl/workbook.xml'))).toEqual(['Reconciliation', 'Call Summary', 'Line Map', 'CMS-10184E Medicaid', 'CMS-10184E CHIP', 'Estimator Detail', 'Run Log']);
  }, 300_000);
});
