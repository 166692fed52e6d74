/**
 * The strata of the eligibility tables and of CMS-10184E lines D-F, in form order: the one list
 * the readers (names accepted in a Stratum cell), the forms (rows and labels) and the sheets read
 * (form instructions, "Line D" and "Line E"; layout spec: Eligibility universe counts, Findings).
 */
export const STRATA = [
  { key: 'stratum1', kind: 'active', label: 'Stratum 1', formLabel: 'Stratum 1 (Applications)', names: ['1', 'stratum1', 'applications', 'application'] },
  { key: 'stratum2', kind: 'active', label: 'Stratum 2', formLabel: 'Stratum 2 (Redeterminations)', names: ['2', 'stratum2', 'redeterminations', 'redetermination'] },
  { key: 'stratum3', kind: 'active', label: 'Stratum 3', formLabel: 'Stratum 3 (All Other Cases)', names: ['3', 'stratum3', 'allother', 'allothers', 'allothercases', 'other'] },
  { key: 'denials', kind: 'negative', label: 'Denials', formLabel: 'Denials', names: ['denials', 'denial', 'denied'] },
  { key: 'terminations', kind: 'negative', label: 'Terminations', formLabel: 'Terminations', names: ['terminations', 'termination', 'terminated'] },
] as const;

/** A stratum of lines D-F. */
export type Stratum = (typeof STRATA)[number]['key'];

/** Names (normalised: lower case, no spaces, dashes, dots or underscores) of an unsplit negative universe, accepted in universe counts only. */
export const NEGATIVE_UNIVERSE_NAMES: readonly string[] = ['negative', 'negatives'];

export const ACTIVE_STRATA: readonly Stratum[] = STRATA.filter((s) => s.kind === 'active').map((s) => s.key);
export const NEGATIVE_STRATA: readonly Stratum[] = STRATA.filter((s) => s.kind === 'negative').map((s) => s.key);

export const isActiveStratum = (s: Stratum): boolean => ACTIVE_STRATA.includes(s);

/** How the form names a stratum row (short form, for messages and cell labels). */
export const STRATUM_LABEL: Readonly<Record<Stratum, string>> = Object.fromEntries(STRATA.map((s) => [s.key, s.label])) as Record<Stratum, string>;

/** How the form's Summary Findings Table labels a stratum row. */
export const STRATUM_FORM_LABEL: Readonly<Record<Stratum, string>> = Object.fromEntries(STRATA.map((s) => [s.key, s.formLabel])) as Record<Stratum, string>;
