// The byte-level sheet scanner fed in pieces of every size: a sheet cut into chunks of 1 to 40
// bytes (so every tag, value and multi-byte character is split somewhere) gives exactly the cells
// of the same sheet fed whole, and the values are those written. Also: the plain-number fast path
// gives the same double as Number() for the decimals a sheet holds, and a byte that is not UTF-8
// is an error naming the sheet.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/workbook/port.js';
import { openXlsxBytes } from '../../../src/xlsx/read/open-bytes.js';
import { SharedStringsScanner } from '../../../src/xlsx/read/shared-strings.js';
import { SheetScanner, type SheetSink } from '../../../src/xlsx/read/sheet-scanner.js';
import { TextStore } from '../../../src/xlsx/read/text-store.js';
import { plainNumber } from '../../../src/xlsx/read/xml-bytes.js';
import { handPackage, worksheet } from './make-package.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sharedStrings = ['Medicaid', '', 'Title XIX'];
const ctx = { sharedStrings: TextStore.of(sharedStrings), dateStyles: new Uint8Array([0, 1]), date1904: false };

/** One sheet with every kind of cell the scanner reads, a comment, a processing instruction and a merge. */
const SHEET =
  '\uFEFF' +
  worksheet(
    [
      '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="0" t="s"><v>2</v></c><c r="D1"><v>-1234.56</v></c><c r="E1"><v>1.5E3</v></c><c r="F1"><v> 7 </v></c></row>',
      '<!-- a comment --><?pi here?>',
      '<row r="3"><c r="A3" t="inlineStr"><is><t>é ☺ 😀 &amp; _x000D_</t></is></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" s="1"><v>45245</v></c><c r="E3"><f>1+1</f><v>2</v></c><c r="F3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>',
      '<row r="4"><c r="A4"/><c r="B4"><v></v></c><c r="C4"><v>0.1</v></c><c r="D4"><v>-0</v></c><c r="E4"><v>123456789012345678</v></c></row>',
    ].join(''),
    '<mergeCells count="1"><mergeCell ref="A10:B10"/></mergeCells>',
  );

interface Scanned {
  readonly cells: (readonly [number, number, CellValue, number])[];
  readonly formulas: (readonly [number, number, string])[];
  readonly rowEnds: number[];
  readonly merges: readonly string[];
}

function scan(bytes: Uint8Array, sizes: readonly number[]): Scanned {
  const out: Scanned = { cells: [], formulas: [], rowEnds: [], merges: [] };
  const sink: SheetSink = {
    cell: (row, col, value, _style, shared) => out.cells.push([row, col, value, shared]),
    formula: (row, col, f) => out.formulas.push([row, col, f.text]),
    rowEnd: (row) => out.rowEnds.push(row),
  };
  const scanner = new SheetScanner(ctx, sink);
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes.length === 0 ? bytes.length : (sizes[k % sizes.length] as number);
    scanner.push(bytes.subarray(at, at + size));
    at += size;
  }
  scanner.end();
  return { ...out, merges: scanner.merges };
}

