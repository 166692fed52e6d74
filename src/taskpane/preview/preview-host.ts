/**
 * The host of preview mode: the task pane in a plain browser, over a workbook held in memory
 * (the bundled sample, or a file the user picks). Writes go into that workbook; the preview shows
 * its sheets, marks the selected cell, and offers the workbook as a download.
 */
import { checkNoteEdits, type NoteEdit } from '../../core/recon/note-cells.js';
import type { OwnedSheet, WorkbookSource } from '../../core/workbook/port.js';
import type { SelectedRange, WorkbookHost } from '../host.js';
import type { PreviewWorkbook, SheetGrid } from './preview-workbook.js';

/** What the preview's own view shows; a new object whenever anything changes. */
export interface PreviewSnapshot {
  /** Changes whenever another workbook is opened (the task pane starts afresh). */
  readonly workbookId: number;
  readonly label: string;
  readonly sheetNames: readonly string[];
  readonly activeSheet: string;
  readonly selection: SelectedRange | null;
  /** Sheets written by runs in this session, in the order last written. */
  readonly written: readonly string[];
  readonly revision: number;
}

/** The part of the preview host the preview's own view uses (no exceljs in components). */
export interface PreviewControls {
  subscribe(listener: () => void): () => void;
  snapshot(): PreviewSnapshot;
  showSheet(sheet: string): void;
  select(sheet: string, address: string): void;
  grid(sheet: string, fromRow: number, maxRows: number): SheetGrid;
  openFile(name: string, bytes: ArrayBuffer): Promise<void>;
  download(): Promise<Blob>;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class PreviewHost implements WorkbookHost, PreviewControls {
  readonly kind = 'preview' as const;
  private listeners = new Set<() => void>();
  private settings = new Map<string, unknown>();
  private state: PreviewSnapshot;

  constructor(
    private book: PreviewWorkbook,
    readonly theme: 'light' | 'dark',
    private readonly openWorkbook: (name: string, bytes: ArrayBuffer) => Promise<PreviewWorkbook>,
  ) {
    this.state = { workbookId: 1, label: book.label, sheetNames: book.sheetNames(), activeSheet: book.sheetNames()[0] ?? '', selection: null, written: [], revision: 0 };
  }

  get label(): string {
    return this.book.label;
  }

  look(): WorkbookSource {
    return this.book.source;
  }

  private update(change: Partial<PreviewSnapshot>): void {
    this.state = { ...this.state, ...change, revision: this.state.revision + 1 };
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): PreviewSnapshot {
    return this.state;
  }

  showSheet(sheet: string): void {
    this.update({ activeSheet: sheet });
  }

  select(sheet: string, address: string): void {
    this.update({ activeSheet: sheet, selection: { sheet, address } });
  }

  grid(sheet: string, fromRow: number, maxRows: number): SheetGrid {
    return this.book.grid(sheet, fromRow, maxRows);
  }

  async writeSheets(sheets: readonly OwnedSheet[]): Promise<void> {
    await this.book.writeOwned(sheets);
    const names = sheets.map((s) => s.name);
    const written = [...this.state.written.filter((n) => !names.includes(n)), ...names];
    this.update({ sheetNames: this.book.sheetNames(), written, activeSheet: names[0] ?? this.state.activeSheet });
  }

  async writeNoteCells(reconciliation: OwnedSheet, edits: readonly NoteEdit[]): Promise<void> {
    const problem = checkNoteEdits(reconciliation, edits);
    if (problem !== undefined) throw new Error(`Not written: ${problem}.`);
    await this.book.writeNoteCells(edits);
    this.update({ revision: this.state.revision + 1 });
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    const name = this.book.sheetNames().find((n) => n.toLowerCase() === sheet.toLowerCase());
    if (name === undefined) return Promise.reject(new Error(`The workbook has no sheet named '${sheet}'.`));
    this.select(name, cell);
    return Promise.resolve();
  }

  selectedRange(): Promise<SelectedRange | null> {
    return Promise.resolve(this.state.selection);
  }

  // Settings live with the workbook in memory for the session (the downloaded copy does not keep them).
  loadSetting(key: string): Promise<unknown> {
    return Promise.resolve(this.settings.get(key));
  }

  saveSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, structuredClone(value));
    return Promise.resolve();
  }

  async openFile(name: string, bytes: ArrayBuffer): Promise<void> {
    const book = await this.openWorkbook(name, bytes);
    this.book = book;
    this.settings = new Map();
    this.update({ workbookId: this.state.workbookId + 1, label: book.label, sheetNames: book.sheetNames(), activeSheet: book.sheetNames()[0] ?? '', selection: null, written: [] });
  }

  async download(): Promise<Blob> {
    return new Blob([await this.book.toBytes()], { type: XLSX_MIME });
  }
}
