// A missing input table is one message naming that table and the template sheet that shows it: no follow-on warnings.
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';
import { editedSample } from './sample-copy';

describe('a missing input table (the sample with one sheet deleted)', () => {
  const cases: [string, string[], 'reconcile' | 'fill', string, string][] = [
    ['Universe', ['Universe'], 'reconcile', 'universe totals', 'Universe'],
    ['reports', ['CMS-64', 'CMS-21'], 'reconcile', 'expenditure report', 'CMS-64'],
    ['Findings', ['Findings'], 'fill', 'case review findings', 'Findings'],
    ['Universe Counts', ['Universe Counts'], 'fill', 'eligibility universe counts', 'Universe Counts'],
  ];
  it.each(cases)('%s deleted', async (label, sheets, command, table, templateSheet) => {
    const path = await editedSample(`no-${label.replace(/\W+/g, '-')}.xlsx`, (wb) => {
      for (const s of sheets) wb.removeWorksheet(wb.getWorksheet(s)!.id);
    });
    const run = await runCli([command, path]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2); // the error, then "nothing was written"
    expect(lines[0]).toContain(`error: The ${table} table is missing`);
    expect(lines[0]).toContain(`on its '${templateSheet}'`);
    expect(lines[1]).toContain('nothing was written');
  });
});
