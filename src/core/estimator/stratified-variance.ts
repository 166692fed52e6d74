import { CompensatedSum } from './compensated-sum';
import type { Design, DesignCell } from './design';

/** A variance that is either computable or not, and if not, why: the cells with a single case. */
export interface VarianceResult {
  /** null when a cell with n_c = 1 < N_c leaves the variance undefined. */
  readonly variance: number | null;
  readonly singleCaseCells: readonly string[];
}

export interface VarianceOptions {
  /** Apply the finite population correction (1 − n_c/N_c). Default true. */
  readonly finitePopulationCorrection?: boolean;
}

/**
 * Variance of the estimated total Σ_i w_i v_i under stratified simple random sampling without
 * replacement (Cochran 1977, eq. 5.6; Lohr 2019, eq. 3.5):
 *   V = Σ_c N_c² (1 − n_c/N_c) s²_c / n_c,  s²_c = Σ_{i∈c} (v_i − v̄_c)² / (n_c − 1).
 * The one variance engine: totals use v = y, ratios the linearised v = z (Taylor series).
 * A census cell (n_c = N_c) adds 0. A cell with n_c = 1 < N_c has no variance estimate.
 * Complexity O(number of cases).
 */
export function stratifiedVariance(design: Design, values: ArrayLike<number>, options: VarianceOptions = {}): VarianceResult {
  const fpc = options.finitePopulationCorrection ?? true;
  const cellCount = design.cells.length;
  const sums = new Float64Array(cellCount);
  for (let i = 0; i < design.sampleCount; i++) {
    const c = design.caseCell[i] as number;
    sums[c] = (sums[c] as number) + (values[i] as number);
  }
  const squares = Array.from({ length: cellCount }, () => new CompensatedSum());
  for (let i = 0; i < design.sampleCount; i++) {
    const c = design.caseCell[i] as number;
    const mean = (sums[c] as number) / (design.cells[c] as DesignCell).sampleCount;
    const d = (values[i] as number) - mean;
    (squares[c] as CompensatedSum).add(d * d);
  }
  const total = new CompensatedSum();
  const singleCaseCells: string[] = [];
  design.cells.forEach((cell, c) => {
    const n = cell.sampleCount;
    const N = cell.universeCount;
    const finite = fpc ? 1 - n / N : 1; // finite population correction 1 − f_c
    if (n === 1) {
      if (finite !== 0) singleCaseCells.push(cell.cellId);
      return;
    }
    if (finite === 0) return;
    const s2 = (squares[c] as CompensatedSum).value / (n - 1); // sample variance, divisor n_c − 1
    total.add(N * N * finite * s2 / n); // N_c² (1 − f_c) s²_c / n_c
  });
  return { variance: singleCaseCells.length > 0 ? null : total.value, singleCaseCells };
}
