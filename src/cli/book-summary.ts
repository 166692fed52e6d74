/**
 * What a cross-state summary keeps of one book's run: a few numbers per program, so a run over
 * many workbooks holds no workbook once it is done with it.
 */
import type { FillRun } from '../core/forms/fill-forms.js';
import type { ReconciliationRun } from '../core/recon/run-reconciliation.js';
import { keptText } from '../core/recon/kept-cell.js';
import { noteKeyText, type NoteKey } from '../core/recon/reconciliation-notes.js';
import type { PercentBase } from '../core/workbook/settings.js';

export interface ReconcileSummaryRow {
  readonly kind: 'reconcile';
  readonly program: string;
  readonly report: string;
  readonly universeCents: number;
  readonly reportCents: number;
  readonly percentDifference: number | null;
  readonly flagged: boolean;
  readonly thresholdFraction: number;
  readonly percentBase: PercentBase;
  readonly flaggedQuarters: readonly string[];
  /** Flagged quarters (and a flagged overall line) with no explanation typed yet, plus report lines the line map does not cover. */
  readonly openItems: number;
}

export interface FillSummaryRow {
  readonly kind: 'fill';
  readonly program: string;
  /** Lines G-J: dollars, rates and precisions (fractions), as the JSON has them. */
  readonly activePaymentDollars: number | null;
  readonly activePaymentRate: number | null;
  readonly activePaymentPrecision: number | null;
  readonly activeCaseRate: number | null;
  readonly activeCasePrecision: number | null;
  readonly negativeCaseRate: number | null;
  readonly negativeCasePrecision: number | null;
  readonly undeterminedDollars: number | null;
  readonly undeterminedPercentage: number | null;
}

export type SummaryRow = ReconcileSummaryRow | FillSummaryRow;

/** A book's identity and rows, for the JSON entry and the summary workbook. */
export interface BookSummary {
  readonly state: string;
  readonly reviewYear: string;
  readonly rows: readonly SummaryRow[];
}

export function reconcileSummary(run: ReconciliationRun): BookSummary {
  const reviewYear = run.result.reviewYear?.label ?? '';
  const explained = (key: NoteKey): boolean => keptText(run.notes.onRows.get(noteKeyText(key))?.explanation).trim() !== '';
  const rows = run.result.programs.map((p): ReconcileSummaryRow => {
    const flaggedQuarters = p.quarters.filter((q) => q.flagged).map((q) => q.quarter);
    const openFlags = flaggedQuarters.filter((quarter) => !explained({ program: p.program, reviewYear, kind: 'quarter', quarter })).length
      + (p.overall.flagged && !explained({ program: p.program, reviewYear, kind: 'overall', quarter: '' }) ? 1 : 0);
    return {
      kind: 'reconcile',
      program: p.program,
      report: p.report,
      universeCents: p.overall.universe.totalCents,
      reportCents: p.overall.report.totalCents,
      percentDifference: p.overall.percentDifference,
      flagged: p.overall.flagged,
      thresholdFraction: p.overall.thresholdFraction,
      percentBase: run.result.percentBase,
      flaggedQuarters,
      openItems: openFlags + p.unmappedLines.length,
    };
  });
  return { state: run.settings.state ?? '', reviewYear: run.result.reviewYear?.label ?? '', rows };
}

export function fillSummary(run: FillRun): BookSummary {
  const first = run.forms[0];
  const rows = run.forms.map((f): FillSummaryRow => {
    const e = f.errorRates;
    return {
      kind: 'fill',
      program: f.program,
      activePaymentDollars: e.activePayment.dollars,
      activePaymentRate: e.activePayment.rate,
      activePaymentPrecision: e.activePayment.precision,
      activeCaseRate: e.activeCase.rate,
      activeCasePrecision: e.activeCase.precision,
      negativeCaseRate: e.negativeCase.rate,
      negativeCasePrecision: e.negativeCase.precision,
      undeterminedDollars: e.undetermined.dollars,
      undeterminedPercentage: e.undetermined.percentage,
    };
  });
  return { state: first?.state ?? '', reviewYear: first?.settings.reviewYear.label ?? '', rows };
}
