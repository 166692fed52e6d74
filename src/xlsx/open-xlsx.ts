/**
 * Opens an .xlsx file for reading, and writes copies of it with the add-in's output sheets.
 * Files up to `streamAboveBytes` (default 20 MB) are loaded whole with exceljs; larger ones are
 * read with exceljs's streaming reader. Either way the input file is only ever read.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { OwnedSheet, ReadRowsOptions, SheetRow, SheetSummary, WorkbookSource, WorkbookTarget } from '../core/workbook/port.js';
import { FullWorkbookSource } from './full-source.js';
import { StreamWorkbookSource } from './stream-source.js';
import { writeCopy as writeWorkbookCopy } from './write-copy.js';

export const DEFAULT_STREAM_ABOVE_BYTES = 20 * 1024 * 1024;

export interface OpenXlsxOptions {
  /** Files larger than this many bytes are streamed rather than loaded (default 20 MB). */
  readonly streamAboveBytes?: number;
  /** Streaming only: rows kept from the top of each sheet for finding tables (default 200). */
  readonly headRows?: number;
}

/** An open .xlsx file: a WorkbookSource, plus writing a copy with the owned sheets replaced or added. */
export interface XlsxWorkbook extends WorkbookSource {
  readonly path: string;
  readonly mode: 'full' | 'stream';
  /** Writes `outPath`: the input file's package with `sheets` added or replaced; nothing else changes. */
  writeCopy(outPath: string, sheets: readonly OwnedSheet[]): Promise<void>;
  /** A WorkbookTarget whose writeSheets writes a copy to `outPath`. */
  copyTarget(outPath: string): WorkbookTarget;
}

class OpenedXlsx implements XlsxWorkbook {
  constructor(
    readonly path: string,
    readonly mode: 'full' | 'stream',
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

/** Opens `path` for reading. Throws (with the path and what to do) when the file is missing or not an .xlsx workbook. */
export async function openXlsx(path: string, options: OpenXlsxOptions = {}): Promise<XlsxWorkbook> {
  const full = resolve(path);
  const label = basename(full);
  let size: number;
  try {
    size = (await stat(full)).size;
  } catch {
    throw new Error(`${full}: file not found. Check the path and try again.`);
  }
  if (size > (options.streamAboveBytes ?? DEFAULT_STREAM_ABOVE_BYTES)) {
    let source: StreamWorkbookSource;
    try {
      source = await StreamWorkbookSource.open(label, full, options.headRows === undefined ? {} : { headRows: options.headRows });
    } catch (e) {
      throw notXlsx(full, e);
    }
    return new OpenedXlsx(full, 'stream', source);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(full);
  } catch (e) {
    throw notXlsx(full, e);
  }
  return new OpenedXlsx(full, 'full', new FullWorkbookSource(label, workbook));
}

function notXlsx(path: string, cause: unknown): Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new Error(`${path}: cannot be read as an Excel workbook (${detail}). Save it from Excel as .xlsx (Excel Workbook) and try again.`, { cause });
}
