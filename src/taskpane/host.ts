/**
 * What the task pane needs from a workbook, and nothing more. Two hosts implement it: the Excel
 * host (excel-host.ts, over the office-js adapter in src/excel) inside Excel, and the preview
 * host (preview/preview-host.ts, over the shared .xlsx reader) in a plain browser. Components never import
 * office-js or the .xlsx adapter: they get a host from the React context (host-context.tsx).
 */
import type { NoteEdit } from '../core/recon/note-cells.js';
import type { OwnedSheet, WorkbookSource } from '../core/workbook/port.js';

/** A range the user selected, as a sheet name and an A1 address without the sheet (`B3:D9`). */
export interface SelectedRange {
  readonly sheet: string;
  readonly address: string;
}

export type HostKind = 'excel' | 'preview';

export interface WorkbookHost {
  readonly kind: HostKind;
  /** The workbook's name, for messages. */
  readonly label: string;
  /**
   * The workbook as it is now: one view for one look (a run, a refresh of the input tables). Each
   * call takes a new view; within one view the workbook is read once (inside Excel, one snapshot in
   * 3 syncs), so a look calls this once and passes the view on.
   */
  look(): WorkbookSource;
  /** The Office theme (Excel) or the browser's colour scheme (preview). */
  readonly theme: 'light' | 'dark';
  /** Writes the sheets the add-in owns (output sheets, Line Map the first time, Run Log); never any other. */
  writeSheets(sheets: readonly OwnedSheet[]): Promise<void>;
  /**
   * Writes Explanation / Status cells typed in the pane into the owned Reconciliation sheet,
   * `reconciliation` being the sheet the last run wrote (the edits are checked against it, and
   * nothing else is written).
   */
  writeNoteCells(reconciliation: OwnedSheet, edits: readonly NoteEdit[]): Promise<void>;
  /** Shows and selects a cell (or range) of a sheet. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The user's current selection, or null when there is none. */
  selectedRange(): Promise<SelectedRange | null>;
  /** A setting saved in the workbook (undefined when never saved). */
  loadSetting(key: string): Promise<unknown>;
  /** Saves a setting in the workbook, so the next person who opens it sees it. */
  saveSetting(key: string, value: unknown): Promise<void>;
}
