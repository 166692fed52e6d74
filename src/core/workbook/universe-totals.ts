/**
 * The PERM universe as submitted, summed by program × quarter × component in integer cents.
 * Accepts a summary (one row per program, quarter and component) or claim-level rows (one per
 * claim, same headers, up to a full sheet of 1,048,576 rows): rows are read in chunks and only
 * the running sums are kept.
 */
import type { RegisteredCode } from './issue-codes.js';
import { describeCellValue, isBlank } from './cell-value.js';
import { COMPONENTS, parseComponent, type Component } from './component.js';
import { readTableRows, searchTables, tableMergeIssues, tableNotFoundIssue, type FoundTable, type TableRow } from './find-table.js';
import { cellIssue, fieldIssue, type Issue } from './issue.js';
import { issueLimiter } from './issue-limiter.js';
import { normalizeLabel } from './normalize-label.js';
import { parseCents, parseCount } from './parse-money.js';
import type { Parsed } from './parsed.js';
import type { CellValue, WorkbookSource } from './port.js';
import { PROGRAMS, parseProgram, type Program } from './program.js';
import { parseQuarter } from './quarter.js';

import { UNIVERSE_TABLE } from './input-tables.js';

export { UNIVERSE_TABLE };

/** One program × quarter × component sum. */
export interface UniverseTotal {
  readonly program: Program;
  readonly quarter: string;
  readonly component: Component;
  /** Sum of Amount, in cents. */
  readonly cents: number;
  /** Rows summed. */
  readonly rows: number;
  /** Sum of Claims, when the table has a Claims column. */
  readonly claims?: number;
}

export interface UniverseTotalsRead {
  /** Sorted by program (Medicaid, CHIP), quarter, component (FFS, MC). */
  readonly totals: readonly UniverseTotal[];
  readonly issues: readonly Issue[];
  readonly tables: readonly FoundTable[];
  /** Non-blank data rows read, and how many of them were left out of the sums because of an issue. */
  readonly rowsRead: number;
  readonly rowsSkipped: number;
}

export interface ReadUniverseOptions {
  /** Tables to read (for example the range the user pointed at); default: every universe table found. */
  readonly tables?: readonly FoundTable[];
  readonly chunkRows?: number;
  /** Issues listed per kind before the rest are summarised (default 20). */
  readonly maxIssuesPerKind?: number;
  /** Called after each chunk with the rows read so far. */
  readonly onProgress?: (rowsRead: number) => void;
}

const CACHE_LIMIT = 10_000;

/** Memoises a cell parser by value: a million claim rows hold only a handful of distinct quarters. */
function cached<T>(parse: (v: CellValue) => Parsed<T>): (v: CellValue) => Parsed<T> {
  // Keyed by the value itself (text, number or boolean are distinct keys), dates by their time.
  const cache = new Map<string | number | boolean, Parsed<T>>();
  const dates = new Map<number, Parsed<T>>();
  return (v) => {
    if (v === null || typeof v === 'object') {
      if (!(v instanceof Date)) return parse(v);
      const hit = dates.get(v.getTime());
      if (hit !== undefined) return hit;
      const parsed = parse(v);
      if (dates.size < CACHE_LIMIT) dates.set(v.getTime(), parsed);
      return parsed;
    }
    let hit = cache.get(v);
    if (hit === undefined) {
      hit = parse(v);
      if (cache.size < CACHE_LIMIT) cache.set(v, hit);
    }
    return hit;
  };
}

const TOTAL_ROW = /^(?:grand |sub-?)?totals?\b/;

/** Whether a Program cell's text says its row is a total, memoised per text (a claim sheet repeats a few texts). */
function totalRowTest(): (text: string) => boolean {
  const seen = new Map<string, boolean>();
  return (text) => {
    let hit = seen.get(text);
    if (hit === undefined) {
      hit = TOTAL_ROW.test(normalizeLabel(text));
      if (seen.size < CACHE_LIMIT) seen.set(text, hit);
    }
    return hit;
  };
}

interface Sum {
  cents: number;
  rows: number;
  claims: number;
}

