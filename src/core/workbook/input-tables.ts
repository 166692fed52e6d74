/**
 * The input tables of the canonical layout (workbook-layout.md, "Input tables"), in one place:
 * each table's headers and their synonyms, the sheet the blank template shows it on, and which
 * run reads it. The readers, the task pane's first screen, the "not found" messages, the blank
 * template (`perm-recon template`) and docs/workbook-layout.md all take their facts from here.
 */
import type { TableSpec } from './find-table.js';

export const UNIVERSE_TABLE = {
  name: 'universe totals',
  required: {
    Program: ['Program Type'],
    Quarter: ['Qtr', 'Payment Quarter', 'Paid Quarter'],
    Component: ['Payment Type', 'Component Type'],
    Amount: ['Paid Amount', 'Amount Paid', 'Total Paid', 'Paid'],
  },
  optional: { Claims: ['Claim Count', 'Number of Claims', 'Count'] },
} as const satisfies TableSpec;

/** The report table: a description and a total computable column; the rest optional. */
export const REPORT_TABLE = {
  name: 'expenditure report',
  required: {
    Description: ['Service Category', 'Category of Service', 'Line Description', 'Line Item'],
    'Total Computable': ['Total Computable Amount', 'Total Comp', 'Total Computable Expenditures', 'TC'],
  },
  optional: {
    Quarter: ['Qtr', 'Quarter Ended', 'Quarter Ending', 'Period', 'Reporting Quarter'],
    Line: ['Line #', 'Line No', 'Line Number', 'Line Num'],
    Form: ['Form Name', 'Report', 'Form Type', 'Report Form'],
    'Federal Share': ['Federal', 'Federal Share Amount', 'FFP'],
    'State Share': ['State Share Amount'],
  },
} as const satisfies TableSpec;

export const LINE_MAP_TABLE = {
  name: 'Line Map',
  required: {
    Form: ['Report Form', 'Report'],
    Description: ['Service Category', 'Line Description', 'Category of Service'],
    Component: ['Universe Component', 'Counts As'],
  },
  optional: {
    Line: ['Line #', 'Line No', 'Line Number'],
    Subtotal: ['Is Subtotal', 'Total Row'],
    Reason: ['Why', 'Rationale'],
    Note: ['Notes', 'Comment', 'Comments'],
  },
} as const satisfies TableSpec;

export const ELIGIBILITY_UNIVERSE_TABLE = {
  name: 'eligibility universe counts',
  required: {
    Program: ['Program'],
    Month: ['Month', 'Sample Month'],
    Stratum: ['Stratum', 'Strata'],
    Cases: ['Cases', 'Universe', 'Universe Cases', 'Number of Cases', 'Case Count', 'Cases in Universe'],
  },
  optional: {
    Dollars: ['Dollars', 'Universe Dollars', 'Dollars Paid', 'Paid Dollars'],
  },
} as const satisfies TableSpec;

export const FINDINGS_TABLE = {
  name: 'case review findings',
  required: {
    Program: ['Program'],
    'Case ID': ['Case ID', 'Case Id', 'Case Number', 'Case #', 'Case No', 'Sample ID'],
    Stratum: ['Stratum', 'Strata'],
    Finding: ['Finding', 'Finding Code', 'Review Finding', 'Findings'],
  },
  optional: {
    // Optional: blank (or absent) when the universe counts are annual (workbook layout, case review findings).
    Month: ['Month', 'Sample Month', 'Review Month'],
    'Dollars Paid': ['Dollars Paid', 'Paid', 'Total Dollars Paid', 'Amount Paid', 'Paid Amount'],
    'Dollars in Error': ['Dollars in Error', 'Error Dollars', 'Dollars Error', 'Total Dollars in Error', 'Amount in Error'],
    'Dollars Correct': ['Dollars Correct', 'Correct Dollars', 'Total Dollars Correct'],
    Fraud: ['Fraud', 'Beneficiary Fraud', 'Fraud Excluded'],
  },
} as const satisfies TableSpec;

