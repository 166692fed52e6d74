/**
 * The `Run Log` sheet: one row per run (time, version, command, input ranges, every warning and
 * error), newest last. Earlier rows are read back and kept, as text, so the log grows run by run.
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
/** Excel holds at most 32,767 characters in a cell. */
const CELL_LIMIT = 32_000;

const clip = (s: string): string => (s.length <= CELL_LIMIT ? s : `${s.slice(0, CELL_LIMIT)}\n… (cut: the full list is in the command's output)`);

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

export function runLogRow(entry: RunLogEntry): string[] {
  const list = (severity: Issue['severity']) => clip(entry.issues.filter((i) => i.severity === severity).map((i) => i.message).join('\n'));
  return [
    entry.time,
    entry.version,
    entry.command,
    Object.entries(entry.inputs).map(([k, v]) => `${k}: ${v}`).join('\n'),
    list('error'),
    list('warning'),
  ];
}

/** The whole Run Log sheet: earlier rows, then one row per new entry. */
export function buildRunLogSheet(previous: readonly (readonly string[])[], entries: readonly RunLogEntry[]): OwnedSheet {
  const header: OutputCell[] = HEADERS.map((h) => textCell(h, { bold: true, fill: 'D9E1F2', border: 'thin' }));
  const body = [...previous, ...entries.map(runLogRow)].map((r) => r.map((c) => textCell(c, { wrap: true })));
  return { name: RUN_LOG_SHEET, rows: [header, ...body], columnWidths: [22, 9, 12, 40, 60, 80], freezeRows: 1 };
}
