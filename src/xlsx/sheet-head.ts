/**
 * The first cells of a worksheet part (rows 1.. and columns A.. up to a limit), as values, for the
 * owned-sheet guard's layout check. Reads shared strings, inline strings, cached formula results,
 * booleans and errors, as Excel, LibreOffice and openpyxl write them.
 */
import { parseAddress } from '../core/workbook/address.js';
import type { CellValue } from '../core/workbook/port.js';
import { attr, elements, rootPrefix, section, unescapeXml } from './xml-text.js';

/** The visible text of a `<si>` or `<is>` item: its `<t>` runs, phonetic runs left out. */
export function itemText(inner: string): string {
  const noPhonetic = inner.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '');
  return [...noPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
}

export function sheetHead(sheetXml: string, strings: readonly string[], rows: number, columns: number): CellValue[][] {
  const p = rootPrefix(sheetXml, 'worksheet');
  const data = section(sheetXml, p, 'sheetData');
  const head: CellValue[][] = Array.from({ length: rows }, () => Array.from({ length: columns }, () => null));
  if (data === undefined) return head;
  let implicitRow = 0;
  for (const row of elements(data.inner, p, 'row')) {
    const start = /^<[^>]*>/.exec(row)?.[0] ?? row;
    const r = Number(attr(start, 'r') ?? implicitRow + 1);
    implicitRow = r;
    if (r > rows) break;
    let implicitCol = 0;
    for (const cell of elements(row, p, 'c')) {
      const cStart = /^<[^>]*>/.exec(cell)?.[0] ?? cell;
      const ref = attr(cStart, 'r');
      const col = ref === undefined ? implicitCol + 1 : (parseAddress(ref)?.col ?? implicitCol + 1);
      implicitCol = col;
      if (col > columns) continue;
      const type = attr(cStart, 't') ?? 'n';
      const v = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(cell)?.[1];
      let value: CellValue = null;
      if (type === 's') value = v === undefined ? null : itemText(strings[Number(v)] ?? '');
      else if (type === 'inlineStr') value = itemText(section(cell, p, 'is')?.inner ?? '');
      else if (type === 'str') value = v === undefined ? null : unescapeXml(v);
      else if (type === 'b') value = v === '1' || v === 'true';
      else if (type === 'e') value = { kind: 'error', code: v ?? '#N/A' };
      else if (v !== undefined && v !== '') value = Number(v);
      head[r - 1]![col - 1] = value;
    }
  }
  return head;
}
