/**
 * Quarters, review years and months. A quarter is always stored as calendar quarter `YYYYQn`
 * (`2023Q3` = July to September 2023). Federal fiscal quarters (`FFY2024 Q1` = October to
 * December 2023) and review years (RY2025 = 2023Q3 to 2024Q2) follow the layout spec.
 */
import { describeCellValue, isBlank, isCellError } from './cell-value.js';
import { excelSerialToDate, isPlausibleDateSerial } from './excel-date.js';
import { MONTH_WORD, monthNumber } from './month-names.js';
import { normalizeLabel } from './normalize-label.js';
import type { CellValue } from './port.js';
import { parsedFail, parsedOk, type Parsed } from './parsed.js';

const QUARTER_FORMS = 'Write it as 2023Q3, Q3 2023, Jul-Sep 2023 or FFY2024 Q1, or enter a date inside the quarter.';
const MONTH_FORMS = 'Write it as 2023-07, Jul 2023 or 07/2023, or enter a date inside the month.';

/** `2023Q3`. */
export function quarterLabel(year: number, quarter: number): string {
  return `${year}Q${quarter}`;
}

/** Calendar quarter of a UTC date. */
export function quarterOfDate(d: Date): string {
  return quarterLabel(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) + 1);
}

/** Federal fiscal year `fy`, quarter `q` (1 = Oct-Dec of fy-1) → calendar quarter. */
export function federalToCalendar(fy: number, q: number): string {
  return q === 1 ? quarterLabel(fy - 1, 4) : quarterLabel(fy, q - 1);
}

/** `2023Q3` → { year: 2023, quarter: 3 }; undefined for anything else. */
export function splitQuarter(label: string): { readonly year: number; readonly quarter: number } | undefined {
  const m = /^(\d{4})Q([1-4])$/.exec(label);
  return m === null ? undefined : { year: Number(m[1]), quarter: Number(m[2]) };
}

/** The `YYYY-MM` months of a calendar quarter, in order. */
export function monthsOfQuarter(label: string): readonly string[] {
  const q = splitQuarter(label);
  if (q === undefined) return [];
  const first = ((q.quarter - 1) * 3) + 1;
  return [0, 1, 2].map((i) => monthLabel(q.year, first + i));
}

