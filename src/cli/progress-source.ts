/**
 * A WorkbookSource wrapper that reports rows read, for a progress bar on long reads.
 */
import type { ReadRowsOptions, SheetRow, SheetSummary, WorkbookSource } from '../core/workbook/port.js';

export type ProgressListener = (sheet: string, rowsRead: number, rowsInSheet: number) => void;

export function withProgress(source: WorkbookSource, listener: ProgressListener): WorkbookSource {
  return {
    label: source.label,
    sheets: () => source.sheets(),
    async *readRows(sheet: string, options?: ReadRowsOptions): AsyncGenerator<readonly SheetRow[]> {
      const summary: SheetSummary | undefined = (await source.sheets()).find((s) => s.name === sheet);
      const from = options?.fromRow ?? summary?.firstRow ?? 1;
      const to = options?.toRow ?? (summary === undefined ? from : summary.firstRow + summary.rowCount - 1);
      const total = Math.max(0, to - from + 1);
      for await (const chunk of source.readRows(sheet, options)) {
        const last = chunk[chunk.length - 1];
        if (last !== undefined) listener(sheet, last.row - from + 1, total);
        yield chunk;
      }
    },
  };
}

/** A one-line progress bar on a terminal's standard error; silent when standard error is not a terminal. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, minimumRows = 50_000): { listener: ProgressListener; done: () => void } {
  let shown = false;
  return {
    listener: (sheet, read, total) => {
      if (!stream.isTTY || total < minimumRows) return;
      const width = 30;
      const filled = Math.round((width * Math.min(read, total)) / total);
      stream.write(`\rReading '${sheet}' [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round((100 * read) / total)}% (${read.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows)`);
      shown = true;
    },
    done: () => {
      if (shown) stream.write('\n');
      shown = false;
    },
  };
}
