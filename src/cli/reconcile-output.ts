/** The readable output of `reconcile`: each program's quarters and overall line. */
import type { ProgramRecon, QuarterRecon } from '../core/recon/recon-result.js';
import { unmappedLineText } from '../core/recon/reconcile-json.js';
import { dollarsText, percentText, textTable } from './text-table.js';

const d = (cents: number | null | undefined): string => (cents === null || cents === undefined ? '' : dollarsText(cents / 100));

function row(label: string, q: Pick<QuarterRecon, 'universe' | 'report' | 'differenceCents' | 'percentDifference' | 'thresholdFraction' | 'flagged'>): string[] {
  return [
    label,
    d(q.universe.totalCents),
    q.report === null ? 'annual report' : d(q.report.totalCents),
    q.report === null ? '' : d(q.report.excludedCents),
    d(q.differenceCents),
    q.report === null ? '' : percentText(q.percentDifference, 2),
    percentText(q.thresholdFraction, 0),
    q.flagged ? 'FLAGGED' : '',
  ];
}

export function formatProgram(p: ProgramRecon): string {
  const table = textTable(
    ['Quarter', 'Universe', 'Report', 'Excluded lines', 'Difference', 'Percent', 'Threshold', 'Flag'],
    [...p.quarters.map((q) => row(q.quarter, q)), row('Overall', p.overall)],
    new Set([1, 2, 3, 4, 5, 6]),
  );
  const lines = [`${p.program} against ${p.report}${p.reportKind === 'annual' ? ' (annual report: overall comparison only)' : ''}`, '', table];
  if (p.unmappedLines.length > 0) {
    lines.push('', `Report lines the line map does not cover (${p.unmappedLines.length}): add them to the Line Map sheet`, ...p.unmappedLines.map((u) => `  ${unmappedLineText(u)}`));
  }
  return lines.join('\n');
}