/** `2023-07`. */
export function monthLabel(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Quarter `n` steps after `label` (negative steps go back). */
export function addQuarters(label: string, n: number): string {
  const q = splitQuarter(label);
  if (q === undefined) throw new RangeError(`Not a quarter label: ${label}`);
  const index = (q.year * 4) + (q.quarter - 1) + n;
  return quarterLabel(Math.floor(index / 4), (index % 4) + 1);
}

const YEAR = '((?:19|20)\\d\\d)';
const FY_YEAR = '((?:19|20)\\d\\d|\\d\\d)';
const Q = 'q(?:uarter|tr)? ?([1-4])';
const SEP = ' ?[-/,]? ?';
const ORDINAL_Q = '([1-4])(?:st|nd|rd|th) quarter';

function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

/** Each form, as a regex over the normalised text, and how its groups give a calendar quarter. */
interface QuarterForm {
  readonly source: string;
  readonly toQuarter: (m: RegExpExecArray) => string | undefined;
}

const FEDERAL_FORMS: readonly QuarterForm[] = [
  { source: `f?fy ?${FY_YEAR}${SEP}${Q}`, toQuarter: (m) => federalToCalendar(fullYear(m[1] ?? ''), Number(m[2])) },
  { source: `${Q}${SEP}f?fy ?${FY_YEAR}`, toQuarter: (m) => federalToCalendar(fullYear(m[2] ?? ''), Number(m[1])) },
  { source: `f?fy ?${FY_YEAR}${SEP}${ORDINAL_Q}`, toQuarter: (m) => federalToCalendar(fullYear(m[1] ?? ''), Number(m[2])) },
  { source: `${ORDINAL_Q}${SEP}f?fy ?${FY_YEAR}`, toQuarter: (m) => federalToCalendar(fullYear(m[2] ?? ''), Number(m[1])) },
];

function monthRange(first: string, last: string, year: string): string | undefined {
  const a = monthNumber(first);
  const b = monthNumber(last);
  if (a === undefined || b === undefined || (a - 1) % 3 !== 0 || b !== a + 2) return undefined;
  return quarterLabel(Number(year), ((a - 1) / 3) + 1);
}

const CALENDAR_FORMS: readonly QuarterForm[] = [
  { source: `(?:cy ?)?${YEAR}${SEP}${Q}`, toQuarter: (m) => quarterLabel(Number(m[1]), Number(m[2])) },
  { source: `${Q}${SEP}(?:cy ?)?${YEAR}`, toQuarter: (m) => quarterLabel(Number(m[2]), Number(m[1])) },
  { source: `(?:cy ?)?${YEAR}${SEP}${ORDINAL_Q}`, toQuarter: (m) => quarterLabel(Number(m[1]), Number(m[2])) },
  { source: `${ORDINAL_Q}${SEP}(?:cy ?)?${YEAR}`, toQuarter: (m) => quarterLabel(Number(m[2]), Number(m[1])) },
  {
    source: `(${MONTH_WORD}) ?(?:-|to|through|thru) ?(${MONTH_WORD}),? ?${YEAR}`,
    toQuarter: (m) => monthRange(m[1] ?? '', m[2] ?? '', m[3] ?? ''),
  },
  {
    source: `(${MONTH_WORD}) ?${YEAR} ?(?:-|to|through|thru) ?(${MONTH_WORD}) ?${YEAR}`,
    toQuarter: (m) => (m[2] === m[4] ? monthRange(m[1] ?? '', m[3] ?? '', m[2] ?? '') : undefined),
  },
];

const ALL_FORMS = [...FEDERAL_FORMS, ...CALENDAR_FORMS];
const ANCHORED = ALL_FORMS.map((f) => ({ re: new RegExp(`^${f.source}$`), toQuarter: f.toQuarter }));

/** A date written as text: `2023-07-15`, `2023/07/15` or US `7/15/2023`. */
function dateFromText(s: string): Date | undefined {
  let m = /^((?:19|20)\d\d)[-/](\d{1,2})[-/](\d{1,2})$/.exec(s);
  if (m !== null) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)$/.exec(s);
  if (m !== null) return validDate(Number(m[3]), Number(m[1]), Number(m[2]));
  return undefined;
}

function validDate(year: number, month: number, day: number): Date | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : undefined;
}

/** Reasons shared by quarter and month parsers for values that are not text or a date. */
function nonTextReason(value: CellValue, what: string, forms: string): string | undefined {
  if (isBlank(value)) return `The ${what} is blank. ${forms}`;
  if (typeof value === 'boolean') return `${describeCellValue(value)} is a TRUE/FALSE value, not a ${what}. ${forms}`;
  if (isCellError(value)) return `The cell holds ${describeCellValue(value)}. Fix the formula or its source, or type the ${what}. ${forms}`;
  if (typeof value === 'number' && !isPlausibleDateSerial(value)) {
    return `${describeCellValue(value)} is a number, not a ${what} (nor a date from 1990 to 2099). ${forms}`;
  }
  return undefined;
}

function dateOf(value: CellValue): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return excelSerialToDate(value);
  return undefined;
}

/**
 * A quarter cell → calendar quarter `YYYYQn`. Accepts `2023Q3`, `2023 Q3`, `2023-Q3`, `Q3 2023`,
 * `CY2023 Q3`, `Jul-Sep 2023`, `FFY2024 Q1` / `FY2024 Q1` (= `2023Q4`), a date or an Excel date
 * serial inside the quarter, or a date typed as text. A quarter with no year fails.
 */
