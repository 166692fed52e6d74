/**
 * Opens an .xlsx file for reading with the one streaming reader (read/xlsx-book.ts, over
 * node-file.ts), and writes copies of it with the add-in's output sheets. The input file is only
 * ever read.
 */
import { basename, resolve } from 'node:path';
import type { OwnedSheet, ReadRowsOptions, SheetRow, SheetSummary, WorkbookSource, WorkbookTarget } from '../core/workbook/port.js';
import { openXlsxFile } from './node-file.js';
import { writeCopy as writeWorkbookCopy } from './write-copy.js';

export interface OpenXlsxOptions {
  /** Rows kept from the top of each sheet for finding tables (default 200). */
  readonly headRows?: number;
}

/** An open .xlsx file: a WorkbookSource, plus writing a copy with the owned sheets replaced or added. */
export interface XlsxWorkbook extends WorkbookSource {
  readonly path: string;
  /** How the file is read: always streamed, whatever its size. */
  readonly mode: 'stream';
  /** Writes `outPath`: the input file's package with `sheets` added or replaced; nothing else changes. */
  writeCopy(outPath: string, sheets: readonly OwnedSheet[]): Promise<void>;
  /** A WorkbookTarget whose writeSheets writes a copy to `outPath`. */
  copyTarget(outPath: string): WorkbookTarget;
}

class OpenedXlsx implements XlsxWorkbook {
  readonly mode = 'stream' as const;

  constructor(
    readonly path: string,
    private readonly source: WorkbookSource,
  ) {}

  get label(): string {
    return this.source.label;
  }

  sheets(): Promise<readonly SheetSummary[]> {
    return this.source.sheets();
  }

  readRows(sheet: string, options?: ReadRowsOptions): AsyncIterable<readonly SheetRow[]> {
    return this.source.readRows(sheet, options);
  }

  writeCopy(outPath: string, sheets: readonly OwnedSheet[]): Promise<void> {
    return writeWorkbookCopy(this.path, outPath, sheets);
  }

  copyTarget(outPath: string): WorkbookTarget {
    return { writeSheets: (sheets) => this.writeCopy(outPath, sheets) };
  }
}

/**
 * Opens `path` for reading and checks every sheet. Throws an XlsxReadError (naming the path, the
 * sheet and cell when there is one, and what to do) when the file cannot be read as a workbook.
 */
export async function openXlsx(path: string, options: OpenXlsxOptions = {}): Promise<XlsxWorkbook> {
  const full = resolve(path);
  const book = await openXlsxFile(full, basename(full), options.headRows === undefined ? {} : { headRows: options.headRows });
  return new OpenedXlsx(full, book);
}
