// The command line's --out: problems with the path stop the run before any work (exit 2, the path
// named), a sheet of the user's with an owned name stops it before anything is written, the copy
// records the sheets the tool created, and text over Excel's cell limit is clipped with a warning.
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { outPathProblem, describeWriteError } from '../../src/cli/out-path';
import { writeCopy } from '../../src/xlsx/write-copy';
import { ownershipRecordOf } from '../../src/xlsx/build-copy';
import { runCli } from './run-cli';
import { editedSample, SAMPLE, tempDir } from './sample-copy';
import { zipOf, partText } from '../xlsx/helpers';
import { createWriteStream } from 'node:fs';

/** A folder nobody may create files in: /sys for root (permission bits do not stop root), else a chmod 555 folder. */
function readOnlyFolder(): string {
  if (process.getuid?.() === 0) return '/sys';
  const dir = join(tempDir(), 'locked');
  mkdirSync(dir);
  chmodSync(dir, 0o555);
  return dir;
}

describe('--out problems are exit 2 before any work, naming the path', () => {
  it.each([
    ['a missing folder', () => join(tempDir(), 'no-such-folder', 'out.xlsx'), /no-such-folder does not exist/],
    ['a read-only folder', () => join(readOnlyFolder(), 'out.xlsx'), /cannot write in the folder .*\((permission denied|the file system is read-only)\)/],
    ['a folder', () => tempDir(), /--out names a folder/],
  ])('%s', async (_what, path, message) => {
    const out = path();
    const run = await runCli(['fill', SAMPLE, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain(out);
    expect(run.stderr).not.toMatch(/\.tmp|\.probe/);
    expect(run.stdout).toBe(''); // nothing ran, nothing printed
  });

  it('demo --out into a folder that cannot be made', async () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'x');
    const run = await runCli(['demo', '--out', join(blocker, 'sub')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/a-file\/sub: the folder for --out cannot be created \(a file is in the way\)/);
    expect(run.stdout).toBe('');
  });

  it('an existing read-only file', async () => {
    if (process.getuid?.() === 0) {
      // Root writes any file; the same check is asked of the folder above.
      expect(await outPathProblem('/sys/kernel/out.xlsx', SAMPLE)).toMatch(/permission denied/);
      return;
    }
    const out = join(tempDir(), 'locked.xlsx');
    writeFileSync(out, 'x');
    chmodSync(out, 0o444);
    expect(await outPathProblem(out, SAMPLE)).toMatch(/cannot be written/);
  });

  it('a full disk: the write fails cleanly, naming the output and leaving no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.xlsx');
    // /dev/full answers every write with ENOSPC, as a full disk does.
    const error = await writeCopy(SAMPLE, out, [{ name: 'Run Log', rows: [[{ text: 'x' }]] }], { createStream: () => createWriteStream('/dev/full') }).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('ENOSPC');
    const message = describeWriteError(out, error);
    expect(message).toContain(out);
    expect(message).toMatch(/disk is full/);
    expect(message).not.toMatch(/\.tmp/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a sheet of the user\'s with an owned name', () => {
  it.each([
    ['their own 8-column Run Log', 'fill', (wb: ExcelJS.Workbook) => {
      const ws = wb.addWorksheet('Run Log');
      ws.addRow(['Time', 'Version', 'Command', 'Inputs used', 'Errors', 'Warnings', 'Reviewer', 'Signed off']);
      ws.addRow(['2026-01-05', 'v3', 'manual check', 'all', '', '', 'A. Analyst', 'yes']);
    }, 'Run Log'],
    ['their own Reconciliation', 'reconcile', (wb: ExcelJS.Workbook) => {
      wb.addWorksheet('Reconciliation').addRow(['Our reconciliation notes', 'Q1 ok']);
    }, 'Reconciliation'],
    ['cms-10184e medicaid in lower case', 'fill', (wb: ExcelJS.Workbook) => {
      wb.addWorksheet('cms-10184e medicaid').addRow(['Draft of the form, by hand']);
    }, 'cms-10184e medicaid'],
  ])('%s: exit 2 naming it, asking to rename it, nothing written', async (_what, command, edit, name) => {
    const book = await editedSample('user-sheet.xlsx', edit);
    const out = join(tempDir(), 'out.xlsx');
    const run = await runCli([command, book, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`'${name}'`);
    expect(run.stderr).toMatch(/Rename it/);
    expect(existsSync(out)).toBe(false);
    expect(run.stdout).not.toMatch(/Wrote/);
  });
});

describe('the ownership record', () => {
  it('lists the sheets the copy holds that the tool created, and lets the next run rewrite them', async () => {
    const dir = tempDir();
    const first = join(dir, 'first.xlsx');
    expect((await runCli(['demo', '--out', dir])).code).toBe(0);
    const filled = join(dir, 'sample-state.filled.xlsx');
    const wbXml = await partText(await zipOf(filled), 'xl/workbook.xml');
    expect(ownershipRecordOf(wbXml)).toEqual(['Reconciliation', 'Call Summary', 'Line Map', 'CMS-10184E Medicaid', 'CMS-10184E CHIP', 'Estimator Detail', 'Run Log']);
    expect(wbXml).toMatch(/<definedName name="_PERMRecon_Owned" hidden="1">&quot;Reconciliation\|/);
    const again = await runCli(['fill', filled, '--out', first]);
    expect(again.code).toBe(0);
    expect(ownershipRecordOf(await partText(await zipOf(first), 'xl/workbook.xml'))).toEqual(['Reconciliation', 'Call Summary', 'Line Map', 'CMS-10184E Medicaid', 'CMS-10184E CHIP', 'Estimator Detail', 'Run Log']);
  });
});

describe('text over 32,767 characters', () => {
  // Excel holds at most 32,767 characters in a cell, so a workbook with more was not saved by Excel:
  // the reader refuses it, naming the file and where (the clipping of the tool's own composed text
  // is tested in test/core/workbook/clip-text.test.ts).
  it('in an input cell is exit 2, naming the file and the part, before any work', async () => {
    const long = `Columbia ${'x'.repeat(40_000)}`;
    const book = await editedSample('long-state.xlsx', (wb) => {
      const ws = wb.getWorksheet('Settings')!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'State') row.getCell(2).value = long;
      });
    });
    const out = join(tempDir(), 'out.xlsx');
    const run = await runCli(['fill', book, '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/long-state\.xlsx.*40,009 characters, more than the 32,767 Excel allows in a cell/);
    expect(existsSync(out)).toBe(false);
  });
});