export function parseQuarter(value: CellValue): Parsed<string> {
  const bad = nonTextReason(value, 'quarter', QUARTER_FORMS);
  if (bad !== undefined) return parsedFail(bad);
  const date = dateOf(value);
  if (date !== undefined) return parsedOk(quarterOfDate(date));
  if (typeof value !== 'string') return parsedFail(`${describeCellValue(value)} is not a quarter. ${QUARTER_FORMS}`);
  const s = normalizeLabel(value);
  for (const form of ANCHORED) {
    const m = form.re.exec(s);
    if (m === null) continue;
    const q = form.toQuarter(m);
    if (q !== undefined) return parsedOk(q);
    return parsedFail(`${describeCellValue(value)} is not a calendar quarter: a quarter runs Jan-Mar, Apr-Jun, Jul-Sep or Oct-Dec. ${QUARTER_FORMS}`);
  }
  const typedDate = dateFromText(s);
  if (typedDate !== undefined) return parsedOk(quarterOfDate(typedDate));
  if (/^(?:f?fy|cy)? ?(?:q(?:uarter|tr)? ?[1-4]|[1-4](?:st|nd|rd|th) quarter)$/.test(s)) {
    return parsedFail(`${describeCellValue(value)} has no year. ${QUARTER_FORMS}`);
  }
  if (/^(?:q(?:uarter|tr)? ?|[1-4](?:st|nd|rd|th) quarter)/.test(s) && /q(?:uarter|tr)? ?[05-9]/.test(s)) {
    return parsedFail(`${describeCellValue(value)} names a quarter other than 1 to 4. ${QUARTER_FORMS}`);
  }
  return parsedFail(`${describeCellValue(value)} is not a quarter. ${QUARTER_FORMS}`);
}

const EMBEDDED = ALL_FORMS.map((f) => ({
  re: new RegExp(`(?<![a-z0-9])${f.source}(?![a-z0-9])`, 'g'),
  toQuarter: f.toQuarter,
}));

/**
 * The quarter named inside a sheet name or title, such as `CMS-64.9 Base FY2024 Q1` (→ `2023Q4`)
 * or `CMS-21 2023 Q3`. Fails when the text names no quarter or two different ones.
 */
export function quarterFromTitle(text: string): Parsed<string> {
  let s = normalizeLabel(text);
  const found = new Set<string>();
  // Federal forms first, blanked out once read, so `FY2024 Q1` is never also read as calendar `2024 Q1`.
  for (const form of EMBEDDED) {
    s = s.replace(form.re, (...args: unknown[]) => {
      const groups = args.slice(0, -2).map((g) => (typeof g === 'string' ? g : undefined));
      const m = Object.assign(groups, { index: 0, input: s }) as unknown as RegExpExecArray;
      const q = form.toQuarter(m);
      if (q !== undefined) found.add(q);
      return ' ';
    });
  }
  const quarters = [...found];
  if (quarters.length === 1 && quarters[0] !== undefined) return parsedOk(quarters[0]);
  const shown = JSON.stringify(text);
  if (quarters.length === 0) {
    return parsedFail(`${shown} names no quarter. Put the quarter in the sheet name or title, for example "CMS-64.9 Base FFY2024 Q1" or "CMS-21 2023Q3".`);
  }
  return parsedFail(`${shown} names more than one quarter (${quarters.join(', ')}). Keep one quarter per sheet, or add a Quarter column.`);
}

/**
 * The federal fiscal year named in a title such as `FY 2023` or `FFY2019` (the FMR exports);
 * undefined when none, or when the title names a quarter as well.
 */
export function fiscalYearFromTitle(text: string): number | undefined {
  const s = normalizeLabel(text);
  if (quarterFromTitle(text).ok) return undefined;
  const m = /(?<![a-z0-9])(?:f?fy|fiscal year) ?((?:19|20)\d\d)(?![a-z0-9])/.exec(s);
  return m === null ? undefined : Number(m[1]);
}

/** A review year: its four calendar quarters and twelve months, in time order. */
export interface ReviewYear {
  /** `RY2025` or `FFY2024`. */
  readonly label: string;
  readonly kind: 'RY' | 'FFY';
  /** The number in the label. */
  readonly year: number;
  /** Four calendar quarters, `YYYYQn`, in time order. */
  readonly quarters: readonly string[];
  /** Twelve months, `YYYY-MM`, in time order. */
  readonly months: readonly string[];
}

/** RY N runs July N-2 to June N-1; FFY N runs October N-1 to September N. */
export function reviewYear(kind: 'RY' | 'FFY', year: number): ReviewYear {
  const first = kind === 'RY' ? quarterLabel(year - 2, 3) : quarterLabel(year - 1, 4);
  const quarters = [0, 1, 2, 3].map((i) => addQuarters(first, i));
  return { label: `${kind}${year}`, kind, year, quarters, months: quarters.flatMap(monthsOfQuarter) };
}

