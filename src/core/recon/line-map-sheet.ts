/**
 * The `Line Map` sheet: read from the workbook when it exists (the user's edits decide), written
 * with the bundled defaults the first time, and never overwritten after that.
 * Headers: Form, Line, Description, Component; optional Reason, Note, Subtotal.
 */
import { isBlank } from '../workbook/cell-value.js';
import { parseMapComponent } from '../workbook/component.js';
import { findTables, readTableRecords, recordCell, recordText, recordValue } from '../workbook/find-table.js';
import { LINE_MAP_TABLE } from '../workbook/input-tables.js';
import { cellIssue, type Issue } from '../workbook/issue.js';
import { limitIssues } from '../workbook/issue-limiter.js';
import { sheetNameIn } from '../workbook/owned-sheets.js';
import { parseYesNo } from '../workbook/parse-setting-values.js';
import type { OutputCell, OwnedSheet, WorkbookSource } from '../workbook/port.js';
import { FORM_NAMES_HINT, parseFormName } from './forms.js';
import { descriptionKey, lineNumberKey } from './line-key.js';
import { DEFAULT_LINE_MAP } from './line-map-defaults.js';
import type { LineMap, LineMapRow } from './line-map-row.js';

export { LINE_MAP_SHEET } from '../workbook/owned-sheets.js';
import { LINE_MAP_SHEET } from '../workbook/owned-sheets.js';

export { LINE_MAP_TABLE };

export interface LineMapRead {
  readonly lineMap: LineMap;
  readonly issues: readonly Issue[];
  /** The sheet to write: the defaults, only when the workbook has no `Line Map` sheet yet. */
  readonly sheetToWrite?: OwnedSheet;
}

/** Without a Subtotal column, a row is a subtotal when its description is a `Balance` or `Total ...` row. */
const SUBTOTAL_LABEL = /^(?:[ct]-)?(?:balance|total)\b/;

/**
 * The line map in use: the workbook's `Line Map` sheet when it exists, else the bundled defaults
 * (and the sheet to write them to). A bad row is an error naming its cell and is left out; a
 * sheet without the headers falls back to the defaults for this run, with an error saying so.
 */
