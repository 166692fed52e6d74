/**
 * The CMS expenditure report forms the reconciliation reads, which program each reports, whether it
 * is a current-quarter or prior-period form, and how a form's name is recognised in a sheet name,
 * title or Form cell.
 */
import type { Program } from '../workbook/program.js';
import { normalizeLabel } from '../workbook/normalize-label.js';

export type FormId =
  | 'CMS-64.9 Base'
  | 'CMS-64.9 Waiver'
  | 'CMS-64.9P'
  | 'CMS-64.9P Waiver'
  | 'CMS-64.10'
  | 'CMS-21'
  | 'CMS-21P'
  | 'CMS-64.21U'
  | 'CMS-64.21UP';

export interface FormInfo {
  readonly id: FormId;
  readonly program: Program;
  /** `current`: compared with the universe; `prior`: prior-period adjustments, shown apart and left out by default. */
  readonly period: 'current' | 'prior';
  /** The form whose line-map rows apply when this form has no row of its own (the same line structure). */
  readonly fallback?: FormId;
}

/** Every form, in the order the Line Map and the messages list them. */
export const FORMS: readonly FormInfo[] = [
  { id: 'CMS-64.9 Base', program: 'Medicaid', period: 'current' },
  { id: 'CMS-64.9 Waiver', program: 'Medicaid', period: 'current', fallback: 'CMS-64.9 Base' },
  { id: 'CMS-64.9P', program: 'Medicaid', period: 'prior', fallback: 'CMS-64.9 Base' },
  { id: 'CMS-64.9P Waiver', program: 'Medicaid', period: 'prior', fallback: 'CMS-64.9P' },
  { id: 'CMS-64.10', program: 'Medicaid', period: 'current' },
  { id: 'CMS-21', program: 'CHIP', period: 'current' },
  { id: 'CMS-21P', program: 'CHIP', period: 'prior', fallback: 'CMS-21' },
  { id: 'CMS-64.21U', program: 'CHIP', period: 'current' },
  { id: 'CMS-64.21UP', program: 'CHIP', period: 'prior', fallback: 'CMS-64.21U' },
];

const BY_ID: ReadonlyMap<FormId, FormInfo> = new Map(FORMS.map((f) => [f.id, f]));

export function formInfo(id: FormId): FormInfo {
  const info = BY_ID.get(id);
  if (info === undefined) throw new RangeError(`Unknown form ${id}`);
  return info;
}

/** The form, then the forms whose line-map rows it falls back to: `CMS-64.9P Waiver` → 64.9P Waiver, 64.9P, 64.9 Base. */
export function formChain(id: FormId): readonly FormId[] {
  const chain: FormId[] = [];
  let next: FormId | undefined = id;
  while (next !== undefined && !chain.includes(next)) {
    chain.push(next);
    next = formInfo(next).fallback;
  }
  return chain;
}

/** How each program's report is named in the result (the `report` field of `reconcile --json`). */
export const REPORT_NAME: Readonly<Record<Program, string>> = {
  Medicaid: 'CMS-64',
  CHIP: 'CMS-21 + CMS-64.21U',
};

/** The text before matching: lower case, dashes unified, one space, `CMS-` / `HCFA-` dropped (`CMS-64.9 P` → `64.9 p`). */
function formKey(text: string): string {
  return normalizeLabel(text).replace(/(?<![a-z])(cms|hcfa) ?-? ?/g, '').trim();
}

/**
 * Patterns tried in order on the form key; the first that matches wins, so the more specific
 * forms (64.21UP before 64.21U before 21, 64.9P before 64.9) come first. A year such as `2021`
 * is never read as form 21 (no digit may precede the form number).
 */
const PATTERNS: readonly { readonly re: RegExp; readonly form: FormId }[] = [
  { re: /64\.?21 ?-?u? ?p(?![a-z0-9])/, form: 'CMS-64.21UP' },
  { re: /64\.?21(?![0-9])|(?<![a-z])m-?chip(?![a-z])/, form: 'CMS-64.21U' },
  { re: /64\.?9 ?-?p ?-?(waiver|waiv|w)(?![a-z0-9])/, form: 'CMS-64.9P Waiver' },
  { re: /64\.?9 ?-?p(?![a-z0-9])/, form: 'CMS-64.9P' },
  { re: /64\.?9 ?-?(waiver|waiv|w)(?![a-z0-9])/, form: 'CMS-64.9 Waiver' },
  { re: /64\.?10(?![0-9])|(?<![a-z])adm(in|inistration)?(?![a-z])/, form: 'CMS-64.10' },
  { re: /(?<![0-9.])21 ?-?p(?![a-z0-9])/, form: 'CMS-21P' },
  { re: /(?<![0-9.])21(?![0-9.])|(?<![a-z])s-?chip(?![a-z])|(?<![a-z-])chip(?![a-z])|title xxi/, form: 'CMS-21' },
  { re: /64\.?9(?![0-9])|(?<![0-9.])64(?![0-9.])|(?<![a-z])map(?![a-z])|medicaid|title xix/, form: 'CMS-64.9 Base' },
];

/**
 * The form named in a Form cell, sheet name or title: `CMS-64.9 Base`, `64.9 Waiver`, `CMS-64`,
 * `MAP - Ohio` (→ CMS-64.9 Base), `CMS-64.9P`, `ADM - Ohio` (→ CMS-64.10), `CMS-21`, `CHIP - Ohio`,
 * `21P`, `CMS-64.21U`, `MCHIP - Ohio`, `M-CHIP`, `64.21UP`. Undefined when no form can be told.
 */
export function parseFormName(text: string): FormId | undefined {
  const key = formKey(text);
  if (key === '') return undefined;
  for (const p of PATTERNS) if (p.re.test(key)) return p.form;
  return undefined;
}

/** The forms as the Line Map's Form column may write them, for messages. */
export const FORM_NAMES_HINT = 'CMS-64.9 Base, CMS-64.9 Waiver, CMS-64.9P, CMS-64.10, CMS-21, CMS-21P, CMS-64.21U or CMS-64.21UP';
