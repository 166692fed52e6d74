/**
 * Reads every expenditure report in a workbook, whatever its layout (long form, wide form, annual
 * FMR export), into report lines with total computable in integer cents. Problems are returned as
 * issues naming the sheet and cell; a line that cannot be read is left out only with an error.
 */
import { quoteSheetName, rangeAddress } from '../workbook/address.js';
import { isBlank } from '../workbook/cell-value.js';
import { readTableRecords, recordCell, recordText, recordValue, searchTables, tableMergeIssues, tableNotFoundIssue, type FoundTable, type TableRecord } from '../workbook/find-table.js';
import { issueLimiter, type IssueLimiter } from '../workbook/issue-limiter.js';
import { cellIssue, type Issue } from '../workbook/issue.js';
import { parseCents } from '../workbook/parse-money.js';
import type { WorkbookSource } from '../workbook/port.js';
import { parseQuarter } from '../workbook/quarter.js';
import { FORM_NAMES_HINT, parseFormName, type FormId } from './forms.js';
import { BlockTracker, stateKey } from './report-fmr.js';
import { decideLayout, REPORT_TABLE, type ReportTableLayout } from './report-layout.js';
import type { ReportLine, ReportPeriod } from './report-line.js';

export interface ReportTableRead {
  readonly sheet: string;
  readonly headerRow: number;
  /** The table as a sheet-qualified range, header row included: `'CMS-64'!A1:F97`. */
  readonly range: string;
  readonly layout: ReportTableLayout['layout'];
  /** Lines read from it. */
  readonly lineCount: number;
}

export interface ReportRead {
  readonly lines: readonly ReportLine[];
  readonly issues: readonly Issue[];
  /** The report tables read, for the Run Log. */
  readonly tables: readonly ReportTableRead[];
}

export interface ReadReportsOptions {
  /** The state whose FMR sheets to read when the workbook holds several (Settings: State). */
  readonly state?: string;
}

/** A found table as a sheet-qualified range from its header row to its last row: `'CMS-64'!A1:F97`. */
export function tableRange(table: FoundTable): string {
  const cols = Object.values(table.columns);
  return `${quoteSheetName(table.sheet)}!${rangeAddress(Math.min(...cols), table.headerRow, Math.max(...cols), Math.max(table.headerRow, table.lastRow))}`;
}

/** The text of the rows above a table's header (its title), joined by spaces. */
async function titleText(source: WorkbookSource, table: FoundTable): Promise<string> {
  if (table.headerRow <= 1) return '';
  const parts: string[] = [];
  for await (const chunk of source.readRows(table.sheet, { fromRow: 1, toRow: table.headerRow - 1 })) {
    for (const r of chunk) for (const v of r.cells) if (typeof v === 'string' && !isBlank(v)) parts.push(v.trim());
  }
  return parts.join(' ');
}

interface Decided {
  readonly table: FoundTable;
  readonly layout: ReportTableLayout;
}

/** Keeps the FMR sheets of one state: the one in Settings, or the only one in the workbook. */
function chooseFmrState(decided: readonly Decided[], state: string | undefined, issues: Issue[]): Decided[] {
  const fmrStates = new Map<string, string>();
  for (const d of decided) if (d.layout.layout === 'fmr') fmrStates.set(stateKey(d.layout.fmr.state), d.layout.fmr.state);
  if (fmrStates.size === 0) return [...decided];
  const keep = (key: string | undefined) => decided.filter((d) => d.layout.layout !== 'fmr' || stateKey(d.layout.fmr.state) === key);
  const listed = [...fmrStates.values()];
  const shown = listed.length > 6 ? `${listed.slice(0, 6).join(', ')} and ${listed.length - 6} more` : listed.join(', ');
  if (state !== undefined && state.trim() !== '') {
    const key = stateKey(state);
    if (fmrStates.has(key)) return keep(key);
    issues.push(cellIssue('error', 'report.fmr-state', {}, `The workbook's FMR sheets are for ${shown}, not for ${state} (the State in Settings). Set State to the state whose sheets you mean, or copy that state's MAP, CHIP and MCHIP sheets into the workbook.`));
    return keep(undefined);
  }
  if (fmrStates.size === 1) return [...decided];
  issues.push(cellIssue('error', 'report.fmr-state', {}, `The workbook holds FMR sheets for ${fmrStates.size} states (${shown}), so none is read. Set State in the Settings sheet to the state to reconcile.`));
  return keep(undefined);
}

