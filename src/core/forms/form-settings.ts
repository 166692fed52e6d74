import type { QuantileKind } from '../estimator';
import type { ReviewYear } from '../workbook/quarter';
import type { FormVersion } from '../workbook/settings';

/** What filling the form needs from Settings (layout spec, Settings sheet). */
export interface FormSettings {
  /** Line A. */
  readonly state: string;
  /** Line B, `YYYY-MM-DD`. */
  readonly reportDate: string;
  readonly reviewYear: ReviewYear;
  /** Confidence level as a fraction (0.95). */
  readonly confidence: number;
  readonly undeterminedAsError: boolean;
  readonly quantile: QuantileKind;
  /** Precision target as a fraction: 0.03, the 3-point target of 72 FR 50490. */
  readonly precisionTarget: number;
  /** Settings `Negative Sample Stratified`: denials and terminations as strata (true) or domains of one monthly cell (false, the rule). */
  readonly negativeSampleStratified: boolean;
  /** Settings `Form Version`: which edition of CMS-10184E the form sheets follow. */
  readonly formVersion: FormVersion;
}
