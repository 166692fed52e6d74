import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnedSheet } from '../../src/core/workbook/port.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { parseRels } from '../../src/xlsx/ooxml-package.js';
import { partText, sha256, tempDir, zipOf } from './helpers.js';

let dir = '';
let cleanup: () => Promise<void> = () => Promise.resolve();
let input = '';

const RECON: OwnedSheet = {
  name: 'Reconciliation',
  columnWidths: [14, 16, 16],
  rowHeights: { 1: 30 },
  freezeRows: 1,
  landscape: true,
  fitToPage: true,
  merges: ['E1:F1'],
  rows: [
    [{ text: 'Quarter', bold: true, fill: 'DDEBF7', border: 'thin' }, { text: 'Universe', bold: true }, { text: 'Report', bold: true }, { text: 'Difference', bold: true, wrap: true }, { text: 'Merged title', italic: true, horizontal: 'center' }],
    [{ text: '2023Q3' }, { number: 1000, numberFormat: '#,##0.00' }, { number: 900, numberFormat: '#,##0.00' }, { formula: 'B2-C2', result: 100, numberFormat: '#,##0.00' }],
    [{ text: '2023Q4' }, { number: 500 }, { number: 800 }, { formula: 'B3-C3', result: -300, fontColor: 'C00000' }],
    [{ text: '=SUM(B2:B3)' }, { text: '+1' }, { text: '@user' }, { formula: 'SUM(D2:D3)', result: -200 }],
    [{ text: 'Explanation typed by a user', unlocked: true }, { blank: true, fill: 'FFF2CC' }],
  ],
  highlights: [{ range: 'D2:D3', formula: 'ABS(D2)>0.15*C2', fill: 'FFC7CE', fontColor: '9C0006' }],
  charts: [
    {
      kind: 'column',
      title: 'Universe and report by quarter',
      categories: "'Reconciliation'!$A$2:$A$3",
      series: [
        { name: 'Universe', values: "'Reconciliation'!$B$2:$B$3" },
        { name: 'Report', values: "'Reconciliation'!$C$2:$C$3" },
      ],
      from: 'G2',
      to: 'N18',
    },
  ],
};

const RUN_LOG: OwnedSheet = {
  name: 'Run Log',
  rows: [[{ text: 'Time' }, { text: 'Version' }], [{ text: '2025-07-01T12:00:00Z' }, { text: '0.1.0' }]],
  charts: [{ kind: 'line', title: 'Trend', categories: "'Run Log'!$A$2:$A$2", series: [{ name: 'Version', values: "'Run Log'!$B$2:$B$2" }], from: 'D2', to: 'J12' }],
};

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  input = join(dir, 'input.xlsx');
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Data');
  data.addRow(['Program', 'Amount']);
  data.addRow(['Medicaid', 12.5]);
  data.getCell('C2').value = { formula: 'B2*2', result: 25 };
  data.getCell('A1').font = { bold: true, color: { argb: 'FF0000FF' } };
  data.getCell('B2').numFmt = '0.000';
  const old = wb.addWorksheet('reconciliation'); // same name, other case, an earlier version's layout: replaced
  old.getCell('A1').value = '64/21 reconciliation, RY2024 (an earlier run: stale)';
  old.getCell('Z99').value = 'stale far cell';
  const map = wb.addWorksheet('Line Map');
  map.addRow(['Form', 'Line', 'Description', 'Component']);
  map.addRow(['CMS-64', '1A', 'Inpatient Hospital', 'FFS']);
  await wb.xlsx.writeFile(input);
});

afterAll(() => cleanup());

