// `perm-recon template --out FILE.xlsx` (cli.md "Blank template"): every input table with its
// headers, Settings with their defaults, an About sheet; the sample's data pasted into it under
// those headers reconciles and fills exactly as the sample does.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUT_TABLE_FACTS } from '../../src/core/workbook/input-tables.js';
import { readSettings, DEFAULT_SETTINGS } from '../../src/core/workbook/settings.js';
import { locateInputTables } from '../../src/taskpane/input-tables.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { runCli } from './run-cli';
import { SAMPLE, tempDir } from './sample-copy';

let dir = '';
let template = '';
beforeAll(async () => {
  dir = tempDir();
  template = join(dir, 'blank.xlsx');
  const run = await runCli(['template', '--out', template]);
  expect(run.code).toBe(0);
});

/** Header text → column number of row `row`. */
function headers(ws: ExcelJS.Worksheet, row = 1): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(row).eachCell((c, col) => out.set(String(c.value), col));
  return out;
}

describe('perm-recon template', () => {
  it('writes the About sheet and every input table, each found by the readers with nothing missing', async () => {
    const book = await openXlsx(template);
    expect((await book.sheets()).map((s) => s.name)).toEqual(['About', 'Settings', 'Universe', 'CMS-64', 'CMS-21', 'Line Map', 'Universe Counts', 'Findings']);
    const found = await locateInputTables(book, {});
    expect(found.map((t) => [t.def.key, t.ranges.length > 0])).toEqual(INPUT_TABLE_FACTS.map((f) => [f.key, true]));
    // Settings read back as the defaults, with no message.
    const settings = await readSettings(book, { today: '2025-07-01' });
    expect(settings.issues).toEqual([]);
    expect(settings.settings).toEqual({ ...DEFAULT_SETTINGS, reportDate: '2025-07-01' });
  });

  it('never replaces an existing file', async () => {
    const run = await runCli(['template', '--out', template]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already exists');
    expect(existsSync(template)).toBe(true);
  });

  it('holds the sample’s data under its headers and then reconciles and fills exactly as the sample', async () => {
    const sample = new ExcelJS.Workbook();
    await sample.xlsx.readFile(SAMPLE);
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.readFile(template);
    for (const name of ['Universe', 'CMS-64', 'CMS-21', 'Universe Counts', 'Findings']) {
      const from = sample.getWorksheet(name)!;
      const to = blank.getWorksheet(name)!;
      const target = headers(to);
      const source = headers(from);
      for (const h of source.keys()) expect(target.has(h), `${name} has no ${h} column`).toBe(true);
      from.eachRow((row, n) => {
        if (n === 1) return;
        for (const [h, col] of source) to.getCell(n, target.get(h)!).value = row.getCell(col).value;
      });
    }
    const settings = blank.getWorksheet('Settings')!;
    const byLabel = new Map<string, number>();
    settings.eachRow((row, n) => byLabel.set(String(row.getCell(1).value), n));
    sample.getWorksheet('Settings')!.eachRow((row, n) => {
      if (n === 1) return;
      const at = byLabel.get(String(row.getCell(1).value));
      expect(at, String(row.getCell(1).value)).toBeDefined();
      settings.getCell(at!, 2).value = row.getCell(2).value;
    });
    const filled = join(dir, 'filled-template.xlsx');
    await blank.xlsx.writeFile(filled);
    for (const command of ['reconcile', 'fill']) {
      const ours = await runCli([command, filled, '--json']);
      const theirs = await runCli([command, SAMPLE, '--json']);
      expect(ours.code).toBe(0);
      expect(JSON.parse(ours.stdout)).toEqual(JSON.parse(theirs.stdout));
    }
  });
});