/** The Settings table as settings.ts looks for it on the Settings sheet. */
export const SETTINGS_TABLE = { name: 'Settings', required: { Setting: ['Name', 'Parameter'], Value: [] } } as const satisfies TableSpec;

export type InputKey = 'settings' | 'universe' | 'reports' | 'lineMap' | 'counts' | 'findings';

export interface InputTableFacts {
  readonly key: InputKey;
  /** How the table is called on screen and in messages. */
  readonly title: string;
  readonly spec: TableSpec;
  /** Which run reads it. */
  readonly usedBy: 'Reconcile' | 'Fill' | 'Reconcile and Fill';
  /** The sheet(s) of the blank template that show it (also the canonical sheet names). */
  readonly templateSheets: readonly string[];
  /** Read from the sheet of this name (matched ignoring case and spacing) unless the user points elsewhere. */
  readonly sheetName?: string;
  /** Several tables may be read (reports on several sheets, universe tables). */
  readonly many: boolean;
  /** One sentence: what the table holds. */
  readonly holds: string;
}

export const INPUT_TABLE_FACTS: readonly InputTableFacts[] = [
  { key: 'settings', title: 'Settings', spec: SETTINGS_TABLE, usedBy: 'Reconcile and Fill', templateSheets: ['Settings'], sheetName: 'Settings', many: false, holds: 'the state, the review year, the thresholds and the other choices; every setting has a default, and the sheet itself is optional' },
  { key: 'universe', title: 'Universe totals', spec: UNIVERSE_TABLE, usedBy: 'Reconcile', templateSheets: ['Universe'], many: true, holds: 'the PERM universe the state submitted: one row per program, quarter and component (FFS or MC), or one row per claim' },
  { key: 'reports', title: 'Expenditure reports', spec: REPORT_TABLE, usedBy: 'Reconcile', templateSheets: ['CMS-64', 'CMS-21'], many: true, holds: 'the CMS-64 (Medicaid) and CMS-21 + CMS-64.21U (CHIP) report lines, total computable, one row per quarter and line' },
  { key: 'lineMap', title: 'Line Map', spec: LINE_MAP_TABLE, usedBy: 'Reconcile', templateSheets: ['Line Map'], sheetName: 'Line Map', many: false, holds: 'which report line counts as FFS, MC or Excluded; written with the bundled defaults the first time' },
  { key: 'counts', title: 'Universe counts', spec: ELIGIBILITY_UNIVERSE_TABLE, usedBy: 'Fill', templateSheets: ['Universe Counts'], many: false, holds: 'the number of cases in each eligibility universe (stratum) for each sample month' },
  { key: 'findings', title: 'Findings', spec: FINDINGS_TABLE, usedBy: 'Fill', templateSheets: ['Findings'], many: false, holds: 'one row per sampled case with its finding code and, for active cases, dollars paid and in error' },
];

/** The facts of the table whose spec is named `specName`. */
export function inputTableFacts(specName: string): InputTableFacts | undefined {
  return INPUT_TABLE_FACTS.find((f) => f.spec.name === specName);
}

/** The table's headers in template order: the required ones, then the optional ones. */
export function templateHeaders(spec: TableSpec): string[] {
  return [...Object.keys(spec.required), ...Object.keys(spec.optional ?? {})];
}

/** "The blank template (perm-recon template) shows it on its 'Universe' sheet." */
export function whereTemplateShows(specName: string): string {
  const facts = inputTableFacts(specName);
  if (facts === undefined) return '';
  const sheets = facts.templateSheets.map((s) => `'${s}'`).join(' and ');
  return `The blank template (perm-recon template --out FILE.xlsx, and docs/workbook-layout.md) shows it on its ${sheets} sheet${facts.templateSheets.length === 1 ? '' : 's'}.`;
}
