import { describe, expect, it } from 'vitest';
import type { FormId } from '../../../src/core/recon/forms.js';
import { descriptionKey, lineNumberKey } from '../../../src/core/recon/line-key.js';
import { DEFAULT_LINE_MAP } from '../../../src/core/recon/line-map-defaults.js';
import { isPattern, LineMatcher, type LineBlock } from '../../../src/core/recon/line-map.js';
import type { LineMapRow } from '../../../src/core/recon/line-map-row.js';

const defaults = new LineMatcher(DEFAULT_LINE_MAP);

function component(form: FormId, description: string, extra: { line?: string; block?: LineBlock } = {}): string | undefined {
  const m = defaults.match({ form, description, ...extra });
  if (m === undefined) return undefined;
  return m.row.subtotal ? 'subtotal' : m.row.component;
}

describe('descriptionKey', () => {
  it.each([
    ['Inpatient Hospital – GME Sup. Payments', 'Inpatient Hospital - GME Sup. Payments'],
    ['Non-Emergency Medical Transportation – Reg. Payments', 'Non-Emergency Medical Transportation - Reg.  Payments'],
    ['Medicaid - MCO  **', 'MEDICAID-MCO'],
    ['MCO PAHP - Evaluation and Management   **', 'MCO PAHP - Evaluation and Management'],
    ['Outpatient Hospital ', 'Outpatient Hospital'],
    ['Home & Community-Based Services - Reg. Pay. (Waiv)', 'Home and Community-Based Services - Reg Pay (Waiv)'],
    ['OUD MAT DRUG REBATE MCO /National Agreement', 'OUD MAT Drug Rebate MCO/National Agreement'],
  ])('%j and %j share a key', (a, b) => {
    expect(descriptionKey(a)).toBe(descriptionKey(b));
  });

  it('keeps different lines apart', () => {
    expect(descriptionKey('Medicaid - MCO')).not.toBe(descriptionKey('Medicaid MCO - Vaccine codes'));
    expect(descriptionKey('Clinic Services')).not.toBe(descriptionKey('Clinic Services - Reg. Payments'));
  });

  it('reads line numbers written with dots, spaces or a "Line" prefix', () => {
    expect(lineNumberKey('1.A')).toBe('1A');
    expect(lineNumberKey('Line 1a')).toBe('1A');
    expect(lineNumberKey('7.A.1')).toBe('7A1');
  });
});

