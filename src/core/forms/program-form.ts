/**
 * What filling CMS-10184E for one program gives: the numbers of lines A-J with the estimates and
 * samples behind them. Types only, read by the computation (`fill-program.ts`) and by the sheets
 * (`form-sheet.ts`, `estimator-detail-sheet.ts`) without either importing the other.
 */
import type { ActiveEstimates, NegativeEstimates, SampleSizePlan } from '../estimator';
import type { Issue } from '../workbook/issue';
import type { Program } from '../workbook/program';
import type { EligibilitySamples } from './eligibility-design';
import type { ErrorRateTable } from './error-rate-table';
import type { FormSettings } from './form-settings';
import type { SummaryFindings } from './summary-findings';

export interface ProgramForm {
  readonly program: Program;
  readonly state: string;
  readonly date: string;
  readonly summary: SummaryFindings;
  readonly errorRates: ErrorRateTable;
  readonly active: ActiveEstimates | null;
  readonly negative: NegativeEstimates | null;
  readonly samples: EligibilitySamples;
  /** The sample size the next cycle needs for the precision target, for each of lines G-I that missed it. */
  readonly nextCycle: NextCycle;
  readonly settings: FormSettings;
}

export type NextCycle = Partial<Readonly<Record<'G' | 'H' | 'I', SampleSizePlan>>>;

export interface FillResult {
  readonly form: ProgramForm | null;
  readonly issues: readonly Issue[];
}