describe('SheetScanner over bytes', () => {
  const bytes = new TextEncoder().encode(SHEET);

  it('reads every kind of cell (values as written, the byte order mark dropped)', () => {
    const whole = scan(bytes, []);
    expect(whole.cells).toEqual([
      [1, 1, 'Medicaid', 0],
      [1, 3, 'Title XIX', 2],
      [1, 4, -1234.56, -1],
      [1, 5, 1500, -1],
      [1, 6, 7, -1],
      [3, 1, 'é ☺ 😀 & \r', -1],
      [3, 2, true, -1],
      [3, 3, { kind: 'error', code: '#N/A' }, -1],
      // 45245 in a date format: 2023-11-15 (Excel shows =DATE(2023,11,15) as 45245).
      [3, 4, new Date(Date.UTC(2023, 10, 15)), -1],
      [3, 5, 2, -1],
      [3, 6, 'ab', -1],
      [4, 3, 0.1, -1],
      [4, 4, -0, -1],
      [4, 5, 123456789012345680, -1],
    ]);
    expect(whole.formulas).toEqual([
      [3, 5, '1+1'],
      [3, 6, '"a"&"b"'],
    ]);
    expect(whole.rowEnds).toEqual([1, 3, 4]);
    expect(whole.merges).toEqual(['A10:B10']);
  });

  it('gives the same cells however the bytes are cut into chunks', () => {
    const whole = scan(bytes, []);
    for (let size = 1; size <= 40; size++) expect(scan(bytes, [size]), `chunks of ${size}`).toEqual(whole);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }), (sizes) => {
        expect(scan(bytes, sizes)).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('a prefixed namespace is read the same, in any chunks', () => {
    const xml = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>2</x:v></x:c><x:c r="C2"><x:v>2.25</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const prefixed = new TextEncoder().encode(xml);
    for (const size of [1, 2, 3, 5, 8, prefixed.length]) {
      expect(scan(prefixed, [size]).cells).toEqual([
        [2, 2, 'Title XIX', 2],
        [2, 3, 2.25, -1],
      ]);
    }
  });
});

describe('SharedStringsScanner over bytes', () => {
  const SST = `\uFEFF<?xml version="1.0"?><sst xmlns="${NS}" count="6"><si><t>Medicaid</t></si><si><t/></si><si><t xml:space="preserve"> Title XIX </t></si><!-- c --><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>é😀</t></r><rPh><t>ignored</t></rPh></si><si><t>a &amp; b_x000D_</t></si><si><t>plain é ☺</t></si></sst>`;
  const bytes = new TextEncoder().encode(SST);
  const read = (sizes: readonly number[]): string[] => {
    const scanner = new SharedStringsScanner();
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const size = sizes[k % sizes.length] as number;
      scanner.push(bytes.subarray(at, at + size));
      at += size;
    }
    const table = scanner.end();
    return Array.from({ length: table.count }, (_v, i) => table.text(i) as string);
  };

  it('reads plain, preserved, rich and escaped strings, in chunks of any size', () => {
    const want = ['Medicaid', '', ' Title XIX ', 'Rich é😀', 'a & b\r', 'plain é ☺'];
    expect(read([bytes.length])).toEqual(want);
    for (let size = 1; size <= 40; size++) expect(read([size]), `chunks of ${size}`).toEqual(want);
  });
});

describe('plainNumber (the scanner reads plain decimals without making a string)', () => {
  const bytesOf = (s: string) => new TextEncoder().encode(s);
  it('gives the double Number() gives, for decimals of up to 15 digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 15 }), (digits, places) => {
        const abs = (digits < 0n ? -digits : digits).toString().padStart(places + 1, '0');
        const text = `${digits < 0n ? '-' : ''}${places === 0 ? abs : `${abs.slice(0, abs.length - places)}.${abs.slice(abs.length - places)}`}`;
        const b = bytesOf(text);
        const got = plainNumber(b, 0, b.length);
        // At most 15 digits as written: read here, exactly; more: left to Number().
        if (abs.length > 15) expect(got, text).toBeNaN();
        else expect(Object.is(got, Number(text)), text).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves every other form to Number() (NaN here): exponents, signs, spaces, more digits', () => {
    for (const text of ['1e5', '+1', ' 1', '1 ', '-', '.', '', '1.2.3', '1234567890123456', '0x1F']) {
      const b = bytesOf(text);
      expect(plainNumber(b, 0, b.length), text).toBeNaN();
    }
  });
});

describe('a sheet that is not UTF-8', () => {
  it('is an error naming the sheet, wherever the bad byte is', async () => {
    const xml = worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>caf\u00e9</t></is></c></row>');
    const good = new TextEncoder().encode(xml);
    // 0xE9 alone (Latin-1 é) is not UTF-8.
    const bad = new Uint8Array([...good.subarray(0, good.indexOf(0xc3)), 0xe9, ...good.subarray(good.indexOf(0xc3) + 2)]);
    const pkg = await handPackage({ sheets: [{ name: 'Latin', xml: 'PLACEHOLDER' }] });
    // Rebuild the package with the raw bytes as the sheet part.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(pkg);
    zip.file('xl/worksheets/sheet1.xml', bad);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    await expect(openXlsxBytes('latin.xlsx', bytes)).rejects.toThrow(/^latin\.xlsx sheet 'Latin'.*not valid UTF-8/);
    zip.file('xl/worksheets/sheet1.xml', good);
    const fine = await openXlsxBytes('fine.xlsx', await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(await fine.sheets()).toHaveLength(1);
  });
});
