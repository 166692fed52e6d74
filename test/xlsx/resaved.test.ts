// Workbooks re-saved by other tools, carrying the tool's own earlier output (charts, conditional
// formats, merges, notes): the sample's --out copy is re-saved by openpyxl and by LibreOffice, then
// read back; reconcile and fill must give the same JSON as on the copy itself. (exceljs could not
// read the openpyxl re-save: "Cannot read properties of undefined (reading 'anchors')".)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { LIBREOFFICE_REQUIRED, libreOfficeConvert, SOFFICE } from '../helpers/libreoffice.js';
import { tempDir } from './helpers.js';

const SAMPLE = new URL('../../assets/samples/sample-state.xlsx', import.meta.url).pathname;
const PYTHON = '/usr/bin/python3';
const OPENPYXL = existsSync(PYTHON) && (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let filled = '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  filled = join(dir, 'filled.xlsx');
  const run = await runCli(['reconcile', SAMPLE, '--out', filled]);
  expect(run.code, run.stderr).toBe(0);
}, 120_000);
afterAll(() => cleanup());

async function sameResults(resaved: string): Promise<void> {
  for (const command of ['reconcile', 'fill']) {
    const [mine, theirs] = [await runCli([command, filled, '--json']), await runCli([command, resaved, '--json'])];
    expect(theirs.stderr).not.toMatch(/cannot be read|unexpected failure/);
    expect(theirs.code, theirs.stderr).toBe(mine.code);
    expect(JSON.parse(theirs.stdout)).toEqual(JSON.parse(mine.stdout));
  }
}

describe('reading workbooks re-saved by other tools', () => {
  it.skipIf(!OPENPYXL && !LIBREOFFICE_REQUIRED)('openpyxl: load_workbook + save of the --out copy reads back with the same results', async () => {
    const out = join(dir, 'openpyxl.xlsx');
    execFileSync(PYTHON, ['-c', 'import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])', filled, out]);
    await sameResults(out);
  }, 120_000);

  it.skipIf(SOFFICE === undefined && !LIBREOFFICE_REQUIRED)('LibreOffice: soffice --convert-to xlsx of the --out copy reads back with the same results', async () => {
    const out = await libreOfficeConvert(filled, 'xlsx', join(dir, 'lo'));
    await sameResults(out);
  }, 240_000);
});
