import { describe, expect, it } from 'vitest';
import type { CellValue, SheetRow } from '../../../src/core/workbook/port.js';
import { readUniverseTotals } from '../../../src/core/workbook/universe-totals.js';
import { openBytesZip } from '../../../src/xlsx/read/bytes-zip.js';
import { XlsxBook } from '../../../src/xlsx/read/xlsx-book.js';
import { esc, handPackage, worksheet, type HandPackage } from './make-package.js';

async function open(p: HandPackage, headRows?: number): Promise<XlsxBook> {
  return XlsxBook.open('hand.xlsx', await openBytesZip(await handPackage(p)), headRows === undefined ? {} : { headRows });
}

async function rows(book: XlsxBook, sheet: string, options = {}): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const c of book.readRows(sheet, options)) out.push(...c);
  return out;
}

/** Cells from [reference, the rest of the tag and its inner XML]; a trailing <v> value is closed here. */
const cells = (list: readonly (readonly [string, string])[]) => list.map(([ref, inner]) => `<c r="${ref}"${inner}${/<v>[^<]*$/.test(inner) ? '</v>' : ''}</c>`).join('');

describe('XlsxBook: cell values', () => {
  it('reads shared, inline and rich text, numbers, booleans, errors, formulas and ISO dates', async () => {
    const data =
      `<row r="2">${cells([
        ['B2', ' t="s"><v>0'],
        ['C2', ' t="inlineStr"><is><t>inline &amp; &lt;escaped&gt; &#x263A;</t></is>'],
        ['D2', ' t="inlineStr"><is><r><rPr><b/></rPr><t>Title </t></r><r><t xml:space="preserve">XIX</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is>'],
      ])}</row>` +
      `<row r="3">${cells([
        ['B3', '><v>1234.5'],
        ['C3', '><v>-1.25E3'],
        ['D3', ' t="b"><v>1'],
        ['E3', ' t="b"><v>0'],
        ['F3', ' t="e"><v>#N/A'],
        ['G3', '><f>1-1</f><v>0'],
        ['H3', ' t="str"><f>"a"&amp;"b"</f><v>ab'],
        ['I3', ' t="d"><v>2023-11-15T00:00:00Z'],
        ['J3', ' t="s"><v>1'],
      ])}<c r="K3" s="0"/><c r="L3"><f>A1</f></c></row>`;
    const book = await open({ sheets: [{ name: 'S', xml: data }], sharedStrings: ['Medicaid', 'line\r\nbreak_x000D_'] });
    // L3's formula has no cached value (as openpyxl saves formulas) but was typed: it is in the used range.
    expect(await book.sheets()).toEqual([{ name: 'S', firstRow: 2, firstColumn: 2, rowCount: 2, columnCount: 11, merges: [] }]);
    const got = await rows(book, 'S');
    expect(got[0]).toEqual({ row: 2, cells: ['Medicaid', 'inline & <escaped> \u263A', 'Title XIX', null, null, null, null, null, null, null, null] });
    expect(got[1]?.cells).toEqual([1234.5, -1250, true, false, { kind: 'error', code: '#N/A' }, 0, 'ab', new Date(Date.UTC(2023, 10, 15)), 'line\r\nbreak\r', null, null]);
  });

  it('reads numbers in date formats as dates, in the 1900 and the 1904 date systems', async () => {
    // 45245 is 2023-11-15 in the 1900 system (Excel: =DATE(2023,11,15) shows 45245); the 1904 system counts 1,462 days fewer.
    const sheet = { name: 'D', xml: `<row r="1"><c r="A1" s="1"><v>45245</v></c><c r="B1" s="2"><v>45245.5</v></c><c r="C1" s="3"><v>45245</v></c><c r="D1"><v>45245</v></c></row>` };
    const formats = { cellFormats: [0, 14, 164, 165], customFormats: { 164: 'yyyy-mm-dd hh:mm', 165: '"Day"\\ 0.00' } };
    const b1900 = await open({ sheets: [sheet], ...formats });
    expect((await rows(b1900, 'D'))[0]?.cells).toEqual([new Date(Date.UTC(2023, 10, 15)), new Date(Date.UTC(2023, 10, 15, 12)), 45245, 45245]);
    const b1904 = await open({ sheets: [{ ...sheet, xml: sheet.xml.replace(/45245/g, String(45245 - 1462)) }], date1904: true, ...formats });
    expect((await rows(b1904, 'D'))[0]?.cells.slice(0, 2)).toEqual([new Date(Date.UTC(2023, 10, 15)), new Date(Date.UTC(2023, 10, 15, 12))]);
  });

  it('computes the used range from the cells read, never from <dimension>, and keeps merges and hidden sheets', async () => {
    const lying = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData>${Array.from({ length: 500 }, (_v, i) => `<row r="${i + 3}"><c r="C${i + 3}"><v>${i}</v></c><c r="E${i + 3}" t="inlineStr"><is><t>x</t></is></c></row>`).join('')}<row r="600"><c r="F600" s="0"/></row></sheetData><mergeCells count="1"><mergeCell ref="C10:C11"/></mergeCells></worksheet>`;
    const book = await open({ sheets: [{ name: 'Big', xml: lying }, { name: 'Secret', xml: '<row r="1"><c r="A1"><v>1</v></c></row>', state: 'hidden' }, { name: 'Empty', xml: '' }] }, 50);
    expect(await book.sheets()).toEqual([
      { name: 'Big', firstRow: 3, firstColumn: 3, rowCount: 500, columnCount: 3, merges: ['C10:C11'] },
      { name: 'Secret', firstRow: 1, firstColumn: 1, rowCount: 1, columnCount: 1, merges: [], hidden: true },
      { name: 'Empty', firstRow: 1, firstColumn: 1, rowCount: 0, columnCount: 0, merges: [] },
    ]);
    // Rows past the kept head are streamed again: a window deep in the sheet, in chunks.
    const chunks: number[][] = [];
    for await (const c of book.readRows('Big', { fromRow: 400, toRow: 404, chunkRows: 2 })) chunks.push(c.map((r) => r.row));
    expect(chunks).toEqual([[400, 401], [402, 403], [404]]);
    expect((await rows(book, 'Big', { fromRow: 502, toRow: 502 }))[0]?.cells).toEqual([499, null, 'x']);
    // Asked for column E only, kept or streamed again: the other columns come back blank.
    expect((await rows(book, 'Big', { fromRow: 10, toRow: 10, columns: [5] }))[0]?.cells).toEqual([null, null, 'x']);
    expect((await rows(book, 'Big', { fromRow: 502, toRow: 502, columns: [5] }))[0]?.cells).toEqual([null, null, 'x']);
    expect((await rows(book, 'Big', { fromRow: 502, toRow: 502, columns: [3, 99] }))[0]?.cells).toEqual([499, null, null]);
    expect(await rows(book, 'Empty')).toEqual([]);
  });

  it('reads a prefixed namespace (x:worksheet) and rows and cells without r', async () => {
    const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="B2"><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const book = await open({ sheets: [{ name: 'P', xml }] });
    expect(await rows(book, 'P')).toEqual([
      { row: 1, cells: ['a', 2] },
      { row: 2, cells: [null, 3] },
    ]);
  });
});

describe('XlsxBook: merged cells over table data', () => {
  it('are an error naming the range, whatever the size of the sheet (merges are read from every sheet)', async () => {
    const header = `<row r="1">${['Program', 'Quarter', 'Component', 'Amount'].map((h, i) => `<c r="${'ABCD'[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('')}</row>`;
    const data = Array.from({ length: 3000 }, (_v, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>Medicaid</t></is></c><c r="B${i + 2}" t="inlineStr"><is><t>2023Q3</t></is></c><c r="C${i + 2}" t="inlineStr"><is><t>FFS</t></is></c><c r="D${i + 2}"><v>1.5</v></c></row>`).join('');
    const xml = worksheet(header + data, '<mergeCells count="1"><mergeCell ref="D2500:D2501"/></mergeCells>');
    const book = await open({ sheets: [{ name: 'Universe', xml }] }, 30);
    const read = await readUniverseTotals(book);
    expect(read.issues.map((i) => [i.code, i.sheet, i.cell])).toContainEqual(['table.merged-cells', 'Universe', 'D2500:D2501']);
  });
});

describe('XlsxBook: bad sheets are errors naming the file, sheet and cell', () => {
  const bad = async (sheetData: string, extra: Partial<HandPackage> = {}) => open({ sheets: [{ name: 'Findings', xml: sheetData }], ...extra });
  it.each([
    ['a number that is not one', '<row r="1"><c r="A1"><v>12abc</v></c></row>', /sheet 'Findings' cell A1: cell A1 holds "12abc" where a number belongs/],
    ['a hexadecimal number (Number() would read it; xsd:double does not)', '<row r="1"><c r="A1"><v>0x1F</v></c></row>', /cell A1 holds "0x1F" where a number belongs/],
    ['a shared string that does not exist', '<row r="1"><c r="B1" t="s"><v>7</v></c></row>', /cell B1: cell B1 refers to shared string 7, but the workbook has only 0/],
    ['rows out of order', '<row r="5"><c r="A5"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>', /sheet 'Findings'.*row 2 comes after row 5/],
    ['cells out of order', '<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>1</v></c></row>', /cell B1 comes after C1/],
    ['an unknown entity', '<row r="1"><c r="A1" t="inlineStr"><is><t>&bogus;</t></is></c></row>', /sheet 'Findings' cell A1:.*entity &bogus;/],
    ['an unknown cell type', '<row r="1"><c r="A1" t="q"><v>1</v></c></row>', /cell type "q"/],
    ['a cell longer than 32,767 characters', `<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(32_768)}</t></is></c></row>`, /cell A1: cell A1 holds 32,768 characters, more than the 32,767 Excel allows/],
    ['text between cells', '<row r="1">oops<c r="A1"><v>1</v></c></row>', /text outside any cell near row 1/],
  ])('%s', async (_what, xml, message) => {
    await expect(bad(xml)).rejects.toThrow(message);
  });

  it('a sheet cut short, anywhere, is an error naming the sheet (never fewer rows)', async () => {
    const whole = worksheet(Array.from({ length: 30 }, (_v, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(''));
    for (const at of [whole.length - 1, Math.floor((whole.length * 2) / 3), 200, 60]) {
      await expect(bad(whole.slice(0, at)), `cut at ${at}`).rejects.toThrow(/hand\.xlsx sheet 'Findings'.*(cut short|ends|never ends)/);
    }
  });

  it('refuses a DOCTYPE (no entity is ever expanded), in sheets and shared strings', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><worksheet xmlns="x"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    await expect(bad(bomb)).rejects.toThrow(/sheet 'Findings'.*document type \(<!DOCTYPE>\).*refused/);
    const external = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst xmlns="x"><si><t>&x;</t></si></sst>`;
    await expect(bad('', { sstXml: external })).rejects.toThrow(/part xl\/sharedStrings\.xml.*DOCTYPE/);
  });

  it('a shared-string table cut short or with an over-long string is an error naming the part', async () => {
    await expect(bad('', { sstXml: '<sst xmlns="x"><si><t>a</t></si><si><t>b' })).rejects.toThrow(/sharedStrings\.xml.*cut short/);
    await expect(bad('', { sharedStrings: ['y'.repeat(40_000)] })).rejects.toThrow(/shared string 1 holds 40,000 characters/);
  });

  it('a merged range that is not a range is an error', async () => {
    await expect(bad(worksheet('', '<mergeCells><mergeCell ref="nonsense"/></mergeCells>'))).rejects.toThrow(/merged range "nonsense"/);
  });

  it('escapes in test text round-trip', () => {
    expect(esc('<a&"b">')).toBe('&lt;a&amp;&quot;b&quot;&gt;');
  });
});

export type { CellValue };
