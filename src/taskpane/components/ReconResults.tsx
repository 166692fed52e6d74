/**
 * A reconciliation's results: for each program its quarters in the sheet's order, then the
 * overall line (a table that reflows under 400 px: quarter and flag on one line, amounts below);
 * then, for the call, each flagged quarter and the overall line with its reading, FFS / MC split,
 * the report lines behind it and the Explanation and Status to type (CallDetail.tsx); the report
 * lines the line map does not cover; and the note that the base and the exclusions are this
 * project's defaults.
 */
import { Badge, MessageBar, MessageBarBody, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CallItem } from '../../core/recon/call-detail.js';
import type { OverallRecon, ProgramRecon, QuarterRecon, ReconResult } from '../../core/recon/recon-result.js';
import { CALL_SUMMARY_SHEET, RECONCILIATION_SHEET } from '../../core/workbook/owned-sheets.js';
import type { OwnedSheet } from '../../core/workbook/port.js';
import { centsText, percentText } from '../format.js';
import { CallDetail } from './CallDetail.js';
import { CellLink } from './CellLink.js';

/** Under this width the tables reflow (Excel's default pane is 320-350 px). */
export const NARROW = '@media (max-width: 399px)';

const useStyles = makeStyles({
  program: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL, minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, [NARROW]: { padding: `0 ${tokens.spacingHorizontalXS}`, borderBottom: 'none' } },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [NARROW]: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gridTemplateAreas: '"quarter flag" "difference percent"', padding: `${tokens.spacingVerticalXS} 0` },
  },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, verticalAlign: 'middle', [NARROW]: { padding: `0 ${tokens.spacingHorizontalXS}` } },
  quarter: { [NARROW]: { gridArea: 'quarter', fontWeight: tokens.fontWeightSemibold } },
  difference: { [NARROW]: { gridArea: 'difference' } },
  percent: { [NARROW]: { gridArea: 'percent' } },
  flag: { [NARROW]: { gridArea: 'flag', justifySelf: 'end' } },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', [NARROW]: { textAlign: 'left' } },
  numberRight: { [NARROW]: { textAlign: 'right' } },
  overall: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  flaggedRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
  unmapped: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  intro: { margin: `0 0 ${tokens.spacingVerticalM} 0` },
  caption: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  wrap: { overflowWrap: 'anywhere', minWidth: 0 },
});

type Line = Pick<QuarterRecon | OverallRecon, 'universe' | 'differenceCents' | 'percentDifference' | 'thresholdFraction' | 'flagged'> & { readonly report: QuarterRecon['report'] };

function FlagCell({ line }: { readonly line: Line }) {
  const styles = useStyles();
  if (line.report === null) return <Badge className={styles.badge} appearance="tint" color="informative">annual report</Badge>;
  return line.flagged ? (
    <Badge className={styles.badge} appearance="filled" color="danger">Flagged</Badge>
  ) : (
    <Badge className={styles.badge} appearance="tint" color="success">Within {percentText(line.thresholdFraction, 0)}</Badge>
  );
}

function LineRow({ label, line, overall }: { readonly label: string; readonly line: Line; readonly overall?: boolean }) {
  const styles = useStyles();
  const className = mergeClasses(styles.row, overall === true && styles.overall, line.flagged && styles.flaggedRow);
  return (
    <tr role="row" className={className} data-flagged={line.flagged ? 'true' : 'false'} data-quarter={label}>
      <td role="cell" className={mergeClasses(styles.td, styles.quarter)}>{label}</td>
      <td role="cell" className={mergeClasses(styles.td, styles.number, styles.difference)}>{centsText(line.differenceCents)}</td>
      <td role="cell" className={mergeClasses(styles.td, styles.number, styles.numberRight, styles.percent)}>{line.report === null ? '' : percentText(line.percentDifference, 1)}</td>
      <td role="cell" className={mergeClasses(styles.td, styles.flag)}><FlagCell line={line} /></td>
    </tr>
  );
}

