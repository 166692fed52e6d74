/**
 * The adapter against Microsoft's office-addin-mock, in the Office template's pattern
 * (`globalThis.Excel = new OfficeMockObject(seed)` with a `run` in the seed), for a simple read
 * through the default `Excel.run`. The mock does not model collections (`items/...` loads),
 * null objects or getRangeByIndexes, so the seed returns objects that already exist in it and the
 * rest of the suite uses the typed fake in fake-excel.ts.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExcelWorkbook } from '../../src/excel/excel-workbook.js';
import { chunksOf } from './helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the mock is untyped */
const seed = {
  context: {
    workbook: {
      worksheets: {
        getItem(this: any, name: string) {
          if (name !== 'Universe') throw new Error(`no sheet ${name}`);
          return this.universe;
        },
        universe: {
          name: 'Universe',
          visibility: 'Visible',
          getUsedRangeOrNullObject(this: any) {
            return this.used;
          },
          getRangeByIndexes(this: any) {
            return this.block;
          },
          used: { rowIndex: 1, columnIndex: 2, rowCount: 4, columnCount: 3 },
          block: {
            values: [
              ['Program', 'Quarter', 'Paid'],
              ['Medicaid', '2023Q3', 1250.5],
              ['', '', ''],
              ['CHIP', '#N/A', 99],
            ],
          },
        },
      },
    },
    application: { suspendApiCalculationUntilNextSync() {} },
  },
  run: async function (this: any, batch: (context: unknown) => Promise<unknown>) {
    return batch(this.context);
  },
};

const globals = globalThis as unknown as { Excel?: unknown };

afterEach(() => {
  delete globals.Excel;
});

describe('with office-addin-mock', () => {
  it('reads a sheet through the real Excel.run path in 2 syncs: the used range, then one chunk', async () => {
    const excel = new OfficeMockObject(seed) as any;
    // isNullObject needs no load in office-js; the mock only makes an assigned property readable without one.
    excel.context.workbook.worksheets.universe.used.isNullObject = false;
    globals.Excel = excel;
    const sync = vi.spyOn(excel.context, 'sync');
    const rows = (await chunksOf(new ExcelWorkbook({ label: 'mock' }).readRows('Universe'))).flat();
    expect(rows).toEqual([
      { row: 2, cells: ['Program', 'Quarter', 'Paid'] },
      { row: 3, cells: ['Medicaid', '2023Q3', 1250.5] },
      { row: 5, cells: ['CHIP', { kind: 'error', code: '#N/A' }, 99] },
    ]);
    expect(sync).toHaveBeenCalledTimes(2);
    // nothing came back as the mock's "not loaded" sentinel strings
    expect(JSON.stringify(rows)).not.toMatch(/Error, (property was not loaded|context\.sync\(\) was not called)/);
  });

  it('an unloaded property reaches the adapter as a sentinel string, which it refuses instead of reading as data', async () => {
    const excel = new OfficeMockObject(seed) as any;
    excel.context.workbook.worksheets.universe.used.isNullObject = false;
    excel.context.workbook.worksheets.universe.block.load = () => undefined; // "forget" to load values
    globals.Excel = excel;
    await expect(chunksOf(new ExcelWorkbook().readRows('Universe'))).rejects.toThrow(/no values/);
  });
});
