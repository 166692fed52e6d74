import { describe, expect, it } from 'vitest';
import { mostLikelyReviewYear } from '../../../src/core/workbook/infer-review-year';

describe('mostLikelyReviewYear', () => {
  it('takes the July-June review year holding the quarters', () => {
    expect(mostLikelyReviewYear(['2023Q3', '2023Q4', '2024Q1', '2024Q2'])?.label).toBe('RY2025');
  });
  it('takes the federal fiscal year when the quarters run October to September', () => {
    expect(mostLikelyReviewYear(['2023Q4', '2024Q1', '2024Q2', '2024Q3'])?.label).toBe('FFY2024');
  });
  it('lets an annual report name its fiscal year, and knows nothing from nothing', () => {
    expect(mostLikelyReviewYear([], [[2019, 4]])?.label).toBe('FFY2019');
    expect(mostLikelyReviewYear([])).toBeUndefined();
  });
  it('counts repeated quarters (sample months) as votes', () => {
    expect(mostLikelyReviewYear(['2024Q3', '2024Q3', '2024Q3', '2024Q4'])?.label).toBe('RY2026');
    expect(mostLikelyReviewYear(['2024Q4', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q3', '2025Q3'])?.label).toBe('FFY2025');
  });
});
