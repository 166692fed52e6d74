/**
 * The `claims` view over the files of a run (DuckDB SQL, not portable: it is the local stand-in for
 * the cluster's table): one SELECT per file, its columns found by header with the workbook readers'
 * rules (core `searchTables` over the file's header row, CLAIM_TABLE synonyms), renamed to the
 * canonical text columns of claims-sql.ts, with the file's order and each claim's row.
 */
import { CLAIM_PERIOD_COLUMNS, CLAIM_TABLE } from '../core/workbook/claim-columns.js';
import { searchTables } from '../core/workbook/find-table.js';
import { memorySource } from '../core/workbook/memory-source.js';
import { ClaimFileError, HEADER_HINT, type ClaimFile } from './claim-file.js';
import { readCsvHeader } from './csv-header.js';
import type { DuckDbSession } from './duckdb-session.js';

/** A file with its columns: canonical name → the file's header. */
export interface MappedClaimFile extends ClaimFile {
  readonly columns: Readonly<Record<string, string>>;
  /** CSV: the header's names and delimiter, read strictly by DuckDB with them. */
  readonly csv?: { readonly delimiter: string; readonly names: readonly string[] };
}

const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * The table function that reads the file. CSV is read as text (the SQL parses every value itself),
 * strictly, with the header and delimiter read by csv-header.ts: no sniffing, so a row with too many
 * fields or an unclosed quote is an error.
 */
export function readerSql(file: MappedClaimFile | ClaimFile): string {
  if (file.format === 'parquet') return `read_parquet(${literal(file.path)}, file_row_number = true)`;
  const csv = 'csv' in file ? file.csv : undefined;
  if (csv === undefined) return `read_csv(${literal(file.path)}, header = true, all_varchar = true)`;
  const columns = csv.names.map((n, i) => `${literal(n === '' ? `column${i}` : n)}: 'VARCHAR'`).join(', ');
  return `read_csv(${literal(file.path)}, header = true, auto_detect = false, delim = ${literal(csv.delimiter)}, quote = '"', escape = '"', columns = {${columns}})`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The file's header names: CSV as csv-header.ts reads them, Parquet's schema as DuckDB reads it. */
async function headerNames(db: DuckDbSession, file: ClaimFile): Promise<{ names: string[]; csv?: { delimiter: string; names: readonly string[] } }> {
  if (file.format !== 'parquet') {
    const header = await readCsvHeader(file);
    return { names: [...header.names], csv: header };
  }
  try {
    const rows = await db.all(`DESCRIBE SELECT * FROM ${readerSql(file)}`);
    return { names: rows.map((r) => String(r['column_name'])).filter((n) => n !== 'file_row_number') };
  } catch (e) {
    const what = file.format === 'parquet' ? 'Parquet' : 'CSV';
    throw new ClaimFileError([`${file.label}: cannot be read as ${what} (${firstLine(e instanceof Error ? e.message : String(e))}). ${HEADER_HINT}, and save it as ${what} again.`]);
  }
}

/** Finds the claim columns of each file by header; throws ClaimFileError naming each file without a usable header. */
export async function mapClaimFiles(db: DuckDbSession, files: readonly ClaimFile[], earlierProblems: readonly string[] = []): Promise<MappedClaimFile[]> {
  const mapped: MappedClaimFile[] = [];
  const problems: string[] = [...earlierProblems];
  for (const file of files) {
    let names: string[];
    let csv: { delimiter: string; names: readonly string[] } | undefined;
    try {
      ({ names, csv } = await headerNames(db, file));
    } catch (e) {
      if (e instanceof ClaimFileError) {
        problems.push(...e.messages);
        continue;
      }
      throw e;
    }
    const search = await searchTables(memorySource(file.label, { header: [names] }), CLAIM_TABLE, { skipSheets: [], scanRows: 1 });
    const table = search.tables[0];
    const wanted = [...Object.keys(CLAIM_TABLE.required), 'Paid Date or Quarter'].join(', ');
    if (table === undefined) {
      const near = search.nearMisses[0];
      problems.push(near === undefined
        ? `${file.label}: no claim-level universe header: the first row has none of ${wanted}. ${HEADER_HINT}.`
        : `${file.label}: the header row has ${near.found.join(', ')} but lacks ${near.missing.join(', ')}. Add ${near.missing.length === 1 ? 'that column' : 'those columns'}, or rename the headers to ${wanted}.`);
      continue;
    }
    if (!CLAIM_PERIOD_COLUMNS.some((c) => table.columns[c] !== undefined)) {
      problems.push(`${file.label}: the header row has no Paid Date (or Quarter) column, so no claim can be put in a quarter. Add the claims' paid dates as a Paid Date column.`);
      continue;
    }
    const columns: Record<string, string> = {};
    for (const [canonical, col] of Object.entries(table.columns)) {
      const name = names[col - 1];
      if (name !== undefined) columns[canonical] = name;
    }
    if (columns['Paid Date'] !== undefined) delete columns['Quarter'];
    mapped.push({ ...file, columns, ...(csv === undefined ? {} : { csv }) });
  }
  if (problems.length > 0) throw new ClaimFileError(problems);
  return mapped;
}

const CANONICAL: readonly [string, string][] = [
  ['claim_id', 'Claim ID'],
  ['program', 'Program'],
  ['component', 'Component'],
  ['paid_date', 'Paid Date'],
  ['paid_period', 'Quarter'],
  ['paid_amount', 'Paid Amount'],
];

/**
 * One file's SELECT. `rows`: number the rows (CSV: the line in the file, the header being line 1,
 * as a spreadsheet shows it; Parquet: the row, from 1). Without it the scan runs in parallel.
 */
function fileSelect(file: MappedClaimFile, index: number, rows: boolean): string {
  const source = file.format === 'parquet' ? 'file_row_number + 1' : 'ROW_NUMBER() OVER () + 1';
  const cols = CANONICAL.map(([name, canonical]) => {
    const header = file.columns[canonical];
    return `${header === undefined ? 'CAST(NULL AS VARCHAR)' : `CAST(${ident(header)} AS VARCHAR)`} AS ${name}`;
  });
  return `SELECT ${literal(file.label)} AS source_file, ${index} AS file_index, ${rows ? source : 'CAST(NULL AS BIGINT)'} AS source_row, ${cols.join(', ')} FROM ${readerSql(file)}`;
}

/** `CREATE VIEW name AS` the union of the files' SELECTs. */
export function claimsViewSql(name: string, files: readonly MappedClaimFile[], rows: boolean): string {
  return `CREATE OR REPLACE TEMP VIEW ${name} AS\n${files.map((f, i) => fileSelect(f, i, rows)).join('\nUNION ALL\n')}`;
}
