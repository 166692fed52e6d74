/**
 * The workbook port over office-js, for the task pane: reads the open workbook (WorkbookSource),
 * writes the add-in's owned sheets (WorkbookTarget), selects a cell for "show me", and keeps
 * settings in the document. Construct one per run (or call `refresh()`): `sheets()` takes a
 * snapshot of the sheet list, used ranges and first rows once, and later reads rely on it.
 *
 * Syncs: sheets() 3 (once per snapshot); readRows 1 per chunk (0 when the rows are among the
 * first rows read by sheets(); 1 more for sizing when sheets() was not called first);
 * writeSheets 2, or 3 when some owned sheets already exist; selectCell 1; settings 0 (saveAsync).
 */
import type { NoteEdit } from '../core/recon/note-cells.js';
import { writeNoteCells } from './write-note-cells.js';
import type { OwnedSheet, ReadRowsOptions, SheetRow, SheetSummary, WorkbookSource, WorkbookTarget } from '../core/workbook/port.js';
import { DEFAULT_SCAN_ROWS } from '../core/workbook/find-table.js';
import { loadSetting, officeDocumentSettings, saveSetting, type DocumentSettingsStore, type SettingValue } from './document-settings.js';
import { officeExcelRun, type ExcelRun } from './excel-api.js';
import { DEFAULT_PAYLOAD_BUDGET } from './payload.js';
import { readSheetRows } from './read-rows.js';
import { selectCell } from './select-cell.js';
import { readSelectedRange, type SelectedRange } from './selected-range.js';
import { readSheetSummary, readSnapshot, type WorkbookSnapshot } from './sheet-snapshot.js';
import { writeOwnedSheets, type WriteReport } from './write-owned-sheets.js';

export interface ExcelWorkbookOptions {
  /** Name used in messages (default `This workbook`). */
  readonly label?: string;
  /** `Excel.run` (default); tests pass a fake. */
  readonly run?: ExcelRun;
  /** Document settings (default `Office.context.document.settings`, looked up on first use). */
  readonly settings?: () => DocumentSettingsStore;
  /**
   * Report merged areas in sheets() (ExcelApi 1.13), which the core checks tables for. Default: when
   * the host supports ExcelApi 1.13 (asked when the snapshot is taken); never outside Office.
   */
  readonly merges?: boolean;
  /** Rows read ahead from the top of every sheet by sheets() (default 30, the core's header scan); 0 for none. */
  readonly headRows?: number;
  /** Request or response bytes per sync (default 4 MB, under Excel on the web's 5 MB). */
  readonly payloadBudget?: number;
}

/** Whether the Office host supports ExcelApi 1.13 (merged areas); false outside Office. */
export function hostSupportsMergedAreas(): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, version: string): boolean } } } }).Office;
  try {
    return office?.context?.requirements?.isSetSupported('ExcelApi', '1.13') === true;
  } catch {
    return false;
  }
}

function isItemNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ItemNotFound';
}

export class ExcelWorkbook implements WorkbookSource, WorkbookTarget {
  readonly label: string;
  private readonly run: ExcelRun;
  private readonly settingsStore: () => DocumentSettingsStore;
  private readonly merges: boolean | undefined;
  private readonly headRows: number;
  private readonly budget: number;
  private snapshot: Promise<WorkbookSnapshot> | undefined;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.label = options.label ?? 'This workbook';
    this.run = options.run ?? officeExcelRun;
    this.settingsStore = options.settings ?? officeDocumentSettings;
    this.merges = options.merges;
    this.headRows = Math.max(0, Math.floor(options.headRows ?? DEFAULT_SCAN_ROWS));
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  }

  /** Forgets the snapshot: the next sheets() or readRows() looks at the workbook again. */
  refresh(): void {
    this.snapshot = undefined;
  }

  private takeSnapshot(): Promise<WorkbookSnapshot> {
    if (this.snapshot === undefined) {
      const taking = readSnapshot(this.run, { merges: this.merges ?? hostSupportsMergedAreas(), headRows: this.headRows, budget: this.budget });
      this.snapshot = taking;
      taking.catch(() => {
        if (this.snapshot === taking) this.snapshot = undefined;
      });
    }
    return this.snapshot;
  }

  async sheets(): Promise<readonly SheetSummary[]> {
    return (await this.takeSnapshot()).sheets;
  }

  private noSheet(sheet: string): Error {
    return new Error(`${this.label} has no sheet named '${sheet}'.`);
  }

  async *readRows(sheet: string, options: ReadRowsOptions = {}): AsyncGenerator<readonly SheetRow[]> {
    let summary: SheetSummary | undefined;
    let snapshot: WorkbookSnapshot | undefined;
    if (this.snapshot !== undefined) {
      snapshot = await this.snapshot;
      summary = snapshot.sheets.find((s) => s.name === sheet);
      if (summary === undefined) throw this.noSheet(sheet);
    } else {
      try {
        summary = await readSheetSummary(this.run, sheet);
      } catch (e) {
        throw isItemNotFound(e) ? this.noSheet(sheet) : e;
      }
    }
    try {
      yield* readSheetRows(summary, options, { run: this.run, budget: this.budget, head: snapshot?.heads.get(sheet) });
    } catch (e) {
      throw isItemNotFound(e) ? this.noSheet(sheet) : e;
    }
  }

  /** Writes the owned sheets (refusing any other name; `Line Map` only when absent) and forgets the snapshot. */
  async writeSheets(sheets: readonly OwnedSheet[]): Promise<void> {
    await this.writeOwned(sheets);
  }

  /** `writeSheets`, telling which sheets were written, which were kept (`Line Map` already there) and the syncs made. */
  async writeOwned(sheets: readonly OwnedSheet[]): Promise<WriteReport> {
    try {
      return await writeOwnedSheets(this.run, sheets, this.budget);
    } finally {
      this.refresh();
    }
  }

  /** Writes Explanation / Status cells of the owned Reconciliation sheet (checked by the caller with `checkNoteEdits`). One sync. */
  async writeNoteCells(edits: readonly NoteEdit[]): Promise<void> {
    try {
      await writeNoteCells(this.run, edits);
    } finally {
      this.refresh();
    }
  }

  /** The user's selection (sheet and A1 address), or null when Excel gives none. */
  selectedRange(): Promise<SelectedRange | null> {
    return readSelectedRange(this.run);
  }

  /** Activates `sheet` and selects `address` (`B7`, `B7:D9`, `7:7`); no address: only activates. */
  async selectCell(sheet: string, address?: string): Promise<void> {
    try {
      await selectCell(this.run, sheet, address);
    } catch (e) {
      throw isItemNotFound(e) ? this.noSheet(sheet) : e;
    }
  }

  /** A setting saved in the workbook by `saveSettings`; undefined when none. Validate it before use. */
  loadSettings(key: string): Promise<SettingValue | undefined> {
    return Promise.resolve().then(() => loadSetting(this.settingsStore(), key));
  }

  /** Saves a setting into the workbook (JSON; `undefined` removes it). The workbook keeps it when the user saves the file. */
  saveSettings(key: string, value: SettingValue | undefined): Promise<void> {
    return Promise.resolve().then(() => saveSetting(this.settingsStore(), key, value));
  }
}

/** `new ExcelWorkbook(options)`. */
export function createExcelWorkbook(options: ExcelWorkbookOptions = {}): ExcelWorkbook {
  return new ExcelWorkbook(options);
}
