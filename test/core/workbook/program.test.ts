import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../src/core/workbook/port.js';
import { parseComponent, parseMapComponent } from '../../../src/core/workbook/component.js';
import { parseProgram } from '../../../src/core/workbook/program.js';

describe('parseProgram', () => {
  it.each<[CellValue, string]>([
    ['Medicaid', 'Medicaid'],
    ['MEDICAID ', 'Medicaid'],
    ['Title XIX', 'Medicaid'],
    ['title  xix', 'Medicaid'],
    ['XIX', 'Medicaid'],
    ['CHIP', 'CHIP'],
    ['chip', 'CHIP'],
    ['Title XXI', 'CHIP'],
    ['XXI', 'CHIP'],
    ['SCHIP', 'CHIP'],
    ['S-CHIP', 'CHIP'],
    ['M\u2013CHIP', 'CHIP'],
  ])('%j → %s', (input, expected) => {
    expect(parseProgram(input)).toEqual({ ok: true, value: expected });
  });

  it('fails unknown programs with the accepted names', () => {
    expect(parseProgram('Medicare')).toEqual({
      ok: false,
      reason: '"Medicare" is not a program. Write Medicaid (or Title XIX) or CHIP (or Title XXI).',
    });
    expect(parseProgram(null)).toMatchObject({ ok: false, reason: expect.stringMatching(/^The program is blank/) });
    expect(parseProgram(19)).toMatchObject({ ok: false });
  });
});

describe('parseComponent', () => {
  it.each<[CellValue, string]>([
    ['FFS', 'FFS'],
    ['Fee-for-service', 'FFS'],
    ['fee for service', 'FFS'],
    ['MC', 'MC'],
    ['Managed Care', 'MC'],
    ['capitation', 'MC'],
  ])('%j → %s', (input, expected) => {
    expect(parseComponent(input)).toEqual({ ok: true, value: expected });
  });

  it('keeps Excluded for the line map only', () => {
    expect(parseComponent('Excluded')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a universe component/) });
    expect(parseMapComponent('excluded')).toEqual({ ok: true, value: 'Excluded' });
    expect(parseMapComponent('MC')).toEqual({ ok: true, value: 'MC' });
    expect(parseMapComponent('DSH')).toMatchObject({ ok: false, reason: '"DSH" is not a line-map component. Write FFS, MC or Excluded.' });
  });
});
