/**
 * The first screen's question: which input tables were found where. Each table is looked for the
 * way the readers of the core look for it (by its headers, or by its sheet's name for Settings and
 * the Line Map), through the same `searchTables`, so what the screen shows is what a run reads.
 */
import { tableRange } from '../core/recon/report-read.js';
import { searchTables, withTableHints, type NearMiss } from '../core/workbook/find-table.js';
import { INPUT_TABLE_FACTS, type InputTableFacts } from '../core/workbook/input-tables.js';
import { sheetNameIn } from '../core/workbook/owned-sheets.js';
import { SETTINGS } from '../core/workbook/settings.js';
import type { TableHint, WorkbookSource } from '../core/workbook/port.js';
import type { TableHints } from './table-hints.js';

export { SETTINGS_TABLE } from '../core/workbook/input-tables.js';
export type { InputKey } from '../core/workbook/input-tables.js';

export interface InputTableDef extends InputTableFacts {
  /** What happens when it is absent. */
  readonly whenAbsent: string;
}

const headers = (f: InputTableFacts): string => Object.keys(f.spec.required).join(', ');

/** What the first screen says when a table is absent; headers and defaults come from the core's facts. */
function whenAbsent(f: InputTableFacts): string {
  switch (f.key) {
    case 'settings':
      return `No Settings sheet: the default settings are used (thresholds ${SETTINGS.quarterlyThreshold.default.text} and ${SETTINGS.overallThreshold.default.text}, confidence ${SETTINGS.confidence.default.text}).`;
    case 'lineMap':
      return 'No Line Map sheet yet: the bundled defaults are used and written to a new Line Map sheet by the first reconciliation.';
    case 'reports':
      return `Not found: add the CMS-64 and CMS-21 reports (${Object.keys(f.spec.required).map((h) => `a ${h}`).join(' and ')} column), or point at one.`;
    default:
      return `Not found: add a table with ${headers(f)} headers, or point at it.`;
  }
}

/** The input tables (core input-tables.ts), with what the first screen says when one is absent. */
export const INPUT_TABLES: readonly InputTableDef[] = INPUT_TABLE_FACTS.map((f) => ({ ...f, whenAbsent: whenAbsent(f) }));

export interface InputTableStatus {
  readonly def: InputTableDef;
  /** Sheet-qualified ranges of the tables found, header row included: `'Universe'!A1:E17`. */
  readonly ranges: readonly string[];
  /** Where the user pointed, when they did. */
  readonly hint?: TableHint;
  /** The closest header row that lacks some headers, when nothing was found. */
  readonly nearMiss?: NearMiss;
  /** For Settings and the Line Map: the named sheet does not exist. */
  readonly sheetMissing?: boolean;
}

async function locate(source: WorkbookSource, def: InputTableDef, hint: TableHint | undefined): Promise<InputTableStatus> {
  const base = { def, ...(hint === undefined ? {} : { hint }) };
  let onlySheets: readonly string[] | undefined;
  if (def.sheetName !== undefined) {
    // Settings and the Line Map are read from their named sheet, or from the sheet the user pointed at.
    const wanted = hint?.sheet ?? def.sheetName;
    const named = (await source.sheets()).find((s) => sheetNameIn(s.name, [wanted]));
    if (named === undefined) return { ...base, ranges: [], sheetMissing: true };
    onlySheets = [named.name];
  }
  const search = await searchTables(source, def.spec, onlySheets === undefined ? {} : { onlySheets, skipSheets: [] });
  const nearMiss = search.tables.length === 0 ? search.nearMisses[0] : undefined;
  return { ...base, ranges: search.tables.map(tableRange), ...(nearMiss === undefined ? {} : { nearMiss }) };
}

/** Where each input table is, with the user's hints applied. */
export async function locateInputTables(source: WorkbookSource, hints: TableHints): Promise<InputTableStatus[]> {
  const hinted = withTableHints(source, hints);
  const out: InputTableStatus[] = [];
  for (const def of INPUT_TABLES) out.push(await locate(hinted, def, hints[def.spec.name]));
  return out;
}
