/**
 * Writes the bundled sample workbook `assets/samples/sample-state.xlsx`: PERM review year RY2025
 * (calendar quarters 2023Q3 to 2024Q2, sample months 2023-07 to 2024-06) for "Columbia", a
 * made-up state. Every number comes from a seeded generator (mulberry32), the dates are fixed and
 * the zip entries carry a fixed time stamp, so a re-run writes the same bytes.
 *
 *   npx tsx test/scripts/generate-sample.ts [--out FILE]
 *
 * Sheets, in the canonical layout of `workbook-layout.md` (no `Line Map`: the tool writes it):
 * About (prose only), Settings, Universe, CMS-64 (long form), CMS-21 (long form),
 * Universe Counts, Findings.
 *
 * Intended reconciliation outcomes, universe against report, FFS + MC lines only, total
 * computable, current-quarter forms (CMS-64.9 Base + CMS-64.9 Waiver; CMS-21 + CMS-64.21U; the
 * CMS-64.9P prior-period block left out), percentage of the report, thresholds 15% / 5% strict:
 *
 *   Medicaid 2023Q3   universe  3,322,420,335.91  report  3,447,209,313.04   −3.62%  not flagged
 *            (FFS +9.30% and MC −9.74%: claims under the wrong component, cancelling in the total)
 *   Medicaid 2023Q4   universe  3,416,828,235.58  report  3,574,462,010.23   −4.41%  not flagged
 *   Medicaid 2024Q1   universe  4,134,027,650.04  report  3,495,415,278.63  +18.27%  FLAGGED
 *            (FFS +52.00%: a 553,625,775.92 state directed payment that the report carries on the
 *            excluded Inpatient Hospital - Sup. Payments line; without it +2.43%)
 *   Medicaid 2024Q2   universe  4,145,906,944.18  report  3,605,136,473.20  +15.00%  not flagged:
 *            exactly 23/20 of the report in integer cents, so not strictly over 15%. In floating
 *            dollars (U/100 − R/100)/(R/100) is 0.15000000000000002 here, and so is the same ratio
 *            from the lines summed in sheet order: a tool that does not compare in cents flags it.
 *   Medicaid overall  universe 15,019,183,165.71 report 14,122,223,075.10   +6.35%  FLAGGED (> 5%)
 *
 *   CHIP 2023Q3       universe    88,977,951.46  report    86,520,761.82   +2.84%  not flagged
 *   CHIP 2023Q4       universe    69,167,193.46  report    88,858,162.21  −22.16%  FLAGGED
 *            (FFS −1.20%, MC −30.37%: the universe is short of December 2023 premium payments)
 *   CHIP 2024Q1       universe    92,050,721.45  report    90,806,670.07   +1.37%  not flagged
 *   CHIP 2024Q2       universe    95,785,236.31  report    93,357,930.13   +2.60%  not flagged
 *   CHIP overall      universe   345,981,102.68  report   359,543,524.23   −3.77%  not flagged
 *
 * Including the CMS-64.9P block (seven rows, −6.40 M to +7.32 M) moves the Medicaid figures a
 * little and breaks the exact 15.00%; no flag changes.
 *
 * The same table, computed from the data, is on the `About` sheet. Eligibility sample, per
 * program: 504 active cases (14 per stratum per month, fraud cases included) and 204 negative
 * cases (17 per month: 9 denials and 8 terminations in odd months of the review year, 8 and 9 in
 * even ones). Dollars Correct = Dollars Paid − Dollars in Error to the cent on every active case.
 *
 * `test/scripts/generate-sample.test.ts` regenerates the workbook and checks all of the above.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a 32-bit seeded generator of uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a label, so each section draws from its own stream. */
