/**
 * LibreOffice Calc, headless, as a real spreadsheet engine for tests: converts a workbook with a
 * private profile that recalculates every formula on load (OOXMLRecalcMode 0), so the numbers in
 * the converted file are LibreOffice's own.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice'].find((p) => existsSync(p));

/** CI installs LibreOffice (.ci/run) and must run these tests; elsewhere they are skipped when it is missing. */
export const LIBREOFFICE_REQUIRED = process.env.CI !== undefined;

async function profile(dir: string): Promise<string> {
  const user = join(dir, 'lo-profile', 'user');
  await mkdir(user, { recursive: true });
  await writeFile(
    join(user, 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>' +
      '</oor:items>\n',
  );
  return `file://${join(dir, 'lo-profile')}`;
}

/** Converts `file` to `format` (for example `xlsx` or `pdf`) in `outDir`, recalculating on load; returns the new file's path. */
export async function libreOfficeConvert(file: string, format: string, outDir: string): Promise<string> {
  if (SOFFICE === undefined) throw new Error('LibreOffice (soffice) is not installed');
  await mkdir(outDir, { recursive: true });
  await run(SOFFICE, [`-env:UserInstallation=${await profile(outDir)}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, file], { timeout: 240_000 });
  return join(outDir, basename(file).replace(/\.[^.]+$/, `.${format.split(':')[0]}`));
}
