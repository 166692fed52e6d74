/** Small workbooks for the task pane's tests, laid out as workbook-layout.md says. */
import type { MemorySheets } from '../../src/core/workbook/memory-source.js';

const SETTINGS = [
  ['Setting', 'Value'],
  ['State', 'Columbia'],
  ['Review Year', 'RY2025'],
  ['Report Date', '2025-07-01'],
];

const QUARTERS = ['2023Q3', '2023Q4', '2024Q1', '2024Q2'];

/**
 * Medicaid only: universe FFS 100, MC 0 in every quarter except 2024Q1 (130, so +30% and flagged)
 * and 2024Q2 (115: exactly 15.00%, not flagged); the CMS-64 reports 100 FFS per quarter.
 */
export function reconWorkbook(): MemorySheets {
  const universe = [['Program', 'Quarter', 'Component', 'Amount']];
  const amounts: Record<string, number> = { '2023Q3': 100, '2023Q4': 100, '2024Q1': 130, '2024Q2': 115 };
  for (const q of QUARTERS) {
    universe.push(['Medicaid', q, 'FFS', String(amounts[q])]);
    universe.push(['Medicaid', q, 'MC', '0']);
  }
  const report = [['Quarter', 'Line', 'Description', 'Total Computable']];
  const ffy = { '2023Q3': 'FFY2023 Q4', '2023Q4': 'FFY2024 Q1', '2024Q1': 'FFY2024 Q2', '2024Q2': 'FFY2024 Q3' } as const;
  for (const q of QUARTERS) report.push([ffy[q as keyof typeof ffy], '1A', 'Inpatient Hospital - Reg. Payments', '100']);
  return { Settings: SETTINGS, Universe: universe, 'CMS-64': report };
}

/** A workbook whose universe has a bad amount: reconciling it is an error naming 'Universe'!D3. */
export function brokenReconWorkbook(): MemorySheets {
  const book = reconWorkbook();
  const universe = (book.Universe ?? []).map((r) => [...r]);
  const row = universe[2];
  if (row !== undefined) row[3] = "lots";
  return { ...book, Universe: universe };
}
