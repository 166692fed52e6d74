import { describe, expect, it } from 'vitest';
import { normalizeLabel } from '../../../src/core/workbook/normalize-label.js';

describe('normalizeLabel', () => {
  it.each([
    ['Total Computable', 'total computable'],
    ['Total\nComputable', 'total computable'],
    ['Total\r\n  Computable ', 'total computable'],
    ['TOTAL\u00A0COMPUTABLE', 'total computable'],
    ['  Service   Category\t', 'service category'],
    ['Medicaid \u2013 Title XIX', 'medicaid-title xix'],
    ['Medicaid \u2014 Title XIX', 'medicaid-title xix'],
    ['Medicaid - Title XIX', 'medicaid-title xix'],
    ['Medicaid-Title XIX', 'medicaid-title xix'],
    ['Medicaid -Title XIX', 'medicaid-title xix'],
    ['C\u2212Line 18A', 'c-line 18a'],
    ['Jul\u2013Sep 2023', 'jul-sep 2023'],
    ['Case\u200BID', 'caseid'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLabel(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = normalizeLabel('  Dollars \u2013 In\nError ');
    expect(normalizeLabel(once)).toBe(once);
  });
});
