/**
 * Report lines → report totals by program, quarter (or fiscal year) and component, through the
 * line map. Medicaid is the CMS-64 forms, CHIP the CMS-21 plus the CMS-64.21U; the form of a line
 * decides its program, so each dollar is counted once (the M-CHIP `C-` block repeated on the
 * Medicaid sheet is excluded there by the line map). Prior-period forms are kept apart.
 */
import { cellIssue, type Issue } from '../workbook/issue.js';
import type { Program } from '../workbook/program.js';
import type { ReviewYear } from '../workbook/quarter.js';
import { formInfo, type FormId } from './forms.js';
import { descriptionKey, lineNumberKey } from './line-key.js';
import type { LineMatcher } from './line-map.js';
import { periodLabel, type ReportLine } from './report-line.js';
import type { MapComponent } from '../workbook/component.js';
import type { ReconLine, UnmappedLine } from './recon-result.js';

export interface Buckets {
  ffsCents: number;
  mcCents: number;
  excludedCents: number;
}

export function emptyBuckets(): Buckets {
  return { ffsCents: 0, mcCents: 0, excludedCents: 0 };
}

export interface ProgramReportTotals {
  /** Current-period forms by calendar quarter of the review year. */
  readonly quarterly: Map<string, Buckets>;
  /** Prior-period forms by calendar quarter of the review year. */
  readonly priorQuarterly: Map<string, Buckets>;
  /** Current-period annual (FMR) lines of the review year's federal fiscal year. */
  annual: Buckets | undefined;
  /** Sheets the annual lines came from, for messages. */
  readonly annualSheets: Set<string>;
  readonly unmapped: Map<string, { line: UnmappedLine }>;
  /** Current-period quarterly lines by form and line, with their cents per quarter (for the call detail). */
  readonly lines: Map<string, ReconLine>;
}

export interface ReportTotals {
  readonly programs: ReadonlyMap<Program, ProgramReportTotals>;
  readonly issues: readonly Issue[];
}

function programTotals(): ProgramReportTotals {
  return { quarterly: new Map(), priorQuarterly: new Map(), annual: undefined, annualSheets: new Set(), unmapped: new Map(), lines: new Map() };
}

function bucketIn(map: Map<string, Buckets>, key: string): Buckets {
  let b = map.get(key);
  if (b === undefined) {
    b = emptyBuckets();
    map.set(key, b);
  }
  return b;
}

/** The key two lines share when one repeats the other: form, period and line number or description. */
function duplicateKey(line: ReportLine): string {
  const lineKey = line.line === undefined ? '' : lineNumberKey(line.line);
  const desc = descriptionKey(line.description);
  const block = line.block === undefined ? '' : line.block;
  return `${line.form}|${periodLabel(line.period)}|${lineKey === '' ? `${block}|${desc}` : `#${lineKey}`}`;
}

