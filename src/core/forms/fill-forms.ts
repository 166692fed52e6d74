/**
 * `fill`: CMS-10184E for each program in the workbook, from the Settings, the case review findings
 * and the eligibility universe counts. Returns the output sheets only when nothing is in error.
 */
import { hasErrors, type Issue } from '../workbook/issue';
import { FORM_CHIP_SHEET, FORM_MEDICAID_SHEET } from '../workbook/owned-sheets';
import type { OwnedSheet, WorkbookSource } from '../workbook/port';
import { PROGRAMS } from '../workbook/program';
import { mostLikelyReviewYear } from '../workbook/infer-review-year';
import { quarterOfMonth } from '../workbook/quarter';
import { readEligibilityUniverse } from '../workbook/read-eligibility-universe';
import { readFindings } from '../workbook/read-findings';
import { readSettings } from '../workbook/settings';
import { buildEstimatorDetail } from './estimator-detail-sheet';
import { fillJson, type FillJson } from './form-json';
import { buildFormSheet } from './form-sheet';
import type { FormSettings } from './form-settings';
import { fillProgram } from './fill-program';
import type { ProgramForm } from './program-form';
import { cellIssue } from '../workbook/issue';

export interface FillOptions {
  /** `YYYY-MM-DD`, the report date when Settings gives none. */
  readonly today: string;
  /** Overrides the Settings `Interval Quantile`. */
  readonly quantile?: 'normal' | 't';
}

export interface FillRun {
  readonly forms: readonly ProgramForm[];
  /** The form sheets and Estimator Detail; empty when any issue is an error. */
  readonly sheets: readonly OwnedSheet[];
  readonly issues: readonly Issue[];
  readonly json: FillJson;
  /** Input ranges used, for the Run Log. */
  readonly inputs: Readonly<Record<string, string>>;
}

export async function fillForms(source: WorkbookSource, options: FillOptions): Promise<FillRun> {
  const settingsRead = await readSettings(source, { today: options.today });
  const findings = await readFindings(source);
  const universe = await readEligibilityUniverse(source);
  const issues: Issue[] = [...settingsRead.issues, ...findings.issues, ...universe.issues];
  const s = settingsRead.settings;
  let reviewYear = s.reviewYear;
  if (reviewYear === undefined) {
    reviewYear = mostLikelyReviewYear(findings.cases.map((c) => (c.month === null ? '' : (quarterOfMonth(c.month) ?? ''))));
    if (reviewYear !== undefined) {
      issues.push(cellIssue('warning', 'settings.review-year-inferred', { sheet: 'Settings' }, `no Review Year is set; ${reviewYear.label} (${reviewYear.months[0]} to ${reviewYear.months[11]}) was taken from the sample months. Add a Review Year setting to make it explicit.`));
    }
  }
  const inputs: Record<string, string> = {};
  if (settingsRead.sheet !== undefined) inputs.Settings = `'${settingsRead.sheet}'`;
  if (findings.range !== undefined) inputs.Findings = findings.range;
  if (universe.range !== undefined) inputs['Universe Counts'] = universe.range;
  if (reviewYear === undefined && !hasErrors(issues)) {
    issues.push(cellIssue('error', 'settings.review-year-needed', { sheet: 'Settings' }, 'no Review Year is set and the findings have no sample months to take it from (the universe counts are annual). Add a Review Year setting, for example RY2025.'));
  }
  if (reviewYear === undefined || hasErrors(issues)) {
    return { forms: [], sheets: [], issues, json: fillJson([], issues), inputs };
  }
  const formSettings: FormSettings = {
    state: s.state ?? '',
    reportDate: s.reportDate ?? options.today,
    reviewYear,
    confidence: s.confidence,
    undeterminedAsError: s.undeterminedAsError,
    quantile: options.quantile ?? (s.intervalQuantile === 't' ? 't' : 'normal'),
    precisionTarget: 0.03,
    negativeSampleStratified: s.negativeSampleStratified,
    formVersion: s.formVersion,
  };
  if (s.state === undefined) issues.push(cellIssue('warning', 'settings.state-missing', { sheet: 'Settings' }, 'no State is set, so line A is blank. Add a State setting.'));
  const forms: ProgramForm[] = [];
  for (const program of PROGRAMS) {
    if (!findings.cases.some((c) => c.program === program)) {
      // Universe counts without findings: say so rather than leave the form out without a word.
      // No form is filled: a form with an empty sample would read as a submitted one.
      const counted = universe.counts.find((u) => u.program === program);
      if (counted !== undefined) {
        issues.push(cellIssue('warning', 'findings.program-missing', { sheet: counted.source.sheet, cell: counted.source.cells.Program ?? `A${counted.source.row}` }, `the universe counts have ${program} rows but the case review findings have no ${program} cases, so no CMS-10184E ${program} form is filled. Add the ${program} findings to the findings table, or remove the ${program} counts if ${program} is not measured this cycle.`));
      }
      continue;
    }
    const filled = fillProgram(program, findings.cases, universe.counts, formSettings);
    issues.push(...filled.issues);
    if (filled.form !== null) forms.push(filled.form);
  }
  if (hasErrors(issues)) return { forms: [], sheets: [], issues, json: fillJson([], issues), inputs };
  const detail = buildEstimatorDetail(forms, formSettings.confidence, formSettings.quantile);
  const sheets = forms.map((f) => buildFormSheet(f, detail.refs.get(f.program) ?? {}, f.program === 'Medicaid' ? FORM_MEDICAID_SHEET : FORM_CHIP_SHEET));
  return { forms, sheets: [...sheets, detail.sheet], issues, json: fillJson(forms, issues), inputs };
}
