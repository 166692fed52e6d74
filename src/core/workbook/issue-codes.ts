/**
 * Every issue code a run can report, with its severity and what it means: the one registry the
 * readers, the forms, the reconciliation and the shells use (`Issue.code` is typed by it). Codes
 * are `area.kebab-case`; a code is either an error (the run's result would be wrong without a fix:
 * nothing is written) or a warning (the run goes on; a person should look), never both.
 */
import type { EstimatorIssueCode } from '../estimator/issues.js';

type Entry = { readonly severity: 'error' | 'warning'; readonly meaning: string };

export const ISSUE_CODES = {
  // Input tables (find-table.ts)
  'table.not-found': { severity: 'error', meaning: 'An input table is missing: no header row has its headers.' },
  'table.incomplete': { severity: 'error', meaning: 'An input table was not found; the closest header row lacks some of its headers.' },
  'table.merged-cells': { severity: 'error', meaning: "Merged cells over a table's rows leave all but the first cell blank." },
  'table.merges-unchecked': { severity: 'warning', meaning: 'The host could not report merged cells (Excel before ExcelApi 1.13), so they were not checked.' },
  // Settings (settings.ts)
  'settings.duplicate': { severity: 'warning', meaning: 'A setting is given twice; the first is used.' },
  'settings.unknown': { severity: 'warning', meaning: 'A row of the Settings sheet names no known setting.' },
  'settings.state-missing': { severity: 'warning', meaning: 'No State is set, so line A is blank.' },
  'settings.review-year-inferred': { severity: 'warning', meaning: 'No Review Year is set; it was taken from the data.' },
  'settings.review-year-needed': { severity: 'error', meaning: 'No Review Year is set and the data cannot tell it.' },
  // Universe totals (universe-totals.ts)
  'universe.program': { severity: 'error', meaning: 'A Program cell of the universe is not Medicaid or CHIP.' },
  'universe.quarter': { severity: 'error', meaning: 'A Quarter cell of the universe is not a quarter.' },
  'universe.component': { severity: 'error', meaning: 'A Component cell of the universe is not FFS or MC.' },
  'universe.amount': { severity: 'error', meaning: 'An Amount cell of the universe is not a dollar amount.' },
  'universe.claims': { severity: 'error', meaning: 'A Claims cell of the universe is not a count.' },
  'universe.overflow': { severity: 'error', meaning: 'The universe sums past what can be added exactly in cents.' },
  'universe.total-row': { severity: 'warning', meaning: 'A total row in the universe table was left out.' },
  // Universe counts (read-eligibility-universe.ts)
  'universe-counts.program': { severity: 'error', meaning: 'A Program cell of the universe counts is not Medicaid or CHIP.' },
  'universe-counts.month': { severity: 'error', meaning: 'A Month cell of the universe counts is not a month.' },
  'universe-counts.stratum': { severity: 'error', meaning: 'A Stratum cell of the universe counts names no stratum.' },
  'universe-counts.cases': { severity: 'error', meaning: 'A Cases cell of the universe counts is not a count.' },
  'universe-counts.dollars': { severity: 'error', meaning: 'A Dollars cell of the universe counts is not a dollar amount.' },
  'universe-counts.duplicate': { severity: 'error', meaning: 'A program, month and stratum has two count rows.' },
  'universe-counts.mixed': { severity: 'error', meaning: 'A program mixes monthly and annual counts.' },
  'universe-counts.negative-mixed': { severity: 'error', meaning: 'The negative counts mix one Negative row with Denials and Terminations rows.' },
  'universe-counts.negative-not-split': { severity: 'error', meaning: 'Negative Sample Stratified is Yes but the counts do not give denials and terminations apart.' },
  'universe-counts.negative-domain-missing': { severity: 'error', meaning: 'Negative cases were sampled in a month whose counts lack their domain.' },
  'universe-counts.outside-year': { severity: 'warning', meaning: 'Universe counts for a month outside the review year were left out.' },
  // Findings (read-findings.ts)
  'findings.column-missing': { severity: 'error', meaning: 'The findings lack a column their cases need.' },
  'findings.program': { severity: 'error', meaning: 'A Program cell of the findings is not Medicaid or CHIP.' },
  'findings.month': { severity: 'error', meaning: 'A Month cell of the findings is not a month.' },
  'findings.month-needed': { severity: 'error', meaning: 'The universe counts are monthly, so every case needs its month.' },
  'findings.case-id': { severity: 'error', meaning: 'A Case ID is blank.' },
  'findings.stratum': { severity: 'error', meaning: 'A Stratum cell of the findings names no stratum.' },
  'findings.fraud': { severity: 'error', meaning: 'A Fraud cell is not Y or N.' },
  'findings.finding-blank': { severity: 'error', meaning: 'A finding is blank on a case that is not a fraud case.' },
  'findings.finding-unknown': { severity: 'error', meaning: 'A finding is not one of the PERM finding codes.' },
  'findings.finding-stratum': { severity: 'error', meaning: "A finding code does not fit its case's stratum (active or negative)." },
  'findings.dollars': { severity: 'error', meaning: 'A dollar cell of the findings is not a dollar amount.' },
  'findings.dollars-correct': { severity: 'error', meaning: 'A Dollars Correct cell is not a dollar amount.' },
  'findings.dollars-correct-mismatch': { severity: 'error', meaning: 'Dollars Correct is not Dollars Paid minus Dollars in Error, to the cent.' },
  'findings.duplicate-case': { severity: 'error', meaning: 'A Case ID appears twice in one program.' },
  'findings.negative-dollars': { severity: 'warning', meaning: 'Dollars on a negative case are left out (the form leaves them blank).' },
  'findings.negative-fraud': { severity: 'warning', meaning: 'A negative case marked as fraud.' },
  'findings.no-active': { severity: 'warning', meaning: 'A program has no active cases: lines D, G and H are empty.' },
  'findings.no-negative': { severity: 'warning', meaning: 'A program has no negative cases: lines E and I are empty.' },
  'findings.outside-year': { severity: 'warning', meaning: 'Cases of a month outside the review year were left out.' },
  'findings.program-missing': { severity: 'warning', meaning: 'The universe counts have a program that the findings lack, so no form is filled for it.' },
  'findings.second-table': { severity: 'warning', meaning: 'A second findings table was found and not read.' },
  // Reports and the line map (src/core/recon)
  'report.form': { severity: 'error', meaning: "A report sheet's form cannot be told." },
  'report.form-unknown': { severity: 'error', meaning: 'A Form cell names no CMS-64 or CMS-21 form.' },
  'report.quarter': { severity: 'error', meaning: "A report's quarter cannot be read." },
  'report.period-unknown': { severity: 'error', meaning: "A report sheet's quarter or year cannot be told." },
  'report.fiscal-year-unknown': { severity: 'error', meaning: "An FMR sheet's federal fiscal year cannot be told." },
  'report.fmr-state': { severity: 'error', meaning: 'The FMR export holds several states and the Settings name none of them.' },
  'report.amount': { severity: 'error', meaning: 'A Total Computable cell is not a dollar amount.' },
  'report.share': { severity: 'warning', meaning: 'A Federal Share cell is not a dollar amount (it is shown, never compared).' },
  'line-map.no-table': { severity: 'error', meaning: 'The Line Map sheet has no Form, Line, Description, Component table.' },
  'line-map.form': { severity: 'error', meaning: 'A Line Map row names no report form.' },
  'line-map.description': { severity: 'error', meaning: 'A Line Map row has neither a line number nor a description.' },
  'line-map.component': { severity: 'error', meaning: 'A Line Map component is not FFS, MC or Excluded.' },
  'line-map.subtotal': { severity: 'error', meaning: 'A subtotal line is mapped to FFS or MC, so it would count twice.' },
  'line-map.duplicate': { severity: 'warning', meaning: 'A report line is mapped twice; the first row is used.' },
  'line-map.empty': { severity: 'warning', meaning: 'The Line Map sheet has no rows; the bundled defaults are used.' },
  // The reconciliation (src/core/recon)
  'recon.review-year-unknown': { severity: 'error', meaning: 'No Review Year is set and the data has no quarters to tell it from.' },
  'recon.review-year-inferred': { severity: 'warning', meaning: 'No Review Year is set; it was taken from the quarters in the data.' },
  'recon.no-report': { severity: 'warning', meaning: "A program's report was not found, so its quarters compare against nothing." },
  'recon.unmapped-line': { severity: 'warning', meaning: 'Report lines the line map does not cover (never dropped silently).' },
  'recon.duplicate-line': { severity: 'warning', meaning: 'A report line appears twice for one quarter.' },
  'recon.annual-report-unused': { severity: 'warning', meaning: 'An annual report cannot take part in a review year that is not a federal fiscal year.' },
  'recon.report-missing-quarter': { severity: 'warning', meaning: 'A quarter of the review year has no report amounts.' },
  'recon.universe-missing-quarter': { severity: 'warning', meaning: 'A quarter of the review year has no universe amounts.' },
  'recon.report-outside-year': { severity: 'warning', meaning: 'Report amounts outside the review year were left out.' },
  'recon.universe-outside-year': { severity: 'warning', meaning: 'Universe amounts outside the review year were left out.' },
  'recon.notes-moved': { severity: 'warning', meaning: 'Notes whose row is not on this run\'s sheet moved to the Earlier notes block.' },
  'recon.notes-returned': { severity: 'warning', meaning: 'Notes from the Earlier notes block went back to their row.' },
  // The forms (src/core/forms)
  'form.counts-unbalanced': { severity: 'error', meaning: 'Correct + incorrect + undetermined + fraud is not the sample size on a line.' },
  'form.dollars-unbalanced': { severity: 'error', meaning: 'Dollars correct + in error is not dollars paid on a line.' },
  'form.precision-target': { severity: 'warning', meaning: 'A rate misses the 3-point precision target; the next cycle\'s sample size is given.' },
  'form.precision-not-computable': { severity: 'warning', meaning: 'A cell with one reviewed case has no variance estimate, so the precision cannot be computed.' },
  // Output (owned sheets)
  'output.text-clipped': { severity: 'warning', meaning: "Text over Excel's 32,767-character cell limit was clipped." },
  // Claim-level universe files (src/claims, src/cli)
  'claims.no-review-year': { severity: 'error', meaning: 'Claim files need a review year to be totalled.' },
  'claims.unusable': { severity: 'error', meaning: 'A claim file cannot be read.' },
} as const satisfies Record<string, Entry>;

/** A setting whose value cannot be read: `settings.quarterly-threshold`. */
export type SettingValueCode = `settings.${string}-value`;
/** A problem the estimator found (its own codes, `estimator.single-case-cell`); severity as the estimator says. */
export type EstimatorCode = `estimator.${string}`;
/** A data check of claim files (`claims.duplicate-claim-id`), reported with its count. */
export type ClaimCheckCode = `claims.check-${string}`;

export type RegisteredCode = keyof typeof ISSUE_CODES;
export type IssueCode = RegisteredCode | SettingValueCode | EstimatorCode | ClaimCheckCode;

/** The severity a registered code always has. */
export type SeverityOf<C extends IssueCode> = C extends RegisteredCode ? (typeof ISSUE_CODES)[C]['severity'] : 'error' | 'warning';

/** `single_case_cell` → `single-case-cell`: the estimator's and the claim checks' own codes, in the issue codes' style. */
export function kebab(code: EstimatorIssueCode | string): string {
  return code.replace(/_/g, '-');
}