function ProgramTable({ program, items, reconciliation }: { readonly program: ProgramRecon; readonly items: readonly CallItem[]; readonly reconciliation: OwnedSheet | undefined }) {
  const styles = useStyles();
  const headingId = `recon-${program.program}`;
  const flagged = program.quarters.filter((q) => q.flagged).length;
  return (
    <section className={styles.program} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {program.program} against {program.report}
      </h3>
      <span className={styles.caption}>
        {flagged === 0 ? 'No quarter flagged' : `${flagged} quarter${flagged === 1 ? '' : 's'} flagged`}; overall {program.overall.flagged ? 'flagged' : 'within its threshold'}.
        {program.reportKind === 'annual' ? ' The report is annual, so only the overall line is compared.' : ''}
      </span>
      <table role="table" className={styles.table} aria-labelledby={headingId}>
        <thead>
          <tr role="row" className={styles.row}>
            <th role="columnheader" scope="col" className={mergeClasses(styles.th, styles.quarter)}>Quarter</th>
            <th role="columnheader" scope="col" className={mergeClasses(styles.th, styles.number, styles.difference)}>Difference</th>
            <th role="columnheader" scope="col" className={mergeClasses(styles.th, styles.number, styles.numberRight, styles.percent)} aria-label="Percent difference">%</th>
            <th role="columnheader" scope="col" className={mergeClasses(styles.th, styles.flag)}>Flag</th>
          </tr>
        </thead>
        <tbody>
          {program.quarters.map((q) => (
            <LineRow key={q.quarter} label={q.quarter} line={q} />
          ))}
          <LineRow label="Overall" line={program.overall} overall />
        </tbody>
      </table>
      {items.map((item) => (
        <CallDetail key={item.quarter} item={item} reconciliation={reconciliation} />
      ))}
      {program.unmappedLines.length === 0 ? null : (
        <div className={styles.wrap}>
          <span>
            Report lines the line map does not cover ({program.unmappedLines.length}): add them to the Line Map sheet.
          </span>
          <ul className={styles.unmapped}>
            {program.unmappedLines.map((u) => (
              <li key={`${u.form}|${u.line ?? ''}|${u.description}`}>
                {u.form}
                {u.line === undefined ? '' : ` line ${u.line}`} “{u.description}” {centsText(u.amountCents)}{' '}
                <CellLink sheet={u.sheet} cell={u.cell} />
                {u.occurrences > 1 ? ` and ${u.occurrences - 1} more` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export interface ReconResultsProps {
  readonly result: ReconResult;
  /** The call detail of the run (flagged quarters and overall lines). */
  readonly call?: readonly CallItem[];
  /** The Reconciliation sheet the run wrote: where typed notes go. */
  readonly reconciliation?: OwnedSheet | undefined;
}

export function ReconResults({ result, call = [], reconciliation }: ReconResultsProps) {
  const styles = useStyles();
  const base = result.percentBase === 'Universe' ? 'the universe amount' : 'the report amount';
  return (
    <div className={styles.wrap}>
      <p className={styles.intro}>
        Difference = universe − report. The totals, the excluded lines and your explanations are on the{' '}
        <CellLink sheet={RECONCILIATION_SHEET} cell="A1">{RECONCILIATION_SHEET}</CellLink> sheet; the page for the call is{' '}
        <CellLink sheet={CALL_SUMMARY_SHEET} cell="A1">{CALL_SUMMARY_SHEET}</CellLink>.
      </p>
      {result.programs.map((p) => (
        <ProgramTable key={p.program} program={p} items={call.filter((c) => c.program === p.program)} reconciliation={reconciliation} />
      ))}
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          The difference is shown as a percentage of {base}, and the lines the Line Map marks Excluded are left out.
          This base and these exclusions are this project&apos;s defaults, not published CMS rules: Percent Base in the
          Settings sheet changes the base, and the Line Map sheet the exclusions.
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
