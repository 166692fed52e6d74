/**
 * The notes printed under CMS-10184E, said the same way on the form sheet, in the CLI's `fill`
 * output and in the task pane (one place for the words). They explain what reads as a bug to a
 * reviewer but is what the instructions (seed 003) say, and the choices that moved a number.
 */
import type { ProgramForm } from './program-form';

/** The negative rows' Correct/Incorrect columns, as the instructions define them. */
export const NEGATIVE_COLUMNS_NOTE =
  'Negative rows (E, Denials, Terminations): as the form instructions say, Number of Cases Correct counts the denied and terminated cases found eligible (ID incorrect denial, IT incorrect termination) and Number of Cases Incorrect those found ineligible (C, correctly denied or terminated). So the negative case errors are in the Correct column; line I is their rate.';

/** Where undetermined cases' paid dollars are on lines D-F. */
export function undeterminedDollarsNote(form: ProgramForm): string {
  return form.settings.undeterminedAsError
    ? 'Undetermined cases count as errors (Settings: Undetermined As Error = Yes): their paid dollars are in Total Dollars in Error, not in Total Dollars Correct, as on line G. Correct + in Error = Paid on every row.'
    : 'Undetermined cases do not count as errors (Settings: Undetermined As Error = No): their Dollars in Error as entered count. Correct + in Error = Paid on every row.';
}

/** Which estimate line G's Dollar Amount is. */
export function lineGDollarsNote(form: ProgramForm): string | null {
  const g = form.active?.paymentErrorRate;
  if (g === undefined) return null;
  return g.dollarEstimator === 'ratio'
    ? 'Line G Dollar Amount is the ratio estimate R × X, X the universe dollars (Dollars column of the universe counts), so Dollar Amount / X = the error rate. The expansion and difference estimates are on Estimator Detail.'
    : 'Line G Dollar Amount is the expansion estimate Σ w × dollars in error, because the universe dollars are not given (Dollars column of the universe counts). With them it would be the ratio estimate R × X.';
}

/** How line I's sample was designed. */
export function negativeDesignNote(form: ProgramForm): string | null {
  if (form.negative === null) return null;
  return form.samples.negativeDesign === 'stratified'
    ? 'Line I: denials and terminations are separate strata (Settings: Negative Sample Stratified = Yes).'
    : 'Line I: the negative sample is not stratified (42 CFR 431.978(d)(2)): one cell per sample month, N = denials + terminations, with denials and terminations as domains (Settings: Negative Sample Stratified = No).';
}

/** Every note for the form, in print order. The 2013 form has no error rate table, so no line G or I note. */
export function formNotes(form: ProgramForm): string[] {
  const notes = [NEGATIVE_COLUMNS_NOTE, undeterminedDollarsNote(form)];
  if (form.settings.formVersion === '01/07') {
    for (const n of [lineGDollarsNote(form), negativeDesignNote(form)]) if (n !== null) notes.push(n);
  }
  return notes;
}