/** Totals the lines of the review year by program through `matcher`; lines outside the year are warned about and left out. */
export function totalReports(lines: readonly ReportLine[], matcher: LineMatcher, reviewYear: ReviewYear): ReportTotals {
  const issues: Issue[] = [];
  const programs = new Map<Program, ProgramReportTotals>();
  const outside = new Map<string, { sheet: string; cell: string; period: string; count: number }>();
  const annualOff = new Map<string, { sheet: string; fiscalYear: number }>();
  const seen = new Map<string, ReportLine>();
  const inYear = new Set(reviewYear.quarters);

  for (const line of lines) {
    const info = formInfo(line.form);
    let totals = programs.get(info.program);
    if (totals === undefined) {
      totals = programTotals();
      programs.set(info.program, totals);
    }
    const period = line.period;
    if (period.kind === 'quarter' && !inYear.has(period.quarter)) {
      const key = `${line.sheet}|${period.quarter}`;
      const o = outside.get(key);
      if (o === undefined) outside.set(key, { sheet: line.sheet, cell: line.cell, period: period.quarter, count: 1 });
      else o.count += 1;
      continue;
    }
    if (period.kind === 'annual' && (reviewYear.kind !== 'FFY' || period.fiscalYear !== reviewYear.year)) {
      annualOff.set(line.sheet, { sheet: line.sheet, fiscalYear: period.fiscalYear });
      continue;
    }

    const dupKey = duplicateKey(line);
    const first = seen.get(dupKey);
    if (first === undefined) seen.set(dupKey, line);
    else issues.push(duplicateIssue(first, line));

    const match = matcher.match(line);
    if (match === undefined) {
      addUnmapped(totals, line);
      continue;
    }
    if (match.row.subtotal) continue;
    const buckets =
      period.kind === 'annual'
        ? (totals.annual ??= emptyBuckets())
        : bucketIn(info.period === 'prior' ? totals.priorQuarterly : totals.quarterly, period.quarter);
    if (period.kind === 'annual') totals.annualSheets.add(line.sheet);
    if (period.kind === 'quarter' && info.period !== 'prior') addDetail(totals, line, match.row.component, period.quarter);
    if (match.row.component === 'FFS') buckets.ffsCents += line.totalComputableCents;
    else if (match.row.component === 'MC') buckets.mcCents += line.totalComputableCents;
    else buckets.excludedCents += line.totalComputableCents;
  }

  for (const o of outside.values()) {
    issues.push(cellIssue('warning', 'recon.report-outside-year', { sheet: o.sheet, cell: o.cell }, `${o.count === 1 ? 'this report line is' : `${o.count} report lines here are`} for ${o.period}, outside the review year ${describeYear(reviewYear)}, so ${o.count === 1 ? 'it is' : 'they are'} left out. Check the quarter, or the Review Year in the Settings sheet.`));
  }
  for (const a of annualOff.values()) {
    const why =
      reviewYear.kind === 'FFY'
        ? `it covers FFY${a.fiscalYear}, not the review year ${reviewYear.label}`
        : `an annual report can only be compared with a federal-fiscal-year review year, and the review year is ${reviewYear.label}`;
    issues.push(cellIssue('warning', 'recon.annual-report-unused', { sheet: a.sheet }, `this annual report is left out: ${why}. Set Review Year to FFY${a.fiscalYear} in the Settings sheet, or add the quarterly reports.`));
  }
  for (const [program, totals] of programs) {
    for (const { line: u } of totals.unmapped.values()) {
      issues.push(cellIssue('warning', 'recon.unmapped-line', { sheet: u.sheet, cell: u.cell }, `${u.form} line "${u.description}"${u.line === undefined ? '' : ` (line ${u.line})`} is not in the line map, so its ${dollars(u.amountCents)} count in no ${program} component${u.occurrences > 1 ? ` (${u.occurrences} rows)` : ''}. Add a row to the Line Map sheet with Form ${u.form}, Description "${u.description}" and Component FFS, MC or Excluded.`));
    }
  }
  return { programs, issues };
}

/** Adds a mapped current-period line to the per-line detail (one entry per form and line, cents by quarter). */
function addDetail(totals: ProgramReportTotals, line: ReportLine, component: MapComponent, quarter: string): void {
  const key = `${line.form}|${line.block ?? ''}|${line.line === undefined ? '' : lineNumberKey(line.line)}|${descriptionKey(line.description)}`;
  let d = totals.lines.get(key);
  if (d === undefined) {
    d = { form: line.form, ...(line.line === undefined ? {} : { line: line.line }), description: line.description, component, sheet: line.sheet, cell: line.cell, centsByQuarter: {} };
    totals.lines.set(key, d);
  }
  const byQuarter = d.centsByQuarter as Record<string, number>;
  byQuarter[quarter] = (byQuarter[quarter] ?? 0) + line.totalComputableCents;
}

function addUnmapped(totals: ProgramReportTotals, line: ReportLine): void {
  const key = `${line.form}|${line.block ?? ''}|${line.line === undefined ? '' : lineNumberKey(line.line)}|${descriptionKey(line.description)}`;
  const found = totals.unmapped.get(key);
  if (found !== undefined) {
    found.line = { ...found.line, occurrences: found.line.occurrences + 1, amountCents: found.line.amountCents + line.totalComputableCents };
    return;
  }
  totals.unmapped.set(key, {
    line: {
      form: line.form,
      ...(line.line === undefined ? {} : { line: line.line }),
      description: line.description,
      sheet: line.sheet,
      cell: line.cell,
      occurrences: 1,
      amountCents: line.totalComputableCents,
    },
  });
}

function duplicateIssue(first: ReportLine, again: ReportLine): Issue {
  const where = first.sheet === again.sheet ? first.cell : `'${first.sheet}'!${first.cell}`;
  const what = again.line === undefined ? `"${again.description}"` : `line ${again.line} ("${again.description}")`;
  return cellIssue('warning', 'recon.duplicate-line', { sheet: again.sheet, cell: again.cell }, `${again.form} ${what} for ${periodLabel(again.period)} appears again (first at ${where}); both are counted. If this row is a copy, delete it; if the two are different waivers, this warning can be ignored.`);
}

/** `RY2025 (2023Q3 to 2024Q2)`. */
export function describeYear(year: ReviewYear): string {
  return `${year.label} (${year.quarters[0] ?? ''} to ${year.quarters[year.quarters.length - 1] ?? ''})`;
}

/** `$1,234.56` (negative as `-$1,234.56`), for messages. */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}$${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export type { FormId };
