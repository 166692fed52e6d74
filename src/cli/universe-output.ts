/** The readable and JSON output of `universe`, and its checks as warnings. */
import { kebab } from '../core/workbook/issue-codes.js';
import { cellIssue, type Issue } from '../core/workbook/issue.js';
import type { ClaimCheck, ClaimTotalsRun } from '../claims/index.js';
import { countText, dollarsText, textTable } from './text-table.js';

export function universeJson(run: ClaimTotalsRun): unknown {
  return {
    reviewYear: run.reviewYear.label,
    totals: run.totals.map((t) => ({ program: t.program, quarter: t.quarter, component: t.component, amount: t.cents / 100, claims: t.claims })),
    checks: run.checks.map((c) => ({ code: c.code, count: c.count, leftOut: c.leftOut, examples: c.examples.map((e) => ({ file: e.file, row: e.row, claimId: e.claimId, value: e.value, message: e.message })) })),
    files: run.files,
  };
}

/** One warning per check that found claims: the count, what happens to them, and the first examples. */
export function checkIssues(checks: readonly ClaimCheck[]): Issue[] {
  return checks.filter((c) => c.count > 0).map((c) => {
    const shown = c.examples.map((e) => `  ${e.message}`).join('\n');
    const more = c.count > c.examples.length ? `\n  (${(c.count - c.examples.length).toLocaleString('en-US')} more like these)` : '';
    return cellIssue('warning', `claims.check-${kebab(c.code)}`, {}, `${c.count.toLocaleString('en-US')} claim(s) ${c.summary} [${c.code}]:\n${shown}${more}`);
  });
}

export function universeText(run: ClaimTotalsRun): string {
  const table = textTable(
    ['Program', 'Quarter', 'Component', 'Amount', 'Claims'],
    run.totals.map((t) => [t.program, t.quarter, t.component, dollarsText(t.cents / 100), countText(t.claims)]),
    new Set([3, 4]),
  );
  const checks = textTable(
    ['Check', 'Claims', 'Totals'],
    run.checks.map((c) => [c.code, countText(c.count), c.leftOut ? 'left out' : 'kept']),
    new Set([1]),
  );
  const files = run.files.map((f) => `  ${f.file} (${f.format}, ${countText(f.claims)} claims; ${Object.entries(f.columns).map(([k, v]) => (k === v ? k : `${k} = "${v}"`)).join(', ')})`);
  return [`Claim-level universe, review year ${run.reviewYear.label} (${run.reviewYear.quarters[0] ?? ''} to ${run.reviewYear.quarters[run.reviewYear.quarters.length - 1] ?? ''}): ${countText(run.claimsRead)} claims`, ...files, '', table, '', checks].join('\n');
}
