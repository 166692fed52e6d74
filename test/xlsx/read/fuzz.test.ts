// Fuzzing the reader: generated sheets are read back exactly; the same sheets cut short at any
// point, or their .xlsx with one byte flipped anywhere, give either exactly the right cells or an
// XlsxReadError naming the file (and the sheet when the damage is in one) - never other values, never another exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/workbook/port.js';
import { openXlsxBytes } from '../../../src/xlsx/read/open-bytes.js';
import { XlsxReadError } from '../../../src/xlsx/read/read-error.js';
import { esc, handPackage, worksheet } from './make-package.js';

type Value = Exclude<CellValue, null | Date>;
interface Grid {
  readonly rows: readonly { readonly row: number; readonly cells: readonly { readonly col: number; readonly value: Value }[] }[];
  readonly shared: boolean;
  /** How text is written when not shared: `<is><t xml:space="preserve">`, a plain `<is><t>`, or `t="str"` with `<v>` (as streaming writers save text). */
  readonly inline: 'preserve' | 'plain' | 'str';
}

const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", 'é', '☺', '😀', '\n', '_', 'x', '0'), minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '' || s.length > 0);
const value: fc.Arbitrary<Value> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.integer({ min: -1e9, max: 1e9 }),
  text,
  fc.boolean(),
  fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!').map((code) => ({ kind: 'error' as const, code })),
);
const grid: fc.Arbitrary<Grid> = fc.record({
  rows: fc.uniqueArray(fc.record({ row: fc.integer({ min: 1, max: 2000 }), cells: fc.uniqueArray(fc.record({ col: fc.integer({ min: 1, max: 60 }), value }), { selector: (c) => c.col, minLength: 1, maxLength: 6 }) }), { selector: (r) => r.row, minLength: 1, maxLength: 25 }).map((rows) =>
    [...rows].sort((a, b) => a.row - b.row).map((r) => ({ row: r.row, cells: [...r.cells].sort((a, b) => a.col - b.col) })),
  ),
  shared: fc.boolean(),
  inline: fc.constantFrom('preserve', 'plain', 'str'),
});

function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetXml(g: Grid, strings: string[]): string {
  const body = g.rows
    .map((r) => {
      const cells = r.cells.map(({ col, value: v }) => {
        const ref = `${colName(col)}${r.row}`;
        if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
        if (typeof v === 'boolean') return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
        if (typeof v === 'object') return `<c r="${ref}" t="e"><v>${esc(v.code)}</v></c>`;
        if (g.shared) {
          strings.push(v);
          return `<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`;
        }
        if (g.inline === 'str') return `<c r="${ref}" t="str"><v>${esc(v)}</v></c>`;
        return `<c r="${ref}" t="inlineStr"><is>${g.inline === 'plain' ? '<t>' : '<t xml:space="preserve">'}${esc(v)}</t></is></c>`;
      });
      return `<row r="${r.row}">${cells.join('')}</row>`;
    })
    .join('');
  return worksheet(body);
}

async function readAll(bytes: Uint8Array): Promise<Map<string, Value>> {
  const book = await openXlsxBytes('fuzz.xlsx', bytes, { headRows: 5 });
  const out = new Map<string, Value>();
  for (const s of await book.sheets()) {
    for await (const chunk of book.readRows(s.name, { chunkRows: 7 })) {
      for (const r of chunk) r.cells.forEach((v, i) => v !== null && out.set(`${colName(s.firstColumn + i)}${r.row}`, v as Value));
    }
  }
  return out;
}

function expected(g: Grid): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const r of g.rows) for (const c of r.cells) out.set(`${colName(c.col)}${r.row}`, c.value);
  return out;
}

async function packageOf(g: Grid, cut?: number): Promise<Uint8Array> {
  const strings: string[] = [];
  const xml = sheetXml(g, strings);
  // Shared strings as `<si><t xml:space="preserve">` (make-package) or, with g.inline plain, as Excel writes plain text: `<si><t>`.
  const sst = g.inline === 'plain' ? { sstXml: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>` } : { sharedStrings: strings };
  return handPackage({ sheets: [{ name: 'Fuzz', xml: cut === undefined ? xml : xml.slice(0, Math.max(6, Math.floor(cut * xml.length))) }], ...(g.shared ? sst : {}) });
}

describe('fuzzing the .xlsx reader', () => {
  it('reads generated sheets back exactly (numbers, text with escapes, booleans, errors; shared or inline)', async () => {
    await fc.assert(
      fc.asyncProperty(grid, async (g) => {
        expect(await readAll(await packageOf(g))).toEqual(expected(g));
      }),
      { numRuns: 80 },
    );
  });

  it('a sheet cut short at any point is an error naming the sheet', async () => {
    await fc.assert(
      fc.asyncProperty(grid, fc.double({ min: 0, max: 0.9999, noNaN: true }), async (g, cut) => {
        await expect(readAll(await packageOf(g, cut))).rejects.toThrow(/^fuzz\.xlsx sheet 'Fuzz'/);
      }),
      { numRuns: 80 },
    );
  });

  it('one byte flipped anywhere in the file: the right cells or an XlsxReadError, never other values', async () => {
    await fc.assert(
      fc.asyncProperty(grid, fc.double({ min: 0, max: 0.9999, noNaN: true }), fc.integer({ min: 1, max: 255 }), async (g, where, mask) => {
        const bytes = new Uint8Array(await packageOf(g));
        const at = Math.floor(where * bytes.length);
        bytes[at] = (bytes[at] ?? 0) ^ mask;
        let got: Map<string, Value>;
        try {
          got = await readAll(bytes);
        } catch (e) {
          expect(e, String(e)).toBeInstanceOf(XlsxReadError);
          expect((e as Error).message).toMatch(/^fuzz\.xlsx/);
          return;
        }
        expect(got).toEqual(expected(g));
      }),
      { numRuns: 150 },
    );
  });
});