/** Reads every report table of the workbook. */
export async function readReports(source: WorkbookSource, options: ReadReportsOptions = {}): Promise<ReportRead> {
  const issues: Issue[] = [];
  const decided: Decided[] = [];
  const search = await searchTables(source, REPORT_TABLE);
  // No report table anywhere: one message naming the table, not a warning per program and quarter.
  if (search.tables.length === 0) return { lines: [], issues: [tableNotFoundIssue(REPORT_TABLE, search)], tables: [] };
  for (const table of search.tables) {
    const decision = decideLayout(table, await titleText(source, table));
    if (decision.ok) decided.push({ table, layout: decision.value });
    else issues.push(decision.issue);
  }
  const lines: ReportLine[] = [];
  const tables: ReportTableRead[] = [];
  const limiter = issueLimiter();
  for (const d of chooseFmrState(decided, options.state, issues)) {
    const before = lines.length;
    for (const issue of await tableMergeIssues(source, d.table, 'expenditure report')) limiter.add(issue);
    await readTableLines(source, d, lines, limiter);
    tables.push({ sheet: d.table.sheet, headerRow: d.table.headerRow, range: tableRange(d.table), layout: d.layout.layout, lineCount: lines.length - before });
  }
  return { lines, issues: [...issues, ...limiter.finish()], tables };
}

async function readTableLines(source: WorkbookSource, d: Decided, out: ReportLine[], issues: IssueLimiter): Promise<void> {
  const { table, layout } = d;
  // Blocks by position only where one sheet holds one period (a long form repeats the blocks per quarter).
  const tracker = layout.layout === 'long' ? undefined : new BlockTracker(layout.layout === 'fmr' ? layout.fmr.startBlock : undefined);
  for await (const chunk of readTableRecords(source, table)) {
    for (const r of chunk) {
      const description = recordText(r, 'Description');
      const block = tracker !== undefined && description !== '' ? tracker.next(description) : undefined;
      const tcValue = recordValue(r, 'Total Computable');
      if (isBlank(tcValue)) continue; // headings and "Created On" rows carry no dollars
      const cell = recordCell(r, 'Total Computable') ?? '';
      const tc = parseCents(tcValue);
      if (!tc.ok) {
        issues.add(cellIssue('error', 'report.amount', { sheet: table.sheet, cell }, `Total Computable: ${tc.reason} This report line is left out until it is fixed.`));
        continue;
      }
      const form = lineForm(r, layout, issues);
      const period = linePeriod(r, layout, issues);
      if (form === undefined || period === undefined) continue;
      const line = recordText(r, 'Line');
      out.push({
        form,
        period,
        ...(line === '' ? {} : { line }),
        description,
        ...(block === undefined ? {} : { block }),
        totalComputableCents: tc.value,
        ...share(r, 'Federal Share', 'federalShareCents', table.sheet, issues),
        ...share(r, 'State Share', 'stateShareCents', table.sheet, issues),
        layout: layout.layout,
        sheet: table.sheet,
        row: r.row,
        cell,
      });
    }
  }
}

function lineForm(r: TableRecord, layout: ReportTableLayout, issues: IssueLimiter): FormId | undefined {
  if (layout.layout === 'wide') return layout.form;
  if (layout.layout === 'fmr') return layout.fmr.form;
  const text = recordText(r, 'Form');
  if (text === '') {
    if (layout.sheetForm !== undefined) return layout.sheetForm;
    issues.add(cellIssue('error', 'report.form', { sheet: r.sheet, cell: recordCell(r, 'Form') ?? `A${r.row}` }, `The Form is blank and the sheet name does not name one. Write ${FORM_NAMES_HINT}. This report line is left out until it is fixed.`));
    return undefined;
  }
  const form = parseFormName(text);
  if (form === undefined) {
    issues.add(cellIssue('error', 'report.form', { sheet: r.sheet, cell: recordCell(r, 'Form') ?? `A${r.row}` }, `"${text}" is not a report form PERM Recon knows. Write ${FORM_NAMES_HINT}. This report line is left out until it is fixed.`));
  }
  return form;
}

function linePeriod(r: TableRecord, layout: ReportTableLayout, issues: IssueLimiter): ReportPeriod | undefined {
  if (layout.layout === 'wide') return { kind: 'quarter', quarter: layout.quarter };
  if (layout.layout === 'fmr') return { kind: 'annual', fiscalYear: layout.fiscalYear };
  const q = parseQuarter(recordValue(r, 'Quarter'));
  if (q.ok) return { kind: 'quarter', quarter: q.value };
  issues.add(cellIssue('error', 'report.quarter', { sheet: r.sheet, cell: recordCell(r, 'Quarter') ?? `A${r.row}` }, `Quarter: ${q.reason} This report line is left out until it is fixed.`));
  return undefined;
}

/** An optional share column, in cents; a bad value is a warning only, since shares are shown and never compared. */
function share<K extends 'federalShareCents' | 'stateShareCents'>(r: TableRecord, column: string, key: K, sheet: string, issues: IssueLimiter): Partial<Record<K, number>> {
  const value = recordValue(r, column);
  if (isBlank(value)) return {};
  const cents = parseCents(value);
  if (cents.ok) return { [key]: cents.value } as Partial<Record<K, number>>;
  issues.add(cellIssue('warning', 'report.share', { sheet, cell: recordCell(r, column) ?? '' }, `${column}: ${cents.reason} It is only shown, never compared, so the reconciliation is unaffected; it is left blank.`));
  return {};
}