function seedOf(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(label: string) {
    this.next = mulberry32(seedOf(`columbia-ry2025/${label}`));
  }
  uniform(lo = 0, hi = 1): number {
    return lo + ((hi - lo) * this.next());
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor((hi - lo + 1) * this.next());
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = this.int(0, i);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar

export const STATE = 'Columbia';
export const REVIEW_YEAR = 'RY2025';
export const QUARTERS = ['2023Q3', '2023Q4', '2024Q1', '2024Q2'] as const;
export type Quarter = (typeof QUARTERS)[number];
export const MONTHS = [
  '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12',
  '2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06',
] as const;
export type Program = 'Medicaid' | 'CHIP';
export const PROGRAMS: readonly Program[] = ['Medicaid', 'CHIP'];
const FIXED_TIME = new Date(Date.UTC(2025, 6, 1, 9, 0, 0));
const REPORT_DATE = new Date(Date.UTC(2025, 6, 1));

/** Federal fiscal label of a calendar quarter: 2023Q4 is FFY2024 Q1. */
export function fiscalLabel(quarter: Quarter, prefix: 'FFY' | 'FY'): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  return q === 4 ? `${prefix}${year + 1} Q1` : `${prefix}${year} Q${q + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Report lines: labels as CMS writes them in the FY 2023 FMR. Line numbers only for 1A and 1B, the
// two the MBES line definitions confirm; every other line is matched on its description.

export type Component = 'FFS' | 'MC' | 'Excluded';
export interface CatalogLine {
  readonly form: string;
  readonly line: string;
  readonly description: string;
  readonly component: Component;
  /** FFS / MC lines: share of the program's component; excluded lines: dollars per quarter. */
  readonly size: number;
}

const B = 'CMS-64.9 Base';
const W = 'CMS-64.9 Waiver';
const S21 = 'CMS-21';
const U21 = 'CMS-64.21U';
const line = (form: string, ln: string, description: string, component: Component, size: number): CatalogLine =>
  ({ form, line: ln, description, component, size });

export const MEDICAID_LINES: readonly CatalogLine[] = [
  line(B, '1A', 'Inpatient Hospital - Reg. Payments', 'FFS', 0.17),
  line(B, '1B', 'Inpatient Hospital - DSH', 'Excluded', 78_400_000),
  line(B, '', 'Inpatient Hospital - Sup. Payments', 'Excluded', 39_000_000),
  line(B, '', 'Mental Health Facility Services - Reg. Payments', 'FFS', 0.012),
  line(B, '', 'Mental Health Facility - DSH', 'Excluded', 11_200_000),
  line(B, '', 'Nursing Facility Services - Reg. Payments', 'FFS', 0.2),
  line(B, '', 'Intermediate Care Facility - Public', 'FFS', 0.025),
  line(B, '', 'Intermediate Care - Private', 'FFS', 0.045),
  line(B, '', 'Physician & Surgical Services - Reg. Payments', 'FFS', 0.07),
  line(B, '', 'Outpatient Hospital Services - Reg. Payments', 'FFS', 0.085),
  line(B, '', 'Prescribed Drugs', 'FFS', 0.16),
  line(B, '', 'Drug Rebate Offset - National', 'Excluded', -118_000_000),
  line(B, '', 'Drug Rebate Offset - State Sidebar Agreement', 'Excluded', -14_100_000),
  line(B, '', 'MCO - National Agreement', 'Excluded', -205_000_000),
  line(B, '', 'Dental Services', 'FFS', 0.03),
  line(B, '', 'Other Practitioners Services - Reg. Payments', 'FFS', 0.012),
  line(B, '', 'Clinic Services - Reg. Payments', 'FFS', 0.03),
  line(B, '', 'Laboratory/Radiological', 'FFS', 0.015),
  line(B, '', 'Home Health Services', 'FFS', 0.035),
  line(B, '', 'EPSDT Screening', 'FFS', 0.004),
  line(B, '', 'Rural Health', 'FFS', 0.006),
  line(B, '', 'Medicare - Part A', 'Excluded', 8_600_000),
  line(B, '', 'Medicare - Part B', 'Excluded', 92_300_000),
  line(B, '', 'Coinsurance', 'FFS', 0.01),
  line(B, '', 'Medicaid - MCO', 'MC', 0.8),
  line(B, '', 'Prepaid Ambulatory Health Plan', 'MC', 0.05),
  line(B, '', 'Prepaid Inpatient Health Plan', 'MC', 0.06),
  line(B, '', 'Targeted Case Management Services - Com. Case-Man.', 'FFS', 0.006),
  line(B, '', 'Hospice Benefits', 'FFS', 0.02),
  line(B, '', 'Federally-Qualified Health Center', 'FFS', 0.018),
  line(B, '', 'Non-Emergency Medical Transportation – Reg. Payments', 'FFS', 0.014),
  line(B, '', 'Physical Therapy', 'FFS', 0.002),
  line(B, '', 'Prosthetic Devices, Dentures, Eyeglasses', 'FFS', 0.004),
  line(B, '', 'Private Duty Nursing', 'FFS', 0.008),
  line(B, '', 'Other Care Services', 'FFS', 0.012),
  line(B, '', 'Collections', 'Excluded', -17_300_000),
  line(W, '', 'Home & Community-Based Services - Regular Payment (1915(c) Waiver)', 'FFS', 0.09),
  line(W, '', 'Personal Care Services - Reg. Payments', 'FFS', 0.01),
  line(W, '', 'Medicaid - MCO', 'MC', 0.09),
];

export const CHIP_LINES: readonly CatalogLine[] = [
  line(S21, '', 'Premiums - Up To 150%: Gross Premiums Paid', 'MC', 0.19),
  line(S21, '', 'Premiums - Up To 150%: Cost Sharing Offset', 'Excluded', -310_000),
  line(S21, '', 'Premiums - Over 150%: Gross Premiums Paid', 'MC', 0.16),
  line(S21, '', 'Inpatient Hospital', 'FFS', 0.054),
  line(S21, '', 'Physician/Surgical', 'FFS', 0.072),
  line(S21, '', 'Outpatient Hospital', 'FFS', 0.054),
  line(S21, '', 'Outpatient Mental Health', 'FFS', 0.018),
  line(S21, '', 'Prescribed Drugs', 'FFS', 0.099),
  line(S21, '', 'Drug Rebate', 'Excluded', -640_000),
  line(S21, '', 'Dental Services', 'FFS', 0.081),
  line(S21, '', 'Vision Services', 'FFS', 0.0135),
  line(S21, '', 'Other Practitioners', 'FFS', 0.0135),
  line(S21, '', 'Clinic Services', 'FFS', 0.018),
  line(S21, '', 'Therapy Services', 'FFS', 0.009),
  line(S21, '', 'Laboratory/Radiological', 'FFS', 0.0135),
  line(S21, '', 'Medical Equipment', 'FFS', 0.0045),
  line(S21, '', 'Health Services Initiatives', 'Excluded', 910_000),
  line(S21, '', 'Administration', 'Excluded', 2_840_000),
  line(U21, '', 'C-Premiums: Up To 150% - Gross Premiums Paid', 'MC', 0.455),
  line(U21, '', 'C-Premiums: Over 150% - Gross Premiums Paid', 'MC', 0.195),
  line(U21, '', 'C-Inpatient Hospital Services - Reg. Payments', 'FFS', 0.077),
  line(U21, '', 'C-Inpatient Hospital Services - DSH', 'Excluded', 420_000),
  line(U21, '', 'C-Physician/Surgical', 'FFS', 0.088),
  line(U21, '', 'C-Outpatient Hospital Services', 'FFS', 0.0715),
  line(U21, '', 'C-Prescribed Drugs', 'FFS', 0.11),
  line(U21, '', 'C-Drug Rebate - National', 'Excluded', -520_000),
  line(U21, '', 'C-MCO - National', 'Excluded', -3_100_000),
  line(U21, '', 'C-Dental Services', 'FFS', 0.0935),
  line(U21, '', 'C-Clinic Services', 'FFS', 0.033),
  line(U21, '', 'C-Laboratory/Radiological Services', 'FFS', 0.0165),
  line(U21, '', 'C-Home Health', 'FFS', 0.011),
  line(U21, '', 'C-Case Management', 'FFS', 0.011),
  line(U21, '', 'C-Other Services', 'FFS', 0.0385),
];

/** CMS-64.9P: adjustments for earlier fiscal years, reported in the quarter shown (dollars). */
const PRIOR_PERIOD: readonly (readonly [Quarter, string, string, number])[] = [
  ['2023Q3', '', 'Physician & Surgical Services - Reg. Payments', -418_233.17],
  ['2023Q4', '1A', 'Inpatient Hospital - Reg. Payments', 4_208_917.4],
  ['2023Q4', '', 'Medicaid - MCO', -2_904_112.58],
  ['2024Q1', '', 'Prescribed Drugs', 880_446.09],
  ['2024Q1', '', 'Drug Rebate Offset - National', -6_402_775.31],
  ['2024Q2', '', 'Nursing Facility Services - Reg. Payments', 2_751_090.66],
  ['2024Q2', '', 'Medicaid - MCO', 7_318_504.02],
];

/** Federal share rate by quarter (FFCRA phase-down in 2023); shown, never compared. */
const FMAP: Record<Program, readonly number[]> = {
  Medicaid: [0.645, 0.635, 0.62, 0.62],
  CHIP: [0.7515, 0.7445, 0.734, 0.734],
};

// ---------------------------------------------------------------------------------------------
// Quarter plan: report and universe totals in integer cents

export interface QuarterPlan {
  readonly program: Program;
  readonly quarter: Quarter;
  readonly reportFfs: number;
  readonly reportMc: number;
  readonly universeFfs: number;
  readonly universeMc: number;
  readonly universeFfsClaims: number;
  readonly universeMcClaims: number;
  /** Sum of the excluded current-quarter lines, cents. */
  readonly excluded: number;
}

interface Target {
  readonly ffs: number; // report FFS, dollars
  readonly mc: number; // report MC, dollars
  readonly pct: number | 'exact15'; // universe vs report
  readonly ffsPct?: number; // universe FFS vs report FFS, when it differs on purpose
}

const TARGETS: Record<Program, readonly Target[]> = {
  Medicaid: [
    { ffs: 1_108_400_000, mc: 2_338_700_000, pct: -0.0362, ffsPct: 0.093 },
    { ffs: 1_131_900_000, mc: 2_442_500_000, pct: -0.0441 },
    { ffs: 1_119_300_000, mc: 2_376_000_000, pct: 0.1827, ffsPct: 0.52 },
    { ffs: 1_146_800_000, mc: 2_458_200_000, pct: 'exact15' },
  ],
  CHIP: [
    { ffs: 24_300_000, mc: 62_190_000, pct: 0.0284 },
    { ffs: 24_950_000, mc: 63_810_000, pct: -0.2216, ffsPct: -0.012 },
    { ffs: 25_410_000, mc: 65_380_000, pct: 0.0137 },
    { ffs: 26_020_000, mc: 67_260_000, pct: 0.026 },
  ],
};

const cents = (dollars: number): number => Math.round(dollars * 100);

/**
 * Whether the exact 15% quarter computes as just over 15% in floating-point dollars every naive
 * way tried: universe from its total or from FFS + MC; report from its total, from its lines summed
 * in sheet order, or from FFS and MC subtotals. The integer-cent answer is exactly 15%.
 */
function floatDollarsOver15(split: ReadonlyMap<CatalogLine, number>, universeFfs: number, universeMc: number): boolean {
  let report = 0;
  let inOrder = 0;
  let ffs = 0;
  let mc = 0;
  for (const [l, c] of split) {
    report += c;
    inOrder += c / 100;
    if (l.component === 'FFS') ffs += c / 100;
    else mc += c / 100;
  }
  const universes = [(universeFfs + universeMc) / 100, (universeFfs / 100) + (universeMc / 100)];
  const reports = [report / 100, inOrder, ffs + mc];
  return universes.every((u) => reports.every((r) => (u - r) / r > 0.15));
}

function planQuarters(program: Program): QuarterPlan[] {
  const rng = new Rng(`plan/${program}`);
  const lines = program === 'Medicaid' ? MEDICAID_LINES : CHIP_LINES;
  return QUARTERS.map((quarter, qi) => {
    const t = TARGETS[program][qi] as Target;
    const reportFfs = cents(t.ffs) + rng.int(0, 9_999_999);
    let reportMc = cents(t.mc) + rng.int(0, 9_999_999);
    const noise = rng.uniform(-0.008, 0.008);
    const ffsPct = t.ffsPct ?? (t.pct === 'exact15' ? 0.15 : t.pct) + noise;
    const claimCost = program === 'Medicaid' ? rng.uniform(101, 109) : rng.uniform(88, 96);
    const members = program === 'Medicaid' ? rng.int(5_020_000, 5_140_000) : rng.int(226_000, 236_000);
    const universeFfs = reportFfs + Math.round(reportFfs * ffsPct);
    let universeTotal: number;
    if (t.pct === 'exact15') {
      // Universe = report × 23/20 exactly, so the report total is a multiple of 20 cents (and not
      // of whole dollars); step it until floating-point dollars would put it just over 15%.
      for (;;) {
        const report = reportFfs + reportMc;
        universeTotal = (report / 20) * 23;
        if (report % 20 === 0 && report % 100 !== 0
          && floatDollarsOver15(splitReport(program, quarter, reportFfs, reportMc), universeFfs, universeTotal - universeFfs)) break;
        reportMc += 1;
      }
    } else {
      universeTotal = reportFfs + reportMc + Math.round((reportFfs + reportMc) * t.pct);
    }
    const excluded = lines
      .filter((l) => l.component === 'Excluded')
      .reduce((sum, l) => sum + excludedAmount(program, l, quarter), 0);
    return {
      program, quarter, reportFfs, reportMc, universeFfs, universeMc: universeTotal - universeFfs, excluded,
      universeFfsClaims: Math.round(universeFfs / 100 / claimCost),
      universeMcClaims: members,
    };
  });
}

/** Cents of an excluded line in a quarter: its size with a little quarter-to-quarter noise. */
function excludedAmount(program: Program, l: CatalogLine, quarter: Quarter): number {
  const rng = new Rng(`excluded/${program}/${l.form}/${l.description}/${quarter}`);
  // A state directed payment, paid through the claims system in 2024Q1 (see the header comment).
  const size = l.description === 'Inpatient Hospital - Sup. Payments' && quarter === '2024Q1' ? 560_400_000 : l.size;
  return cents(size * rng.uniform(0.94, 1.06));
}

/** Splits total cents over weights exactly (largest remainder), with ±6% noise on the weights. */
function splitCents(total: number, weights: readonly number[], rng: Rng): number[] {
  const noisy = weights.map((w) => w * rng.uniform(0.94, 1.06));
  const sum = noisy.reduce((a, b) => a + b, 0);
  const raw = noisy.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest === 0) break;
    out[i] = (out[i] as number) + 1;
    rest -= 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sheet rows (plain data; money in integer cents)

export interface ReportRow {
  readonly quarterLabel: string;
  readonly quarter: Quarter;
  readonly line: string;
  readonly description: string;
  readonly totalComputable: number;
  readonly federalShare: number;
  readonly form: string;
  readonly component: Component;
}

/** The FFS and MC report lines of a quarter, in catalog (sheet) order, in cents. */
function splitReport(program: Program, quarter: Quarter, reportFfs: number, reportMc: number): Map<CatalogLine, number> {
  const lines = program === 'Medicaid' ? MEDICAID_LINES : CHIP_LINES;
  const rng = new Rng(`report/${program}/${quarter}`);
  const byLine = new Map<CatalogLine, number>();
  for (const component of ['FFS', 'MC'] as const) {
    const group = lines.filter((l) => l.component === component);
    const total = component === 'FFS' ? reportFfs : reportMc;
    splitCents(total, group.map((l) => l.size), rng).forEach((c, i) => byLine.set(group[i] as CatalogLine, c));
  }
  return new Map(lines.filter((l) => byLine.has(l)).map((l) => [l, byLine.get(l) as number]));
}

function reportRows(program: Program, plans: readonly QuarterPlan[]): ReportRow[] {
  const lines = program === 'Medicaid' ? MEDICAID_LINES : CHIP_LINES;
  const rows: ReportRow[] = [];
  plans.forEach((plan, qi) => {
    const amounts = splitReport(program, plan.quarter, plan.reportFfs, plan.reportMc);
    const fmap = FMAP[program][qi] as number;
    const label = fiscalLabel(plan.quarter, program === 'Medicaid' ? 'FFY' : 'FY');
    const push = (form: string, ln: string, description: string, tc: number, component: Component): void => {
      rows.push({ quarterLabel: label, quarter: plan.quarter, line: ln, description, form, component,
        totalComputable: tc, federalShare: Math.round(tc * fmap) });
    };
    for (const l of lines) {
      const tc = l.component === 'Excluded' ? excludedAmount(program, l, plan.quarter) : (amounts.get(l) as number);
      push(l.form, l.line, l.description, tc, l.component);
    }
    if (program === 'Medicaid') {
      for (const [q, ln, description, dollars] of PRIOR_PERIOD) {
        if (q === plan.quarter) push('CMS-64.9P', ln, description, cents(dollars), 'Excluded');
      }
    }
  });
  return rows;
}

export type Stratum = 1 | 2 | 3 | 'Denials' | 'Terminations';
export interface CountRow {
  readonly program: Program;
  readonly month: string;
  readonly stratum: Stratum;
  readonly cases: number;
  readonly dollars: number | null;
}

/** Cases per month [lo, hi] and mean dollars paid per case, by program and stratum. */
const COUNT_SHAPE: Record<Program, Record<string, readonly [number, number, number]>> = {
  Medicaid: {
    '1': [9_200, 13_400, 880], '2': [58_000, 94_000, 720], '3': [985_000, 1_062_000, 1_050],
    Denials: [3_600, 5_400, 0], Terminations: [18_500, 31_800, 0],
  },
  CHIP: {
    '1': [1_180, 1_960, 270], '2': [6_100, 9_400, 250], '3': [97_000, 104_500, 290],
    Denials: [610, 980, 0], Terminations: [1_820, 3_150, 0],
  },
};
const STRATA: readonly Stratum[] = [1, 2, 3, 'Denials', 'Terminations'];

function countRows(program: Program): CountRow[] {
  const rng = new Rng(`counts/${program}`);
  const rows: CountRow[] = [];
  for (const month of MONTHS) {
    for (const stratum of STRATA) {
      const [lo, hi, mean] = COUNT_SHAPE[program][String(stratum)] as readonly [number, number, number];
      const cases = rng.int(lo, hi);
      const dollars = mean === 0 ? null : cents(cases * mean * rng.uniform(0.96, 1.04));
      rows.push({ program, month, stratum, cases, dollars });
    }
  }
  return rows;
}

export const ACTIVE_CODES = ['E', 'EI', 'L/O', 'L/U', 'MCE1', 'MCE2', 'NE', 'U'] as const;
export const NEGATIVE_CODES = ['C', 'ID', 'IT'] as const;

export interface FindingRow {
  readonly program: Program;
  readonly month: string;
  readonly caseId: string;
  readonly stratum: Stratum;
  readonly finding: string; // '' for a fraud case
  readonly paid: number | null; // cents; null on negative cases
  readonly error: number | null;
  readonly correct: number | null;
  readonly fraud: boolean;
}

/** Non-E findings per program and their count; the rest of the 504 active cases are E. */
const ACTIVE_MIX: Record<Program, Readonly<Record<string, number>>> = {
  Medicaid: { NE: 18, U: 9, 'L/O': 10, 'L/U': 7, EI: 8, MCE1: 4, MCE2: 3, fraud: 2 },
  CHIP: { NE: 12, U: 6, 'L/O': 6, 'L/U': 5, EI: 6, MCE1: 3, MCE2: 3, fraud: 1 },
};
const NEGATIVE_MIX: Record<Program, { readonly ID: number; readonly IT: number }> = {
  Medicaid: { ID: 5, IT: 7 },
  CHIP: { ID: 4, IT: 5 },
};
/** Share of the paid amount in error, [lo, hi], by finding. */
const ERROR_SHARE: Readonly<Record<string, readonly [number, number]>> = {
  NE: [1, 1], 'L/O': [0.05, 0.35], 'L/U': [0.05, 0.35], EI: [0.15, 0.6], MCE1: [0.4, 0.9], MCE2: [0.2, 0.7],
};
export const ACTIVE_PER_CELL = 14;
export const NEGATIVE_PER_MONTH = 17;

function findingRows(program: Program): FindingRow[] {
  const rng = new Rng(`findings/${program}`);
  const code = program === 'Medicaid' ? 'MA' : 'CH';
  const cap = program === 'Medicaid' ? 7_500 : 3_400;
  const zeroShare = program === 'Medicaid' ? 0.07 : 0.09;

  const activeCells = MONTHS.flatMap((month) => ([1, 2, 3] as const).map((stratum) => ({ month, stratum })));
  const slots = activeCells.length * ACTIVE_PER_CELL;
  const labels: string[] = [];
  for (const [label, n] of Object.entries(ACTIVE_MIX[program])) for (let i = 0; i < n; i += 1) labels.push(label);
  while (labels.length < slots) labels.push('E');
  const assigned = rng.shuffle(labels);

  const rows: FindingRow[] = [];
  let slot = 0;
  for (const { month, stratum } of activeCells) {
    const mean = (COUNT_SHAPE[program][String(stratum)] as readonly [number, number, number])[2];
    for (let k = 1; k <= ACTIVE_PER_CELL; k += 1) {
      const label = assigned[slot] as string;
      slot += 1;
      const caseId = `COL-${code}-${month.slice(2, 4)}${month.slice(5)}-S${stratum}-${String(k).padStart(2, '0')}`;
      if (label === 'fraud') {
        rows.push({ program, month, caseId, stratum, finding: '', paid: 0, error: 0, correct: 0, fraud: true });
        continue;
      }
      const mustPay = label !== 'E' && label !== 'U';
      let paid = 0;
      if (mustPay || rng.uniform() >= zeroShare) {
        const sigma = 0.85;
        const dollars = mean * Math.exp((sigma * rng.normal()) - ((sigma * sigma) / 2));
        paid = cents(Math.min(cap, Math.max(12, dollars)));
      }
      const share = ERROR_SHARE[label];
      const error = share === undefined ? 0 : Math.round(paid * rng.uniform(share[0], share[1]));
      rows.push({ program, month, caseId, stratum, finding: label, paid, error, correct: paid - error, fraud: false });
    }
  }

  // Negative cases: 9 denials and 8 terminations in odd months (1st, 3rd, ...), 8 and 9 in even ones.
  const mix = NEGATIVE_MIX[program];
  const denialSlots = rng.shuffle([...Array<string>(mix.ID).fill('ID'), ...Array<string>(102 - mix.ID).fill('C')]);
  const terminationSlots = rng.shuffle([...Array<string>(mix.IT).fill('IT'), ...Array<string>(102 - mix.IT).fill('C')]);
  MONTHS.forEach((month, mi) => {
    const denials = mi % 2 === 0 ? 9 : 8;
    const split: readonly (readonly [Stratum, number, string[]])[] = [
      ['Denials', denials, denialSlots],
      ['Terminations', NEGATIVE_PER_MONTH - denials, terminationSlots],
    ];
    for (const [stratum, n, pool] of split) {
      for (let k = 1; k <= n; k += 1) {
        const tag = stratum === 'Denials' ? 'DN' : 'TM';
        const caseId = `COL-${code}-${month.slice(2, 4)}${month.slice(5)}-${tag}-${String(k).padStart(2, '0')}`;
        const finding = pool.shift() as string;
        rows.push({ program, month, caseId, stratum, finding, paid: null, error: null, correct: null, fraud: false });
      }
    }
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The whole sample as data

export interface SampleData {
  readonly plans: readonly QuarterPlan[];
  readonly cms64: readonly ReportRow[];
  readonly cms21: readonly ReportRow[];
  readonly counts: readonly CountRow[];
  readonly findings: readonly FindingRow[];
}

export function buildSampleData(): SampleData {
  const medicaid = planQuarters('Medicaid');
  const chip = planQuarters('CHIP');
  const counts = PROGRAMS.flatMap((p) => countRows(p));
  return {
    plans: [...medicaid, ...chip],
    cms64: reportRows('Medicaid', medicaid),
    cms21: reportRows('CHIP', chip),
    counts,
    findings: PROGRAMS.flatMap((p) => findingRows(p)),
  };
}

// ---------------------------------------------------------------------------------------------
// Workbook

const MONEY = '#,##0.00_);[Red](#,##0.00)';
const COUNT = '#,##0';
const PERCENT = '0%';
const CENTERED = new Set(['Quarter', 'Line', 'Month', 'Stratum', 'Finding', 'Fraud']);
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

function tableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: readonly (readonly [header: string, width: number, numFmt?: string])[],
  rows: readonly (readonly (string | number | Date | null)[])[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map(([header, width, numFmt]) => (numFmt === undefined ? { header, width } : { header, width, style: { numFmt } }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  for (const r of rows) ws.addRow([...r]);
  columns.forEach(([header], i) => {
    if (CENTERED.has(header)) ws.getColumn(i + 1).alignment = { horizontal: 'center' };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

const money = (c: number | null): number | null => (c === null ? null : c / 100);

function formatDollars(c: number): string {
  const sign = c < 0 ? '−' : '';
  const abs = Math.abs(c);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

const usd = (c: number): string => `${c < 0 ? '−' : ''}$${formatDollars(Math.abs(c))}`;

/** (universe − report) / report as a signed percentage with two decimals, from integer cents. */
export function percentText(universe: number, report: number): string {
  const pct = ((universe - report) * 100) / report;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(2)}%`;
}

function aboutLines(data: SampleData): string[] {
  const out: string[] = [
    'PERM Recon sample workbook: Columbia, review year RY2025',
    '',
    'Columbia is a made-up state. Every figure in this workbook is synthetic, produced by test/scripts/generate-sample.ts',
    '(npx tsx test/scripts/generate-sample.ts). Do not edit this file by hand: change the script and regenerate it.',
    'PERM Recon never reads this sheet. It reads Settings, Universe, CMS-64, CMS-21, Universe Counts and Findings,',
    'and writes Line Map, Reconciliation, CMS-10184E Medicaid, CMS-10184E CHIP, Estimator Detail and Run Log.',
    '',
    'Review year RY2025 = calendar quarters 2023Q3 to 2024Q2 = FFY2023 Q4 and FFY2024 Q1 to Q3; sample months July 2023 to June 2024.',
    'CMS-64 quarters are labelled FFY2023 Q4 ... FFY2024 Q3 and CMS-21 quarters FY2023 Q4 ... FY2024 Q3; the Universe sheet uses 2023Q3 ... 2024Q2.',
    '',
    'Intended reconciliation outcomes. Universe against report, FFS + MC lines, total computable, current-quarter forms',
    '(CMS-64.9 Base + CMS-64.9 Waiver for Medicaid; CMS-21 + CMS-64.21U for CHIP; the CMS-64.9P prior-period block is left out).',
    'Difference = (universe − report) / report. Flagged when strictly over 15% in a quarter or 5% overall.',
  ];
  for (const program of PROGRAMS) {
    out.push('', program === 'Medicaid' ? 'Medicaid (CMS-64):' : 'CHIP (CMS-21 + CMS-64.21U):');
    const plans = data.plans.filter((p) => p.program === program);
    let u = 0;
    let r = 0;
    for (const p of plans) {
      const uq = p.universeFfs + p.universeMc;
      const rq = p.reportFfs + p.reportMc;
      u += uq;
      r += rq;
      const flagged = Math.abs(uq - rq) * 100 > 15 * Math.abs(rq);
      out.push(`  ${p.quarter}: universe ${usd(uq)} against report ${usd(rq)}, difference ` +
        `${usd(uq - rq)} = ${percentText(uq, rq)}, ${flagged ? 'FLAGGED' : 'not flagged'}` +
        ` (FFS ${percentText(p.universeFfs, p.reportFfs)}, MC ${percentText(p.universeMc, p.reportMc)};` +
        ` excluded lines ${usd(p.excluded)}).`);
    }
    const flagged = Math.abs(u - r) * 100 > 5 * Math.abs(r);
    out.push(`  Overall: universe ${usd(u)} against report ${usd(r)}, difference ` +
      `${usd(u - r)} = ${percentText(u, r)}, ${flagged ? 'FLAGGED' : 'not flagged'}.`);
  }
  const plan = (program: Program, quarter: Quarter): QuarterPlan =>
    data.plans.find((p) => p.program === program && p.quarter === quarter) as QuarterPlan;
  const q3 = plan('Medicaid', '2023Q3');
  const q1 = plan('Medicaid', '2024Q1');
  const sup = data.cms64.find((r) => r.quarter === '2024Q1' && r.description === 'Inpatient Hospital - Sup. Payments') as ReportRow;
  const q1Report = q1.reportFfs + q1.reportMc;
  out.push(
    '',
    'What the flags are meant to show:',
    `  Medicaid 2023Q3: the total is within 5%, but FFS is ${percentText(q3.universeFfs, q3.reportFfs)} and MC ` +
      `${percentText(q3.universeMc, q3.reportMc)}: claims put under the wrong component, which cancel in the total.`,
    `  Medicaid 2024Q1: ${percentText(q1.universeFfs + q1.universeMc, q1Report)}, flagged. Most of the gap is a state directed payment to`,
    `    hospitals, ${usd(sup.totalComputable)}, that the CMS-64 reports on Inpatient Hospital - Sup. Payments (an excluded line)`,
    `    and the universe took in as claims. Without it the difference would be ` +
      `${percentText(q1.universeFfs + q1.universeMc - sup.totalComputable, q1Report)}.`,
    '  Medicaid 2024Q2: the universe is exactly 23/20 of the report, to the cent: 15.00%, which is not strictly over 15%, so not flagged.',
    '    Compare in integer cents: in floating-point dollars this quarter computes as 0.15000000000000002.',
    '  Medicaid overall: over 5%, flagged.',
    '  CHIP 2023Q4: −22%, flagged: the universe is short of the December 2023 premium (capitation) payments.',
    '  CHIP overall: under 5% in size, not flagged, although one quarter is.',
    '  The CMS-64.9P rows are prior-period adjustments: a tool that includes them changes the Medicaid figures slightly.',
    '',
    'Report lines used: service lines (FFS), capitation and premium lines (MC), and excluded lines (DSH, supplemental payments,',
    'drug and MCO rebates, Medicare Part A and B premiums, collections, cost sharing offset, health services initiatives, administration).',
    'Line numbers are given only where CMS sources confirm them; match the other lines on their description.',
    'Federal share = total computable × the quarter\'s FMAP (Medicaid 64.5%, 63.5%, 62%, 62%; CHIP E-FMAP 75.15%, 74.45%, 73.4%, 73.4%),',
    'rounded to the cent. It is shown, never compared.',
    '',
    'Eligibility sample, per program: 504 active cases (14 per stratum per month: 1 applications, 2 redeterminations, 3 all other)',
    'and 204 negative cases (17 per month, denials and terminations). Fraud cases carry Fraud = Y, a blank finding and zero dollars.',
    'Dollars Correct = Dollars Paid − Dollars in Error on every active case. Undetermined (U) cases carry no dollars in error:',
    'Settings say whether they count as errors. Negative cases have no dollars.',
  );
  for (const program of PROGRAMS) {
    const rows = data.findings.filter((f) => f.program === program);
    const tally = new Map<string, number>();
    for (const f of rows) {
      const key = f.fraud ? 'fraud' : f.finding;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }
    const parts = [...ACTIVE_CODES, 'fraud', ...NEGATIVE_CODES].map((k) => `${k} ${tally.get(k) ?? 0}`);
    out.push(`  ${program} findings: ${parts.join(', ')}.`);
  }
  return out;
}

export function buildWorkbook(data: SampleData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Columbia Department of Health Care Services, PERM unit';
  wb.lastModifiedBy = 'Columbia Department of Health Care Services, PERM unit';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  wb.title = 'PERM RY2025 universe, 64/21 reports and eligibility findings (sample)';

  const about = wb.addWorksheet('About');
  about.getColumn(1).width = 150;
  aboutLines(data).forEach((text, i) => {
    const cell = about.getCell(i + 1, 1);
    cell.value = text;
    if (i === 0) cell.font = { bold: true, size: 14 };
  });

  const settings = tableSheet(wb, 'Settings', [['Setting', 26], ['Value', 16]], [
    ['State', STATE],
    ['Review Year', REVIEW_YEAR],
    ['Report Date', REPORT_DATE],
    ['Quarterly Threshold', 0.15],
    ['Overall Threshold', 0.05],
    ['Confidence', 0.95],
    ['Undetermined As Error', 'Yes'],
    ['Percent Base', 'Report'],
  ]);
  settings.getCell('B4').numFmt = 'yyyy-mm-dd';
  for (const ref of ['B5', 'B6', 'B7']) settings.getCell(ref).numFmt = PERCENT;
  settings.getColumn(2).alignment = { horizontal: 'left' };

  const universeRows = data.plans.flatMap((p) => [
    [p.program, p.quarter, 'FFS', money(p.universeFfs), p.universeFfsClaims],
    [p.program, p.quarter, 'MC', money(p.universeMc), p.universeMcClaims],
  ]);
  tableSheet(wb, 'Universe', [['Program', 12], ['Quarter', 10], ['Component', 12], ['Amount', 20, MONEY], ['Claims', 14, COUNT]], universeRows);

  const reportColumns = [
    ['Quarter', 13], ['Line', 7], ['Description', 64], ['Total Computable', 20, MONEY], ['Federal Share', 20, MONEY], ['Form', 16],
  ] as const;
  const reportSheetRows = (rows: readonly ReportRow[]): (string | number | null)[][] =>
    rows.map((r) => [r.quarterLabel, r.line === '' ? null : r.line, r.description, money(r.totalComputable), money(r.federalShare), r.form]);
  tableSheet(wb, 'CMS-64', reportColumns, reportSheetRows(data.cms64));
  tableSheet(wb, 'CMS-21', reportColumns, reportSheetRows(data.cms21));

  tableSheet(wb, 'Universe Counts', [['Program', 12], ['Month', 10], ['Stratum', 14], ['Cases', 12, COUNT], ['Dollars', 20, MONEY]],
    data.counts.map((c) => [c.program, c.month, c.stratum, c.cases, money(c.dollars)]));

  tableSheet(wb, 'Findings', [
    ['Program', 12], ['Month', 10], ['Case ID', 22], ['Stratum', 14], ['Finding', 9],
    ['Dollars Paid', 15, MONEY], ['Dollars in Error', 15, MONEY], ['Dollars Correct', 15, MONEY], ['Fraud', 7],
  ], data.findings.map((f) => [
    f.program, f.month, f.caseId, f.stratum, f.finding === '' ? null : f.finding,
    money(f.paid), money(f.error), money(f.correct), f.fraud ? 'Y' : null,
  ]));

  return wb;
}

// ---------------------------------------------------------------------------------------------
// Writing: a fixed time stamp on every zip entry, so the bytes do not depend on the clock

const DOS_DATE = ((2025 - 1980) << 9) | (7 << 5) | 1;
const DOS_TIME = 9 << 11;

/** Sets the modification time of every entry of a zip archive (local and central headers). */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let eocd = out.length - 22;
  while (eocd >= 0 && out.readUInt32LE(eocd) !== 0x06054b50) eocd -= 1;
  if (eocd < 0) throw new RangeError('fixZipTimestamps requires a zip archive');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i += 1) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new RangeError(`fixZipTimestamps found no central header at ${p}`);
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

export const DEFAULT_OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'assets', 'samples', 'sample-state.xlsx');

/** Builds the sample and writes it to `out`; returns the data it wrote. */
export async function writeSample(out: string = DEFAULT_OUT): Promise<SampleData> {
  const data = buildSampleData();
  const buffer = Buffer.from(await buildWorkbook(data).xlsx.writeBuffer());
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, fixZipTimestamps(buffer));
  return data;
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invoked) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 && process.argv[i + 1] !== undefined ? resolve(process.argv[i + 1] as string) : DEFAULT_OUT;
  const data = await writeSample(out);
  process.stdout.write(`wrote ${out}\n`);
  for (const p of data.plans) {
    const u = p.universeFfs + p.universeMc;
    const r = p.reportFfs + p.reportMc;
    process.stdout.write(`${p.program.padEnd(9)}${p.quarter}  universe ${formatDollars(u).padStart(17)}  report ${formatDollars(r).padStart(17)}  ${percentText(u, r)}\n`);
  }
}
