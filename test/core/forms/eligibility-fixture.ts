/**
 * Builds Findings and Universe Counts tables from the estimator's reference designs
 * (test/fixtures/estimator/*.csv), so the form's lines G-J can be compared with the values R's
 * survey package printed for the same data (test/fixtures/r/estimator-reference.json).
 */
import { readFileSync } from 'node:fs';
import type { CellValue } from '../../../src/core/workbook/port';
import { readCsv, referencePath } from '../estimator/design-fixtures';

export { readCsv };


export const reference = JSON.parse(readFileSync(referencePath, 'utf8')) as {
  designs: Record<string, Record<string, Record<string, { estimate: number; se: number | null } & Record<string, unknown>> & Record<string, unknown>>>;
};

const STRATA: Record<string, string> = { '1': '1', '2': '2', '3': '3', Denials: 'Denials', Terminations: 'Terminations', negative: 'Negative' };

/** Findings rows (with header) of an active design and a negative design, for one program. */
export function findingsRows(program: string, activeDesign: string, negativeDesign: string | null): CellValue[][] {
  const rows: CellValue[][] = [['Program', 'Month', 'Case ID', 'Stratum', 'Finding', 'Dollars Paid', 'Dollars in Error', 'Dollars Correct', 'Fraud']];
  readCsv(`${activeDesign}.cases.csv`).forEach((c, i) => {
    const [month, stratum] = (c.cellId as string).split('|') as [string, string];
    const fraud = c.fraud === '1';
    const finding = fraud ? '' : c.caseError === '1' ? 'NE' : c.undetermined === '1' ? 'U' : Number(c.error) > 0 ? 'L/O' : 'E';
    const paidCents = Math.round(Number(c.paid) * 100);
    const errorCents = Math.round(Number(c.error) * 100);
    rows.push([program, month, `A${i + 1}`, STRATA[stratum] ?? stratum, finding, fraud ? null : c.paid as string, fraud ? null : c.error as string, fraud ? null : (paidCents - errorCents) / 100, fraud ? 'Y' : 'N']);
  });
  if (negativeDesign !== null) {
    readCsv(`${negativeDesign}.cases.csv`).forEach((c, i) => {
      const month = (c.cellId as string).split('|')[0] as string;
      const domain = c.domain as string;
      rows.push([program, month, `N${i + 1}`, domain, c.caseError === '1' ? (domain === 'Denials' ? 'ID' : 'IT') : 'C', null, null, null, null]);
    });
  }
  return rows;
}

/** Universe count rows (with header) of the same designs. */
export function universeRows(program: string, activeDesign: string, negativeDesign: string | null): CellValue[][] {
  const rows: CellValue[][] = [['Program', 'Month', 'Stratum', 'Cases', 'Dollars']];
  for (const c of readCsv(`${activeDesign}.cells.csv`)) {
    const [month, stratum] = (c.cellId as string).split('|') as [string, string];
    rows.push([program, month, STRATA[stratum] ?? stratum, Number(c.N), c.X === '' ? null : Number(c.X)]);
  }
  if (negativeDesign !== null) {
    for (const c of readCsv(`${negativeDesign}.cells.csv`)) {
      const [month, stratum] = (c.cellId as string).split('|') as [string, string | undefined];
      rows.push([program, month, stratum === undefined ? 'Negative' : (STRATA[stratum] ?? stratum), Number(c.N), null]);
    }
  }
  return rows;
}
