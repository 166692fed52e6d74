/** A fill's results: CMS-10184E lines A-J for each program, as the form reads. */
import { SUMMARY_LINES } from '../../core/forms/form-layout.js';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { confidenceAndPrecisionText, type ErrorRateLine } from '../../core/forms/error-rate-table.js';
import type { ProgramForm } from '../../core/forms/fill-program.js';
import { NEGATIVE_COLUMNS_NOTE } from '../../core/forms/form-notes.js';
import type { SummaryRowKey } from '../../core/forms/summary-findings.js';
import { ESTIMATOR_DETAIL_SHEET, FORM_CHIP_SHEET, FORM_MEDICAID_SHEET } from '../../core/workbook/owned-sheets.js';
import { countText, dollarsText, percentText } from '../format.js';
import { CellLink } from './CellLink.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalL },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  scroll: { overflowX: 'auto' },
  table: { tableLayout: 'auto', '@media (max-width: 399px)': { fontSize: tokens.fontSizeBase200 } },
  rates: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, margin: 0 },
  rate: { display: 'flex', flexDirection: 'column' },
  caption: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', '@media (max-width: 399px)': { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS } },
  label: { '@media (max-width: 399px)': { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS } },
  subRow: { paddingLeft: tokens.spacingHorizontalL, '@media (max-width: 399px)': { paddingLeft: tokens.spacingHorizontalM } },
});

/** Lines D-F as the form lists them (core form-layout.ts): key, short label, whether a stratum under its line. */
const SUMMARY_ROWS: readonly (readonly [SummaryRowKey, string, boolean])[] = SUMMARY_LINES.map((l) => [l.key, l.shortLabel, !l.lettered]);

interface RateItem {
  readonly line: string;
  readonly label: string;
  readonly parts: readonly string[];
}

/** Lines G-J as the form reads them: the rate, its confidence and precision, and the dollar amount. */
export function rateItems(form: ProgramForm): RateItem[] {
  const e = form.errorRates;
  const rate = (l: ErrorRateLine): string[] => (l.rate === null ? ['not computable (no cases)'] : [percentText(l.rate, 1), confidenceAndPrecisionText(l) ?? '']);
  const dollars = (l: ErrorRateLine, what: string): string[] => (l.dollars === null ? [] : [`${dollarsText(l.dollars)} ${what}`]);
  return [
    { line: 'G', label: 'Active payment error rate', parts: [...rate(e.activePayment), ...dollars(e.activePayment, 'projected in error')] },
    { line: 'H', label: 'Active case error rate', parts: rate(e.activeCase) },
    { line: 'I', label: 'Negative case error rate', parts: rate(e.negativeCase) },
    {
      line: 'J',
      label: 'Undetermined cases',
      parts: e.undetermined.percentage === null && e.undetermined.dollars === null
        ? ['none']
        : [...(e.undetermined.percentage === null ? [] : [`${percentText(e.undetermined.percentage, 1)} of the sample`]), ...dollars(e.undetermined, 'undetermined')],
    },
  ].map((i) => ({ ...i, parts: i.parts.filter((p) => p !== '') }));
}

function FormSummary({ form }: { readonly form: ProgramForm }) {
  const styles = useStyles();
  const headingId = `form-${form.program}`;
  const sheetName = form.program === 'Medicaid' ? FORM_MEDICAID_SHEET : FORM_CHIP_SHEET;
  return (
    <section className={styles.form} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>CMS-10184E {form.program}</h3>
      <dl className={styles.facts}>
        <dt className={styles.term}>A. State</dt>
        <dd className={styles.detail}>{form.state === '' ? '(no State set)' : form.state}</dd>
        <dt className={styles.term}>B. Date</dt>
        <dd className={styles.detail}>{form.date}</dd>
        <dt className={styles.term}>C. Program</dt>
        <dd className={styles.detail}>{form.program}, review year {form.settings.reviewYear.label}</dd>
      </dl>
      <div className={styles.scroll}>
        <Table size="small" className={styles.table} aria-label={`${form.program} summary findings, lines D to F`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.label}>Line</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Universe</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Sampled</TableHeaderCell>
              <TableHeaderCell className={styles.number}>Incorrect</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {SUMMARY_ROWS.map(([key, label, sub]) => {
              const r = form.summary[key];
              return (
                <TableRow key={key}>
                  <TableCell className={mergeClasses(styles.label, sub && styles.subRow)}>{label}</TableCell>
                  <TableCell className={styles.number}>{countText(r.universe)}</TableCell>
                  <TableCell className={styles.number}>{countText(r.sampled)}</TableCell>
                  <TableCell className={styles.number}>{countText(r.incorrect)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      <dl className={styles.rates} aria-label={`${form.program} error rates, lines G to J`}>
        {rateItems(form).map((item) => (
          <div key={item.line} className={styles.rate} data-line={item.line}>
            <dt className={styles.term}>
              {item.line}. {item.label}
            </dt>
            <dd className={styles.detail}>{item.parts.join('; ')}</dd>
          </div>
        ))}
      </dl>
      <span className={styles.caption}>{NEGATIVE_COLUMNS_NOTE}</span>
      <span className={styles.caption}>
        The whole form is on the <CellLink sheet={sheetName}>{sheetName}</CellLink> sheet, and the per-stratum working on {ESTIMATOR_DETAIL_SHEET}.
      </span>
    </section>
  );
}

export interface FillResultsProps {
  readonly forms: readonly ProgramForm[];
}

export function FillResults({ forms }: FillResultsProps) {
  return (
    <div>
      {forms.map((f) => (
        <FormSummary key={f.program} form={f} />
      ))}
    </div>
  );
}
