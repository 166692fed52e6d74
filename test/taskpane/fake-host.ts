/**
 * A WorkbookHost for component tests: an in-memory workbook (memory-source.ts) whose writes are
 * recorded and land in it as values (so a second run sees the Line Map the first one wrote), a
 * selection the test sets, and settings in a map.
 */
import { checkNoteEdits, type NoteEdit } from '../../src/core/recon/note-cells.js';
import { parseRange } from '../../src/core/workbook/address.js';
import { RECONCILIATION_SHEET } from '../../src/core/workbook/owned-sheets.js';
import { memorySource, type MemorySheets } from '../../src/core/workbook/memory-source.js';
import type { CellValue, OutputCell, OwnedSheet, WorkbookSource } from '../../src/core/workbook/port.js';
import type { SelectedRange, WorkbookHost } from '../../src/taskpane/host.js';

function valueOf(cell: OutputCell): CellValue {
  if (cell === null) return null;
  if ('text' in cell) return cell.text;
  if ('number' in cell) return cell.number;
  if ('formula' in cell) return cell.result ?? null;
  return null;
}

export class FakeHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  readonly theme = 'light' as const;
  readonly writes: (readonly OwnedSheet[])[] = [];
  readonly selections: SelectedRange[] = [];
  readonly settings = new Map<string, unknown>();
  selection: SelectedRange | null = null;
  /** When set, the next writeSheets rejects with it. */
  failWrite: Error | undefined;
  private sheets: Record<string, readonly (readonly CellValue[])[]>;

  constructor(
    readonly label: string,
    sheets: MemorySheets,
  ) {
    this.sheets = { ...sheets };
  }

  look(): WorkbookSource {
    return memorySource(this.label, this.sheets);
  }

  get sheetNames(): string[] {
    return Object.keys(this.sheets);
  }

  writeSheets(sheets: readonly OwnedSheet[]): Promise<void> {
    if (this.failWrite !== undefined) return Promise.reject(this.failWrite);
    this.writes.push(sheets);
    for (const s of sheets) this.sheets[s.name] = s.rows.map((r) => r.map(valueOf));
    return Promise.resolve();
  }

  /** Note edits written, each checked as the real hosts check them. */
  readonly noteWrites: (readonly NoteEdit[])[] = [];

  writeNoteCells(reconciliation: OwnedSheet, edits: readonly NoteEdit[]): Promise<void> {
    const problem = checkNoteEdits(reconciliation, edits);
    if (problem !== undefined) return Promise.reject(new Error(problem));
    this.noteWrites.push(edits);
    const rows = (this.sheets[RECONCILIATION_SHEET] ?? []).map((r) => [...r]);
    for (const e of edits) {
      const at = parseRange(e.cell);
      if (at === undefined) continue;
      const row = rows[at.from.row - 1] ?? [];
      row[at.from.col - 1] = e.text;
      rows[at.from.row - 1] = row;
    }
    this.sheets[RECONCILIATION_SHEET] = rows;
    return Promise.resolve();
  }

  selectCell(sheet: string, cell: string): Promise<void> {
    this.selections.push({ sheet, address: cell });
    this.selection = { sheet, address: cell };
    return Promise.resolve();
  }

  selectedRange(): Promise<SelectedRange | null> {
    return Promise.resolve(this.selection);
  }

  loadSetting(key: string): Promise<unknown> {
    return Promise.resolve(this.settings.get(key));
  }

  saveSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    return Promise.resolve();
  }
}