describe('the bundled line map', () => {
  it('has no two rows of a form with the same key, and no pattern clash', () => {
    const seen = new Set<string>();
    for (const row of DEFAULT_LINE_MAP) {
      const key = `${row.form}|${isPattern(row.description) ? 'pattern:' : ''}${descriptionKey(row.description)}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('gives every row a reason, and a note to every default CMS has not published', () => {
    for (const row of DEFAULT_LINE_MAP) expect(row.reason.length, row.description).toBeGreaterThan(10);
    const unpublished = ['Inpatient Hospital - Sup. Payments', 'Medicare - Part A', 'Medicare - Part B', '120% - 134% Of Poverty', 'Medicaid - Group Health', 'Medicaid - Other', 'All-Inclusive Care Elderly', 'Primary Care Case Management'];
    for (const d of unpublished) {
      const row = DEFAULT_LINE_MAP.find((r) => r.form === 'CMS-64.9 Base' && r.description === d);
      expect(row?.note, d).toMatch(/not published/);
    }
  });

  it('covers every line of recon-domain.md 2.4 with its proposed component', () => {
    expect(component('CMS-64.9 Base', 'Inpatient Hospital - Reg. Payments')).toBe('FFS');
    expect(component('CMS-64.9 Base', 'Inpatient Hospital - DSH')).toBe('Excluded');
    expect(component('CMS-64.9 Base', 'Medicaid MCO - Vaccine codes')).toBe('MC');
    expect(component('CMS-64.9 Base', 'Medicaid PIHP - Certified Community Behavior Health Clinic Payments')).toBe('MC');
    expect(component('CMS-64.9 Base', 'Coinsurance')).toBe('FFS');
    expect(component('CMS-64.9 Base', 'Medicaid - Coinsurance')).toBe('MC');
    expect(component('CMS-64.9 Base', 'OUD MAT DRUG REBATE/Increased ACA Offset MCO – 100%')).toBe('Excluded');
    expect(component('CMS-64.9 Base', 'Other Care Services')).toBe('FFS');
    expect(component('CMS-64.9 Base', 'Collections')).toBe('Excluded');
    expect(component('CMS-64.9 Base', 'Balance')).toBe('subtotal');
    expect(component('CMS-64.9 Base', 'Total COVID19 Expenditures Sec 6004 and 6008')).toBe('subtotal');
  });

  it('covers the CMS-21 and CMS-64.21U lines of 2.6', () => {
    expect(component('CMS-21', 'Premiums - Up To 150%: Gross Premiums Paid')).toBe('MC');
    expect(component('CMS-21', 'Premiums - Over 150%: Cost Sharing Offset')).toBe('Excluded');
    expect(component('CMS-21', 'Outpatient Hospital ')).toBe('FFS');
    expect(component('CMS-21', 'Health Services Initiatives')).toBe('Excluded');
    expect(component('CMS-21', 'Less: Collection')).toBe('Excluded');
    expect(component('CMS-21', 'Total')).toBe('subtotal');
    expect(component('CMS-64.21U', 'C-Premiums: Over 150% - Gross Premiums Paid')).toBe('MC');
    expect(component('CMS-64.21U', 'C-Inpatient Mental Health - DSH')).toBe('Excluded');
    expect(component('CMS-64.21U', 'C-Medicare Payments')).toBe('Excluded');
    expect(component('CMS-64.21U', 'C-Total Net')).toBe('subtotal');
  });
});

describe('LineMatcher on label drift (recon-domain.md 2.7)', () => {
  it('matches en dashes, hyphens, doubled spaces and case', () => {
    expect(component('CMS-64.9 Base', 'NON-EMERGENCY MEDICAL TRANSPORTATION - REG.  PAYMENTS')).toBe('FFS');
    expect(component('CMS-64.9 Base', 'Inpatient Hospital - GME Sup. Payments')).toBe('Excluded');
  });

  it('matches FY 2015 labels with trailing ** markers', () => {
    expect(component('CMS-64.9 Base', 'Medicaid - MCO  **')).toBe('MC');
    expect(component('CMS-64.9 Base', 'MCO PAHP - Evaluation and Management   **')).toBe('MC');
  });

  it('matches the older labels CMS renamed', () => {
    expect(component('CMS-64.9 Base', 'Inpatient Hospital - GME Payments')).toBe('Excluded');
    expect(component('CMS-64.9 Base', 'Home & Community-Based Services - Reg. Pay. (Waiv)')).toBe('FFS');
    expect(component('CMS-64.9 Base', 'Clinic Services')).toBe('FFS');
    expect(component('CMS-64.9 Base', 'Intermediate Care Facility - Mentally Retarded: Supplemental Payments')).toBe('Excluded');
  });

  it("matches CMS's typo and its correction", () => {
    expect(defaults.match({ form: 'CMS-64.21U', description: 'C-Vision Sevices' })?.by).toBe('description');
    expect(component('CMS-64.21U', 'C-Vision Services')).toBe('FFS');
  });

  it('matches a 64.21U line written without the C- prefix', () => {
    const m = defaults.match({ form: 'CMS-64.21U', description: 'Prescribed Drugs' });
    expect(m?.by).toBe('prefix');
    expect(m?.row.description).toBe('C-Prescribed Drugs');
  });

  it('excludes the C- block repeated on the Medicaid sheet, without counting its subtotals', () => {
    const m = defaults.match({ form: 'CMS-64.9 Base', description: 'C-Prescribed Drugs' });
    expect(m?.by).toBe('pattern');
    expect(m?.row.component).toBe('Excluded');
    expect(m?.row.reason).toMatch(/belong to CHIP/);
    expect(component('CMS-64.9 Base', 'C-Balance')).toBe('subtotal');
  });

  it('reads an unprefixed line in the T block as a T- line, not as the main-block line', () => {
    const inT = defaults.match({ form: 'CMS-64.9 Base', description: 'Critical Access Hospitals – Reg. Payments', block: 'T' });
    expect(inT?.row.description).toBe('T-*');
    expect(defaults.match({ form: 'CMS-64.9 Base', description: 'Critical Access Hospitals – Reg. Payments' })?.row.component).toBe('FFS');
  });

  it('matches by line number first when the report has one', () => {
    const m = defaults.match({ form: 'CMS-64.9 Base', line: '1.B', description: 'Inpatient hospital DSH (feeder form)' });
    expect(m?.by).toBe('line');
    expect(m?.row.component).toBe('Excluded');
    // A line number the map does not know falls back to the description.
    expect(defaults.match({ form: 'CMS-64.9 Base', line: '18A', description: 'Medicaid - MCO' })?.by).toBe('description');
  });

  it('serves waiver and prior-period forms from the base rows unless the map has their own', () => {
    expect(defaults.match({ form: 'CMS-64.9 Waiver', description: 'Medicaid - MCO' })).toMatchObject({ form: 'CMS-64.9 Base', by: 'description' });
    expect(defaults.match({ form: 'CMS-21P', description: 'Dental Services' })?.form).toBe('CMS-21');
    const own: LineMapRow = { form: 'CMS-64.9 Waiver', description: 'Medicaid - MCO', component: 'FFS', subtotal: false, reason: 'state-specific' };
    const m = new LineMatcher([own, ...DEFAULT_LINE_MAP]).match({ form: 'CMS-64.9 Waiver', description: 'Medicaid - MCO' });
    expect(m).toMatchObject({ form: 'CMS-64.9 Waiver', row: { component: 'FFS' } });
  });

  it('excludes every administration line', () => {
    expect(component('CMS-64.10', 'Recovery Audit Contractors Contigency Fee')).toBe('Excluded');
    expect(component('CMS-64.10', 'Anything a state reports here')).toBe('Excluded');
    expect(component('CMS-64.10', 'Total Net Expenditures')).toBe('subtotal');
  });

  it('leaves a line it does not know unmatched (to be reported, never dropped)', () => {
    expect(defaults.match({ form: 'CMS-64.9 Base', description: 'Widget payments' })).toBeUndefined();
    expect(defaults.match({ form: 'CMS-21', description: '' })).toBeUndefined();
  });

  it('does not read a trailing ** as a pattern', () => {
    expect(isPattern('C-*')).toBe(true);
    expect(isPattern('*')).toBe(true);
    expect(isPattern('Medicaid - MCO  **')).toBe(false);
    expect(isPattern('Medicaid - MCO')).toBe(false);
  });
});
