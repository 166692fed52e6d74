/**
 * Reads PERM.RATIOERRORRATE's four ranges into the estimator's input: one row per sampled case with
 * its cell id, the universe count N of its cell, dollars paid and dollars in error. No statistics
 * here: the weights N_c / n_c and everything after them are the estimator's.
 */
import type { CellUniverse, SampledCase } from '../core/estimator/index.js';
import { describeCellValue } from '../core/workbook/cell-value.js';
import { parseCents, centsToDollars, parseCount } from '../core/workbook/parse-money.js';
import type { CellValue } from '../core/workbook/port.js';

export type SampleRows =
  | { readonly ok: true; readonly cases: readonly SampledCase[]; readonly universes: readonly CellUniverse[] }
  | { readonly ok: false; readonly argument: string; readonly reason: string };

/** Names of the arguments, as the function's metadata gives them, for messages. */
const ARGUMENTS = ['cells', 'universeCounts', 'paid', 'error'] as const;

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A range argument as a list: one column or one row (a single cell is both). */
function flatten(range: readonly (readonly unknown[])[]): unknown[] | undefined {
  if (range.length === 0) return [];
  if (range.length === 1) return [...(range[0] ?? [])];
  if (range.every((row) => row.length === 1)) return range.map((row) => row[0]);
  return undefined;
}

/** What Excel passed, as a cell value for the shared parsers' messages. */
function asCellValue(v: unknown): CellValue {
  if (v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  return String(v);
}

function readDollars(v: unknown): { ok: true; value: number } | { ok: false; reason: string } {
  if (typeof v === 'number') {
    return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, reason: `${String(v)} is not a finite number` };
  }
  const cents = parseCents(asCellValue(v)); // dollar text such as "$1,234.56"
  return cents.ok ? { ok: true, value: centsToDollars(cents.value) } : { ok: false, reason: cents.reason };
}

function cellIdOf(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return undefined;
}

/**
 * The cases and the universe of every cell they name. Rows blank in all four ranges are skipped, so
 * whole columns with room to grow can be passed. Every row of a cell must give the same N.
 */
export function readSampleRows(
  cells: readonly (readonly unknown[])[],
  universeCounts: readonly (readonly unknown[])[],
  paid: readonly (readonly unknown[])[],
  error: readonly (readonly unknown[])[],
): SampleRows {
  const lists: unknown[][] = [];
  for (const [i, range] of [cells, universeCounts, paid, error].entries()) {
    const list = flatten(range);
    const argument = ARGUMENTS[i] as string;
    if (list === undefined) return { ok: false, argument, reason: 'Pass one column (or one row) of values, one per sampled case.' };
    lists.push(list);
  }
  const [ids = [], counts = [], paidValues = [], errorValues = []] = lists;
  const lengths = lists.map((l) => l.length);
  if (new Set(lengths).size > 1) {
    return {
      ok: false,
      argument: 'ranges',
      reason: `The four ranges must have the same number of cells, one per sampled case; they have ${ARGUMENTS.map((a, i) => `${a} ${lengths[i]}`).join(', ')}.`,
    };
  }

  const cases: SampledCase[] = [];
  const universeByCell = new Map<string, { count: number; row: number }>();
  for (let row = 0; row < ids.length; row++) {
    const values = [ids[row], counts[row], paidValues[row], errorValues[row]];
    if (values.every(isBlank)) continue;
    const at = `row ${row + 1} of the ranges`;
    const cellId = cellIdOf(ids[row]);
    if (cellId === undefined) return { ok: false, argument: 'cells', reason: `${at}: ${describeCellValue(asCellValue(ids[row]))} is not a cell id. Type the case's cell (stratum, or month and stratum).` };
    const count = parseCount(asCellValue(counts[row]));
    if (!count.ok) return { ok: false, argument: 'universeCounts', reason: `${at}: ${count.reason}` };
    const seen = universeByCell.get(cellId);
    if (seen === undefined) universeByCell.set(cellId, { count: count.value, row });
    else if (seen.count !== count.value) {
      return {
        ok: false,
        argument: 'universeCounts',
        reason: `Cell ${cellId} has universe count ${seen.count} in row ${seen.row + 1} but ${count.value} in row ${row + 1}; give every case of a cell the same universe count N.`,
      };
    }
    const paidDollars = readDollars(paidValues[row]);
    if (!paidDollars.ok) return { ok: false, argument: 'paid', reason: `${at}: ${paidDollars.reason}` };
    const errorDollars = readDollars(errorValues[row]);
    if (!errorDollars.ok) return { ok: false, argument: 'error', reason: `${at}: ${errorDollars.reason}` };
    cases.push({
      cellId,
      paidDollars: paidDollars.value,
      errorDollars: errorDollars.value,
      caseError: errorDollars.value !== 0,
      undetermined: false,
      fraud: false,
    });
  }
  if (cases.length === 0) return { ok: false, argument: 'ranges', reason: 'The ranges hold no sampled cases.' };
  const universes = [...universeByCell].map(([cellId, { count }]) => ({ cellId, universeCount: count }));
  return { ok: true, cases, universes };
}
