import type { CellUniverse, SampledCase } from './types';
import { estimatorError, estimatorWarning, type EstimatorIssue, type EstimatorResult } from './issues';

/** One cell of a stratified design, with its sample drawn. */
export interface DesignCell {
  readonly cellId: string;
  /** N_c */
  readonly universeCount: number;
  /** n_c, fraud cases included. */
  readonly sampleCount: number;
  /** w_c = N_c / n_c, the inverse sampling frequency (72 FR 50490, sampling weights). */
  readonly weight: number;
  readonly universeDollars?: number;
}

/**
 * A validated stratified design: every case belongs to a sampled cell.
 * `caseCell[i]` is the index in `cells` of case i.
 */
export interface Design {
  readonly cells: readonly DesignCell[];
  readonly caseCell: Int32Array;
  readonly caseWeight: Float64Array;
  /** Σ n_c: every sampled case, fraud cases included. */
  readonly sampleCount: number;
}

/**
 * Checks the cells and cases and builds the design: weights w_c = N_c/n_c per cell.
 * Errors: duplicate cells, counts that are not whole non-negative numbers, cases without a
 * universe count, N_c = 0 with cases sampled, n_c > N_c. A cell with a universe but no cases is a
 * warning (its cases are not represented in any estimate).
 */
export function buildDesign(
  cases: readonly SampledCase[],
  universes: readonly CellUniverse[],
): EstimatorResult<Design> {
  const issues: EstimatorIssue[] = [];
  const universeById = new Map<string, CellUniverse>();
  for (const u of universes) {
    if (universeById.has(u.cellId)) {
      issues.push(estimatorError('duplicate_cell', `Cell ${u.cellId} has more than one universe count; keep one row per cell`, { cellId: u.cellId }));
      continue;
    }
    if (!Number.isInteger(u.universeCount) || u.universeCount < 0) {
      issues.push(estimatorError('invalid_count', `Cell ${u.cellId} has universe count ${u.universeCount}; it must be a whole number of cases, 0 or more`, { cellId: u.cellId }));
      continue;
    }
    if (u.universeDollars !== undefined && !Number.isFinite(u.universeDollars)) {
      issues.push(estimatorError('invalid_amount', `Cell ${u.cellId} has universe dollars ${u.universeDollars}; enter a dollar amount or leave it blank`, { cellId: u.cellId }));
      continue;
    }
    universeById.set(u.cellId, u);
  }

  const cellIndex = new Map<string, number>();
  const order: string[] = [];
  const counts: number[] = [];
  const caseCell = new Int32Array(cases.length);
  for (let i = 0; i < cases.length; i++) {
    const id = (cases[i] as SampledCase).cellId;
    let index = cellIndex.get(id);
    if (index === undefined) {
      index = order.length;
      cellIndex.set(id, index);
      order.push(id);
      counts.push(0);
    }
    counts[index] = (counts[index] as number) + 1;
    caseCell[i] = index;
  }

  const cells: DesignCell[] = [];
  order.forEach((cellId, index) => {
    const n = counts[index] as number;
    const universe = universeById.get(cellId);
    if (universe === undefined) {
      if (!issues.some((x) => x.cellId === cellId)) {
        issues.push(estimatorError('missing_universe', `Cell ${cellId} has ${n} sampled case(s) but no universe count; add its universe count`, { cellId }));
      }
      return;
    }
    const N = universe.universeCount;
    if (N === 0) {
      issues.push(estimatorError('empty_cell_with_cases', `Cell ${cellId} has a universe count of 0 but ${n} sampled case(s); correct the universe count or the cases' month and stratum`, { cellId }));
      return;
    }
    if (n > N) {
      issues.push(estimatorError('sample_exceeds_universe', `Cell ${cellId} has ${n} sampled cases but a universe of only ${N}; the sample cannot be larger than the universe`, { cellId }));
      return;
    }
    cells.push({
      cellId,
      universeCount: N,
      sampleCount: n,
      weight: N / n, // w_c = N_c / n_c (inverse sampling frequency)
      ...(universe.universeDollars === undefined ? {} : { universeDollars: universe.universeDollars }),
    });
  });

  const warnings: EstimatorIssue[] = [];
  for (const u of universeById.values()) {
    if (!cellIndex.has(u.cellId) && u.universeCount > 0) {
      warnings.push(estimatorWarning('cell_not_sampled', `Cell ${u.cellId} has a universe of ${u.universeCount} cases but none sampled; its cases are not represented in the estimates`, { cellId: u.cellId }));
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  const caseWeight = new Float64Array(cases.length);
  for (let i = 0; i < cases.length; i++) caseWeight[i] = (cells[caseCell[i] as number] as DesignCell).weight;
  return { ok: true, value: { cells, caseCell, caseWeight, sampleCount: cases.length }, warnings };
}
