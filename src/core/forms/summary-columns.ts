/**
 * The CMS-10184E column each finding counts in (form instructions, "Number of Total Cases Correct /
 * Incorrect / Undetermined Column").
 */
import type { Finding } from '../workbook/finding-code';

export type SummaryColumn = 'correct' | 'incorrect' | 'undetermined';

/**
 * The summary column a finding counts in. Active: E, EI, L/O, L/U, MCE1, MCE2 are correct; NE is
 * incorrect; U is undetermined. Negative, as the instructions say (and as surprises people): the
 * Correct column counts the cases found eligible (ID, IT) and the Incorrect column those found
 * ineligible (C, correctly denied or terminated).
 */
export function summaryColumn(f: Finding): SummaryColumn {
  switch (f) {
    case 'NE':
      return 'incorrect';
    case 'U':
      return 'undetermined';
    case 'ID':
    case 'IT':
      return 'correct'; // negative cases found eligible (form instructions, Correct column)
    case 'C':
      return 'incorrect'; // negative cases found ineligible (form instructions, Incorrect column)
    default:
      return 'correct';
  }
}

/** Whether a finding is an error for the case error rates: NE (line H) or ID/IT (line I). */
export function isCaseError(f: Finding): boolean {
  return f === 'NE' || f === 'ID' || f === 'IT';
}
