/**
 * `reconcile BOOK --universe FILE...`: the claim files' totals, for the workbook's review year, in
 * place of its universe table. The checks become warnings of the run; an unusable claim file or a
 * workbook with no Review Year is an error (exit 2).
 */
import { cellIssue } from '../core/workbook/issue.js';
import { readSettings } from '../core/workbook/settings.js';
import { ClaimFileError, totalClaimFiles } from '../claims/index.js';
import type { UniverseProvider } from './reconcile-job.js';
import { checkIssues } from './universe-output.js';

export function claimUniverse(files: readonly string[], today: string): UniverseProvider {
  return async (source) => {
    const named = `claim files ${files.join(', ')}`;
    const settings = await readSettings(source, { today });
    const reviewYear = settings.settings.reviewYear;
    if (reviewYear === undefined) {
      return { totals: [], origin: named, issues: [cellIssue('error', 'claims.no-review-year', {}, `--universe totals the claim files for the workbook's review year, and its Settings have none. Add a Review Year row (for example RY2025) to the Settings sheet.`)] };
    }
    try {
      const run = await totalClaimFiles(files, { reviewYear });
      return {
        totals: run.totals.map((t) => ({ program: t.program, quarter: t.quarter, component: t.component, cents: t.cents, rows: t.claims, claims: t.claims })),
        origin: `${named} (${run.claimsRead.toLocaleString('en-US')} claims, ${reviewYear.label}), in place of the workbook's universe table`,
        issues: checkIssues(run.checks),
      };
    } catch (e) {
      if (!(e instanceof ClaimFileError)) throw e;
      return { totals: [], origin: named, issues: e.messages.map((m) => cellIssue('error', 'claims.unusable', {}, m)) };
    }
  };
}
