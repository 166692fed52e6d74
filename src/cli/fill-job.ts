import { fillForms } from '../core/forms/fill-forms.js';
import { fillSummary } from './book-summary.js';
import { formatForm } from './fill-output.js';
import type { Job } from './job.js';

/** `fill`: CMS-10184E lines A-J for each program in the workbook. */
export function fillJob(today: string): Job {
  return async (source) => {
    const run = await fillForms(source, { today });
    return {
      command: 'fill',
      sheets: run.sheets,
      issues: run.issues,
      json: run.json,
      text: run.forms.map(formatForm).join('\n\n'),
      inputs: run.inputs,
      summary: fillSummary(run),
    };
  };
}
