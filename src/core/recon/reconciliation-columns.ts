/**
 * The column headers the tool writes on the `Reconciliation` sheet: the tables' and the Earlier
 * notes block's. Any other header on the sheet is a column the user added (reconciliation-notes.ts).
 */
import { headerKey } from '../workbook/find-table.js';

/** The tables' header row, columns A to O. */
export const RECONCILIATION_HEADERS: readonly string[] = [
  'Program',
  'Quarter',
  'Universe FFS',
  'Universe MC',
  'Universe total',
  'Report FFS',
  'Report MC',
  'Report total',
  'Excluded',
  'Difference',
  '% difference',
  'Threshold',
  'Flag',
  'Explanation',
  'Status',
];

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
