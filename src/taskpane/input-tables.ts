/**
 * The first screen's question: which input tables were found where. Each table is looked for the
 * way the readers of the core look for it (by its headers, or by its sheet's name for Settings and
 * the Line Map), through the same `searchTables`, so what the screen shows is what a run reads.
 */
import { LINE_MAP_SHEET, LINE_MAP_TABLE } from '../core/recon/line-map-sheet.js';
import { REPORT_TABLE } from '../core/recon/report-layout.js';
import { tableRange } from '../core/recon/report-read.js';
import { searchTables, withTableHints, type NearMiss, type TableSpec } from '../core/workbook/find-table.js';
import { sheetNameIn } from '../core/workbook/owned-sheets.js';
import type { TableHint, WorkbookSource } from '../core/workbook/port.js';
import { ELIGIBILITY_UNIVERSE_TABLE } from '../core/workbook/read-eligibility-universe.js';
import { FINDINGS_TABLE } from '../core/workbook/read-findings.js';
import { SETTINGS_SHEET } from '../core/workbook/settings.js';
import { UNIVERSE_TABLE } from '../core/workbook/universe-totals.js';
import type { TableHints } from './table-hints.js';

/** The Settings table as settings.ts looks for it on the Settings sheet. */
export const SETTINGS_TABLE: TableSpec = { name: 'Settings', required: { Setting: ['Name', 'Parameter'], Value: [] } };

export type InputKey = 'settings' | 'universe' | 'reports' | 'lineMap' | 'counts' | 'findings';

export interface InputTableDef {
  readonly key: InputKey;
  readonly title: string;
  readonly spec: TableSpec;
  /** Which run reads it. */
  readonly usedBy: 'Reconcile' | 'Fill' | 'Reconcile and Fill';
  /** Read from the sheet of this name (matched ignoring case and spacing) unless the user points elsewhere. */
  readonly sheetName?: string;
  /** Several tables may be read (reports on several sheets, universe tables). */
  readonly many: boolean;
  /** What happens when it is absent. */
  readonly whenAbsent: string;
}

export const INPUT_TABLES: readonly InputTableDef[] = [
  { key: 'settings', title: 'Settings', spec: SETTINGS_TABLE, usedBy: 'Reconcile and Fill', sheetName: SETTINGS_SHEET, many: false, whenAbsent: 'No Settings sheet: the default settings are used (thresholds 15% and 5%, confidence 95%).' },
  { key: 'universe', title: 'Universe totals', spec: UNIVERSE_TABLE, usedBy: 'Reconcile', many: true, whenAbsent: 'Not found: add a table with Program, Quarter, Component and Amount headers, or point at it.' },
  { key: 'reports', title: 'Expenditure reports', spec: REPORT_TABLE, usedBy: 'Reconcile', many: true, whenAbsent: 'Not found: add the CMS-64 and CMS-21 reports (a Description and a Total Computable column), or point at one.' },
  { key: 'lineMap', title: 'Line Map', spec: LINE_MAP_TABLE, usedBy: 'Reconcile', sheetName: LINE_MAP_SHEET, many: false, whenAbsent: 'No Line Map sheet yet: the bundled defaults are used and written to a new Line Map sheet by the first reconciliation.' },
  { key: 'counts', title: 'Universe counts', spec: ELIGIBILITY_UNIVERSE_TABLE, usedBy: 'Fill', many: false, whenAbsent: 'Not found: add a table with Program, Month, Stratum and Cases headers, or point at it.' },
  { key: 'findings', title: 'Findings', spec: FINDINGS_TABLE, usedBy: 'Fill', many: false, whenAbsent: 'Not found: add a table with Program, Month, Case ID, Stratum and Finding headers, or point at it.' },
];

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
