/**
 * `universe --out`: the claim totals as a `Universe` table in the canonical layout (Program,
 * Quarter, Component, Amount, Claims — what the workbook's universe reader takes), and a
 * `Claim Checks` sheet with each check's count and first examples.
 */
import { COUNT_FORMAT, MONEY_FORMAT, numberCell, textCell } from '../core/workbook/output-cells.js';
import type { OutputCell, OwnedSheet } from '../core/workbook/port.js';
import type { ClaimTotalsRun } from '../claims/index.js';

const HEADER = { bold: true, fill: 'D9E1F2', border: 'thin' } as const;

export function universeSheet(run: ClaimTotalsRun): OwnedSheet {
  const rows: OutputCell[][] = [
    ['Program', 'Quarter', 'Component', 'Amount', 'Claims'].map((h) => textCell(h, HEADER)),
    ...run.totals.map((t) => [textCell(t.program), textCell(t.quarter), textCell(t.component), numberCell(t.cents / 100, { numberFormat: MONEY_FORMAT }), numberCell(t.claims, { numberFormat: COUNT_FORMAT })]),
  ];
  return { name: 'Universe', rows, columnWidths: [12, 10, 12, 20, 12], freezeRows: 1 };
}

export function claimChecksSheet(run: ClaimTotalsRun): OwnedSheet {
  const rows: OutputCell[][] = [
    [textCell(`Claim-level universe, review year ${run.reviewYear.label}: ${run.claimsRead.toLocaleString('en-US')} claims in ${run.files.length} file(s): ${run.files.map((f) => f.file).join(', ')}`, { bold: true })],
    [],
    ['Check', 'Claims', 'In the totals', 'What it means', 'First examples'].map((h) => textCell(h, HEADER)),
  ];
  for (const c of run.checks) {
    rows.push([
      textCell(c.code),
      numberCell(c.count, { numberFormat: COUNT_FORMAT }),
      textCell(c.leftOut ? 'left out' : 'kept'),
      textCell(c.summary, { wrap: true }),
      textCell(c.examples.map((e) => e.message).join('\n'), { wrap: true }),
    ]);
  }
  return { name: 'Claim Checks', rows, columnWidths: [30, 12, 14, 50, 90], freezeRows: 3 };
}
