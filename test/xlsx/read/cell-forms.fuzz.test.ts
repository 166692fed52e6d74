// The scanner reads common cells straight from the bytes and every other form as text: the same
// value written in any of the forms a writer may use must read the same. The expected value is the
// one generated, never one computed by the reader's code: numbers written as equal decimals
// (leading zeros, trailing zeros, a plus sign, an exponent, spaces around), text escaped in several
// ways (entities, character references, _xHHHH_ escapes), shared strings by index with leading zeros.
// (-0 is written "0", as String(-0) is, so it reads as 0.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/workbook/port.js';
import { openXlsxBytes } from '../../../src/xlsx/read/open-bytes.js';
import { handPackage, worksheet } from './make-package.js';

type Cell = { readonly xml: string; readonly value: CellValue };

/** A decimal text of `n` (its shortest form, no exponent) written another way with the same value. */
function numberForm(n: number, form: number): string {
  const plain = String(n);
  if (/e/i.test(plain)) return plain;
  const negative = plain.startsWith('-');
  const digits = negative ? plain.slice(1) : plain;
  const [int = '', frac = ''] = digits.split('.');
  const sign = negative ? '-' : '';
  switch (form) {
    case 0:
      return plain;
    case 1:
      return `${sign}00${int}${frac === '' ? '' : `.${frac}`}`;
    case 2:
      return `${sign}${int}.${frac}000`;
    case 3:
      return negative ? plain : `+${plain}`;
    case 4: {
      // int.frac = (int frac) x 10^-len(frac)
      const all = `${int}${frac}`.replace(/^0+(?=\d)/, '');
      return `${sign}${all}E-${frac.length}`;
    }
    default:
      return ` ${plain}\t`;
  }
}

const CHARS = ['a', 'Z', ' ', '&', '<', '>', '"', "'", '_', 'x', '0', 'é', '☺', '😀', '\n', '-'];

/** Text escaped as a writer may: entities for & < >, sometimes a character reference, sometimes _x005F_ for an underscore. */
function escapeText(text: string, style: number): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '&') out += style === 1 ? '&#38;' : '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += style === 2 ? '&#x3E;' : '&gt;';
    else if (ch === '_') out += style === 2 ? '_x005F_' : '_';
    else if (style === 1 && code > 127) out += `&#x${code.toString(16)};`;
    else out += ch;
  }
  return out;
}

const cellArb = (shared: string[]): fc.Arbitrary<(ref: string) => Cell> =>
  fc.oneof(
    fc.tuple(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 100)), fc.integer({ min: 0, max: 5 })).map(([n, form]) => (ref: string) => ({ xml: `<c r="${ref}"><v>${numberForm(n, form)}</v></c>`, value: Object.is(n, -0) ? 0 : n })),
    fc.tuple(fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 10 }).map((a) => a.join('')), fc.integer({ min: 0, max: 2 }), fc.constantFrom('str', 'inline', 'shared')).map(([text, style, kind]) => (ref: string) => {
      const escaped = escapeText(text, style);
      if (kind === 'str') return { xml: `<c r="${ref}" t="str"><v>${escaped}</v></c>`, value: text };
      if (kind === 'inline') return { xml: `<c r="${ref}" t="inlineStr"><is><t>${escaped}</t></is></c>`, value: text };
      shared.push(escaped);
      return { xml: `<c r="${ref}" t="s"><v>${style === 1 ? '00' : ''}${shared.length - 1}</v></c>`, value: text };
    }),
  );

describe('cells written in every form read the same', () => {
  it('numbers, text and shared strings, whichever form', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 30 }), fc.infiniteStream(fc.nat()), async (widths, seeds) => {
        const shared: string[] = [];
        const arb = cellArb(shared);
        const expected: CellValue[][] = [];
        const rows: string[] = [];
        let k = 0;
        const seedIter = seeds[Symbol.iterator]();
        widths.forEach((w, r) => {
          const row: CellValue[] = [];
          const xml: string[] = [];
          for (let c = 0; c < w; c++) {
            const seed = seedIter.next().value as number;
            const make = fc.sample(arb, { seed, numRuns: 1 })[0] as (ref: string) => Cell;
            const cell = make(`${String.fromCharCode(65 + c)}${r + 1}`);
            xml.push(cell.xml);
            row.push(cell.value);
            k++;
          }
          rows.push(`<row r="${r + 1}">${xml.join('')}</row>`);
          expected.push(row);
        });
        const sstXml = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
        const book = await openXlsxBytes('forms.xlsx', await handPackage({ sheets: [{ name: 'Forms', xml: worksheet(rows.join('')) }], sstXml }));
        const got: CellValue[][] = [];
        for await (const chunk of book.readRows('Forms')) for (const r of chunk) got[r.row - 1] = [...r.cells];
        expected.forEach((row, r) => row.forEach((v, c) => expect(Object.is(got[r]?.[c], v) || (typeof v === 'string' && got[r]?.[c] === v), `${String.fromCharCode(65 + c)}${r + 1}: got ${JSON.stringify(got[r]?.[c])}, wrote ${JSON.stringify(v)}`).toBe(true)));
        expect(k).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
  });
});