export async function readLineMap(source: WorkbookSource): Promise<LineMapRead> {
  // The sheet named Line Map, or the one the user pointed at for it.
  const named = source.tableHints?.[LINE_MAP_TABLE.name]?.sheet ?? LINE_MAP_SHEET;
  const sheet = (await source.sheets()).find((s) => sheetNameIn(s.name, [named]));
  if (sheet === undefined) {
    return { lineMap: { rows: DEFAULT_LINE_MAP, origin: 'defaults' }, issues: [], sheetToWrite: buildLineMapSheet(DEFAULT_LINE_MAP) };
  }
  const [table] = await findTables(source, LINE_MAP_TABLE, { onlySheets: [sheet.name], skipSheets: [] });
  if (table === undefined) {
    return {
      lineMap: { rows: DEFAULT_LINE_MAP, origin: 'defaults' },
      issues: [cellIssue('error', 'line-map.no-table', { sheet: sheet.name }, `no header row with Form, Description and Component was found, so the bundled defaults are used for this run. Put those headers (and optionally Line, Subtotal, Reason, Note) above the rows, or delete the sheet to have it written again with the defaults.`)],
    };
  }
  const issues: Issue[] = [];
  const rows: LineMapRow[] = [];
  const seen = new Map<string, string>();
  const hasSubtotal = table.columns.Subtotal !== undefined;
  for await (const chunk of readTableRecords(source, table)) {
    for (const r of chunk) {
      const at = (column: string) => ({ sheet: sheet.name, cell: recordCell(r, column) ?? `A${r.row}` });
      const formText = recordText(r, 'Form');
      const form = parseFormName(formText);
      if (form === undefined) {
        issues.push(cellIssue('error', 'line-map.form', at('Form'), `${formText === '' ? 'The Form is blank' : `"${formText}" is not a report form PERM Recon knows`}, so this Line Map row is not used. Write ${FORM_NAMES_HINT}.`));
        continue;
      }
      const description = recordText(r, 'Description');
      const line = recordText(r, 'Line');
      if (description === '' && line === '') {
        issues.push(cellIssue('error', 'line-map.description', at('Description'), 'This Line Map row has neither a Description nor a Line, so it matches nothing. Type the report line\'s description as the report writes it.'));
        continue;
      }
      const component = parseMapComponent(recordValue(r, 'Component'));
      if (!component.ok) {
        issues.push(cellIssue('error', 'line-map.component', at('Component'), `${component.reason} Until then this Line Map row is not used, and the report lines it covers are listed as unmapped.`));
        continue;
      }
      let subtotal = !hasSubtotal && SUBTOTAL_LABEL.test(descriptionKey(description));
      const subtotalValue = recordValue(r, 'Subtotal');
      if (hasSubtotal && !isBlank(subtotalValue)) {
        const yes = parseYesNo(subtotalValue);
        if (yes.ok) subtotal = yes.value;
        else issues.push(cellIssue('error', 'line-map.subtotal', at('Subtotal'), `Subtotal: ${yes.reason} (Yes marks a total of other lines, never summed.) The row is read as not a subtotal.`));
      }
      const key = `${form}|${description === '' ? `#${lineNumberKey(line)}` : descriptionKey(description)}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(cellIssue('warning', 'line-map.duplicate', at('Description'), `This row repeats the ${form} line in ${first}; the first row is used. Delete one of the two.`));
      } else {
        seen.set(key, recordCell(r, 'Description') ?? `A${r.row}`);
      }
      const reason = recordText(r, 'Reason');
      const note = recordText(r, 'Note');
      rows.push({
        form,
        ...(line === '' ? {} : { line }),
        description,
        component: component.value,
        subtotal,
        reason,
        ...(note === '' ? {} : { note }),
        sheetRow: r.row,
      });
    }
  }
  if (rows.length === 0 && issues.length === 0) {
    issues.push(cellIssue('warning', 'line-map.empty', { sheet: sheet.name }, 'The Line Map has headers but no rows, so every report line is unmapped. Delete the sheet to have it written again with the defaults, or add rows.'));
  }
  return { lineMap: { rows, origin: 'sheet' }, issues: limitIssues(issues) };
}

const HEADER_STYLE = { bold: true, fill: 'D9E1F2', border: 'thin' } as const;

/** The first row of the table in the sheet `buildLineMapSheet` writes (1-based). */
export const LINE_MAP_HEADER_ROW = 5;

/** The `Line Map` sheet holding `rows`: a short explanation, then the table, one row per form and line. */
export function buildLineMapSheet(rows: readonly LineMapRow[]): OwnedSheet {
  const text = (t: string, style = {}): OutputCell => ({ text: t, ...style });
  const out: OutputCell[][] = [
    [text('Line Map', { bold: true })],
    [text('Which report line counts as fee-for-service (FFS), managed care (MC) or Excluded from the PERM universe. Edit Component (or add rows) and the next reconciliation uses this sheet. These are PERM Recon\'s defaults, not published CMS rules: rows with a Note need confirming with the Statistical Contractor.', { italic: true })],
    [text('Matching ignores case, dash kind and spacing. A Description ending in -* (C-*, T-*), or * alone, covers every line of the form that starts with that text; an exact row wins. CMS-64.9 Base rows also serve CMS-64.9 Waiver and CMS-64.9P, CMS-21 rows CMS-21P, CMS-64.21U rows CMS-64.21UP, unless a row names that form. Subtotal = Yes: a total of other lines, never summed.', { italic: true })],
    [],
    ['Form', 'Line', 'Description', 'Component', 'Subtotal', 'Reason', 'Note'].map((h) => text(h, HEADER_STYLE)),
  ];
  for (const r of rows) {
    out.push([
      text(r.form),
      r.line === undefined ? null : text(r.line),
      text(r.description),
      text(r.component, { unlocked: true }),
      r.subtotal ? text('Yes') : null,
      text(r.reason),
      r.note === undefined ? null : text(r.note),
    ]);
  }
  return { name: LINE_MAP_SHEET, rows: out, columnWidths: [16, 6, 62, 11, 9, 60, 80], freezeRows: LINE_MAP_HEADER_ROW };
}
