/**
 * Reads the case review findings table (layout spec: Program, Month, Case ID, Stratum, Finding;
 * Dollars Paid and Dollars in Error for active cases; optional Fraud and Dollars Correct).
 * Month may be blank (or the column absent) when the universe counts are annual; whether a blank
 * month is allowed is decided with the counts (`core/forms/eligibility-design.ts`). The same
 * problem down a column is one issue naming the range (`issue-limiter.ts`).
 */
import { cellText, isBlank } from './cell-value.js';
import type { ReviewedCase, Stratum } from './eligibility-types.js';
import { isActiveFinding, parseFinding, type Finding } from './finding-code.js';
import { readTableRecords, recordCell, recordValue, searchTables, tableMergeIssues, tableNotFoundIssue, type TableRecord } from './find-table.js';
import type { RegisteredCode } from './issue-codes.js';
import { cellIssue, type Issue, type IssueLocation } from './issue.js';
import { limitIssues } from './issue-limiter.js';
import { parseCents } from './parse-money.js';
import type { WorkbookSource } from './port.js';
import { parseProgram } from './program.js';
import { parseMonth } from './quarter.js';
import { isActiveStratum } from './strata.js';
import { parseStratum } from './stratum.js';

import { FINDINGS_TABLE } from './input-tables.js';

export { FINDINGS_TABLE };

export interface FindingsTable {
  readonly cases: readonly ReviewedCase[];
  readonly issues: readonly Issue[];
  /** Where the table was found, for the Run Log. */
  readonly range?: string;
}


/** The sheet and cell of column `name` in a record (the sheet alone when the column is absent). */
export function recordAt(record: TableRecord, name: string): IssueLocation {
  const cell = recordCell(record, name);
  return cell === undefined ? { sheet: record.sheet } : { sheet: record.sheet, cell };
}

function parseFraud(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'n' || t === 'no' || t === 'false' || t === '0') return false;
  if (t === 'y' || t === 'yes' || t === 'true' || t === '1' || t === 'x') return true;
  return undefined;
}

