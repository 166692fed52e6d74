/** "Click a warning to see its cell": activates the sheet and selects the cell or range, in one sync. */
import type { ExcelRun } from './excel-api.js';
import { withoutSheet } from './sheet-range.js';

/**
 * Selects `address` (`B7`, `B7:D9`, `7:7`, or with its sheet, `'Run Log'!B7`) on `sheet`; with no
 * address, only activates the sheet. Selecting changes nothing in the workbook.
 */
export async function selectCell(run: ExcelRun, sheet: string, address?: string): Promise<void> {
  const a1 = address === undefined ? '' : withoutSheet(address).replace(/\$/g, '');
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (a1 !== '') ws.getRange(a1).select();
    await context.sync();
  });
}
