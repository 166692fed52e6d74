/**
 * The "Choices" block of Estimator Detail: every choice the form instructions (seed 003) and the
 * rule (72 FR 50490) leave open, what this run used, and the setting (or input) that changes it
 * (developers' guide: "Every choice the instructions leave open is named where the number appears").
 */
import { blankCell, textCell } from '../workbook/output-cells';
import type { OutputCell } from '../workbook/port';
import type { ProgramForm } from './program-form';

const HEADER = { bold: true, fill: 'D9E1F2' } as const;

export interface Choice {
  readonly choice: string;
  readonly used: string;
  readonly changedBy: string;
}

/** What line I's design was, in words, for the block title and the Choices block. */
export function negativeDesignText(form: ProgramForm): string {
  return form.samples.negativeDesign === 'stratified'
    ? `${form.program} negative sample: STRATIFIED: denials and terminations are separate strata in each month (Settings Negative Sample Stratified = Yes, for a sampling plan that drew them apart).`
    : `${form.program} negative sample: NOT STRATIFIED (42 CFR 431.978(d)(2)): one cell per sample month (or one annual cell), N = denials + terminations; denials and terminations are domains of it, with their own rates below.`;
}

/** The choices of one run; the line G estimator is per program because it depends on that program's universe dollars. */
export function runChoices(forms: readonly ProgramForm[]): Choice[] {
  const s = forms[0]?.settings;
  if (s === undefined) return [];
  const perProgram = (f: (form: ProgramForm) => string) => forms.map((form) => `${form.program}: ${f(form)}`).join('; ');
  return [
    {
      choice: 'Undetermined (U) cases',
      used: s.undeterminedAsError
        ? 'Counted as errors: for their full paid amount on line G, as case errors on line H, and their paid dollars in Total Dollars in Error (not Correct) on lines D-F. Line J reports them separately.'
        : 'Not counted as errors: their Dollars in Error as entered on lines D-G, not case errors on line H. Line J reports them separately.',
      changedBy: 'Settings: Undetermined As Error (Yes / No)',
    },
    {
      choice: 'Beneficiary fraud cases',
      used: 'Kept in n (they are on the sample selection lists, so the weight N/n counts them) and outside every estimate (their dollars and findings count as 0), as subset(design, !fraud) in R survey.',
      changedBy: 'no setting (the Fraud column of the findings marks the cases)',
    },
    {
      choice: 'Case error rates (lines H and I)',
      used: 'Weighted by N/n (the ratio estimator over each cell), not the unweighted k/n; with one cell the two agree.',
      changedBy: 'no setting',
    },
    {
      choice: 'Line J percentage base',
      used: 'Undetermined cases as a share of the reviewed active sample (fraud cases excluded), unweighted.',
      changedBy: 'no setting',
    },
    {
      choice: 'Line G Dollar Amount in Error',
      used: perProgram((f) => (f.active?.paymentErrorRate.dollarEstimator === 'ratio'
        ? 'ratio estimate R̂ · X (universe dollars X known), so amount / X = rate; expansion and difference estimates shown beside it'
        : 'expansion estimate Ŷ_e = Σ w·e (universe dollars not known)')) + '.',
      changedBy: 'the Dollars column of the universe counts (filled: R̂ · X; blank: Ŷ_e)',
    },
    {
      choice: 'Negative sample design (line I)',
      used: s.negativeSampleStratified
        ? 'Stratified: denials and terminations are separate strata in each month.'
        : 'Not stratified (42 CFR 431.978(d)(2)): one cell per month, N = denials + terminations, denials and terminations as domains.',
      changedBy: 'Settings: Negative Sample Stratified (No / Yes)',
    },
    {
      choice: 'Interval quantile',
      used: s.quantile === 't' ? "Student's t with n − cells degrees of freedom." : 'Normal (1.959964 at 95%).',
      changedBy: 'Settings: Interval Quantile (Normal / t)',
    },
    {
      choice: 'Confidence level',
      used: `${(s.confidence * 100).toFixed(1)}%.`,
      changedBy: 'Settings: Confidence',
    },
    {
      choice: 'Form edition',
      used: s.formVersion === '2013'
        ? 'The 2013 Summary Findings form (lines A-F, with Number of Cases Dropped from Sample and Total Dollars Undetermined; no error rate table).'
        : 'CMS-10184E (01/07), lines A-J.',
      changedBy: 'Settings: Form Version (01/07 / 2013)',
    },
  ];
}

/**
 * The block's rows: a title, a header and one row per choice. The choice is in column A (it runs
 * over the empty B:C), what changes it and what was used in D (it runs over the empty cells to its
 * right), so the block reads without any column width of its own.
 */
export function choicesRows(forms: readonly ProgramForm[]): OutputCell[][] {
  const choices = runChoices(forms);
  if (choices.length === 0) return [];
  return [
    [textCell('Choices: what the form instructions and the rule leave open, what this run used, and what changes it', { bold: true, fill: 'FFF2CC' })],
    [textCell('Choice', HEADER), blankCell(), blankCell(), textCell('What this run used, and what changes it', HEADER)],
    ...choices.map((c) => [textCell(c.choice, { bold: true }), blankCell(), blankCell(), textCell(`${c.used} Changed by: ${c.changedBy}.`)]),
  ];
}
