/** The small pure parts of the adapter: value conversion, payload estimates, blocks and style rectangles, addresses. */
import { describe, expect, it } from 'vitest';
import { formulaCell, numberCell, textCell } from '../../src/core/workbook/output-cells.js';
import type { OutputCell } from '../../src/core/workbook/port.js';
import { cellFromOffice, EXCEL_ERROR_CODES } from '../../src/excel/cell-from-office.js';
import { columnWidthPoints, formulaInput, styleRects, valueBlocks } from '../../src/excel/output-matrix.js';
import { BYTES_PER_CELL_ESTIMATE, DEFAULT_PAYLOAD_BUDGET, isPayloadLimitError, matrixBytes, MAX_GET_CELLS, readChunkRows } from '../../src/excel/payload.js';
import { mergedAreasFromAddress } from '../../src/excel/sheet-snapshot.js';
import { parseSheetRange, withoutSheet } from '../../src/excel/sheet-range.js';

describe('cellFromOffice', () => {
  it('maps office-js values to CellValue', () => {
    expect(cellFromOffice('')).toBeNull();
    expect(cellFromOffice(null)).toBeNull();
    expect(cellFromOffice(undefined)).toBeNull();
    expect(cellFromOffice(' ')).toBe(' ');
    expect(cellFromOffice(0)).toBe(0);
    expect(cellFromOffice(45_474)).toBe(45_474); // a date stays its serial
    expect(cellFromOffice(false)).toBe(false);
    expect(cellFromOffice({ type: 'Entity' })).toBeNull();
    for (const code of ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BUSY!']) {
      expect(EXCEL_ERROR_CODES.has(code)).toBe(true);
      expect(cellFromOffice(code)).toEqual({ kind: 'error', code });
    }
    expect(cellFromOffice('#N/A text')).toBe('#N/A text');
  });
});

describe('payload', () => {
  it('sizes read chunks from the column count, under the budget and the 5-million-cell limit', () => {
    expect(readChunkRows(10)).toBe(Math.floor(DEFAULT_PAYLOAD_BUDGET / (10 * BYTES_PER_CELL_ESTIMATE)));
    expect(readChunkRows(1)).toBe(Math.floor(DEFAULT_PAYLOAD_BUDGET / BYTES_PER_CELL_ESTIMATE));
    expect(readChunkRows(16_384)).toBe(3);
    expect(readChunkRows(100_000)).toBe(1);
    expect(readChunkRows(10, DEFAULT_PAYLOAD_BUDGET, 500)).toBe(500);
    expect(readChunkRows(10, DEFAULT_PAYLOAD_BUDGET, 1e9)).toBe(readChunkRows(10));
    expect(readChunkRows(1, 1e12) * 1).toBe(MAX_GET_CELLS);
  });

  it('estimates a matrix close to its JSON size', () => {
    const m = [['Medicaid', 1234567.89, true, ''], ['say "hi"\n', -0.5, false, 'é']];
    const json = JSON.stringify(m).length;
    expect(Math.abs(matrixBytes(m) - json)).toBeLessThanOrEqual(8);
  });

  it('recognises the payload-limit errors', () => {
    expect(isPayloadLimitError({ code: 'ResponsePayloadSizeLimitExceeded', message: '' })).toBe(true);
    expect(isPayloadLimitError({ code: 'GeneralException', message: 'RequestPayloadSizeLimitExceeded: too big' })).toBe(true);
    expect(isPayloadLimitError(new Error('ItemNotFound'))).toBe(false);
    expect(isPayloadLimitError('x')).toBe(false);
  });
});

describe('output matrix', () => {
  it('writes text with an apostrophe, formulas with =, numbers as numbers, blanks as empty', () => {
    expect(formulaInput(textCell('=1+1'))).toBe("'=1+1");
    expect(formulaInput(textCell(''))).toBe('');
    expect(formulaInput(formulaCell('SUM(A1:A3)', 6))).toBe('=SUM(A1:A3)');
    expect(formulaInput({ formula: '=A1' })).toBe('=A1');
    expect(formulaInput(numberCell(-3))).toBe(-3);
    expect(formulaInput({ blank: true, bold: true })).toBe('');
    expect(formulaInput(null)).toBe('');
  });

  it('groups contiguous rows with values into blocks as wide as their widest row', () => {
    const rows: OutputCell[][] = [[textCell('a')], [numberCell(1), numberCell(2), null], [], [{ blank: true, fill: 'FFFFFF' }], [null, null, textCell('z')]];
    expect(valueBlocks(rows)).toEqual([
      { row: 0, values: [["'a", ''], [1, 2]] },
      { row: 4, values: [['', '', "'z"]] },
    ]);
    expect(valueBlocks([])).toEqual([]);
  });

  it('merges equal styles into rectangles: across a row, then down while the run below matches', () => {
    const money = { numberFormat: '$#,##0.00' };
    const head = { bold: true, fill: 'D9E1F2' };
    const rows: OutputCell[][] = [
      [textCell('A', head), textCell('B', head), textCell('C', head)],
      [textCell('x'), numberCell(1, money), numberCell(2, money)],
      [textCell('y'), numberCell(3, money), numberCell(4, money)],
      [textCell('z'), numberCell(5, money)],
      [textCell('w', { bold: false })],
    ];
    expect(styleRects(rows)).toEqual([
      { row: 0, col: 0, rowCount: 1, colCount: 3, style: head },
      { row: 1, col: 1, rowCount: 2, colCount: 2, style: money },
      { row: 3, col: 1, rowCount: 1, colCount: 1, style: money },
    ]);
  });

  it('converts column widths in characters to points as Excel does for Calibri 11', () => {
    expect(columnWidthPoints(9.140625)).toBe(48); // Excel's default column as stored in the file: 64 px
    expect(columnWidthPoints(10)).toBe(52.5);
    expect(columnWidthPoints(44)).toBe(231);
  });
});

describe('addresses', () => {
  it('parses sheet-qualified ranges, quoted or not', () => {
    expect(parseSheetRange("'Reconciliation'!$A$3:$A$6")).toEqual({ sheet: 'Reconciliation', address: 'A3:A6' });
    expect(parseSheetRange("'Bob''s sheet'!b2")).toEqual({ sheet: "Bob's sheet", address: 'B2' });
    expect(parseSheetRange('Data!A1:C9')).toEqual({ sheet: 'Data', address: 'A1:C9' });
    expect(parseSheetRange('A1:C9')).toBeUndefined();
    expect(parseSheetRange('Data!nonsense')).toBeUndefined();
    expect(withoutSheet("'Run Log'!B7")).toBe('B7');
    expect(withoutSheet('B7:C9')).toBe('B7:C9');
  });

  it('reads merged areas from a RangeAreas address', () => {
    expect(mergedAreasFromAddress("Form!A1:J1, Form!$B$5:$D$5, 'My, sheet'!A26:J26")).toEqual(['A1:J1', 'B5:D5', 'A26:J26']);
    expect(mergedAreasFromAddress('')).toEqual([]);
  });
});
