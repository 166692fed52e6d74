/** Case review finding codes of the layout spec (Findings table), matched ignoring case, spaces and punctuation. */

export type ActiveFinding = 'E' | 'EI' | 'L/O' | 'L/U' | 'MCE1' | 'MCE2' | 'NE' | 'U';
export type NegativeFinding = 'C' | 'ID' | 'IT';
export type Finding = ActiveFinding | NegativeFinding;

export const ACTIVE_FINDINGS: readonly ActiveFinding[] = ['E', 'EI', 'L/O', 'L/U', 'MCE1', 'MCE2', 'NE', 'U'];
export const NEGATIVE_FINDINGS: readonly NegativeFinding[] = ['C', 'ID', 'IT'];

/** Code with case, spaces and punctuation removed → finding (`l/o`, `LO` and `L / O` are all `L/O`). */
const BY_KEY: ReadonlyMap<string, Finding> = new Map(
  [...ACTIVE_FINDINGS, ...NEGATIVE_FINDINGS].map((f) => [f.replace(/[^A-Z0-9]/g, ''), f]),
);

/** The finding a typed code stands for, or undefined when it is no known code. */
export function parseFinding(text: string): Finding | undefined {
  return BY_KEY.get(text.toUpperCase().replace(/[^A-Z0-9]/g, ''));
}

export function isActiveFinding(f: Finding): f is ActiveFinding {
  return (ACTIVE_FINDINGS as readonly string[]).includes(f);
}
