/**
 * The preview's workbook: an .xlsx file held in memory with exceljs. It is read through the xlsx
 * adapter's FullWorkbookSource, and the owned sheets are written into it as the xlsx adapter
 * renders them (render-owned-sheets.ts), so the preview shows and downloads what a run writes.
 * The only module of the task pane that touches exceljs.
 */
import { withNoteEdits, type NoteEdit } from '../../core/recon/note-cells.js';
import { RECONCILIATION_SHEET } from '../../core/workbook/owned-sheets.js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { HEAD_COLUMNS, HEAD_ROWS, planOwnedWrite, sheetsToInspect } from '../../core/workbook/owned-sheets.js';
import { cellText } from '../../core/workbook/cell-value.js';
import type { CellValue, OwnedSheet, WorkbookSource } from '../../core/workbook/port.js';
import { cellValueOf } from '../../xlsx/cell-from-exceljs.js';
import { FullWorkbookSource } from '../../xlsx/full-source.js';
import { buildCopy, ownershipRecordOf } from '../../xlsx/build-copy.js';
import { renderOwnedSheets } from '../../xlsx/render-owned-sheets.js';

/** One row of a sheet as the preview shows it. */
export interface GridRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** A window of a sheet: rows `fromRow` on, columns 1 to `columnCount`. */
export interface SheetGrid {
  readonly sheet: string;
  readonly columnCount: number;
  readonly rows: readonly GridRow[];
  /** The sheet's last used row (the window may stop earlier). */
  readonly lastRow: number;
}

const MAX_COLUMNS = 40;

