// A real spreadsheet engine opens what the writer wrote: LibreOffice Calc recalculates every
// formula (its cached results are deliberately left out here, so only a real calculation can
// produce the numbers), exports the sheets as CSV and PDF, and re-saves the file with the chart.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnedSheet } from '../../src/core/workbook/port.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { LIBREOFFICE_REQUIRED, libreOfficeConvert, SOFFICE } from '../helpers/libreoffice.js';
import { tempDir, zipOf } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let written = '';

async function convert(file: string, format: string, outDir: string): Promise<void> {
  await libreOfficeConvert(file, format, outDir);
}

/** Splits CSV text into rows of fields (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const fields: string[] = [];
      let field = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted && ch === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') {
          quoted = !quoted;
        } else if (ch === ',' && !quoted) {
          fields.push(field);
          field = '';
        } else {
          field += ch;
        }
      }
      fields.push(field);
      return fields;
    });
}

/** A CSV number; LibreOffice writes percent-formatted cells as `15%` even when not "as shown". */
function csvNumber(field: string | undefined): number {
  const f = field ?? '';
  return f.endsWith('%') ? Number(f.slice(0, -1)) / 100 : Number(f);
}

const RECON: OwnedSheet = {
  name: 'Reconciliation',
  rows: [
    [{ text: 'Quarter' }, { text: 'Universe' }, { text: 'Report' }, { text: 'Difference' }, { text: 'Percent' }, { text: 'Flag' }],
    // Each formula reads the input sheet; no cached result is written, so the numbers below come from LibreOffice.
    [{ text: '2023Q3' }, { formula: "SUM('Universe Data'!B2:B3)" }, { number: 1000 }, { formula: 'B2-C2' }, { formula: 'D2/ABS(C2)', numberFormat: '0.0%' }, { formula: 'IF(ABS(E2)>0.15,"Flag","")' }],
    [{ text: '2023Q4' }, { formula: "'Universe Data'!B4" }, { number: 800 }, { formula: 'B3-C3' }, { formula: 'D3/ABS(C3)', numberFormat: '0.0%' }, { formula: 'IF(ABS(E3)>0.15,"Flag","")' }],
    [{ text: 'Overall' }, { formula: 'SUM(B2:B3)' }, { formula: 'SUM(C2:C3)' }, { formula: 'B4-C4' }, { formula: 'D4/ABS(C4)', numberFormat: '0.0%' }, { formula: 'IF(ABS(E4)>0.05,"Flag","")' }],
    [{ text: '=B4*1000' }],
  ],
  highlights: [{ range: 'F2:F4', formula: 'F2="Flag"', fill: 'FFC7CE' }],
  charts: [
    {
      kind: 'column',
      title: 'Universe and report',
      categories: "'Reconciliation'!$A$2:$A$3",
      series: [
        { name: 'Universe', values: "'Reconciliation'!$B$2:$B$3" },
        { name: 'Report', values: "'Reconciliation'!$C$2:$C$3" },
      ],
      from: 'H2',
      to: 'O18',
    },
  ],
  landscape: true,
  fitToPage: true,
};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const input = join(dir, 'input.xlsx');
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Universe Data');
  data.addRow(['Quarter', 'Amount']);
  data.addRow(['2023Q3', 600.25]);
  data.addRow(['2023Q3', 549.75]);
  data.addRow(['2023Q4', 812.5]);
  await wb.xlsx.writeFile(input);
  written = join(dir, 'written.xlsx');
  await (await openXlsx(input)).writeCopy(written, [RECON]);
});

afterAll(() => cleanup());

describe.skipIf(SOFFICE === undefined && !LIBREOFFICE_REQUIRED)('LibreOffice Calc opens the written workbook', () => {
  it('recalculates the formulas to the expected numbers', async () => {
    const out = join(dir, 'csv');
    // Token 12 = -1 exports every sheet, one file each; token 9 = false writes raw values, not formatted text.
    await convert(written, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1', out);
    const files = await readdir(out);
    const recon = files.find((f) => f.endsWith('-Reconciliation.csv'));
    expect(recon, files.join(', ')).toBeDefined();
    const rows = parseCsv(await readFile(join(out, recon ?? ''), 'utf8'));
    expect(rows[0]).toEqual(['Quarter', 'Universe', 'Report', 'Difference', 'Percent', 'Flag']);
    const numbers = rows.slice(1, 4).map((r) => [r[0], csvNumber(r[1]), csvNumber(r[2]), csvNumber(r[3]), csvNumber(r[4]), r[5]]);
    expect(numbers[0]).toEqual(['2023Q3', 1150, 1000, 150, 0.15, '']); // exactly 15% is not over the threshold
    expect(numbers[1]).toEqual(['2023Q4', 812.5, 800, 12.5, 0.015625, '']);
    expect(numbers[2]?.slice(0, 4)).toEqual(['Overall', 1962.5, 1800, 162.5]);
    expect(numbers[2]?.[4]).toBeCloseTo(0.0902777, 6);
    expect(numbers[2]?.[5]).toBe('Flag');
    expect(rows[4]?.[0]).toBe('=B4*1000'); // text that looks like a formula stays text
  }, 200_000);

  it('renders the sheets, chart included, to PDF', async () => {
    const out = join(dir, 'pdf');
    await convert(written, 'pdf', out);
    const pdf = join(out, 'written.pdf');
    const bytes = await readFile(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await stat(pdf)).size).toBeGreaterThan(5000);
  }, 200_000);

  it('keeps the native chart when it re-saves the file', async () => {
    const out = join(dir, 'resaved');
    await convert(written, 'xlsx:Calc MS Excel 2007 XML', out);
    const zip = await zipOf(join(out, 'written.xlsx'));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toHaveLength(1);
    const chart = await zip.file(charts[0] ?? '')?.async('string');
    expect(chart).toMatch(/<c:barChart>/);
    expect(chart).toMatch(/Reconciliation'?!\$B\$2:\$B\$3/);
    expect(chart).toMatch(/<c:v>1150<\/c:v>/); // the series values LibreOffice computed
  }, 200_000);
});
