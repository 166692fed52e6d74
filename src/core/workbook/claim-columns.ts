/**
 * The columns of a claim-level universe file (CSV or Parquet, one row per claim; cli.md "Claim-level
 * universe files"), found by header like the workbook tables: the same normalisation and the same
 * synonyms as the universe table, plus the claim's own columns. Either Paid Date or Quarter must be
 * there (Paid Date is used when both are).
 */
import type { TableSpec } from './find-table.js';
import { UNIVERSE_TABLE } from './input-tables.js';

const universe: Readonly<Record<string, readonly string[]>> = UNIVERSE_TABLE.required;
const synonyms = (name: string): readonly string[] => universe[name] ?? [];

export const CLAIM_TABLE: TableSpec = {
  name: 'claim-level universe',
  required: {
    'Claim ID': ['Claim', 'Claim Number', 'Claim No', 'Claim #', 'ICN', 'TCN', 'Claim ICN', 'Claim TCN', 'Internal Control Number', 'Transaction Control Number'],
    Program: synonyms('Program'),
    Component: [...synonyms('Component'), 'Claim Type', 'FFS/MC', 'FFS or MC', 'Delivery System'],
    'Paid Amount': ['Amount', ...synonyms('Amount').filter((s) => s !== 'Paid Amount')],
  },
  optional: {
    'Paid Date': ['Date Paid', 'Payment Date', 'Paid Dt', 'Check Date', 'Adjudication Date', 'Adjudicated Date'],
    Quarter: synonyms('Quarter'),
  },
};

/** The columns that say when a claim was paid: one of them is needed. */
export const CLAIM_PERIOD_COLUMNS: readonly string[] = ['Paid Date', 'Quarter'];