/** Reads every findings row, collecting all problems (each naming its sheet and cell) rather than stopping at the first. */
export async function readFindings(source: WorkbookSource): Promise<FindingsTable> {
  const search = await searchTables(source, FINDINGS_TABLE);
  const table = search.tables[0];
  if (table === undefined) return { cases: [], issues: [tableNotFoundIssue(FINDINGS_TABLE, search)] };
  const issues: Issue[] = await tableMergeIssues(source, table, FINDINGS_TABLE.name);
  if (search.tables.length > 1) {
    const other = search.tables[1]!;
    issues.push(cellIssue('warning', 'findings.second-table', { sheet: other.sheet, cell: `${other.headerRow}:${other.headerRow}` }, `a second findings table was found; only the one on sheet '${table.sheet}' row ${table.headerRow} is read. Combine them into one table.`));
  }
  const cases: ReviewedCase[] = [];
  const seen = new Map<string, string>();
  for await (const chunk of readTableRecords(source, table)) {
    for (const record of chunk) {
      const parsed = readCase(record, issues);
      if (parsed === undefined) continue;
      const key = `${parsed.program}|${parsed.month ?? 'year'}|${parsed.caseId.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(cellIssue('error', 'findings.duplicate-case', recordAt(record, 'Case ID'), `case ${parsed.caseId} of ${parsed.program} ${parsed.month ?? '(no month)'} is listed twice (first at ${first}). Keep one row per sampled case.`));
        continue;
      }
      seen.set(key, recordCell(record, 'Case ID') ?? `row ${record.row}`);
      cases.push(parsed);
    }
  }
  return { cases, issues: limitIssues(issues), range: `'${table.sheet}'!${table.headerRow}:${table.lastRow}` };
}

function readCase(record: TableRecord, issues: Issue[]): ReviewedCase | undefined {
  const at = (name: string) => recordAt(record, name);
  const fail = (name: string, code: RegisteredCode, problem: string) => {
    issues.push(cellIssue('error', code, at(name), problem));
    return undefined;
  };
  const program = parseProgram(recordValue(record, 'Program'));
  if (!program.ok) return fail('Program', 'findings.program', program.reason);
  const monthValue = recordValue(record, 'Month');
  let month: string | null = null;
  if (!isBlank(monthValue)) {
    const parsed = parseMonth(monthValue);
    if (!parsed.ok) return fail('Month', 'findings.month', `${parsed.reason} Leave it blank only where the universe counts are annual.`);
    month = parsed.value;
  }
  const caseId = cellText(recordValue(record, 'Case ID'));
  if (caseId === '') return fail('Case ID', 'findings.case-id', 'the Case ID is blank. Enter the case number from the sample selection list.');
  const stratum = parseStratum(recordValue(record, 'Stratum'), false);
  if (!stratum.ok) return fail('Stratum', 'findings.stratum', stratum.reason);
  const s = stratum.value as Stratum;
  const active = isActiveStratum(s);

  const fraudText = cellText(recordValue(record, 'Fraud'));
  const fraud = parseFraud(fraudText);
  if (fraud === undefined) return fail('Fraud', 'findings.fraud', `Fraud "${fraudText}" is not Y or N. Write Y for a case excluded for beneficiary fraud, or leave it blank.`);

  const findingText = cellText(recordValue(record, 'Finding'));
  let finding: Finding | null = null;
  if (findingText === '') {
    if (!fraud) return fail('Finding', 'findings.finding-blank', `the finding is blank. Enter a finding code (${active ? 'E, EI, L/O, L/U, MCE1, MCE2, NE or U' : 'C, ID or IT'}), or Y in the Fraud column for a fraud case.`);
  } else {
    const f = parseFinding(findingText);
    if (f === undefined) return fail('Finding', 'findings.finding-unknown', `"${findingText}" is not a finding code. Active cases use E, EI, L/O, L/U, MCE1, MCE2, NE or U; negative cases C, ID or IT.`);
    if (isActiveFinding(f) !== active) {
      return fail('Finding', 'findings.finding-stratum', `finding ${f} is ${isActiveFinding(f) ? 'an active' : 'a negative'} case code but the case is in ${active ? 'an active stratum' : 'a negative stratum (denials or terminations)'}. Correct the finding or the stratum.`);
    }
    finding = f;
  }

  let paidCents = 0;
  let errorCents = 0;
  if (active && !fraud) {
    const paid = dollars(record, 'Dollars Paid', issues);
    const error = dollars(record, 'Dollars in Error', issues);
    if (paid === undefined || error === undefined) return undefined;
    paidCents = paid;
    errorCents = error;
    const correctValue = recordValue(record, 'Dollars Correct');
    if (record.cells['Dollars Correct'] !== undefined && !isBlank(correctValue)) {
      const correct = parseCents(correctValue);
      if (!correct.ok) return fail('Dollars Correct', 'findings.dollars-correct', correct.reason);
      if (correct.value !== paid - error) {
        return fail('Dollars Correct', 'findings.dollars-correct-mismatch', `Dollars Correct ${(correct.value / 100).toFixed(2)} does not equal Dollars Paid ${(paid / 100).toFixed(2)} minus Dollars in Error ${(error / 100).toFixed(2)} (= ${((paid - error) / 100).toFixed(2)}). Correct one of the three.`);
      }
    }
  } else if (!active) {
    for (const name of ['Dollars Paid', 'Dollars in Error']) {
      const v = recordValue(record, name);
      if (!isBlank(v) && !(typeof v === 'number' && v === 0)) {
        issues.push(cellIssue('warning', 'findings.negative-dollars', at(name), `a negative case has ${name}; payment reviews are not done for negative cases, so it is ignored.`));
      }
    }
  }
  return {
    program: program.value,
    month,
    caseId,
    stratum: s,
    finding,
    fraud,
    paidCents,
    errorCents,
    source: { sheet: record.sheet, row: record.row, cells: Object.fromEntries(Object.entries(record.cells).map(([k, v]) => [k, v.cell])) },
  };
}

function dollars(record: TableRecord, name: string, issues: Issue[]): number | undefined {
  const at = recordAt(record, name);
  if (record.cells[name] === undefined) {
    issues.push(cellIssue('error', 'findings.column-missing', { sheet: record.sheet }, `the findings table has no ${name} column, which active cases need. Add it beside the other headers.`));
    return undefined;
  }
  const parsed = parseCents(recordValue(record, name));
  if (!parsed.ok) {
    issues.push(cellIssue('error', 'findings.dollars', at, `${name}: ${parsed.reason}`));
    return undefined;
  }
  return parsed.value;
}
