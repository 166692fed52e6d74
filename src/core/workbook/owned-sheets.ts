/** The sheets the add-in owns and rewrites on every run (layout spec, "Output sheets"). Input readers skip them. */
import { normalizeLabel } from './normalize-label.js';

export const RECONCILIATION_SHEET = 'Reconciliation';
export const FORM_MEDICAID_SHEET = 'CMS-10184E Medicaid';
export const FORM_CHIP_SHEET = 'CMS-10184E CHIP';
export const ESTIMATOR_DETAIL_SHEET = 'Estimator Detail';
export const RUN_LOG_SHEET = 'Run Log';
export const CALL_SUMMARY_SHEET = 'Call Summary';

/** Output sheet names. `Line Map` and `Settings` are not here: the user edits them, so they are input. */
export const OWNED_SHEET_NAMES: readonly string[] = [
  RECONCILIATION_SHEET,
  FORM_MEDICAID_SHEET,
  FORM_CHIP_SHEET,
  ESTIMATOR_DETAIL_SHEET,
  RUN_LOG_SHEET,
  CALL_SUMMARY_SHEET,
];

/** True when `name` is one of `names`, ignoring case, dashes and spacing. */
export function sheetNameIn(name: string, names: readonly string[]): boolean {
  const key = normalizeLabel(name);
  return names.some((n) => normalizeLabel(n) === key);
}
