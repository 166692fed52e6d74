/**
 * What the 64/21 reconciliation call needs about each flagged quarter and each program's overall
 * line: a plain-language reading (universe above or below the report, by how much, which
 * component, how much the excluded lines hold), the FFS / MC split, the report lines with the
 * largest amounts and the largest changes against the prior quarter, and the excluded lines.
 * Pure: computed from the reconciliation result, for the task pane, the CLI and Call Summary.
 */
import type { Component } from '../workbook/component.js';
import type { Program } from '../workbook/program.js';
import type { PercentBase } from '../workbook/settings.js';
import type { ProgramRecon, ReconLine, ReconResult } from './recon-result.js';
import { OVERALL_LABEL } from './reconciliation-notes.js';
import { dollars } from './report-totals.js';

/** How many lines each list shows (the call looks at the few that matter). */
export const CALL_TOP_LINES = 5;

export interface ComponentSplit {
  readonly component: Component;
  readonly universeCents: number;
  readonly reportCents: number;
  readonly differenceCents: number;
  /** Difference / |base| (the run's percent base), a fraction; null when the base is 0. */
  readonly percentDifference: number | null;
}

export interface LineAmount {
  readonly form: string;
  readonly line?: string;
  readonly description: string;
  readonly component: ReconLine['component'];
  readonly sheet: string;
  readonly cell: string;
  /** Total computable in the quarter (or the review year, for the overall line). */
  readonly cents: number;
}

export interface LineChange extends LineAmount {
  readonly priorQuarter: string;
  readonly priorCents: number;
  /** cents − priorCents. */
  readonly changeCents: number;
}

export interface CallItem {
  readonly program: Program;
  readonly report: string;
  /** `YYYYQn`, or `Overall`. */
  readonly quarter: string;
  readonly flagged: boolean;
  readonly universeCents: number;
  readonly reportCents: number;
  readonly differenceCents: number;
  readonly percentDifference: number | null;
  readonly excludedCents: number;
  /** A few sentences, plain language, for the call. */
  readonly reading: string;
  readonly split: readonly ComponentSplit[];
  /** FFS and MC lines with the largest amounts, largest first (by absolute value). */
  readonly largestLines: readonly LineAmount[];
  /** FFS and MC lines that changed most against the prior quarter of the review year; empty for its first quarter and the overall line. */
  readonly largestChanges: readonly LineChange[];
  /** Every excluded line, largest first. */
  readonly excludedLines: readonly LineAmount[];
  /**
   * When one excluded line is as large as a quarter of the difference and of its sign: the
   * difference if the universe did not hold those dollars (the universe often takes in as claims a
   * payment the report shows on an excluded line, such as a supplemental or directed payment).
   */
  readonly withoutLargestExcluded?: { readonly line: LineAmount; readonly differenceCents: number; readonly percentDifference: number | null };
}

/**
 * `18.3%` from 0.18274: rounded as Excel shows a `0.0%` cell (half away from zero, on the value
 * to 15 significant digits), so the pane and the sheets show the same figure.
 */
export function formatPercent(fraction: number | null | undefined, digits: number): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return 'n/a';
  const x = Number((fraction * 100).toPrecision(15));
  const p = 10 ** digits;
  const r = (Math.sign(x) * Math.round(Math.abs(x) * p)) / p;
  return `${(r === 0 ? 0 : r).toFixed(digits)}%`;
}

/** `18.3%`: one decimal, as the sheets show percentages. */
export function percentOneDecimal(fraction: number | null): string {
  return formatPercent(fraction, 1);
}

function fraction(differenceCents: number, universeCents: number, reportCents: number, base: PercentBase): number | null {
  const b = Math.abs(base === 'Universe' ? universeCents : reportCents);
  return b === 0 ? null : differenceCents / b;
}

const byMagnitude = <T extends { cents: number }>(a: T, b: T) => Math.abs(b.cents) - Math.abs(a.cents);

function amountOf(line: ReconLine, quarters: readonly string[]): LineAmount {
  const cents = quarters.reduce((sum, q) => sum + (line.centsByQuarter[q] ?? 0), 0);
  return { form: line.form, ...(line.line === undefined ? {} : { line: line.line }), description: line.description, component: line.component, sheet: line.sheet, cell: line.cell, cents };
}

/** `CMS-64.9 Base line 18A "Medicaid MCO"`. */
export function lineLabel(l: Pick<LineAmount, 'form' | 'line' | 'description'>): string {
  return `${l.form}${l.line === undefined ? '' : ` line ${l.line}`} “${l.description}”`;
}

