/** Tracks the used range of a sheet as rows stream past: first/last row and column holding a value. */
export class UsedRange {
  firstRow = 0;
  lastRow = 0;
  firstColumn = Number.POSITIVE_INFINITY;
  lastColumn = 0;

  /** Records a non-empty cell. */
  add(row: number, col: number): void {
    if (this.firstRow === 0 || row < this.firstRow) this.firstRow = row;
    if (row > this.lastRow) this.lastRow = row;
    if (col < this.firstColumn) this.firstColumn = col;
    if (col > this.lastColumn) this.lastColumn = col;
  }

  get empty(): boolean {
    return this.firstRow === 0;
  }

  /** The port's summary fields; an empty sheet has rowCount 0. */
  summary(): { firstRow: number; firstColumn: number; rowCount: number; columnCount: number } {
    if (this.empty) return { firstRow: 1, firstColumn: 1, rowCount: 0, columnCount: 0 };
    return {
      firstRow: this.firstRow,
      firstColumn: this.firstColumn,
      rowCount: this.lastRow - this.firstRow + 1,
      columnCount: this.lastColumn - this.firstColumn + 1,
    };
  }
}
