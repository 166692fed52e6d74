/** Parsers for the kinds of value a setting holds: percentages, yes/no, dates, one-of choices, text. */
import { describeCellValue, isBlank, isCellError, isoDate } from './cell-value.js';
import { excelSerialToDate, isPlausibleDateSerial } from './excel-date.js';
import { normalizeLabel } from './normalize-label.js';
import type { CellValue } from './port.js';
import { parsedFail, parsedOk, type Parsed } from './parsed.js';

function notUsable(value: CellValue, fix: string): string | undefined {
  if (isBlank(value)) return `The value is blank. ${fix}`;
  if (isCellError(value)) return `The cell holds ${describeCellValue(value)}. ${fix}`;
  return undefined;
}

/**
 * A percentage → a fraction: `15%`, `0.15` and `15` all give 0.15 (a number of 1 or more is read
 * as percentage points). The result must lie in [min, max) (fractions).
 */
export function parsePercent(value: CellValue, min: number, max: number): Parsed<number> {
  const fix = `Type a percentage such as 15%, 0.15 or 15, from ${min * 100}% up to (not including) ${max * 100}%.`;
  const bad = notUsable(value, fix);
  if (bad !== undefined) return parsedFail(bad);
  let fraction: number;
  if (typeof value === 'number') {
    fraction = value >= 1 ? value / 100 : value;
  } else if (typeof value === 'string') {
    const m = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*(%?)$/.exec(value.trim());
    if (m === null) return parsedFail(`${describeCellValue(value)} is not a percentage. ${fix}`);
    const n = Number(m[1]);
    fraction = m[2] === '%' || n >= 1 ? n / 100 : n;
  } else {
    return parsedFail(`${describeCellValue(value)} is not a percentage. ${fix}`);
  }
  if (!Number.isFinite(fraction) || fraction < min || fraction >= max) {
    return parsedFail(`${describeCellValue(value)} is outside the allowed range. ${fix}`);
  }
  return parsedOk(fraction);
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** `Yes`/`No` (also Y/N, TRUE/FALSE, 1/0, any case) → boolean. */
export function parseYesNo(value: CellValue): Parsed<boolean> {
  const fix = 'Write Yes or No.';
  const bad = notUsable(value, fix);
  if (bad !== undefined) return parsedFail(bad);
  if (typeof value === 'boolean') return parsedOk(value);
  if (typeof value === 'number' && (value === 0 || value === 1)) return parsedOk(value === 1);
  const key = typeof value === 'string' ? normalizeLabel(value) : '';
  if (YES.has(key)) return parsedOk(true);
  if (NO.has(key)) return parsedOk(false);
  return parsedFail(`${describeCellValue(value)} is not Yes or No. ${fix}`);
}

/** A date (a date cell, an Excel serial, `2025-07-01` or US `7/1/2025`) → `YYYY-MM-DD`. */
export function parseDate(value: CellValue): Parsed<string> {
  const fix = 'Enter a date such as 2025-07-01.';
  const bad = notUsable(value, fix);
  if (bad !== undefined) return parsedFail(bad);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? parsedFail(`The date is not valid. ${fix}`) : parsedOk(isoDate(value));
  if (typeof value === 'number') {
    return isPlausibleDateSerial(value) ? parsedOk(isoDate(excelSerialToDate(value))) : parsedFail(`${value} is not a date from 1990 to 2099. ${fix}`);
  }
  if (typeof value === 'string') {
    const s = value.trim();
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    const ymd = m === null ? undefined : [Number(m[1]), Number(m[2]), Number(m[3])];
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    const parts = ymd ?? (m === null ? undefined : [Number(m[3]), Number(m[1]), Number(m[2])]);
    if (parts !== undefined) {
      const [y = 0, mo = 0, d = 0] = parts;
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return parsedOk(isoDate(date));
      return parsedFail(`${describeCellValue(value)} is not a real calendar date. ${fix}`);
    }
  }
  return parsedFail(`${describeCellValue(value)} is not a date. ${fix}`);
}

/** One of `choices`, matched ignoring case and spacing; returns the choice as spelled in `choices`. */
export function parseChoice<T extends string>(value: CellValue, choices: readonly T[]): Parsed<T> {
  const fix = `Write ${choices.slice(0, -1).join(', ')}${choices.length > 1 ? ' or ' : ''}${choices[choices.length - 1] ?? ''}.`;
  const bad = notUsable(value, fix);
  if (bad !== undefined) return parsedFail(bad);
  const key = typeof value === 'string' ? normalizeLabel(value) : undefined;
  const choice = choices.find((c) => normalizeLabel(c) === key);
  return choice === undefined ? parsedFail(`${describeCellValue(value)} is not one of the choices. ${fix}`) : parsedOk(choice);
}

/** Non-blank text, trimmed. */
export function parseText(value: CellValue): Parsed<string> {
  const fix = 'Type the text.';
  const bad = notUsable(value, fix);
  if (bad !== undefined) return parsedFail(bad);
  if (typeof value !== 'string') return parsedFail(`${describeCellValue(value)} is not text. ${fix}`);
  return parsedOk(value.trim().replace(/\s+/g, ' '));
}

/**
 * The CMS-10184E edition: `01/07` (the form of the instructions, lines A-J) or `2013` (the later
 * Summary Findings form). Excel turns a typed `01/07` into the date 7 January, so a date on
 * 7 January (any year) also reads as `01/07`; `2007`, `1/07` and `01/2007` do too.
 */
export function parseFormVersion(value: CellValue): Parsed<'01/07' | '2013'> {
  const fix = 'Write 01/07 (the form with lines A-J, the default) or 2013 (the later Summary Findings form).';
  const bad = notUsable(value, fix);
  if (bad !== undefined) return parsedFail(bad);
  const isJan7 = (d: Date) => d.getUTCMonth() === 0 && d.getUTCDate() === 7;
  if (value instanceof Date && isJan7(value)) return parsedOk('01/07');
  if (typeof value === 'number') {
    if (value === 2013) return parsedOk('2013');
    if (value === 2007) return parsedOk('01/07');
    if (isPlausibleDateSerial(value) && isJan7(excelSerialToDate(value))) return parsedOk('01/07');
  }
  if (typeof value === 'string') {
    const t = value.trim().replace(/^(form\s*)?(cms-?10184e\s*)?/i, '').replace(/[()]/g, '').trim();
    if (/^0?1\/(20)?07$/.test(t) || t === '2007') return parsedOk('01/07');
    if (t === '2013') return parsedOk('2013');
  }
  return parsedFail(`${describeCellValue(value)} is not a form version. ${fix}`);
}
