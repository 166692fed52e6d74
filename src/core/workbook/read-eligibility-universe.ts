/**
 * Reads the eligibility universe counts (layout spec: Program, Month, Stratum, Cases; optional
 * Dollars): cases in each stratum's universe for each sample month, or one annual row per stratum
 * (Month blank).
 */
import { isBlank } from './cell-value.js';
import type { UniverseCount } from './eligibility-types.js';
import { readTableRecords, recordValue, searchTables, tableMergeIssues, tableNotFoundIssue } from './find-table.js';
import type { RegisteredCode } from './issue-codes.js';
import { cellIssue, type Issue } from './issue.js';
import { limitIssues } from './issue-limiter.js';
import { parseCents, parseCount } from './parse-money.js';
import type { WorkbookSource } from './port.js';
import { parseProgram } from './program.js';
import { parseMonth } from './quarter.js';
import { recordAt } from './read-findings.js';
import { STRATUM_LABEL } from './strata.js';
import { parseStratum } from './stratum.js';

import { ELIGIBILITY_UNIVERSE_TABLE } from './input-tables.js';

export { ELIGIBILITY_UNIVERSE_TABLE };

export interface EligibilityUniverse {
  readonly counts: readonly UniverseCount[];
  readonly issues: readonly Issue[];
  readonly range?: string;
}

export async function readEligibilityUniverse(source: WorkbookSource): Promise<EligibilityUniverse> {
  const search = await searchTables(source, ELIGIBILITY_UNIVERSE_TABLE);
  const table = search.tables[0];
  if (table === undefined) return { counts: [], issues: [tableNotFoundIssue(ELIGIBILITY_UNIVERSE_TABLE, search)] };
  const issues: Issue[] = await tableMergeIssues(source, table, ELIGIBILITY_UNIVERSE_TABLE.name);
  const counts: UniverseCount[] = [];
  const seen = new Map<string, string>();
  for await (const chunk of readTableRecords(source, table)) {
    for (const record of chunk) {
      const fail = (name: string, code: RegisteredCode, problem: string) => issues.push(cellIssue('error', code, recordAt(record, name), problem));
      const program = parseProgram(recordValue(record, 'Program'));
      if (!program.ok) { fail('Program', 'universe-counts.program', program.reason); continue; }
      const monthValue = recordValue(record, 'Month');
      let month: string | null = null;
      if (!isBlank(monthValue)) {
        const parsed = parseMonth(monthValue);
        if (!parsed.ok) { fail('Month', 'universe-counts.month', `${parsed.reason} Leave the month blank for an annual count.`); continue; }
        month = parsed.value;
      }
      const stratum = parseStratum(recordValue(record, 'Stratum'), true);
      if (!stratum.ok) { fail('Stratum', 'universe-counts.stratum', stratum.reason); continue; }
      const cases = parseCount(recordValue(record, 'Cases'));
      if (!cases.ok) { fail('Cases', 'universe-counts.cases', cases.reason); continue; }
      let dollarsCents: number | null = null;
      const dollarValue = recordValue(record, 'Dollars');
      if (!isBlank(dollarValue)) {
        const parsed = parseCents(dollarValue);
        if (!parsed.ok) { fail('Dollars', 'universe-counts.dollars', parsed.reason); continue; }
        dollarsCents = parsed.value;
      }
      const key = `${program.value}|${month ?? 'year'}|${stratum.value}`;
      const here = recordAt(record, 'Stratum').cell ?? `row ${record.row}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const label = stratum.value === 'negative' ? 'Negative' : STRATUM_LABEL[stratum.value];
        fail('Stratum', 'universe-counts.duplicate', `${program.value} ${label} ${month ?? '(annual)'} has a second universe count (the first is at ${first}). Keep one row per program, month and stratum.`);
        continue;
      }
      seen.set(key, here);
      counts.push({
        program: program.value,
        month,
        stratum: stratum.value,
        cases: cases.value,
        dollarsCents,
        source: { sheet: record.sheet, row: record.row, cells: Object.fromEntries(Object.entries(record.cells).map(([k, v]) => [k, v.cell])) },
      });
    }
  }
  return { counts, issues: limitIssues(issues), range: `'${table.sheet}'!${table.headerRow}:${table.lastRow}` };
}
