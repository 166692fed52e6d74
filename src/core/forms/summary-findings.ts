/**
 * The Summary Findings Table, lines D-F of CMS-10184E, from the reviewed cases and universe counts
 * (form instructions, "Line D" to "Line F" and the column instructions).
 */
import type { ReviewedCase, Stratum, UniverseCount } from '../workbook/eligibility-types';
import { ACTIVE_STRATA, isActiveStratum, NEGATIVE_STRATA, STRATA } from '../workbook/strata';
import { summaryColumn } from './summary-columns';

/** One row of lines D-F. Dollars in integer cents; null where the instructions leave the cell blank. */
export interface SummaryRow {
  readonly universe: number | null;
  readonly sampled: number;
  readonly fraudExcluded: number | null;
  readonly correct: number;
  readonly incorrect: number;
  readonly undetermined: number | null;
  readonly dollarsPaidCents: number | null;
  readonly dollarsCorrectCents: number | null;
  readonly dollarsInErrorCents: number | null;
  /** 2013 form, Number of Cases Dropped from Sample: sampled cases not reviewed (marked Fraud = Y), on every row. */
  readonly dropped: number;
  /** 2013 form, Total Dollars Undetermined: paid dollars of the undetermined cases; null on the negative rows. */
  readonly dollarsUndeterminedCents: number | null;
}

export type SummaryRowKey = 'active' | Stratum | 'negative' | 'totals';

export type SummaryFindings = Readonly<Record<SummaryRowKey, SummaryRow>>;


function addNullable(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}

function sumRows(rows: readonly SummaryRow[]): SummaryRow {
  return rows.reduce<SummaryRow>(
    (t, r) => ({
      universe: t.universe === null || r.universe === null ? null : t.universe + r.universe,
      sampled: t.sampled + r.sampled,
      fraudExcluded: addNullable(t.fraudExcluded, r.fraudExcluded),
      correct: t.correct + r.correct,
      incorrect: t.incorrect + r.incorrect,
      undetermined: addNullable(t.undetermined, r.undetermined),
      dollarsPaidCents: addNullable(t.dollarsPaidCents, r.dollarsPaidCents),
      dollarsCorrectCents: addNullable(t.dollarsCorrectCents, r.dollarsCorrectCents),
      dollarsInErrorCents: addNullable(t.dollarsInErrorCents, r.dollarsInErrorCents),
      dropped: t.dropped + r.dropped,
      dollarsUndeterminedCents: addNullable(t.dollarsUndeterminedCents, r.dollarsUndeterminedCents),
    }),
    { universe: 0, sampled: 0, fraudExcluded: null, correct: 0, incorrect: 0, undetermined: null, dollarsPaidCents: null, dollarsCorrectCents: null, dollarsInErrorCents: null, dropped: 0, dollarsUndeterminedCents: null },
  );
}

/**
 * Lines D-F for one program. `counts` are the universe counts that apply (review-year months, or
 * annual rows). Sampled counts include fraud cases (they are on the sample selection lists);
 * dollars are those of reviewed (non-fraud) cases; while undetermined cases count as errors
 * their paid dollars are in Total Dollars in Error, not Correct. On the negative rows the fraud, undetermined
 * and dollar columns are blank (null), as the instructions say.
 */
export function summarizeFindings(cases: readonly ReviewedCase[], counts: readonly UniverseCount[], undeterminedAsError = true): SummaryFindings {
  const row = (stratum: Stratum): SummaryRow => {
    const active = isActiveStratum(stratum);
    const inRow = cases.filter((c) => c.stratum === stratum);
    const universeRows = counts.filter((u) => u.stratum === stratum);
    const tally = { correct: 0, incorrect: 0, undetermined: 0, fraud: 0, paid: 0, error: 0, undeterminedPaid: 0 };
    for (const c of inRow) {
      if (c.fraud) {
        tally.fraud += 1;
        continue;
      }
      if (c.finding !== null) tally[summaryColumn(c.finding)] += 1;
      tally.paid += c.paidCents;
      if (c.finding === 'U') tally.undeterminedPaid += c.paidCents;
      // Settings `Undetermined As Error`, as on line G: a U case's paid dollars are in error (spec estimator.md, lines D-F).
      tally.error += c.finding === 'U' && undeterminedAsError ? c.paidCents : Math.abs(c.errorCents);
    }
    return {
      universe: universeRows.length === 0 ? null : universeRows.reduce((s, u) => s + u.cases, 0),
      sampled: inRow.length,
      fraudExcluded: active ? tally.fraud : null,
      correct: tally.correct,
      incorrect: tally.incorrect,
      undetermined: active ? tally.undetermined : null,
      dollarsPaidCents: active ? tally.paid : null,
      dollarsCorrectCents: active ? tally.paid - tally.error : null, // Total Dollars Correct = paid − in error
      dollarsInErrorCents: active ? tally.error : null,
      dropped: tally.fraud,
      dollarsUndeterminedCents: active ? tally.undeterminedPaid : null,
    };
  };
  const strata = Object.fromEntries(STRATA.map((s) => [s.key, row(s.key)])) as Record<Stratum, SummaryRow>;
  const active = sumRows(ACTIVE_STRATA.map((s) => strata[s])); // Line D: the sum of strata 1, 2 and 3
  let negative = sumRows(NEGATIVE_STRATA.map((s) => strata[s])); // Line E: the sum of denials and terminations
  const unsplit = counts.filter((u) => u.stratum === 'negative');
  if (unsplit.length > 0 && NEGATIVE_STRATA.every((s) => strata[s].universe === null)) {
    negative = { ...negative, universe: unsplit.reduce((s, u) => s + u.cases, 0) };
  }
  const totals = sumRows([active, negative]); // Line F: the total of each column
  // In form order: D, its strata, E, its strata, F.
  const rows = (keys: readonly Stratum[]) => Object.fromEntries(keys.map((k) => [k, strata[k]])) as Record<Stratum, SummaryRow>;
  return { active, ...rows(ACTIVE_STRATA), negative, ...rows(NEGATIVE_STRATA), totals };
}
