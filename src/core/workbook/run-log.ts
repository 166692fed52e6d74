/**
 * The `Run Log` sheet: one row per run (time, version, command, input ranges, its first error and
 * warning), then one more row per further error or warning, so every message sits wrapped in its
 * own cell and none is cut off on screen or on paper (a row is at most 409 points tall). Newest
 * last. Earlier rows are read back and kept, as text, so the log grows run by run.
 */
import { cellText } from './cell-value.js';
import type { Issue } from './issue.js';
import { textCell } from './output-cells.js';
import { RUN_LOG_SHEET } from './owned-sheets.js';
import type { OutputCell, OwnedSheet, WorkbookSource } from './port.js';

export interface RunLogEntry {
  /** ISO 8601 time of the run. */
  readonly time: string;
  readonly version: string;
  /** What ran, for example `reconcile` or `fill`. */
  readonly command: string;
  /** Input name → range used, for example `Findings` → `'Findings'!1:1417`. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly issues: readonly Issue[];
}

const HEADERS = ['Time', 'Version', 'Command', 'Inputs used', 'Errors', 'Warnings'];

/** The rows of an existing Run Log below its header, as text. */
export async function readRunLog(source: WorkbookSource): Promise<string[][]> {
  const sheet = (await source.sheets()).find((s) => s.name.toLowerCase() === RUN_LOG_SHEET.toLowerCase());
  if (sheet === undefined || sheet.rowCount === 0) return [];
  const rows: string[][] = [];
  for await (const chunk of source.readRows(sheet.name)) {
    for (const r of chunk) {
      const cells = r.cells.map(cellText);
      if (cells[0] === HEADERS[0] || cells.every((c) => c === '')) continue;
      rows.push(cells.slice(0, HEADERS.length));
    }
  }
  return rows;
}

/** The rows of one run: the run's own, then one per further error or warning. */
export function runLogRows(entry: RunLogEntry): string[][] {
  const list = (severity: Issue['severity']) => entry.issues.filter((i) => i.severity === severity).map((i) => i.message);
  const errors = list('error');
  const warnings = list('warning');
  const rows: string[][] = [[entry.time, entry.version, entry.command, Object.entries(entry.inputs).map(([k, v]) => `${k}: ${v}`).join('\n'), errors[0] ?? '', warnings[0] ?? '']];
  for (let i = 1; i < Math.max(errors.length, warnings.length); i++) rows.push(['', '', '', '', errors[i] ?? '', warnings[i] ?? '']);
  return rows;
}

/** The whole Run Log sheet: earlier rows, then one row per new entry. */
export function buildRunLogSheet(previous: readonly (readonly string[])[], entries: readonly RunLogEntry[]): OwnedSheet {
  const header: OutputCell[] = HEADERS.map((h) => textCell(h, { bold: true, fill: 'D9E1F2', border: 'thin' }));
  const body = [...previous, ...entries.flatMap(runLogRows)].map((r) => r.map((c) => textCell(c, { wrap: true })));
  return { name: RUN_LOG_SHEET, rows: [header, ...body], columnWidths: [22, 9, 12, 40, 60, 80], freezeRows: 1, landscape: true, fitToWidth: true, printTitleRows: { from: 1, to: 1 } };
}
