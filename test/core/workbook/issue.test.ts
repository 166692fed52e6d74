import { describe, expect, it } from 'vitest';
import { cellIssue, describeLocation, errorIssue, hasErrors, warningIssue } from '../../../src/core/workbook/issue.js';
import { parsedFail, parsedOk } from '../../../src/core/workbook/parsed.js';

describe('issues', () => {
  it('describes locations', () => {
    expect(describeLocation({ sheet: 'Universe', cell: 'D7' })).toBe("'Universe'!D7");
    expect(describeLocation({ sheet: "Bob's" })).toBe("sheet 'Bob''s'");
    expect(describeLocation({})).toBe('');
  });

  it('builds issues without undefined optional fields', () => {
    const e = errorIssue('findings.case-id', 'Broken.');
    expect(e).toEqual({ severity: 'error', code: 'findings.case-id', message: 'Broken.' });
    expect('sheet' in e).toBe(false);
    const w = warningIssue('settings.unknown', 'Look.', { sheet: 'S', cell: 'A1' });
    expect(w).toEqual({ severity: 'warning', code: 'settings.unknown', message: 'Look.', sheet: 'S', cell: 'A1' });
  });

  it('prefixes cell issues with the location', () => {
    const i = cellIssue('error', 'universe.amount', { sheet: 'Universe', cell: 'D7' }, 'Amount "abc" is not a number.');
    expect(i.message).toBe("'Universe'!D7: Amount \"abc\" is not a number.");
    expect(i.cell).toBe('D7');
    expect(hasErrors([i])).toBe(true);
    expect(hasErrors([warningIssue('settings.duplicate', 'm')])).toBe(false);
  });

  it('builds parsed results', () => {
    expect(parsedOk(3)).toEqual({ ok: true, value: 3 });
    expect(parsedFail('bad')).toEqual({ ok: false, reason: 'bad' });
  });
});
