/**
 * `perm-recon template --out FILE.xlsx` (cli.md "Blank template"): writes the blank workbook of
 * the canonical layout, built in core (core/template), rendered by the .xlsx adapter. Never
 * replaces an existing file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { buildTemplateSheets } from '../core/template/template-sheets.js';
import { renderOwnedSheets } from '../xlsx/render-owned-sheets.js';
import { EXIT_OK, EXIT_UNUSABLE_INPUT } from './exit-codes.js';

export async function templateCommand(out: string, stderr: NodeJS.WritableStream): Promise<number> {
  if (!out.toLowerCase().endsWith('.xlsx')) {
    stderr.write(`perm-recon template: ${out}: the file name must end in .xlsx.\n`);
    return EXIT_UNUSABLE_INPUT;
  }
  if (existsSync(out)) {
    stderr.write(`perm-recon template: ${out} already exists and is left as it is; choose another file name.\n`);
    return EXIT_UNUSABLE_INPUT;
  }
  const sheets = buildTemplateSheets();
  writeFileSync(out, await renderOwnedSheets(sheets));
  stderr.write(`perm-recon template: wrote ${out} (${sheets.map((s) => s.name).join(', ')}).\n`);
  return EXIT_OK;
}