/** Reads and sums the universe tables. Bad cells are issues naming sheet and cell; their rows are left out. */
export async function readUniverseTotals(source: WorkbookSource, options: ReadUniverseOptions = {}): Promise<UniverseTotalsRead> {
  const limiter = issueLimiter(options.maxIssuesPerKind ?? 20);
  let tables = options.tables;
  if (tables === undefined) {
    const search = await searchTables(source, UNIVERSE_TABLE);
    tables = search.tables;
    if (tables.length === 0) {
      return { totals: [], issues: [tableNotFoundIssue(UNIVERSE_TABLE, search)], tables: [], rowsRead: 0, rowsSkipped: 0 };
    }
  }
  const program = cached(parseProgram);
  const quarter = cached(parseQuarter);
  const component = cached(parseComponent);
  const totalRow = totalRowTest();
  // Program → quarter → component: the parsed values are the same few strings, so no key is built per row.
  const sums = new Map<Program, Map<string, Map<Component, Sum>>>();
  const sumAt = (p: Program, q: string): Map<Component, Sum> => {
    let byQuarter = sums.get(p);
    if (byQuarter === undefined) sums.set(p, (byQuarter = new Map()));
    let byComponent = byQuarter.get(q);
    if (byComponent === undefined) byQuarter.set(q, (byComponent = new Map()));
    return byComponent;
  };
  let rowsRead = 0;
  let rowsSkipped = 0;
  let hasClaims = false;

  const mergeIssues: Issue[] = [];
  for (const table of tables) {
    mergeIssues.push(...(await tableMergeIssues(source, table, UNIVERSE_TABLE.name)));
    const withClaims = table.columns['Claims'] !== undefined;
    hasClaims ||= withClaims;
    const readOptions = options.chunkRows === undefined ? {} : { chunkRows: options.chunkRows };
    const rows = readTableRows(source, table, readOptions);
    const at = (name: string): number => rows.names.indexOf(name);
    const [iProgram, iQuarter, iComponent, iAmount, iClaims] = [at('Program'), at('Quarter'), at('Component'), at('Amount'), at('Claims')];
    // The rows are plain values; a cell's address is made only for an issue.
    const check = <T>(r: TableRow, field: string, index: number, parse: (v: CellValue) => Parsed<T>): T | undefined => {
      const p = parse(index < 0 ? null : (r.values[index] ?? null));
      if (p.ok) return p.value;
      limiter.add(fieldIssue('error', `universe.${field.toLowerCase()}` as RegisteredCode, { sheet: table.sheet, ...(index < 0 ? {} : { cell: rows.address(index, r.row) }) }, field, p.reason));
      return undefined;
    };
    for await (const chunk of rows.chunks) {
      for (const r of chunk) {
        rowsRead += 1;
        const programValue = iProgram < 0 ? null : r.values[iProgram];
        if (typeof programValue === 'string' && totalRow(programValue)) {
          limiter.add(cellIssue('warning', 'universe.total-row', { sheet: table.sheet, cell: rows.address(iProgram, r.row) }, `${describeCellValue(programValue)} looks like a total row, so it is not added (adding it would count its rows twice). Delete the row if it is not a total.`));
          rowsSkipped += 1;
          continue;
        }
        const p = check(r, 'Program', iProgram, program);
        const q = check(r, 'Quarter', iQuarter, quarter);
        const c = check(r, 'Component', iComponent, component);
        const cents = check(r, 'Amount', iAmount, parseCents);
        const claimsValue = iClaims < 0 ? null : (r.values[iClaims] ?? null);
        const claims = !withClaims || isBlank(claimsValue) ? 0 : check(r, 'Claims', iClaims, parseCount);
        if (p === undefined || q === undefined || c === undefined || cents === undefined || claims === undefined) {
          rowsSkipped += 1;
          continue;
        }
        let sum = sums.get(p)?.get(q)?.get(c);
        if (sum === undefined) {
          sum = { cents: 0, rows: 0, claims: 0 };
          sumAt(p, q).set(c, sum);
        }
        sum.cents += cents;
        sum.rows += 1;
        sum.claims += claims;
      }
      options.onProgress?.(rowsRead);
    }
  }

  const totals: UniverseTotal[] = [];
  for (const [p, byQuarter] of sums) for (const [q, byComponent] of byQuarter) for (const [c, sum] of byComponent) {
    if (!Number.isSafeInteger(sum.cents)) {
      limiter.add(cellIssue('error', 'universe.overflow', {}, `The ${p} ${c} universe of ${q} sums beyond what can be added exactly to the cent. Check the Amount column for amounts typed in cents or with extra digits.`));
    }
    totals.push({ program: p, quarter: q, component: c, cents: sum.cents, rows: sum.rows, ...(hasClaims ? { claims: sum.claims } : {}) });
  }
  totals.sort(
    (a, b) =>
      PROGRAMS.indexOf(a.program) - PROGRAMS.indexOf(b.program) ||
      a.quarter.localeCompare(b.quarter) ||
      COMPONENTS.indexOf(a.component) - COMPONENTS.indexOf(b.component),
  );
  return { totals, issues: [...mergeIssues, ...limiter.finish()], tables, rowsRead, rowsSkipped };
}
