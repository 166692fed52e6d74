/**
 * Compensated (Kahan-Babuska-Neumaier) summation, so long sums of dollars keep full precision.
 * Source: Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen".
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const t = this.sum + value;
    // Neumaier: keep the low-order bits lost by whichever operand is smaller.
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - t + value;
    else this.compensation += value - t + this.sum;
    this.sum = t;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}

/** Compensated sum of an array. */
export function compensatedSum(values: ArrayLike<number>): number {
  const s = new CompensatedSum();
  for (let i = 0; i < values.length; i++) s.add(values[i] as number);
  return s.value;
}
