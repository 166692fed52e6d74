/** Stratum cells of the eligibility tables (layout spec: Eligibility universe counts, Findings). */
import { cellText, describeCellValue, isBlank } from './cell-value.js';
import type { Stratum } from './eligibility-types.js';
import { normalizeLabel } from './normalize-label.js';
import type { CellValue } from './port.js';
import { parsedFail, parsedOk, type Parsed } from './parsed.js';

const FIX = 'Write 1 / Applications, 2 / Redeterminations, 3 / All Other for active cases, or Denials / Terminations for negative cases.';

const BY_KEY: ReadonlyMap<string, Stratum | 'negative'> = new Map([
  ['1', 'stratum1'], ['stratum1', 'stratum1'], ['applications', 'stratum1'], ['application', 'stratum1'],
  ['2', 'stratum2'], ['stratum2', 'stratum2'], ['redeterminations', 'stratum2'], ['redetermination', 'stratum2'],
  ['3', 'stratum3'], ['stratum3', 'stratum3'], ['allother', 'stratum3'], ['allothers', 'stratum3'], ['allothercases', 'stratum3'], ['other', 'stratum3'],
  ['denials', 'denials'], ['denial', 'denials'], ['denied', 'denials'],
  ['terminations', 'terminations'], ['termination', 'terminations'], ['terminated', 'terminations'],
  ['negative', 'negative'], ['negatives', 'negative'],
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

/** How the form names a stratum row. */
export const STRATUM_LABEL: Readonly<Record<Stratum, string>> = {
  stratum1: 'Stratum 1',
  stratum2: 'Stratum 2',
  stratum3: 'Stratum 3',
  denials: 'Denials',
  terminations: 'Terminations',
};
