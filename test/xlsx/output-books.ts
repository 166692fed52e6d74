/**
 * Every kind of output book the tool writes, for the tests that open them in real engines: the
 * sample through the command line (reconcile and fill) and through the task pane's preview, and
 * books built from the estimator's reference designs (test/fixtures/estimator) with one-case
 * cells, census cells, fraud, undetermined cases, negative domains and strata, and the t quantile.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/core/workbook/port';
import { PreviewHost } from '../../src/taskpane/preview/preview-host';
import { PreviewWorkbook } from '../../src/taskpane/preview/preview-workbook';
import { runAndWrite } from '../../src/taskpane/run/run-workbook';
import { runCli } from '../cli/run-cli';
import { SAMPLE } from '../cli/sample-copy';
import { findingsRows, universeRows } from '../core/forms/eligibility-fixture';

export interface OutputBook {
  readonly name: string;
  readonly path: string;
  /** Whether the book has a cell with one case, whose variance term is #N/A by design. */
  readonly oneCaseCells: boolean;
}

interface Design {
  readonly program: 'Medicaid' | 'CHIP';
  readonly active: string;
  readonly negative: string | null;
}

/** `S1` (a census fixture's cell) → month 2023-07, stratum 1; other cells are `month|stratum` already. */
function monthStratum(rows: CellValue[][], monthCol: number, stratumCol: number): CellValue[][] {
  return rows.map((r, i) => {
    const m = i === 0 ? null : /^S(\d)$/.exec(String(r[monthCol]));
    if (m === null) return r;
    const out = [...r];
    out[monthCol] = '2023-07';
    out[stratumCol] = m[1] ?? null;
    return out;
  });
}

async function designBook(path: string, designs: readonly Design[], settings: Record<string, string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('Settings');
  s.addRow(['Setting', 'Value']);
  for (const [k, v] of Object.entries({ State: 'Testland', 'Review Year': 'RY2025', 'Report Date': '2025-07-01', ...settings })) s.addRow([k, v]);
  const findings = wb.addWorksheet('Findings');
  const universe = wb.addWorksheet('Universe Counts');
  designs.forEach((d, i) => {
    const f = monthStratum(findingsRows(d.program, d.active, d.negative), 1, 3);
    const u = monthStratum(universeRows(d.program, d.active, d.negative), 1, 2);
    for (const row of i === 0 ? f : f.slice(1)) findings.addRow(row);
    for (const row of i === 0 ? u : u.slice(1)) universe.addRow(row);
  });
  await wb.xlsx.writeFile(path);
}

async function fillOut(dir: string, name: string, designs: readonly Design[], settings: Record<string, string>, oneCaseCells = false): Promise<OutputBook> {
  const input = join(dir, `${name}.input.xlsx`);
  await designBook(input, designs, settings);
  const path = join(dir, `${name}.xlsx`);
  const run = await runCli(['fill', input, '--out', path]);
  if (run.code !== 0) throw new Error(`fill ${name}: exit ${run.code}\n${run.stderr}`);
  return { name, path, oneCaseCells };
}

/** The sample run in the task pane's preview (reconcile, then fill), downloaded as the pane does. */
async function previewBook(dir: string): Promise<OutputBook> {
  const bytes = await readFile(SAMPLE);
  const open = (name: string, b: ArrayBuffer) => PreviewWorkbook.open(name, b);
  const book = await open('sample-state.xlsx', bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const host = new PreviewHost(book, 'light', open);
  for (const kind of ['reconcile', 'fill'] as const) await runAndWrite(host, kind, { hints: {}, now: new Date('2026-11-23T12:00:00Z'), version: 'test' });
  const path = join(dir, 'preview-sample.xlsx');
  await writeFile(path, new Uint8Array(await book.toBytes()));
  return { name: 'preview-sample', path, oneCaseCells: false };
}

export async function buildOutputBooks(dir: string): Promise<OutputBook[]> {
  const books: OutputBook[] = [];
  const demo = await runCli(['demo', '--out', dir]);
  if (demo.code !== 0) throw new Error(`demo: exit ${demo.code}\n${demo.stderr}`);
  books.push({ name: 'sample (reconcile + fill)', path: join(dir, 'sample-state.filled.xlsx'), oneCaseCells: false });
  books.push(await previewBook(dir));
  books.push(await fillOut(dir, 'one-case-cells', [{ program: 'Medicaid', active: 'one-case-cell', negative: 'negative-domains' }], {}, true));
  books.push(await fillOut(dir, 'census-cells', [{ program: 'Medicaid', active: 'census-cells', negative: 'negative-strata' }], {}));
  const both: Design[] = [
    { program: 'Medicaid', active: 'tcp2-fraud', negative: 'negative-domains' },
    { program: 'CHIP', active: 'tcp2-monthly', negative: 'negative-strata' },
  ];
  books.push(await fillOut(dir, 'fraud-undetermined-as-error', both, { 'Undetermined As Error': 'Yes' }));
  books.push(await fillOut(dir, 'fraud-undetermined-as-is', both, { 'Undetermined As Error': 'No' }));
  books.push(await fillOut(dir, 't-quantile', both, { 'Interval Quantile': 't', Confidence: '90%' }));
  return books;
}
