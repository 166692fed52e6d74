/**
 * Fills CMS-10184E for one program: lines A-C from Settings, D-F from the findings and universe
 * counts, G-J from the estimator; with the consistency checks that must pass before anything is
 * written, each naming where it is.
 */
import { kebab } from '../workbook/issue-codes.js';
import {
  designEffect,
  estimateActive,
  estimateNegative,
  sampleSize,
  type ActiveEstimates,
  type EstimatorIssue,
  type NegativeEstimates,
} from '../estimator';
import type { ReviewedCase, UniverseCount } from '../workbook/eligibility-types';
import { cellIssue, type Issue, type IssueLocation } from '../workbook/issue';
import { limitIssues } from '../workbook/issue-limiter';
import type { Program } from '../workbook/program';
import { ESTIMATOR_DETAIL_SHEET } from '../workbook/owned-sheets';
import { eligibilitySamples, type EstimatorSample } from './eligibility-design';
import { errorRateTable, type ErrorRateLine, type ErrorRateTable } from './error-rate-table';
import type { FormSettings } from './form-settings';
import { ERROR_RATE_ROWS } from './form-layout';
import type { FillResult, NextCycle } from './program-form';
import { summarizeFindings, type SummaryFindings, type SummaryRowKey } from './summary-findings';

export type { FillResult, NextCycle, ProgramForm } from './program-form';

/** Where the sheet rows behind an estimator issue are: the case's cells, or the cell's universe count. */
function locate(issue: EstimatorIssue, sample: EstimatorSample): IssueLocation {
  if (issue.caseIndex !== undefined) {
    const c = sample.caseSources[issue.caseIndex];
    if (c !== undefined) return { sheet: c.source.sheet, cell: c.source.cells['Dollars Paid'] ?? c.source.cells['Case ID'] ?? `A${c.source.row}` };
  }
  if (issue.cellId !== undefined) {
    const u = sample.cellSources.get(issue.cellId);
    if (u !== undefined) return { sheet: u.source.sheet, cell: u.source.cells.Cases ?? `A${u.source.row}` };
    const index = sample.cases.findIndex((c) => c.cellId === issue.cellId);
    const c = sample.caseSources[index];
    if (c !== undefined) return { sheet: c.source.sheet, cell: c.source.cells.Month ?? `A${c.source.row}` };
  }
  return {};
}

const FIXES: Partial<Record<EstimatorIssue['code'], string>> = {
  missing_universe: 'Add a universe count row for that program, month and stratum.',
  sample_exceeds_universe: 'Check the universe count and the cases listed for that month and stratum.',
  empty_cell_with_cases: 'Correct the universe count or the cases’ month and stratum.',
};

function toIssues(program: Program, part: string, issues: readonly EstimatorIssue[], sample: EstimatorSample): Issue[] {
  return issues.map((i) => cellIssue(i.severity, `estimator.${kebab(i.code)}`, locate(i, sample), `${program} ${part}: ${i.message}${FIXES[i.code] ? `. ${FIXES[i.code]}` : ''}`));
}

export function fillProgram(program: Program, allCases: readonly ReviewedCase[], allCounts: readonly UniverseCount[], settings: FormSettings): FillResult {
  const cases = allCases.filter((c) => c.program === program);
  const counts = allCounts.filter((u) => u.program === program);
  const samples = eligibilitySamples(cases, counts, settings.reviewYear.months, settings.negativeSampleStratified);
  const issues: Issue[] = [...samples.issues];
  const options = { confidence: settings.confidence, quantile: settings.quantile, undeterminedAsError: settings.undeterminedAsError };
  const formSheet = { sheet: `CMS-10184E ${program}` };
  // A design that cannot be formed (mixed or missing counts) is not estimated: its errors say why.
  if (samples.issues.some((i) => i.severity === 'error')) return { form: null, issues: limitIssues(issues) };

  let active: ActiveEstimates | null = null;
  if (samples.active.cases.length > 0) {
    const r = estimateActive(samples.active.cases, samples.active.cells, options);
    if (r.ok) {
      active = r.value;
      issues.push(...toIssues(program, 'active sample', r.warnings, samples.active));
    } else issues.push(...toIssues(program, 'active sample', r.issues, samples.active));
  } else {
    issues.push(cellIssue('warning', 'findings.no-active', formSheet, `${program} has no active cases in the findings, so lines D, G, H and J are left empty.`));
  }
  let negative: NegativeEstimates | null = null;
  if (samples.negative.cases.length > 0) {
    const r = estimateNegative(samples.negative.cases, samples.negative.cells, options);
    if (r.ok) {
      negative = r.value;
      issues.push(...toIssues(program, 'negative sample', r.warnings, samples.negative));
    } else issues.push(...toIssues(program, 'negative sample', r.issues, samples.negative));
  } else {
    issues.push(cellIssue('warning', 'findings.no-negative', formSheet, `${program} has no negative cases in the findings, so lines E and I are left empty.`));
  }

  for (const c of cases) {
    if (c.fraud && (c.stratum === 'denials' || c.stratum === 'terminations')) {
      issues.push(cellIssue('warning', 'findings.negative-fraud', { sheet: c.source.sheet, cell: c.source.cells.Fraud ?? `A${c.source.row}` }, `negative case ${c.caseId} is marked as fraud; the form has no fraud column for negative cases, so it counts only as sampled.`));
    }
  }

    // Issues about input rows: the same problem down a column is one issue naming the range.
  const inputIssues = limitIssues(issues);
  issues.length = 0;
  issues.push(...inputIssues);
  if (issues.some((i) => i.severity === 'error')) return { form: null, issues };

  const summary = summarizeFindings(cases, samples.countsUsed, settings.undeterminedAsError);
  const negativeFraud = { denials: 0, terminations: 0 };
  for (const c of cases) if (c.fraud && (c.stratum === 'denials' || c.stratum === 'terminations')) negativeFraud[c.stratum] += 1;
  issues.push(...checkSummary(program, summary, negativeFraud));
  const errorRates = errorRateTable(active, negative);
  const nextCycle = checkPrecision(program, errorRates, active, negative, settings, issues);
  return {
    form: { program, state: settings.state, date: settings.reportDate, summary, errorRates, active, negative, samples, nextCycle, settings },
    issues,
  };
}

