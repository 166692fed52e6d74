// Text the tool composes for an owned sheet is clipped to Excel's 32,767-character cell limit
// (Excel's specifications and limits), with one warning naming each clipped cell.
import { describe, expect, it } from 'vitest';
import { clipOwnedText } from '../../../src/core/workbook/clip-text.js';
import { checkOwnedSheets, RefusedWriteError } from '../../../src/core/workbook/owned-sheets.js';
import type { OwnedSheet } from '../../../src/core/workbook/port.js';

const sheet = (text: string): OwnedSheet => ({ name: 'Run Log', rows: [[{ text: 'Warnings' }], [{ number: 1 }, { text }]] });

describe('clipOwnedText', () => {
  it('cuts a 40,009-character text to 32,767 characters ending in [clipped], and names the cell', () => {
    const { sheets, issues } = clipOwnedText([sheet('y'.repeat(40_009))]);
    const cell = sheets[0]!.rows[1]![1]!;
    expect('text' in cell && cell.text.length).toBe(32_767);
    expect('text' in cell && cell.text.endsWith('[clipped]')).toBe(true);
    expect(issues.map((i) => [i.severity, i.sheet, i.cell])).toEqual([['warning', 'Run Log', 'B2']]);
    expect(issues[0]!.message).toMatch(/40,009 characters\) is over Excel's limit of 32,767/);
    expect(() => checkOwnedSheets(sheets)).not.toThrow();
  });

  it('leaves text of exactly 32,767 characters alone; the guard refuses one character more unclipped', () => {
    const exact = sheet('z'.repeat(32_767));
    expect(clipOwnedText([exact])).toEqual({ sheets: [exact], issues: [] });
    expect(() => checkOwnedSheets([sheet('z'.repeat(32_768))])).toThrow(RefusedWriteError);
  });
});
