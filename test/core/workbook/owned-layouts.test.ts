// A sheet with an owned name is the tool's when the record lists it, or when its first cells are
// what the tool writes there (output of versions before the record, or a file whose re-save dropped
// the record's defined name, as exceljs does); otherwise it is the user's.
import { describe, expect, it } from 'vitest';
import { planOwnedWrite, recognisedLayout, UserSheetConflictError } from '../../../src/core/workbook/owned-sheets.js';

describe('recognisedLayout', () => {
  it('knows the Call Summary by its title, and a user sheet of that name is not it', () => {
    expect(recognisedLayout({ name: 'Call Summary', head: [['Call Summary: 64/21 reconciliation, RY2025 (2023Q3 to 2024Q2)']] })).toBe(true);
    expect(recognisedLayout({ name: 'Call Summary', head: [['Agenda for Tuesday']] })).toBe(false);
  });

  it('a write over a user Call Summary stops before anything is written, naming it', () => {
    const sheet = { name: 'Call Summary', rows: [[{ text: 'Call Summary: 64/21 reconciliation' }]] };
    expect(() => planOwnedWrite([sheet], ['Data', 'Call Summary'], undefined, [{ name: 'Call Summary', head: [['Agenda for Tuesday']] }])).toThrow(UserSheetConflictError);
    expect(planOwnedWrite([sheet], ['Data', 'Call Summary'], undefined, [{ name: 'Call Summary', head: [['Call Summary: 64/21 reconciliation, RY2025']] }]).record).toEqual(['Call Summary']);
  });
});
