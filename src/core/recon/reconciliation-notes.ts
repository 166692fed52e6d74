/**
 * The user's own columns of the `Reconciliation` sheet, Explanation and Status: read back from the
 * previous run's sheet so a re-run keeps them, matched by program and quarter wherever the rows
 * have moved (every data row carries its Program and Quarter).
 */
import { cellText, isBlank } from '../workbook/cell-value.js';
import { headerKey } from '../workbook/find-table.js';
import { RECONCILIATION_SHEET, sheetNameIn } from '../workbook/owned-sheets.js';
import type { WorkbookSource } from '../workbook/port.js';
import { parseProgram, type Program } from '../workbook/program.js';
import { parseQuarter } from '../workbook/quarter.js';

/** The quarter cell of the overall row. */
export const OVERALL_LABEL = 'Overall';

export interface ReconciliationNote {
  readonly program: Program;
  /** `YYYYQn`, or `Overall`. */
  readonly quarter: string;
  readonly explanation: string;
  readonly status: string;
}

export function noteKey(program: Program, quarter: string): string {
  return `${program}|${quarter}`;
}

interface Columns {
  program: number;
  quarter: number;
  explanation: number | undefined;
  status: number | undefined;
}

/** Header row → column indexes (0-based within the row's cells); undefined unless it has Program, Quarter and Explanation or Status. */
function headerColumns(cells: readonly unknown[]): Columns | undefined {
  const keys = cells.map((v) => (typeof v === 'string' ? headerKey(v) : ''));
  const find = (name: string) => {
    const i = keys.indexOf(name);
    return i < 0 ? undefined : i;
  };
  const program = find('program');
  const quarter = find('quarter');
  const explanation = find('explanation');
  const status = find('status');
  if (program === undefined || quarter === undefined || (explanation === undefined && status === undefined)) return undefined;
  return { program, quarter, explanation, status };
}

/**
 * The Explanation and Status typed in the workbook's `Reconciliation` sheet, one per program and
 * quarter (the first when a pair appears twice). Empty when there is no such sheet.
 */
export async function readReconciliationNotes(source: WorkbookSource): Promise<ReconciliationNote[]> {
  const sheet = (await source.sheets()).find((s) => sheetNameIn(s.name, [RECONCILIATION_SHEET]));
  if (sheet === undefined || sheet.rowCount === 0) return [];
  const notes = new Map<string, ReconciliationNote>();
  let columns: Columns | undefined;
  for await (const chunk of source.readRows(sheet.name)) {
    for (const r of chunk) {
      const header = headerColumns(r.cells);
      if (header !== undefined) {
        columns = header;
        continue;
      }
      if (columns === undefined) continue;
      const at = (i: number | undefined) => (i === undefined ? null : (r.cells[i] ?? null));
      const explanation = at(columns.explanation);
      const status = at(columns.status);
      if (isBlank(explanation) && isBlank(status)) continue;
      const program = parseProgram(at(columns.program));
      if (!program.ok) continue;
      const quarterCell = at(columns.quarter);
      const quarterText = cellText(quarterCell);
      const quarter = quarterText.toLowerCase() === OVERALL_LABEL.toLowerCase() ? { ok: true as const, value: OVERALL_LABEL } : parseQuarter(quarterCell);
      if (!quarter.ok) continue;
      const key = noteKey(program.value, quarter.value);
      if (notes.has(key)) continue;
      notes.set(key, { program: program.value, quarter: quarter.value, explanation: cellText(explanation), status: cellText(status) });
    }
  }
  return [...notes.values()];
}
