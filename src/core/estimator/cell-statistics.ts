import type { Design, DesignCell } from './design';

/** Per-cell sums and sample (co)variances of y and x: the rows behind a ratio estimate. */
export interface CellStatistics {
  readonly cell: DesignCell;
  readonly sumY: number;
  readonly sumX: number;
  /** Sample variances and covariance, divisor n_c − 1; null when n_c < 2. */
  readonly varianceY: number | null;
  readonly varianceX: number | null;
  readonly covarianceXY: number | null;
}

/**
 * Sums, variances and covariance of y and x in each cell (two-pass). With them the linearised
 * variance of a ratio can be re-derived cell by cell: s²_z = (s²_y − 2R s_xy + R² s²_x) / X̂²
 * (Cochran 1977, eq. 6.13), which is how the Estimator Detail sheet shows it in formulas.
 */
export function cellStatistics(design: Design, y: ArrayLike<number>, x: ArrayLike<number>): CellStatistics[] {
  const k = design.cells.length;
  const sumY = new Float64Array(k);
  const sumX = new Float64Array(k);
  for (let i = 0; i < design.sampleCount; i++) {
    const c = design.caseCell[i] as number;
    sumY[c] = (sumY[c] as number) + (y[i] as number);
    sumX[c] = (sumX[c] as number) + (x[i] as number);
  }
  const syy = new Float64Array(k);
  const sxx = new Float64Array(k);
  const sxy = new Float64Array(k);
  for (let i = 0; i < design.sampleCount; i++) {
    const c = design.caseCell[i] as number;
    const n = (design.cells[c] as DesignCell).sampleCount;
    const dy = (y[i] as number) - (sumY[c] as number) / n;
    const dx = (x[i] as number) - (sumX[c] as number) / n;
    syy[c] = (syy[c] as number) + dy * dy;
    sxx[c] = (sxx[c] as number) + dx * dx;
    sxy[c] = (sxy[c] as number) + dx * dy;
  }
  return design.cells.map((cell, c) => {
    const n = cell.sampleCount;
    const d = n - 1; // sample (co)variance divisor n_c − 1
    return {
      cell,
      sumY: sumY[c] as number,
      sumX: sumX[c] as number,
      varianceY: n < 2 ? null : (syy[c] as number) / d,
      varianceX: n < 2 ? null : (sxx[c] as number) / d,
      covarianceXY: n < 2 ? null : (sxy[c] as number) / d,
    };
  });
}
