// Notes through the preview host over three re-runs: the preview's download is edited by another
// tool (exceljs here, as a user's script would), opened again in the preview, and re-run.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PreviewHost } from '../../../src/taskpane/preview/preview-host.js';
import { PreviewWorkbook } from '../../../src/taskpane/preview/preview-workbook.js';
import { runAndWrite } from '../../../src/taskpane/run/run-workbook.js';
import { SAMPLE_PATH } from '../sample-sheets.js';

let sample: ArrayBuffer;
beforeAll(async () => {
  const bytes = await readFile(SAMPLE_PATH);
  sample = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
});

async function reconcile(host: PreviewHost, day: string): Promise<string> {
  const outcome = await runAndWrite(host, 'reconcile', { hints: {}, now: new Date(`${day}T12:00:00Z`), version: 'test' });
  expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return outcome.issues.map((i) => i.message).join('\n');
}

/** Downloads the preview's workbook, edits it with exceljs, and opens the result in the preview. */
async function editAndReopen(host: PreviewHost, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await host.download()).arrayBuffer());
  edit(wb);
  const bytes = await wb.xlsx.writeBuffer();
  await host.openFile('edited.xlsx', bytes as ArrayBuffer);
}

async function downloaded(host: PreviewHost): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await (await host.download()).arrayBuffer());
  const ws = wb.getWorksheet('Reconciliation');
  if (ws === undefined) throw new Error('no Reconciliation sheet');
  return ws;
}

function rowOf(ws: ExcelJS.Worksheet, a: string, b: string, after = 0): number {
  for (let r = after + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === a && ws.getCell(r, 2).value === b) return r;
  throw new Error(`no row ${a} / ${b}`);
}

function setYear(wb: ExcelJS.Workbook, year: string): void {
  const ws = wb.getWorksheet('Settings');
  ws?.eachRow((row) => {
    if (row.getCell(1).value === 'Review Year') row.getCell(2).value = year;
  });
}

describe('notes through the preview host, over three re-runs', () => {
  it('keep their key and type, leave with another review year and come back', async () => {
    const host = new PreviewHost(await PreviewWorkbook.open('sample-state.xlsx', sample), 'light', (name, bytes) => PreviewWorkbook.open(name, bytes));
    await reconcile(host, '2026-11-01');
    await editAndReopen(host, (wb) => {
      const ws = wb.getWorksheet('Reconciliation') as ExcelJS.Worksheet;
      ws.getCell(rowOf(ws, 'Medicaid', 'Overall'), 14).value = 'RY2025 overall: capitation timing';
      ws.getCell(rowOf(ws, 'Medicaid prior period', '2023Q4'), 14).value = 'Drug rebate adjustment';
      const q4 = rowOf(ws, 'Medicaid', '2023Q4');
      ws.getCell(q4, 14).value = 1234.5;
      ws.getCell(q4, 15).value = { formula: '1+1', result: 2 };
      const header = rowOf(ws, 'Program', 'Quarter');
      ws.getCell(header, 16).value = 'Owner';
      ws.getCell(rowOf(ws, 'Medicaid', '2023Q3'), 16).value = 'Dana';
    });

    await reconcile(host, '2026-11-02');
    const grid = host.grid('Reconciliation', 1, 40);
    const overallRow = grid.rows.find((r) => r.cells[0] === 'Medicaid' && r.cells[1] === 'Overall');
    expect(overallRow?.cells[13]).toBe('RY2025 overall: capitation timing');
    const ws2 = await downloaded(host);
    const q4 = rowOf(ws2, 'Medicaid', '2023Q4');
    expect(ws2.getCell(q4, 14).value).toBe(1234.5);
    expect(ws2.getCell(q4, 15).value).toBe('=1+1'); // text, not a formula
    expect(ws2.getCell(q4, 15).type).toBe(ExcelJS.ValueType.String);
    expect(ws2.getCell(rowOf(ws2, 'Program', 'Quarter'), 16).value).toBe('Owner');
    expect(ws2.getCell(rowOf(ws2, 'Medicaid', '2023Q3'), 16).value).toBe('Dana');

    await editAndReopen(host, (wb) => setYear(wb, 'RY2024'));
    const warnings3 = await reconcile(host, '2026-11-03');
    expect(warnings3).toContain('4 notes typed on rows this run does not show were moved to the Earlier notes block');
    const ws3 = await downloaded(host);
    expect(ws3.getCell(rowOf(ws3, 'Medicaid', 'Overall'), 14).value ?? '').toBe('');
    const start = rowOf(ws3, 'Program', 'Quarter', rowOf(ws3, 'CHIP', 'Overall'));
    expect(ws3.getCell(start, 3).value).toBe('Review year');
    const moved = rowOf(ws3, 'Medicaid', 'Overall', start);
    expect([3, 4, 14].map((c) => ws3.getCell(moved, c).value)).toEqual(['RY2025', '2026-11-03', 'RY2025 overall: capitation timing']);

    await editAndReopen(host, (wb) => setYear(wb, 'RY2025'));
    const warnings4 = await reconcile(host, '2026-11-04');
    expect(warnings4).toContain('4 notes from the Earlier notes block are back on their rows');
    const ws4 = await downloaded(host);
    expect(ws4.getCell(rowOf(ws4, 'Medicaid', 'Overall'), 14).value).toBe('RY2025 overall: capitation timing');
    expect(ws4.getCell(rowOf(ws4, 'Medicaid', '2023Q4'), 15).value).toBe('=1+1');
    expect(ws4.getCell(rowOf(ws4, 'Medicaid', '2023Q3'), 16).value).toBe('Dana');
  });
});
