/** The two PERM programs, read from a Program cell with the synonyms of the layout spec. */
import { describeCellValue, isBlank } from './cell-value.js';
import { normalizeLabel } from './normalize-label.js';
import type { CellValue } from './port.js';
import { parsedFail, parsedOk, type Parsed } from './parsed.js';

export type Program = 'Medicaid' | 'CHIP';

export const PROGRAMS: readonly Program[] = ['Medicaid', 'CHIP'];

const FIX = 'Write Medicaid (or Title XIX) or CHIP (or Title XXI).';

/** Normalised spellings (see `synonymKey`) → program. Also the claim-file reader's SQL mapping (src/claims). */
export const PROGRAM_SYNONYMS: ReadonlyMap<string, Program> = new Map([
  ['medicaid', 'Medicaid'],
  ['titlexix', 'Medicaid'],
  ['xix', 'Medicaid'],
  ['mcd', 'Medicaid'],
  ['chip', 'CHIP'],
  ['titlexxi', 'CHIP'],
  ['xxi', 'CHIP'],
  ['schip', 'CHIP'],
  ['mchip', 'CHIP'],
]);

/** The characters a synonym key drops after `normalizeLabel` (spaces, dashes, dots, brackets). */
export const SYNONYM_KEY_DROPS: readonly string[] = [' ', '-', '.', '(', ')'];

/** `Title XIX` → `titlexix`: the key program and component synonyms are looked up by. */
export function synonymKey(text: string): string {
  return normalizeLabel(text).replace(/[\s\-.()]/g, '');
}

/** `Medicaid`, `Title XIX`, `XIX` → Medicaid; `CHIP`, `Title XXI`, `XXI`, `SCHIP`, `S-CHIP`, `M-CHIP` → CHIP (any case). */
export function parseProgram(value: CellValue): Parsed<Program> {
  if (isBlank(value)) return parsedFail(`The program is blank. ${FIX}`);
  if (typeof value !== 'string') return parsedFail(`${describeCellValue(value)} is not a program. ${FIX}`);
  const program = PROGRAM_SYNONYMS.get(synonymKey(value));
  return program === undefined ? parsedFail(`${describeCellValue(value)} is not a program. ${FIX}`) : parsedOk(program);
}
