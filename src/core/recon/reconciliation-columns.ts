/**
 * The column headers the tool writes on the `Reconciliation` sheet: the tables' and the Earlier
 * notes block's. Any other header on the sheet is a column the user added (reconciliation-notes.ts).
 */
import { headerKey } from '../workbook/find-table.js';
import { MONEY_FORMAT, PERCENT_1DP_FORMAT } from '../workbook/output-cells.js';

/** One column of the tables, A to O: its key, header, width (characters) and number format. */
export interface ReconciliationColumn {
  readonly key: ReconciliationColumnKey;
  readonly header: string;
  readonly width: number;
  readonly numberFormat?: string;
}

export type ReconciliationColumnKey =
  | 'program' | 'quarter' | 'universeFfs' | 'universeMc' | 'universeTotal' | 'reportFfs' | 'reportMc' | 'reportTotal'
  | 'excluded' | 'difference' | 'percent' | 'threshold' | 'flag' | 'explanation' | 'status';

/** The tables' columns in sheet order; the sheet's cells, widths and formulas' letters all come from here. */
export const RECONCILIATION_COLUMNS: readonly ReconciliationColumn[] = [
  { key: 'program', header: 'Program', width: 10 },
  { key: 'quarter', header: 'Quarter', width: 10 },
  { key: 'universeFfs', header: 'Universe FFS', width: 17, numberFormat: MONEY_FORMAT },
  { key: 'universeMc', header: 'Universe MC', width: 17, numberFormat: MONEY_FORMAT },
  { key: 'universeTotal', header: 'Universe total', width: 17, numberFormat: MONEY_FORMAT },
  { key: 'reportFfs', header: 'Report FFS', width: 17, numberFormat: MONEY_FORMAT },
  { key: 'reportMc', header: 'Report MC', width: 17, numberFormat: MONEY_FORMAT },
  { key: 'reportTotal', header: 'Report total', width: 17, numberFormat: MONEY_FORMAT },
  { key: 'excluded', header: 'Excluded', width: 16, numberFormat: MONEY_FORMAT },
  { key: 'difference', header: 'Difference', width: 17, numberFormat: MONEY_FORMAT },
  { key: 'percent', header: '% difference', width: 12, numberFormat: PERCENT_1DP_FORMAT },
  { key: 'threshold', header: 'Threshold', width: 10, numberFormat: PERCENT_1DP_FORMAT },
  { key: 'flag', header: 'Flag', width: 7 },
  { key: 'explanation', header: 'Explanation', width: 44 },
  { key: 'status', header: 'Status', width: 14 },
];

/** 1-based column number of each key. */
export const RECONCILIATION_COLUMN: Readonly<Record<ReconciliationColumnKey, number>> = Object.fromEntries(RECONCILIATION_COLUMNS.map((c, i) => [c.key, i + 1])) as Record<ReconciliationColumnKey, number>;

/** The tables' header row, columns A to O. */
export const RECONCILIATION_HEADERS: readonly string[] = RECONCILIATION_COLUMNS.map((c) => c.header);

/** The Earlier notes block's own key columns, in columns C to E (Program and Quarter are A and B, as in the tables). */
export const EARLIER_NOTES_HEADERS = {
  reviewYear: 'Review year',
  lastSeen: 'Last seen',
  where: 'Where it was typed',
} as const;

const TOOL_KEYS: ReadonlySet<string> = new Set([...RECONCILIATION_HEADERS, ...Object.values(EARLIER_NOTES_HEADERS)].map(headerKey));

/** True when a header (as `headerKey` gives it) is one the tool writes. */
export function isToolHeader(key: string): boolean {
  return TOOL_KEYS.has(key);
}
