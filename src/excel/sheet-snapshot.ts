/**
 * What `sheets()` learns of the workbook in a fixed number of syncs: every sheet's name,
 * visibility and used range (values only), optionally its merged areas, and the first rows of
 * every sheet, where the core looks for table headers, titles and settings. Reads of those rows
 * are then answered from memory, so finding tables costs no sync however many sheets there are.
 *
 * Syncs: 1 for the sheet list, 1 for all used ranges (and merged areas), 1 for all head rows
 * (one more per further 4 MB of head rows, which would take thousands of columns).
 */
import type { CellValue, SheetSummary } from '../core/workbook/port.js';
import { cellFromOffice } from './cell-from-office.js';
import type { ExcelRun, XlRange, XlRangeAreas } from './excel-api.js';
import { BYTES_PER_CELL_ESTIMATE } from './payload.js';

/** The first rows of a sheet's used range, read with the summary. */
export interface SheetHead {
  /** First and last sheet row held (1-based, inclusive). */
  readonly firstRow: number;
  readonly lastRow: number;
  /** One array per row from `firstRow`, each as wide as the used range. */
  readonly rows: readonly (readonly CellValue[])[];
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSummary[];
  /** By sheet name; absent for empty sheets and when head rows are not read. */
  readonly heads: ReadonlyMap<string, SheetHead>;
}

export interface SnapshotOptions {
  /** Load merged areas (ExcelApi 1.13), in the same sync as the used ranges. */
  readonly merges: boolean;
  /** Rows read ahead from the top of every sheet's used range; 0 for none. */
  readonly headRows: number;
  /** Bytes per sync. */
  readonly budget: number;
}

const CELL_ADDRESS = /!\s*(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)\s*(?=,|$)/g;

/** `Sheet1!$A$1:$B$2, 'My sheet'!D4:E4` → [`A1:B2`, `D4:E4`]. */
export function mergedAreasFromAddress(address: string): string[] {
  return [...address.matchAll(CELL_ADDRESS)].map((m) => (m[1] ?? '').replace(/\$/g, '').toUpperCase());
}

function summaryOf(name: string, visibility: string, used: XlRange, merges: readonly string[] | null): SheetSummary {
  const hidden = visibility !== 'Visible' ? { hidden: true } : {};
  if (used.isNullObject || used.rowCount === 0) return { name, firstRow: 1, firstColumn: 1, rowCount: 0, columnCount: 0, merges, ...hidden };
  return { name, firstRow: used.rowIndex + 1, firstColumn: used.columnIndex + 1, rowCount: used.rowCount, columnCount: used.columnCount, merges, ...hidden };
}

/** Sheets whose head rows fit the budget, in groups of at most `budget` estimated bytes each. */
function headGroups(sheets: readonly SheetSummary[], headRows: number, budget: number): SheetSummary[][] {
  const groups: SheetSummary[][] = [];
  let group: SheetSummary[] = [];
  let bytes = 0;
  for (const s of sheets) {
    if (s.rowCount === 0) continue;
    const size = Math.min(headRows, s.rowCount) * s.columnCount * BYTES_PER_CELL_ESTIMATE;
    if (size > budget) continue; // too wide to read ahead: read on demand instead
    if (bytes + size > budget && group.length > 0) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(s);
    bytes += size;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

export async function readSnapshot(run: ExcelRun, options: SnapshotOptions): Promise<WorkbookSnapshot> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    await context.sync(); // sync 1: the sheet list

    const used = worksheets.items.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      return range;
    });
    const merged: (XlRangeAreas | undefined)[] = worksheets.items.map((ws) => {
      if (!options.merges) return undefined;
      const areas = ws.getRange().getMergedAreasOrNullObject();
      areas.load('address');
      return areas;
    });
    await context.sync(); // sync 2: every used range (and merged areas) at once

    const sheets = worksheets.items.map((ws, i) => {
      const areas = merged[i];
      // Not asked (ExcelApi before 1.13): not checked, which the readers say; asked and none: [].
      const merges = areas === undefined ? null : areas.isNullObject ? [] : mergedAreasFromAddress(areas.address);
      return summaryOf(ws.name, ws.visibility, used[i] as XlRange, merges);
    });

    const heads = new Map<string, SheetHead>();
    if (options.headRows > 0) {
      const byName = new Map(worksheets.items.map((ws) => [ws.name, ws]));
      // Normally one group, so one sync. A further sync per 4 MB of head rows is the documented
      // exception to office-addins/no-context-sync-in-loop: one sync must stay under the payload limit.
      for (const group of headGroups(sheets, options.headRows, options.budget)) {
        const ranges = group.map((s) => {
          const rows = Math.min(options.headRows, s.rowCount);
          const range = (byName.get(s.name) ?? worksheets.getItem(s.name)).getRangeByIndexes(s.firstRow - 1, s.firstColumn - 1, rows, s.columnCount);
          range.load('values');
          return { s, rows, range };
        });
        await context.sync(); // sync 3: the head rows of every sheet
        for (const { s, rows, range } of ranges) {
          const values = range.values as unknown;
          if (!Array.isArray(values) || values.length !== rows) continue; // not read: readRows will ask again
          heads.set(s.name, {
            firstRow: s.firstRow,
            lastRow: s.firstRow + rows - 1,
            rows: (values as unknown[][]).map((row) => Array.from({ length: s.columnCount }, (_, c) => cellFromOffice(row[c]))),
          });
        }
      }
    }
    return { sheets, heads };
  });
}

/** The used range of one sheet, in one sync (for `readRows` before any `sheets()`). */
export async function readSheetSummary(run: ExcelRun, sheet: string): Promise<SheetSummary> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.load('name,visibility');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    return summaryOf(ws.name, ws.visibility, used, []);
  });
}