/** A cell's value as the preview shows it: numbers with the cell's number format when it is a percentage or money. */
export function displayText(value: CellValue, numberFormat: string | undefined): string {
  if (typeof value === 'number') {
    const fmt = numberFormat ?? '';
    if (fmt.includes('%')) {
      const digits = /0\.(0+)%/.exec(fmt)?.[1]?.length ?? 0;
      return `${(value * 100).toFixed(digits)}%`;
    }
    if (/[#0],[#0]{3}/.test(fmt) || fmt.includes('$')) {
      const digits = /0\.(0+)/.exec(fmt)?.[1]?.length ?? 0;
      return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  }
  return cellText(value);
}

export class PreviewWorkbook {
  private current: FullWorkbookSource;
  /** The latest version of each owned sheet written, by lower-case name, for the download. */
  private readonly written = new Map<string, OwnedSheet>();

  private constructor(
    readonly label: string,
    private readonly workbook: ExcelJS.Workbook,
    private readonly original: Uint8Array,
    /** The ownership record: the opened file's, then as the writes left it. */
    private record: readonly string[] | undefined,
  ) {
    this.current = new FullWorkbookSource(label, workbook);
  }

  /** Opens an .xlsx file's bytes. Throws with a readable message when they are not an .xlsx workbook. */
  static async open(label: string, bytes: ArrayBuffer): Promise<PreviewWorkbook> {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes);
    } catch (e) {
      throw new Error(`${label} could not be opened as an Excel workbook (.xlsx): ${e instanceof Error ? e.message : String(e)}`);
    }
    const original = new Uint8Array(bytes.slice(0));
    return new PreviewWorkbook(label, workbook, original, await recordOf(original));
  }

  /** The workbook as it is now (a new source after each write, so no summary is stale). */
  get source(): WorkbookSource {
    return this.current;
  }

  sheetNames(): string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  /** Up to `maxRows` rows of `sheet` from `fromRow`, as display text. */
  grid(sheet: string, fromRow: number, maxRows: number): SheetGrid {
    const ws = this.workbook.getWorksheet(sheet);
    if (ws === undefined) return { sheet, columnCount: 0, rows: [], lastRow: 0 };
    const lastRow = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    const columnCount = Math.min(MAX_COLUMNS, Math.max(1, ws.columnCount));
    const rows: GridRow[] = [];
    for (let r = Math.max(1, fromRow); r <= lastRow && rows.length < maxRows; r++) {
      const row = ws.findRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= columnCount; c++) {
        const cell = row?.findCell(c);
        cells.push(cell === undefined ? '' : displayText(cellValueOf(cell), cell.numFmt));
      }
      rows.push({ row: r, cells });
    }
    return { sheet, columnCount, rows, lastRow };
  }

  /**
   * Writes the owned sheets: each replaces the sheet of its name (or is added at the end). Goes
   * through the core's owned-sheet guard first, so a sheet of the user's with an owned name stops
   * the write (UserSheetConflictError) and nothing is written.
   */
  async writeOwned(requested: readonly OwnedSheet[]): Promise<void> {
    const existingNames = this.workbook.worksheets.map((ws) => ws.name);
    const inspected = sheetsToInspect(requested, existingNames, this.record).map((name) => ({ name, head: this.head(name) }));
    const plan = planOwnedWrite(requested, existingNames, this.record, inspected);
    const sheets = plan.write;
    this.record = plan.record;
    for (const sheet of sheets) this.written.set(sheet.name.toLowerCase(), sheet);
    const scratch = new ExcelJS.Workbook();
    const bytes = await renderOwnedSheets(sheets);
    await scratch.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    for (const rendered of scratch.worksheets) {
      const existing = this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === rendered.name.toLowerCase());
      if (existing !== undefined) this.workbook.removeWorksheet(existing.id);
      const target = this.workbook.addWorksheet(rendered.name);
      // A rewritten sheet keeps its place among the tabs, as in Excel.
      // exceljs orders `worksheets` by `orderNo`, which its types leave out.
      if (existing !== undefined) (target as unknown as { orderNo: number }).orderNo = (existing as unknown as { orderNo: number }).orderNo;
      // exceljs reads merges back as `merges` but takes them as `mergeCells`.
      const model = rendered.model as ExcelJS.WorksheetModel & { merges?: string[] };
      target.model = { ...model, id: target.id, name: rendered.name, mergeCells: model.merges ?? [] } as ExcelJS.WorksheetModel;
    }
    this.current = new FullWorkbookSource(this.label, this.workbook);
  }

  private head(name: string): CellValue[][] {
    const ws = this.workbook.getWorksheet(name);
    return Array.from({ length: HEAD_ROWS }, (_, r) => Array.from({ length: HEAD_COLUMNS }, (_, c) => {
      const cell = ws?.findRow(r + 1)?.findCell(c + 1);
      return cell === undefined ? null : cellValueOf(cell);
    }));
  }

  /** Puts Explanation / Status text into the Reconciliation sheet last written (checked by the host), as Excel would. */
  async writeNoteCells(edits: readonly NoteEdit[]): Promise<void> {
    const recon = this.written.get(RECONCILIATION_SHEET.toLowerCase());
    if (recon === undefined) throw new Error(`The ${RECONCILIATION_SHEET} sheet has not been written yet; run Reconcile first.`);
    await this.writeOwned([withNoteEdits(recon, edits)]);
  }

  /**
   * The workbook as an .xlsx file: the opened file with the written sheets added or replaced at the
   * package level, exactly as the command line's --out writes it (native charts included).
   */
  async toBytes(): Promise<ArrayBuffer> {
    const zip = await buildCopy(this.original, [...this.written.values()]);
    return zip.generateAsync({ type: 'arraybuffer', compression: 'DEFLATE' });
  }
}

async function recordOf(bytes: Uint8Array): Promise<string[] | undefined> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const part = Object.keys(zip.files).find((f) => /^xl\/workbook\d*\.xml$/.test(f));
    return part === undefined ? undefined : ownershipRecordOf(await zip.file(part)!.async('string'));
  } catch {
    return undefined; // exceljs opened it, so it is a workbook; without a readable record, layouts decide
  }
}
