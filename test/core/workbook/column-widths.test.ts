// Column widths from formatted content. The formatted texts below are what Excel and LibreOffice
// show for these formats (checked against LibreOffice's "as shown" CSV export of every output
// book in test/xlsx/recalc-every-book.test.ts).
import { describe, expect, it } from 'vitest';
import { cellWidth, fitColumnWidths, formattedNumber } from '../../../src/core/workbook/column-widths';
import { COUNT_FORMAT, DECIMAL_FORMAT, MONEY_FORMAT, PERCENT_1DP_FORMAT, numberCell, textCell } from '../../../src/core/workbook/output-cells';

describe('formattedNumber', () => {
  it.each([
    [15_019_183_165.71, MONEY_FORMAT, '$15,019,183,165.71'],
    [-126_040_471.19, MONEY_FORMAT, '($126,040,471.19)'],
    [0, MONEY_FORMAT, '$0.00'],
    [1_234_567, COUNT_FORMAT, '1,234,567'],
    [0.18273, PERCENT_1DP_FORMAT, '18.3%'],
    [-0.0362, PERCENT_1DP_FORMAT, '-3.6%'],
    [0.0421234567891, DECIMAL_FORMAT, '0.042123457'],
    [174.0714, '0.0000', '174.0714'],
    [0.00001234, '0.000000E+00', '1.234000E-05'],
    [123456789.5, '0.000000E+00', '1.234568E+08'],
    [1234.5, '#,##0.00', '1,234.50'],
    [504, 'General', '504'],
    [0.1 + 0.2, undefined, '0.3'],
  ])('%s as %s is %s', (value, format, text) => {
    expect(formattedNumber(value, format)).toBe(text);
  });
});

describe('fitColumnWidths', () => {
  it('widens a column to its widest formatted number plus margin, keeps a wider asked width, ignores titles and merged cells', () => {
    const sheet = fitColumnWidths({
      name: 'Reconciliation',
      rows: [
        [textCell('A long title that spills over the empty cells to its right', { bold: true })],
        [numberCell(15_019_183_165.71, { numberFormat: MONEY_FORMAT, bold: true }), numberCell(1, { numberFormat: COUNT_FORMAT }), numberCell(99_999_999_999, { numberFormat: MONEY_FORMAT })],
        [textCell('Medicaid', { border: 'thin' })],
      ],
      columnWidths: [10, 30],
      merges: ['C2:D2'],
    });
    expect(sheet.columnWidths).toEqual([Math.ceil(18 * 1.1) + 2, 30]);
    expect(cellWidth(textCell('x'.repeat(500), { border: 'thin' }))).toBe(60);
  });
});