describe('writeCopy', () => {
  it('leaves the input byte for byte unchanged and refuses to write over it', async () => {
    const before = await sha256(input);
    const book = await openXlsx(input);
    await book.writeCopy(join(dir, 'out-a.xlsx'), [RECON, RUN_LOG]);
    expect(await sha256(input)).toBe(before);
    await expect(book.writeCopy(input, [RECON])).rejects.toThrow(/must be a different file from the input/);
    await expect(book.writeCopy(join(dir, '.', 'input.xlsx'), [RECON])).rejects.toThrow(/must be a different file/);
    expect(await sha256(input)).toBe(before);
  });

  it('replaces the same-named sheet, adds new ones, and keeps every other part as it was', async () => {
    const out = join(dir, 'out-b.xlsx');
    await (await openXlsx(input)).writeCopy(out, [RECON, RUN_LOG]);
    const [src, dst] = await Promise.all([zipOf(input), zipOf(out)]);
    const wbXml = await partText(dst, 'xl/workbook.xml');
    const names = [...wbXml.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Data', 'reconciliation', 'Line Map', 'Run Log']); // replaced in place, keeping the user's spelling
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet3.xml', 'xl/sharedStrings.xml', 'xl/theme/theme1.xml']) {
      expect(await partText(dst, part), part).toBe(await partText(src, part));
    }
    const recon = await partText(dst, 'xl/worksheets/sheet2.xml');
    expect(recon).not.toContain('stale');
    expect(wbXml).toMatch(/fullCalcOnLoad="1"/);
    // No sheet is selected, so the copy never opens with sheets grouped.
    expect(recon).not.toMatch(/tabSelected/);
  });

  it('writes values, formulas with results, literal text and styles that read back', async () => {
    const out = join(dir, 'out-c.xlsx');
    await (await openXlsx(input)).writeCopy(out, [RECON]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('reconciliation');
    if (ws === undefined) throw new Error('sheet missing');
    expect(ws.getCell('A2').value).toBe('2023Q3');
    expect(ws.getCell('B2').value).toBe(1000);
    expect(ws.getCell('D2').value).toEqual({ formula: 'B2-C2', result: 100 });
    expect(ws.getCell('D4').value).toEqual({ formula: 'SUM(D2:D3)', result: -200 });
    // Text that looks like a formula stays text.
    for (const [address, text] of [['A4', '=SUM(B2:B3)'], ['B4', '+1'], ['C4', '@user']] as const) {
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(address).value).toBe(text);
    }
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getCell('A1').border?.top?.style).toBe('thin');
    expect(ws.getCell('D1').alignment?.wrapText).toBe(true);
    expect(ws.getCell('E1').alignment?.horizontal).toBe('center');
    expect(ws.getCell('E1').font?.italic).toBe(true);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D3').font?.color?.argb).toBe('FFC00000');
    expect(ws.getCell('A5').protection?.locked).toBe(false);
    expect(ws.getCell('B5').fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(ws.getColumn(1).width).toBe(14);
    expect(ws.getColumn(3).width).toBe(16);
    expect(ws.getRow(1).height).toBe(30);
    expect((ws.model as { merges?: string[] }).merges).toEqual(['E1:F1']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToHeight).toBe(1);
    // The user's own styles are untouched.
    const data = wb.getWorksheet('Data');
    expect(data?.getCell('A1').font?.bold).toBe(true);
    expect(data?.getCell('A1').font?.color?.argb).toBe('FF0000FF');
    expect(data?.getCell('B2').numFmt).toBe('0.000');
    expect(data?.getCell('C2').value).toEqual({ formula: 'B2*2', result: 25 });
  });

  it('writes the conditional highlight as an expression rule with its own style', async () => {
    const out = join(dir, 'out-d.xlsx');
    await (await openXlsx(input)).writeCopy(out, [RECON]);
    const zip = await zipOf(out);
    const sheet = await partText(zip, 'xl/worksheets/sheet2.xml');
    const rule = /<conditionalFormatting sqref="D2:D3"><cfRule type="expression" dxfId="(\d+)" priority="1"><formula>ABS\(D2\)&gt;0.15\*C2<\/formula><\/cfRule><\/conditionalFormatting>/.exec(sheet);
    expect(rule).not.toBeNull();
    const styles = await partText(zip, 'xl/styles.xml');
    const dxfs = [...(/<dxfs[^>]*>([\s\S]*)<\/dxfs>/.exec(styles)?.[1] ?? '').matchAll(/<dxf>[\s\S]*?<\/dxf>/g)].map((m) => m[0]);
    const dxf = dxfs[Number(rule?.[1])];
    expect(dxf).toContain('FFFFC7CE');
    expect(dxf).toContain('FF9C0006');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cf = (wb.getWorksheet('reconciliation') as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0]?.ref).toBe('D2:D3');
    expect(cf[0]?.rules[0]).toMatchObject({ type: 'expression', formulae: ['ABS(D2)>0.15*C2'] });
  });

  it('adds a native chart per ChartSpec, referenced from the sheet through its drawing', async () => {
    const out = join(dir, 'out-e.xlsx');
    await (await openXlsx(input)).writeCopy(out, [RECON, RUN_LOG]);
    const zip = await zipOf(out);
    const types = await partText(zip, '[Content_Types].xml');
    const sheetXml = await partText(zip, 'xl/worksheets/sheet2.xml');
    const drawingRelId = /<drawing r:id="(rId\d+)"\/><\/worksheet>$/.exec(sheetXml)?.[1];
    expect(drawingRelId).toBeDefined();
    const sheetRels = parseRels(await partText(zip, 'xl/worksheets/_rels/sheet2.xml.rels'));
    const drawingRel = sheetRels.find((r) => r.id === drawingRelId);
    expect(drawingRel?.type).toMatch(/\/drawing$/);
    expect(drawingRel?.target).toBe('../drawings/drawing1.xml');
    const drawing = await partText(zip, 'xl/drawings/drawing1.xml');
    expect(drawing).toContain('<xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>');
    expect(drawing).toContain('<xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>17</xdr:row>');
    const chartRel = parseRels(await partText(zip, 'xl/drawings/_rels/drawing1.xml.rels'))[0];
    expect(chartRel?.target).toBe('../charts/chart1.xml');
    const chart = await partText(zip, 'xl/charts/chart1.xml');
    expect(chart).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<c:f>&apos;Reconciliation&apos;!$B$2:$B$3</c:f>");
    expect(chart).toContain('<c:pt idx="1"><c:v>500</c:v></c:pt>'); // cached from the sheet's values
    expect(chart).toContain('<c:v>Universe and report by quarter</c:v>'.replace('<c:v>', '<a:t>').replace('</c:v>', '</a:t>'));
    expect(await partText(zip, 'xl/charts/chart2.xml')).toContain('<c:lineChart>');
    for (const part of ['/xl/charts/chart1.xml', '/xl/charts/chart2.xml', '/xl/drawings/drawing1.xml', '/xl/drawings/drawing2.xml']) {
      expect(types).toContain(`PartName="${part}"`);
    }
    expect(types).toContain('PartName="/xl/worksheets/sheet4.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"');
  });

  it('replaces its own earlier output without leaving the old chart parts behind', async () => {
    const first = join(dir, 'out-f1.xlsx');
    const second = join(dir, 'out-f2.xlsx');
    await (await openXlsx(input)).writeCopy(first, [RECON, RUN_LOG]);
    const before = await sha256(first);
    const updated: OwnedSheet = { ...RECON, rows: [[{ text: 'Rerun' }]], charts: [{ ...(RECON.charts?.[0] as NonNullable<OwnedSheet['charts']>[number]), title: 'Second run' }] };
    await (await openXlsx(first)).writeCopy(second, [updated]);
    expect(await sha256(first)).toBe(before);
    const zip = await zipOf(second);
    const charts = Object.keys(zip.files).filter((f) => f.startsWith('xl/charts/'));
    const drawings = Object.keys(zip.files).filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
    expect(charts.sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']); // one new for Reconciliation, Run Log's kept
    expect(drawings).toHaveLength(2);
    const allCharts = await Promise.all(charts.map((c) => partText(zip, c)));
    expect(allCharts.filter((c) => c.includes('Second run'))).toHaveLength(1);
    expect(allCharts.some((c) => c.includes('Universe and report by quarter'))).toBe(false);
    const types = await partText(zip, '[Content_Types].xml');
    for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(zip.file(m[1] ?? '') !== null, `${m[1]} listed and present`).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    expect(wb.getWorksheet('reconciliation')?.getCell('A1').value).toBe('Rerun');
    expect(wb.getWorksheet('Run Log')?.getCell('B2').value).toBe('0.1.0');
  });

  it('works through a WorkbookTarget and on a copy of a copy', async () => {
    const out = join(dir, 'out-g.xlsx');
    const book = await openXlsx(input);
    await book.copyTarget(out).writeSheets([RUN_LOG]);
    const again = join(dir, 'again.xlsx');
    await copyFile(out, again);
    const back = await openXlsx(again);
    expect((await back.sheets()).map((s) => s.name)).toEqual(['Data', 'reconciliation', 'Line Map', 'Run Log']);
  });

  it('drops the calculation chain, which lists formula cells of the old sheet, and asks Excel to recalculate', async () => {
    const zip = await zipOf(input);
    zip.file('xl/calcChain.xml', '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="2"/></calcChain>');
    const rels = await partText(zip, 'xl/_rels/workbook.xml.rels');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    const types = await partText(zip, '[Content_Types].xml');
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    const withChain = join(dir, 'with-chain.xlsx');
    await writeFile(withChain, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = join(dir, 'out-chain.xlsx');
    await (await openXlsx(withChain)).writeCopy(out, [RECON]);
    const dst = await zipOf(out);
    expect(dst.file('xl/calcChain.xml')).toBeNull();
    expect(await partText(dst, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(await partText(dst, '[Content_Types].xml')).not.toContain('calcChain');
    expect(await partText(dst, 'xl/workbook.xml')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
  });

  it('rejects sheet names Excel would refuse and duplicates', async () => {
    const book = await openXlsx(input);
    await expect(book.writeCopy(join(dir, 'bad.xlsx'), [{ name: 'A/B', rows: [] }])).rejects.toThrow(/cannot be an Excel sheet name/);
    await expect(book.writeCopy(join(dir, 'bad.xlsx'), [RUN_LOG, { ...RUN_LOG, name: 'run log' }])).rejects.toThrow(/listed twice/);
    await expect(readFile(join(dir, 'bad.xlsx'))).rejects.toThrow();
  });
});