const REVIEW_YEAR_FORMS = 'Write RY2025 (review year July 2023 to June 2024) or FFY2024 (federal fiscal year October 2023 to September 2024).';

/** `RY2025`, `RY 2025`, `Review Year 2025`, `FFY2024`, `FY 2024`, `FFY24` → a review year. A bare number fails: it does not say which kind. */
export function parseReviewYear(value: CellValue): Parsed<ReviewYear> {
  if (isBlank(value)) return parsedFail(`The review year is blank. ${REVIEW_YEAR_FORMS}`);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1990 && value < 2100) {
    return parsedFail(`${value} does not say which kind of year. Write RY${value} (July ${value - 2} to June ${value - 1}) or FFY${value} (October ${value - 1} to September ${value}).`);
  }
  if (typeof value !== 'string') return parsedFail(`${describeCellValue(value)} is not a review year. ${REVIEW_YEAR_FORMS}`);
  const s = normalizeLabel(value);
  const m = /^(ry|review year|f?fy|federal fiscal year|fiscal year) ?-? ?((?:19|20)\d\d|\d\d)$/.exec(s);
  if (m === null) return parsedFail(`${describeCellValue(value)} is not a review year. ${REVIEW_YEAR_FORMS}`);
  const kind = m[1] === 'ry' || m[1] === 'review year' ? 'RY' : 'FFY';
  return parsedOk(reviewYear(kind, fullYear(m[2] ?? '')));
}

/** `YYYY-MM` of a UTC date. */
export function monthOfDate(d: Date): string {
  return monthLabel(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

/**
 * A month cell → `YYYY-MM`. Accepts a date or date serial, `2023-07`, `2023/7`, `Jul 2023`,
 * `July 2023`, `Jul-2023`, `07/2023`, or a full date typed as text (`2023-07-01`, `7/1/2023`).
 */
export function parseMonth(value: CellValue): Parsed<string> {
  const bad = nonTextReason(value, 'month', MONTH_FORMS);
  if (bad !== undefined) return parsedFail(bad);
  const date = dateOf(value);
  if (date !== undefined) return parsedOk(monthOfDate(date));
  if (typeof value !== 'string') return parsedFail(`${describeCellValue(value)} is not a month. ${MONTH_FORMS}`);
  const s = normalizeLabel(value);
  const numeric = /^((?:19|20)\d\d)[-/](\d{1,2})$/.exec(s);
  if (numeric !== null) return monthOrFail(Number(numeric[1]), Number(numeric[2]), value);
  const us = /^(\d{1,2})[-/]((?:19|20)\d\d)$/.exec(s);
  if (us !== null) return monthOrFail(Number(us[2]), Number(us[1]), value);
  const named = new RegExp(`^(${MONTH_WORD})[ ,-]*((?:19|20)\\d\\d)$`).exec(s);
  if (named !== null) return monthOrFail(Number(named[2]), monthNumber(named[1] ?? '') ?? 0, value);
  const yearFirst = new RegExp(`^((?:19|20)\\d\\d)[ ,-]*(${MONTH_WORD})$`).exec(s);
  if (yearFirst !== null) return monthOrFail(Number(yearFirst[1]), monthNumber(yearFirst[2] ?? '') ?? 0, value);
  const typedDate = dateFromText(s);
  if (typedDate !== undefined) return parsedOk(monthOfDate(typedDate));
  if (new RegExp(`^${MONTH_WORD}$`).test(s)) return parsedFail(`${describeCellValue(value)} has no year. ${MONTH_FORMS}`);
  return parsedFail(`${describeCellValue(value)} is not a month. ${MONTH_FORMS}`);
}

function monthOrFail(year: number, month: number, value: CellValue): Parsed<string> {
  if (month < 1 || month > 12) return parsedFail(`${describeCellValue(value)} has no month ${month}; months run 1 to 12. ${MONTH_FORMS}`);
  return parsedOk(monthLabel(year, month));
}

/** The calendar quarter a `YYYY-MM` month falls in. */
export function quarterOfMonth(month: string): string | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (m === null) return undefined;
  return quarterLabel(Number(m[1]), Math.floor((Number(m[2]) - 1) / 3) + 1);
}
