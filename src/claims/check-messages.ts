/**
 * What each claim check says, in the workbook readers' words: an example's reason comes from the
 * same core parser a sheet's cell would go through (program, component, quarter, money), so a
 * claim file and a workbook explain the same value the same way.
 */
import { describeCellValue } from '../core/workbook/cell-value.js';
import { parseComponent } from '../core/workbook/component.js';
import { parseCents } from '../core/workbook/parse-money.js';
import { parseProgram } from '../core/workbook/program.js';
import { parseQuarter, type ReviewYear } from '../core/workbook/quarter.js';
import type { CheckCode } from './claims-sql.js';

/** What the check means and what happens to its claims, after the count: `3 claims ...`. */
export const CHECK_SUMMARY: Readonly<Record<CheckCode, string>> = {
  duplicate_claim_id: 'repeat a Claim ID seen before (first occurrence kept; the repeats are left out of the totals)',
  blank_claim_id: 'have a blank Claim ID (kept in the totals, but they cannot be checked for duplicates)',
  blank_program: 'have a blank Program (left out of the totals)',
  unknown_program: 'have a Program that is neither Medicaid nor CHIP (left out of the totals)',
  blank_component: 'have a blank Component (left out of the totals)',
  unknown_component: 'have a Component that is neither FFS nor MC (left out of the totals)',
  unparsable_paid_date: 'have a Paid Date (or Quarter) that is blank or not a date (left out of the totals)',
  paid_date_outside_review_year: 'were paid outside the review year (left out of the totals)',
  unparsable_amount: 'have a Paid Amount that is blank or not a dollar amount (left out of the totals)',
  negative_amount: 'have a negative Paid Amount (kept in the totals; check they are adjustments)',
};

const DATE_FORMS = 'Write it as 2023-07-15 or 7/15/2023.';
const QUARTER_FORMS = 'Write it as 2023Q3, 2023 Q3 or Q3 2023, or add a Paid Date column.';
const AMOUNT_FORMS = 'Write a dollar amount such as 1234.56, $1,234.56 or (1,234.56) for a negative.';

/** The reason an example fails its check, with how to fix it. `byDate`: the file's period column is Paid Date (else Quarter). */
export function exampleReason(code: CheckCode, value: string | null, reviewYear: ReviewYear, byDate: boolean): string {
  const shown = value === null ? 'blank' : describeCellValue(value);
  switch (code) {
    case 'duplicate_claim_id':
      return `Claim ID: ${shown} appears earlier; this repeat is left out. Remove the repeated claim, or give it its own Claim ID.`;
    case 'blank_claim_id':
      return 'Claim ID: the Claim ID is blank. Fill it in so repeated claims can be found.';
    case 'blank_program':
    case 'unknown_program': {
      const p = parseProgram(value);
      return `Program: ${p.ok ? `${shown} is not a program.` : p.reason}`;
    }
    case 'blank_component':
    case 'unknown_component': {
      const c = parseComponent(value);
      return `Component: ${c.ok ? `${shown} is not a universe component.` : c.reason}`;
    }
    case 'unparsable_paid_date': {
      if (value === null || value.trim() === '') return `${byDate ? 'Paid Date' : 'Quarter'}: the cell is blank. ${byDate ? DATE_FORMS : QUARTER_FORMS}`;
      return byDate ? `Paid Date: ${shown} is not a date. ${DATE_FORMS}` : `Quarter: ${shown} is not a quarter. ${QUARTER_FORMS}`;
    }
    case 'paid_date_outside_review_year': {
      const q = parseQuarter(value);
      const when = q.ok ? ` (${q.value})` : '';
      return `${byDate ? 'Paid Date' : 'Quarter'}: ${shown}${when} is outside the review year ${reviewYear.label} (${reviewYear.quarters[0] ?? ''} to ${reviewYear.quarters[reviewYear.quarters.length - 1] ?? ''}), so the claim is left out. Check the date, or the --review-year.`;
    }
    case 'unparsable_amount': {
      const m = parseCents(value);
      return `Paid Amount: ${m.ok ? `${shown} is not a dollar amount the claim reader takes. ${AMOUNT_FORMS}` : m.reason}`;
    }
    case 'negative_amount':
      return `Paid Amount: ${shown} is negative; it is kept in the totals. Check that it is an adjustment or recovery.`;
  }
}