function reading(program: ProgramRecon, quarter: string, differenceCents: number, percent: number | null, split: readonly ComponentSplit[], excludedCents: number, flagged: boolean, threshold: number, without: CallItem['withoutLargestExcluded']): string {
  const where = quarter === OVERALL_LABEL ? `Over the review year, the ${program.program} universe` : `In ${quarter}, the ${program.program} universe`;
  if (differenceCents === 0) return `${where} equals the ${program.report} report.`;
  const side = differenceCents > 0 ? 'above' : 'below';
  const pct = percent === null ? 'the report is 0, so there is no percentage' : `${percentOneDecimal(Math.abs(percent))}`;
  const verdict = flagged ? `over the ${percentOneDecimal(threshold)} threshold` : `within the ${percentOneDecimal(threshold)} threshold`;
  const parts = [`${where} is ${dollars(Math.abs(differenceCents))} (${pct}) ${side} the ${program.report} report, ${verdict}.`];
  const [main, other] = [...split].sort((a, b) => Math.abs(b.differenceCents) - Math.abs(a.differenceCents));
  if (main !== undefined && other !== undefined) {
    const dir = (c: ComponentSplit) => `${dollars(Math.abs(c.differenceCents))} (${percentOneDecimal(c.percentDifference === null ? null : Math.abs(c.percentDifference))}) ${c.differenceCents >= 0 ? 'above' : 'below'}`;
    const opposite = Math.sign(main.differenceCents) !== Math.sign(other.differenceCents) && other.differenceCents !== 0;
    parts.push(`Most of it is ${main.component}: ${main.component} is ${dir(main)}, ${other.component} ${dir(other)}${opposite ? ' (the two partly cancel: check whether claims sit under the wrong component)' : ''}.`);
  }
  if (excludedCents === 0) parts.push('No report line is excluded.');
  else if (without !== undefined) {
    parts.push(`The excluded lines hold ${dollars(excludedCents)}; the largest, ${lineLabel(without.line)}, holds ${dollars(without.line.cents)}: if the universe took it in as claims, the difference without it is ${dollars(without.differenceCents)} (${percentOneDecimal(without.percentDifference)}). Check the Line Map and the universe for that payment.`);
  } else {
    const explains = Math.abs(excludedCents) >= Math.abs(differenceCents);
    parts.push(`The excluded lines hold ${dollars(excludedCents)}${explains ? ', as much as the difference: check whether some of them belong in the universe (Line Map)' : ', less than the difference, so the exclusions alone do not explain it'}.`);
  }
  return parts.join(' ');
}

function item(program: ProgramRecon, base: PercentBase, quarter: string): CallItem | undefined {
  const overall = quarter === OVERALL_LABEL;
  const index = program.quarters.findIndex((q) => q.quarter === quarter);
  const q = overall ? program.overall : program.quarters[index];
  if (q === undefined || q.report === null || q.differenceCents === null) return undefined;
  const split: ComponentSplit[] = (['FFS', 'MC'] as const).map((component) => {
    const u = component === 'FFS' ? q.universe.ffsCents : q.universe.mcCents;
    const r = component === 'FFS' ? (q.report?.ffsCents ?? 0) : (q.report?.mcCents ?? 0);
    return { component, universeCents: u, reportCents: r, differenceCents: u - r, percentDifference: fraction(u - r, u, r, base) };
  });
  const quarters = overall ? program.quarters.map((x) => x.quarter) : [quarter];
  const lines = program.reportLines ?? [];
  const amounts = lines.map((l) => amountOf(l, quarters)).filter((l) => l.cents !== 0);
  const counted = amounts.filter((l) => l.component !== 'Excluded').sort(byMagnitude);
  const excluded = amounts.filter((l) => l.component === 'Excluded').sort(byMagnitude);
  const prior = !overall && index > 0 ? program.quarters[index - 1]?.quarter : undefined;
  const changes: LineChange[] = prior === undefined
    ? []
    : lines
        .filter((l) => l.component !== 'Excluded')
        .map((l) => {
          const now = amountOf(l, [quarter]);
          const before = l.centsByQuarter[prior] ?? 0;
          return { ...now, priorQuarter: prior, priorCents: before, changeCents: now.cents - before };
        })
        .filter((c) => c.changeCents !== 0)
        .sort((a, b) => Math.abs(b.changeCents) - Math.abs(a.changeCents))
        .slice(0, CALL_TOP_LINES);
  const top = excluded[0];
  let without: CallItem['withoutLargestExcluded'];
  if (top !== undefined && q.differenceCents !== 0 && Math.sign(top.cents) === Math.sign(q.differenceCents) && Math.abs(top.cents) * 4 >= Math.abs(q.differenceCents)) {
    const d = q.differenceCents - top.cents;
    // Percent difference = difference / |base| (workbook-layout.md); the universe base loses the line too.
    without = { line: top, differenceCents: d, percentDifference: fraction(d, q.universe.totalCents - top.cents, q.report.totalCents, base) };
  }
  return {
    ...(without === undefined ? {} : { withoutLargestExcluded: without }),
    program: program.program,
    report: program.report,
    quarter,
    flagged: q.flagged,
    universeCents: q.universe.totalCents,
    reportCents: q.report.totalCents,
    differenceCents: q.differenceCents,
    percentDifference: q.percentDifference,
    excludedCents: q.report.excludedCents,
    reading: reading(program, quarter, q.differenceCents, q.percentDifference, split, q.report.excludedCents, q.flagged, q.thresholdFraction, without),
    split,
    largestLines: counted.slice(0, CALL_TOP_LINES),
    largestChanges: changes,
    excludedLines: excluded,
  };
}

/** For each program: its flagged quarters in time order (the sheet's order), then its overall line (always). */
export function callItems(result: ReconResult): CallItem[] {
  const out: CallItem[] = [];
  for (const p of result.programs) {
    for (const q of p.quarters) {
      if (!q.flagged) continue;
      const i = item(p, result.percentBase, q.quarter);
      if (i !== undefined) out.push(i);
    }
    const o = item(p, result.percentBase, OVERALL_LABEL);
    if (o !== undefined) out.push(o);
  }
  return out;
}
