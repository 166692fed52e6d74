/** Universe components (fee-for-service, managed care) and the line-map component that adds `Excluded`. */
import { describeCellValue, isBlank } from './cell-value.js';
import type { CellValue } from './port.js';
import { parsedFail, parsedOk, type Parsed } from './parsed.js';
import { synonymKey as key } from './program.js';

export type Component = 'FFS' | 'MC';
export type MapComponent = Component | 'Excluded';

export const COMPONENTS: readonly Component[] = ['FFS', 'MC'];

const SYNONYMS: ReadonlyMap<string, MapComponent> = new Map([
  ['ffs', 'FFS'],
  ['feeforservice', 'FFS'],
  ['mc', 'MC'],
  ['managedcare', 'MC'],
  ['capitation', 'MC'],
  ['excluded', 'Excluded'],
  ['exclude', 'Excluded'],
]);

/** Normalised spellings (see `synonymKey`) → universe component: what `parseComponent` accepts; also the claim-file reader's SQL mapping. */
export const COMPONENT_SYNONYMS: ReadonlyMap<string, Component> = new Map(
  [...SYNONYMS].filter((e): e is [string, Component] => e[1] !== 'Excluded'),
);

/** `FFS` / `Fee-for-service` → FFS; `MC` / `Managed Care` / `Capitation` → MC. */
export function parseComponent(value: CellValue): Parsed<Component> {
  const fix = 'Write FFS (fee-for-service) or MC (managed care).';
  if (isBlank(value)) return parsedFail(`The component is blank. ${fix}`);
  const c = typeof value === 'string' ? SYNONYMS.get(key(value)) : undefined;
  if (c === undefined || c === 'Excluded') return parsedFail(`${describeCellValue(value)} is not a universe component. ${fix}`);
  return parsedOk(c);
}

/** As `parseComponent`, plus `Excluded` (a report line outside the PERM universe), for the Line Map. */
export function parseMapComponent(value: CellValue): Parsed<MapComponent> {
  const fix = 'Write FFS, MC or Excluded.';
  if (isBlank(value)) return parsedFail(`The component is blank. ${fix}`);
  const c = typeof value === 'string' ? SYNONYMS.get(key(value)) : undefined;
  return c === undefined ? parsedFail(`${describeCellValue(value)} is not a line-map component. ${fix}`) : parsedOk(c);
}
