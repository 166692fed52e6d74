/**
 * The `reconcile --json` document of cli.md, from a reconciliation result: the same fields, with
 * integer cents turned into numbers of dollars (cents / 100).
 */
import { describeLocation } from '../workbook/issue.js';
import type { OverallRecon, ProgramRecon, QuarterRecon, ReconResult, ReportAmounts, UniverseAmounts, UnmappedLine } from './recon-result.js';

export interface UniverseJson {
  readonly ffs: number;
  readonly mc: number;
  readonly total: number;
}

export interface ReportJson extends UniverseJson {
  readonly excluded: number;
}

export interface QuarterJson {
  readonly quarter: string;
  readonly universe: UniverseJson;
  readonly report: ReportJson | null;
  readonly difference: number | null;
  readonly percentDifference: number | null;
  readonly flagged: boolean;
}

export interface OverallJson {
  readonly universe: UniverseJson;
  readonly report: ReportJson;
  readonly difference: number;
  readonly percentDifference: number | null;
  readonly flagged: boolean;
}

export interface ProgramJson {
  readonly program: string;
  readonly report: string;
  readonly quarters: readonly QuarterJson[];
  readonly overall: OverallJson;
  readonly unmappedLines: readonly string[];
}

export interface ReconcileJson {
  readonly programs: readonly ProgramJson[];
  readonly warnings: readonly string[];
}

const dollars = (cents: number): number => cents / 100;

const universeJson = (u: UniverseAmounts): UniverseJson => ({ ffs: dollars(u.ffsCents), mc: dollars(u.mcCents), total: dollars(u.totalCents) });

const reportJson = (r: ReportAmounts): ReportJson => ({ ...universeJson(r), excluded: dollars(r.excludedCents) });

function quarterJson(q: QuarterRecon): QuarterJson {
  return {
    quarter: q.quarter,
    universe: universeJson(q.universe),
    report: q.report === null ? null : reportJson(q.report),
    difference: q.differenceCents === null ? null : dollars(q.differenceCents),
    percentDifference: q.percentDifference,
    flagged: q.flagged,
  };
}

function overallJson(o: OverallRecon): OverallJson {
  return {
    universe: universeJson(o.universe),
    report: reportJson(o.report),
    difference: dollars(o.differenceCents),
    percentDifference: o.percentDifference,
    flagged: o.flagged,
  };
}

/** `CMS-64.9 Base "Foo" ('CMS-64'!D12)`, with the count when the line appears more than once. */
export function unmappedLineText(u: UnmappedLine): string {
  const line = u.line === undefined ? '' : ` line ${u.line}`;
  const more = u.occurrences > 1 ? ` and ${u.occurrences - 1} more` : '';
  return `${u.form}${line} "${u.description}" (${describeLocation({ sheet: u.sheet, cell: u.cell })}${more})`;
}

function programJson(p: ProgramRecon): ProgramJson {
  return {
    program: p.program,
    report: p.report,
    quarters: p.quarters.map(quarterJson),
    overall: overallJson(p.overall),
    unmappedLines: p.unmappedLines.map(unmappedLineText),
  };
}

/** The JSON document; `warnings` holds every issue's message (errors first). */
export function reconcileJson(result: ReconResult): ReconcileJson {
  const ordered = [...result.issues.filter((i) => i.severity === 'error'), ...result.issues.filter((i) => i.severity !== 'error')];
  return { programs: result.programs.map(programJson), warnings: ordered.map((i) => i.message) };
}
