/** Stratum cells of the eligibility tables (layout spec: Eligibility universe counts, Findings). */
import { cellText, describeCellValue, isBlank } from './cell-value.js';
import { NEGATIVE_UNIVERSE_NAMES, STRATA, type Stratum } from './strata.js';
import { normalizeLabel } from './normalize-label.js';
import type { CellValue } from './port.js';
import { parsedFail, parsedOk, type Parsed } from './parsed.js';

const FIX = 'Write 1 / Applications, 2 / Redeterminations, 3 / All Other for active cases, or Denials / Terminations for negative cases.';

/** Every name a Stratum cell may hold, normalised, from the strata list. */
const BY_KEY: ReadonlyMap<string, Stratum | 'negative'> = new Map<string, Stratum | 'negative'>([
  ...STRATA.flatMap((s) => s.names.map((name): [string, Stratum] => [name, s.key])),
  ...NEGATIVE_UNIVERSE_NAMES.map((name): [string, 'negative'] => [name, 'negative']),
]);

/**
 * A stratum cell → stratum. `Negative` (an unsplit negative universe) is accepted only where
 * `allowNegative` is set: in universe counts, not on a sampled case.
 */
export function parseStratum(value: CellValue, allowNegative: boolean): Parsed<Stratum | 'negative'> {
  if (isBlank(value)) return parsedFail(`The stratum is blank. ${FIX}`);
  const key = normalizeLabel(cellText(value)).replace(/[\s\-_.]/g, '');
  const stratum = BY_KEY.get(key);
  if (stratum === undefined || (stratum === 'negative' && !allowNegative)) return parsedFail(`${describeCellValue(value)} is not a stratum. ${FIX}`);
  return parsedOk(stratum);
}
