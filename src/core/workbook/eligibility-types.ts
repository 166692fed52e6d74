/** Types of the eligibility tables: findings and universe counts. */
import type { Finding } from './finding-code.js';
import type { Program } from './program.js';

import type { Stratum } from './strata.js';

/** The rows of the Summary Findings Table (lines D-F): the strata of `strata.ts`. */
export type { Stratum };

/** Where a value came from: sheet and the A1 address of each column read. */
export interface SourceRow {
  readonly sheet: string;
  readonly row: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** One reviewed case of the Findings table. Dollars in integer cents. */
export interface ReviewedCase {
  readonly program: Program;
  /** Sample month `YYYY-MM`; null when blank (allowed where the universe counts are annual). */
  readonly month: string | null;
  readonly caseId: string;
  readonly stratum: Stratum;
  /** null for a fraud case whose finding is blank. */
  readonly finding: Finding | null;
  readonly fraud: boolean;
  readonly paidCents: number;
  readonly errorCents: number;
  readonly source: SourceRow;
}

/**
 * One row of the eligibility universe counts: cases (and, for active strata, paid dollars) in a
 * stratum for a month, or for the year when `month` is null. `negative` is an unsplit negative
 * universe, with denials and terminations then estimated as domains.
 */
export interface UniverseCount {
  readonly program: Program;
  readonly month: string | null;
  readonly stratum: Stratum | 'negative';
  readonly cases: number;
  readonly dollarsCents: number | null;
  readonly source: SourceRow;
}
