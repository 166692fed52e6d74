// The issue-code registry: one style (area.kebab-case) and one severity per code, and the codes
// built from the estimator's and the claim checks' own codes in the same style.
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, kebab } from '../../../src/core/workbook/issue-codes.js';

const STYLE = /^[a-z]+(-[a-z]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/;

describe('ISSUE_CODES', () => {
  it('names every code area.kebab-case, with a severity and a meaning', () => {
    for (const [code, entry] of Object.entries(ISSUE_CODES)) {
      expect(code).toMatch(STYLE);
      expect(['error', 'warning']).toContain(entry.severity);
      expect(entry.meaning).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('turns the estimator\'s and the claim checks\' snake_case codes into the same style', () => {
    for (const own of ['single_case_cell', 'sample_exceeds_universe', 'duplicate_claim_id', 'paid_date_outside_review_year']) {
      expect(`estimator.${kebab(own)}`).toMatch(STYLE);
    }
  });
});
