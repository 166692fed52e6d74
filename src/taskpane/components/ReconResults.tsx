/**
 * A reconciliation's results: for each program its quarters, flagged ones first, then the overall
 * line; the report lines the line map does not cover; and the note that the percentage base and
 * the exclusions are this project's defaults.
 */
import {
  Badge,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { OverallRecon, ProgramRecon, QuarterRecon, ReconResult } from '../../core/recon/recon-result.js';
import { RECONCILIATION_SHEET } from '../../core/workbook/owned-sheets.js';
import { centsText, percentText } from '../format.js';
import { CellLink } from './CellLink.js';

const useStyles = makeStyles({
  program: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  scroll: { overflowX: 'auto' },
  table: { tableLayout: 'auto' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  overall: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  flaggedRow: { backgroundColor: tokens.colorPaletteRedBackground1 },
  unmapped: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  badge: { whiteSpace: 'nowrap' },
  intro: { margin: `0 0 ${tokens.spacingVerticalM} 0` },
  caption: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Flagged quarters first, each group in time order. */
export function quartersFlaggedFirst(quarters: readonly QuarterRecon[]): QuarterRecon[] {
  return [...quarters.filter((q) => q.flagged), ...quarters.filter((q) => !q.flagged)];
}

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
  const className = mergeClasses(overall === true && styles.overall, line.flagged && styles.flaggedRow);
  return (
    <TableRow className={className} data-flagged={line.flagged ? 'true' : 'false'} data-quarter={label}>
      <TableCell>{label}</TableCell>
      <TableCell className={styles.number}>{centsText(line.differenceCents)}</TableCell>
      <TableCell className={styles.number}>{line.report === null ? '' : percentText(line.percentDifference, 2)}</TableCell>
      <TableCell><FlagCell line={line} /></TableCell>
    </TableRow>
  );
}

function ProgramTable({ program }: { readonly program: ProgramRecon }) {
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
      <div className={styles.scroll}>
        <Table size="small" className={styles.table} aria-labelledby={headingId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Quarter</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Difference</TableHeaderCell>
              <TableHeaderCell className={styles.number} aria-label="Percent difference">%</TableHeaderCell>
              <TableHeaderCell>Flag</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {quartersFlaggedFirst(program.quarters).map((q) => (
              <LineRow key={q.quarter} label={q.quarter} line={q} />
            ))}
            <LineRow label="Overall" line={program.overall} overall />
          </TableBody>
        </Table>
      </div>
      {program.unmappedLines.length === 0 ? null : (
        <div>
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
}

export function ReconResults({ result }: ReconResultsProps) {
  const styles = useStyles();
  const base = result.percentBase === 'Universe' ? 'the universe amount' : 'the report amount';
  return (
    <div>
      <p className={styles.intro}>
        Difference = universe − report. The universe and report totals, the excluded lines and your explanations are on
        the <CellLink sheet={RECONCILIATION_SHEET} cell="A1">{RECONCILIATION_SHEET}</CellLink> sheet.
      </p>
      {result.programs.map((p) => (
        <ProgramTable key={p.program} program={p} />
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
