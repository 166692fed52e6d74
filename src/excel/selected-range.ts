/** The user's selection, for "point at another range" in the task pane. One sync. */
import type { ExcelRun } from './excel-api.js';

export interface SelectedRange {
  readonly sheet: string;
  /** A1 address without the sheet and without `$`, for example `B3:D9`. */
  readonly address: string;
}

/** `'My sheet'!$B$3:$D$9` → sheet `My sheet`, address `B3:D9`; null when it names no sheet or range. */
export function splitQualifiedAddress(full: string): SelectedRange | null {
  const bang = full.lastIndexOf('!');
  if (bang < 0) return null;
  const rawSheet = full.slice(0, bang);
  const sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const address = full.slice(bang + 1).replace(/\$/g, '');
  return sheet === '' || address === '' ? null : { sheet, address };
}

export async function readSelectedRange(run: ExcelRun): Promise<SelectedRange | null> {
  return run(async (context) => {
    const range = context.workbook.getSelectedRange();
    range.load('address');
    await context.sync();
    return splitQualifiedAddress(range.address);
  });
}
