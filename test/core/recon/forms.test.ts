import { describe, expect, it } from 'vitest';
import { formChain, formInfo, parseFormName } from '../../../src/core/recon/forms.js';

describe('parseFormName', () => {
  it.each([
    ['CMS-64.9 Base', 'CMS-64.9 Base'],
    ['CMS-64', 'CMS-64.9 Base'],
    ['64.9', 'CMS-64.9 Base'],
    ['MAP - Ohio', 'CMS-64.9 Base'],
    ['CMS-64.9 Base FY2024 Q1', 'CMS-64.9 Base'],
    ['CMS-64 2021 Q1', 'CMS-64.9 Base'],
    ['CMS-64.9 Waiver', 'CMS-64.9 Waiver'],
    ['64.9W', 'CMS-64.9 Waiver'],
    ['CMS-64.9P', 'CMS-64.9P'],
    ['cms 64.9 p', 'CMS-64.9P'],
    ['CMS-64.9P Waiver', 'CMS-64.9P Waiver'],
    ['ADM - Ohio', 'CMS-64.10'],
    ['CMS-64.10', 'CMS-64.10'],
    ['CMS-21', 'CMS-21'],
    ['CMS-21 Base', 'CMS-21'],
    ['CHIP - Ohio', 'CMS-21'],
    ['S-CHIP', 'CMS-21'],
    ['CMS-21 FY2021 Q1', 'CMS-21'],
    ['CMS-21P', 'CMS-21P'],
    ['21P', 'CMS-21P'],
    ['CMS-64.21U', 'CMS-64.21U'],
    ['64.21U', 'CMS-64.21U'],
    ['MCHIP - Ohio', 'CMS-64.21U'],
    ['MCHIP 20% - Ohio', 'CMS-64.21U'],
    ['M-CHIP', 'CMS-64.21U'],
    ['CMS-64.21UP', 'CMS-64.21UP'],
    ['64.21U P', 'CMS-64.21UP'],
  ])('%j → %s', (text, form) => {
    expect(parseFormName(text)).toBe(form);
  });

  it.each(['Universe', 'Settings', 'Findings', 'Sheet1', 'FY2021 Q1', ''])('%j names no form', (text) => {
    expect(parseFormName(text)).toBeUndefined();
  });
});

describe('forms', () => {
  it('falls back from waiver and prior-period forms to the base form', () => {
    expect(formChain('CMS-64.9P Waiver')).toEqual(['CMS-64.9P Waiver', 'CMS-64.9P', 'CMS-64.9 Base']);
    expect(formChain('CMS-64.21UP')).toEqual(['CMS-64.21UP', 'CMS-64.21U']);
    expect(formChain('CMS-21')).toEqual(['CMS-21']);
  });

  it('puts CMS-64 forms in Medicaid and CMS-21 / 64.21U in CHIP, prior-period forms apart', () => {
    expect(formInfo('CMS-64.9 Waiver')).toMatchObject({ program: 'Medicaid', period: 'current' });
    expect(formInfo('CMS-64.21U')).toMatchObject({ program: 'CHIP', period: 'current' });
    expect(formInfo('CMS-21P')).toMatchObject({ program: 'CHIP', period: 'prior' });
    expect(formInfo('CMS-64.9P')).toMatchObject({ program: 'Medicaid', period: 'prior' });
  });
});
