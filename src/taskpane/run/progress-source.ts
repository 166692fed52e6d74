/** A WorkbookSource that reports the rows read, sheet by sheet, for the task pane's progress bar. */
import type { ReadRowsOptions, SheetRow, WorkbookSource } from '../../core/workbook/port.js';

export interface ReadProgress {
  readonly sheet: string;
  readonly rowsRead: number;
  readonly rowsInSheet: number;
}

export type ProgressListener = (progress: ReadProgress) => void;

/** `source`, telling `listener` after each chunk how far through the requested rows of a sheet it is. */
export function withReadProgress(source: WorkbookSource, listener: ProgressListener): WorkbookSource {
  return {
    label: source.label,
    ...(source.tableHints === undefined ? {} : { tableHints: source.tableHints }),
    sheets: () => source.sheets(),
    async *readRows(sheet: string, options?: ReadRowsOptions): AsyncGenerator<readonly SheetRow[]> {
      const summary = (await source.sheets()).find((s) => s.name === sheet);
      const from = options?.fromRow ?? summary?.firstRow ?? 1;
      const to = options?.toRow ?? (summary === undefined ? from : summary.firstRow + summary.rowCount - 1);
      const total = Math.max(0, to - from + 1);
      for await (const chunk of source.readRows(sheet, options)) {
        const last = chunk[chunk.length - 1];
        if (last !== undefined) listener({ sheet, rowsRead: Math.min(total, last.row - from + 1), rowsInSheet: total });
        yield chunk;
      }
    },
  };
}