/** Correct + incorrect + undetermined + fraud = sampled, and dollars correct + in error = paid, on every row. */
function checkSummary(program: Program, summary: SummaryFindings, negativeFraud: { readonly denials: number; readonly terminations: number }): Issue[] {
  const uncounted: Partial<Record<SummaryRowKey, number>> = {
    denials: negativeFraud.denials,
    terminations: negativeFraud.terminations,
    negative: negativeFraud.denials + negativeFraud.terminations,
    totals: negativeFraud.denials + negativeFraud.terminations,
  };
  const issues: Issue[] = [];
  for (const [key, row] of Object.entries(summary) as [SummaryRowKey, SummaryFindings[SummaryRowKey]][]) {
    const classified = row.correct + row.incorrect + (row.undetermined ?? 0) + (row.fraudExcluded ?? 0);
    // Negative fraud cases are sampled but have no column of their own on the form.
    if (classified + (uncounted[key] ?? 0) !== row.sampled) {
      issues.push(cellIssue('error', 'form.counts-unbalanced', { sheet: `CMS-10184E ${program}` }, `${program} ${key}: correct + incorrect + undetermined + fraud = ${classified}, but ${row.sampled} cases were sampled. Check the findings for blank codes.`));
    }
    if (row.dollarsPaidCents !== null && (row.dollarsCorrectCents ?? 0) + (row.dollarsInErrorCents ?? 0) !== row.dollarsPaidCents) {
      issues.push(cellIssue('error', 'form.dollars-unbalanced', { sheet: `CMS-10184E ${program}` }, `${program} ${key}: dollars correct + dollars in error does not equal dollars paid.`));
    }
  }
  return issues;
}

/** A warning, with the sample size the next cycle would need, for each of lines G-I that missed the precision target. */
function checkPrecision(program: Program, rates: ErrorRateTable, active: ActiveEstimates | null, negative: NegativeEstimates | null, settings: FormSettings, issues: Issue[]): NextCycle {
  const plans: { -readonly [K in keyof NextCycle]: NextCycle[K] } = {};
  const lines: [keyof NextCycle, string, ErrorRateLine, ActiveEstimates['sample'] | undefined, number, number][] = [
    ['G', 'active payment error rate', rates.activePayment, active?.sample, active?.undetermined.reviewedCases ?? 0, 3],
    ['H', 'active case error rate', rates.activeCase, active?.sample, active?.undetermined.reviewedCases ?? 0, 3],
    // The negative universe is one stratum a month (denials and terminations as domains or strata of it).
    ['I', 'negative case error rate', rates.negativeCase, negative?.sample, negative?.reviewedCases ?? 0, 1],
  ];
  const target = settings.precisionTarget;
  for (const [line, name, r, sample, reviewed, strata] of lines) {
    // The 2013 form has no error rate table: point at Estimator Detail instead.
    const at = settings.formVersion === '01/07' ? { sheet: `CMS-10184E ${program}`, cell: `D${ERROR_RATE_ROWS[line]}` } : { sheet: ESTIMATOR_DETAIL_SHEET };
    if (r.confidence === null) continue;
    if (r.notComputableCells.length > 0) {
      issues.push(cellIssue('warning', 'form.precision-not-computable', at, `${program} line ${line} (${name}): the precision is not computable because cell(s) ${r.notComputableCells.join(', ')} have a single case. Sample at least two cases in every month and stratum.`));
      continue;
    }
    if (r.precision === null || r.precision <= target) continue;
    let advice = '';
    if (sample !== undefined && r.rate !== null && r.standardError !== null && reviewed > 0) {
      // The next cycle's sample: the measured rate and design effect (5% and 1 where the rate is 0 or 1).
      const measured = r.rate > 0 && r.rate < 1;
      const P = measured ? r.rate : 0.05;
      const deff = measured ? designEffect(r.standardError ** 2, r.rate, reviewed) : 1;
      const universe = sample.design.cells.reduce((t, c) => t + c.universeCount, 0);
      const sized = sampleSize({ anticipatedRate: P, precision: target, confidence: r.confidence, designEffect: deff, universeCount: universe, strata, months: 12 });
      if (sized.ok) {
        plans[line] = sized.value;
        advice = ` To reach it next cycle, sample about ${sized.value.allocatedSize} cases (${sized.value.perStratumMonth} per ${strata > 1 ? 'stratum and ' : ''}month; rate ${(P * 100).toFixed(1)}%, design effect ${deff.toFixed(2)}).`;
      }
    }
    issues.push(cellIssue('warning', 'form.precision-target', at, `${program} line ${line} (${name}): precision +/- ${(r.precision * 100).toFixed(1)} points is wider than the ${(target * 100).toFixed(1)}-point target.${advice}`));
  }
  return plans;
}
