/** The readable output of `fill`: each program's form as a table. */
import { confidenceAndPrecisionText } from '../core/forms/error-rate-table.js';
import type { ProgramForm } from '../core/forms/fill-program.js';
import { SUMMARY_LINES } from '../core/forms/form-layout.js';
import { formNotes } from '../core/forms/form-notes.js';
import type { SummaryRowKey } from '../core/forms/summary-findings.js';
import { countText, dollarsText, percentText, textTable } from './text-table.js';

const ROWS: readonly [SummaryRowKey, string][] = SUMMARY_LINES.map((l) => [l.key, l.lettered ? l.shortLabel : `   ${l.shortLabel}`]);

export function formatForm(form: ProgramForm): string {
  const summary = textTable(
    ['Line', 'Universe', 'Sampled', 'Fraud', 'Correct', 'Incorrect', 'Undetermined', 'Dollars paid', 'Dollars correct', 'Dollars in error'],
    ROWS.map(([key, label]) => {
      const r = form.summary[key];
      return [label, countText(r.universe), countText(r.sampled), countText(r.fraudExcluded), countText(r.correct), countText(r.incorrect), countText(r.undetermined),
        dollarsText(r.dollarsPaidCents === null ? null : r.dollarsPaidCents / 100), dollarsText(r.dollarsCorrectCents === null ? null : r.dollarsCorrectCents / 100), dollarsText(r.dollarsInErrorCents === null ? null : r.dollarsInErrorCents / 100)];
    }),
    new Set([1, 2, 3, 4, 5, 6, 7, 8, 9]),
  );
  const e = form.errorRates;
  const rates = textTable(
    ['Line', 'Dollar amount', 'Error rate', 'Confidence and precision', 'Percentage'],
    [
      ['G. Active payment error rate', dollarsText(e.activePayment.dollars), percentText(e.activePayment.rate), confidenceAndPrecisionText(e.activePayment) ?? '', ''],
      ['H. Active case error rate', '', percentText(e.activeCase.rate), confidenceAndPrecisionText(e.activeCase) ?? '', ''],
      ['I. Negative case error rate', '', percentText(e.negativeCase.rate), confidenceAndPrecisionText(e.negativeCase) ?? '', ''],
      ['J. Undetermined cases', dollarsText(e.undetermined.dollars), '', '', e.undetermined.percentage === null ? '' : percentText(e.undetermined.percentage)],
    ],
    new Set([1, 2, 4]),
  );
  const title = `CMS-10184E ${form.program}${form.settings.formVersion === '2013' ? ' (2013 Summary Findings form)' : ''}: ${form.state || '(no State set)'}, ${form.date}, review year ${form.settings.reviewYear.label}`;
  const notes = formNotes(form).map((n) => `Note: ${n}`);
  // The 2013 form has no error rate table.
  return [title, '', summary, ...(form.settings.formVersion === '2013' ? [] : ['', rates]), '', ...notes].join('\n');
}
