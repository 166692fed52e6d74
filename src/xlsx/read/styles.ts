/**
 * Which cell formats show dates, from the styles part (ECMA-376 part 1, 18.8.10 cellXfs, 18.8.31
 * numFmts, and the built-in number formats of 18.8.30): a number in a date-formatted cell is read
 * as a Date, as Excel shows it. The format codes are kept for the preview's display.
 */
import { startTags } from './xml-tags.js';

/** Built-in number formats that are dates or times (18.8.30, and the East Asian ones 27-36, 50-58). */
const BUILT_IN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Built-in format codes the preview shows (percentages and thousands separators; 18.8.30). */
const BUILT_IN_CODES: Readonly<Record<number, string>> = { 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)' };

/** True when a custom format code shows a date or time: y, m, d, h, s outside quotes, brackets and escapes (the rule exceljs uses, with escapes and fill characters also removed). */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

/** Every built-in number format but General (18.8.30, the en-US codes Excel shows for them). */
const ALL_BUILT_IN_CODES: Readonly<Record<number, string>> = {
  ...BUILT_IN_CODES,
  1: '0', 2: '0.00', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??', 14: 'm/d/yyyy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy',
  18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yyyy h:mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

export interface CellFormats {
  /** By cell format index: 1 when it shows a date or time. */
  readonly dateStyles: Uint8Array;
  /** By cell format index: its number format code, when it has one the preview shows. */
  readonly codes: readonly (string | undefined)[];
  /** By cell format index: its number format code, built-in ones included; undefined for General. */
  readonly numberFormats: readonly (string | undefined)[];
}

export function parseStyles(xml: string | undefined): CellFormats {
  if (xml === undefined) return { dateStyles: new Uint8Array(0), codes: [], numberFormats: [] };
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  for (const t of startTags(xml)) {
    if (t.local === 'numFmt' && t.parents[t.parents.length - 1] === 'numFmts') custom.set(Number(t.attrs['numFmtId']), t.attrs['formatCode'] ?? '');
    if (t.local === 'xf' && t.parents[t.parents.length - 1] === 'cellXfs') xfIds.push(Number(t.attrs['numFmtId'] ?? 0));
  }
  const dateStyles = new Uint8Array(xfIds.length);
  const codes: (string | undefined)[] = [];
  const numberFormats: (string | undefined)[] = [];
  xfIds.forEach((id, i) => {
    const code = custom.get(id);
    dateStyles[i] = (code === undefined ? BUILT_IN_DATE_IDS.has(id) : isDateFormatCode(code)) ? 1 : 0;
    codes.push(code ?? BUILT_IN_CODES[id]);
    const full = code ?? ALL_BUILT_IN_CODES[id];
    numberFormats.push(full === undefined || full === '' || full.toLowerCase() === 'general' ? undefined : full);
  });
  return { dateStyles, codes, numberFormats };
}
