/**
 * The readers and the bundled line map on CMS's real FMR workbooks (FY 2019 and FY 2023, every
 * state): every sheet parses, every line is mapped, the mapped and excluded lines add up to the
 * sheet's own Balance and total rows, and total computable = federal + state share on every line.
 * Read through the exceljs adapter (src/xlsx), as the command line reads them. The one place CMS's own figures do not tie (recon-domain.md 2.8: MCHIP Colorado FY 2023, and the
 * national totals that contain it, off by $6,688) is pinned exactly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LINE_MAP } from '../../../src/core/recon/line-map-defaults.js';
import { LineMatcher } from '../../../src/core/recon/line-map.js';
import { reconcileTotals } from '../../../src/core/recon/reconcile.js';
import { readReports } from '../../../src/core/recon/report-read.js';
import { parseFmrSheetName } from '../../../src/core/recon/report-fmr.js';
import type { ReportLine } from '../../../src/core/recon/report-line.js';
import { descriptionKey } from '../../../src/core/recon/line-key.js';
import type { WorkbookSource } from '../../../src/core/workbook/port.js';
import { reviewYear } from '../../../src/core/workbook/quarter.js';
import { openXlsx } from '../../../src/xlsx/open-xlsx.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/fmr/${name}`, import.meta.url));
const matcher = new LineMatcher(DEFAULT_LINE_MAP);

interface FmrFile {
  readonly file: string;
  readonly fiscalYear: number;
  readonly kinds: readonly string[];
  /** Rows with an amount, counted independently in recon-domain.md 2.2 (and by a script over the raw files). */
  readonly lines: number;
}

const FILES: readonly FmrFile[] = [
  { file: 'FY 2019 FMR NET EXPENDITURES.xlsx', fiscalYear: 2019, kinds: ['ADM', 'MAP'], lines: 16_473 },
  { file: 'FY 2023 FMR NET EXPENDITURES.xlsx', fiscalYear: 2023, kinds: ['ADM', 'MAP'], lines: 19_038 },
  { file: 'FY 2019 CHIP NET EXPENDITURES.xlsx', fiscalYear: 2019, kinds: ['CHIP', 'MCHIP', 'MCHIP 20%'], lines: 9_975 },
  { file: 'FY 2023 CHIP FMR NET EXPENDITURES.xlsx', fiscalYear: 2023, kinds: ['CHIP', 'MCHIP', 'MCHIP 20%'], lines: 11_229 },
];

/** Lines of one sheet split into blocks (main, C, T), in sheet order. */
function blocks(lines: readonly ReportLine[]): Map<string, ReportLine[]> {
  const out = new Map<string, ReportLine[]>();
  for (const l of lines) {
    const key = l.block ?? 'main';
    out.set(key, [...(out.get(key) ?? []), l]);
  }
  return out;
}

interface TieFailure {
  readonly sheet: string;
  readonly row: string;
  readonly differenceCents: number;
}

/**
 * Checks one block: the non-subtotal lines above its Balance row sum to Balance; all its
 * non-subtotal lines sum to its total row (Total Net Expenditures, Total, C-Total Net). Returns the
 * rows that do not tie.
 */
function tieBlock(sheet: string, lines: readonly ReportLine[]): TieFailure[] {
  const failures: TieFailure[] = [];
  const isBalance = (l: ReportLine) => /^(?:c-)?balance$/.test(descriptionKey(l.description));
  const isTotal = (l: ReportLine) => /^(?:[ct]-)?total(?: net(?: expenditures)?)?$/.test(descriptionKey(l.description));
  const counted = (l: ReportLine) => matcher.match(l)?.row.subtotal === false;
  const balanceAt = lines.findIndex(isBalance);
  if (balanceAt >= 0) {
    const sum = lines.slice(0, balanceAt).filter(counted).reduce((s, l) => s + l.totalComputableCents, 0);
    const balance = lines[balanceAt];
    if (balance !== undefined && sum !== balance.totalComputableCents) failures.push({ sheet, row: balance.description, differenceCents: sum - balance.totalComputableCents });
  }
  const totalAt = lines.findIndex(isTotal);
  if (totalAt >= 0) {
    const sum = lines.slice(0, totalAt).filter(counted).reduce((s, l) => s + l.totalComputableCents, 0);
    const total = lines[totalAt];
    if (total !== undefined && sum !== total.totalComputableCents) failures.push({ sheet, row: total.description, differenceCents: sum - total.totalComputableCents });
  }
  return failures;
}

describe.each(FILES)('$file', ({ file, fiscalYear, kinds, lines: expectedLines }) => {
  let source: WorkbookSource;
  let states: string[];
  const byState = new Map<string, ReportLine[]>();
  const issues: string[] = [];

  beforeAll(async () => {
    source = await openXlsx(fixture(file));
    const sheets = (await source.sheets()).map((s) => s.name);
    states = [...new Set(sheets.map((s) => parseFmrSheetName(s)?.state ?? `(not FMR: ${s})`))];
    for (const state of states) {
      // A view of the workbook with only this state's sheets, so each read scans 2 or 3 sheets, not all of them.
      const own = (await source.sheets()).filter((s) => parseFmrSheetName(s.name)?.state === state);
      const view: WorkbookSource = { label: source.label, sheets: () => Promise.resolve(own), readRows: (sheet, options) => source.readRows(sheet, options) };
      const read = await readReports(view, { state });
      issues.push(...read.issues.map((i) => i.message));
      byState.set(state, [...read.lines]);
    }
  }, 120_000);

  it('has the sheets of every state (50 states, DC, 5 territories and the national totals), all parsed without an issue', () => {
    expect(states).toHaveLength(57);
    expect(states).toContain('National Totals');
    expect(issues).toEqual([]);
    for (const state of states) {
      const sheetKinds = [...new Set((byState.get(state) ?? []).map((l) => parseFmrSheetName(l.sheet)?.kind))].sort();
      expect(sheetKinds, state).toEqual(kinds);
    }
  });

  it('reads every line with an amount, as an annual line of the title fiscal year', () => {
    const all = [...byState.values()].flat();
    expect(all).toHaveLength(expectedLines);
    expect(all.every((l) => l.layout === 'fmr' && l.period.kind === 'annual' && l.period.fiscalYear === fiscalYear)).toBe(true);
  });

  it('leaves no line unmapped by the bundled line map', () => {
    const unmapped = [...byState.values()].flat().filter((l) => matcher.match(l) === undefined);
    expect(unmapped.map((l) => `${l.sheet}: ${l.description}`)).toEqual([]);
  });

  it('has total computable = federal share + state share on every line, to the cent', () => {
    const all = [...byState.values()].flat();
    const off = all.filter((l) => l.federalShareCents === undefined || l.stateShareCents === undefined || l.federalShareCents + l.stateShareCents !== l.totalComputableCents);
    expect(off.map((l) => `${l.sheet}!${l.cell}`)).toEqual([]);
  });

  it("adds FFS + MC + excluded lines up to each block's own Balance and total rows (except where CMS's figures do not tie)", () => {
    const failures: TieFailure[] = [];
    for (const lines of byState.values()) {
      const bySheet = new Map<string, ReportLine[]>();
      for (const l of lines) bySheet.set(l.sheet, [...(bySheet.get(l.sheet) ?? []), l]);
      for (const [sheet, sheetLines] of bySheet) for (const block of blocks(sheetLines).values()) failures.push(...tieBlock(sheet, block));
    }
    if (fiscalYear === 2023) {
      // recon-domain.md 2.8: the Colorado M-CHIP lines sum to 186,436,591 against a C-Balance of 186,429,903.
      const off = { differenceCents: 668_800 };
      const sheets = kinds.includes('MAP') ? ['MAP - Colorado', 'MAP - National Totals'] : ['MCHIP - Colorado', 'MCHIP - National Totals'];
      expect(failures).toEqual(sheets.flatMap((sheet) => [{ sheet, row: 'C-Balance', ...off }, { sheet, row: 'C-Total Net', ...off }]));
    } else {
      expect(failures).toEqual([]);
    }
  });
});

describe('FY 2023 Ohio through the reconciliation', () => {
  let medicaid: ReportLine[];
  let chip: ReportLine[];

  beforeAll(async () => {
    medicaid = [...(await readReports(await openXlsx(fixture('FY 2023 FMR NET EXPENDITURES.xlsx')), { state: 'Ohio' })).lines];
    chip = [...(await readReports(await openXlsx(fixture('FY 2023 CHIP FMR NET EXPENDITURES.xlsx')), { state: 'Ohio' })).lines];
  }, 60_000);

  const FFY2023 = reviewYear('FFY', 2023);
  const settings = { reviewYear: FFY2023, quarterlyThreshold: 0.15, overallThreshold: 0.05, percentBase: 'Report' as const };

  it('maps the annual report to the components of recon-domain.md 2.4 and counts the M-CHIP block once, in CHIP', () => {
    const result = reconcileTotals({ universe: [], reportLines: [...medicaid, ...chip], lineMap: DEFAULT_LINE_MAP, settings });
    const [m, c] = result.programs;
    expect(m?.reportKind).toBe('annual');
    // recon-domain.md 2.4 (in $ millions): FFS 8,885.2 + FFS? 173.6; MC 23,171.8 + MC? 110.1.
    expect(m?.overall.report.ffsCents).toBe(905_876_684_100);
    expect(m?.overall.report.mcCents).toBe(2_328_189_869_100);
    // Excluded: the main block's exclusions and Collections, the C- block (712,154,556 of M-CHIP) and administration.
    const cTotal = medicaid.find((l) => l.description === 'C-Total Net');
    expect(cTotal?.totalComputableCents).toBe(71_215_455_600);
    const mchipTotal = chip.find((l) => l.description === 'C-Total Net' && l.sheet === 'MCHIP - Ohio');
    expect(mchipTotal?.totalComputableCents).toBe(71_215_455_600);
    // CHIP: Ohio reports its M-CHIP managed care as C-Premiums (437.9 M + 267.4 M); its CMS-21 holds only excluded lines.
    expect(c?.overall.report.mcCents).toBe(43_790_399_700 + 26_736_487_400);
    expect(c?.overall.report.totalCents).toBe(70_526_887_100 + 7_928_550_800);
    // Medicaid total + excluded = Total Net Expenditures of MAP and ADM (+ the C- block's net, excluded there).
    const total = (sheet: string, label: string) => medicaid.find((l) => l.sheet === sheet && l.description === label)?.totalComputableCents ?? NaN;
    expect((m?.overall.report.totalCents ?? 0) + (m?.overall.report.excludedCents ?? 0)).toBe(
      total('MAP - Ohio', 'Total Net Expenditures') + total('ADM - Ohio', 'Total Net Expenditures') + total('MAP - Ohio', 'C-Total Net'),
    );
    expect(m?.unmappedLines).toEqual([]);
    expect(c?.unmappedLines).toEqual([]);
  });

  it('splits the year into quarters with known weights and flags only the perturbed quarter', () => {
    // A synthetic quarterly CMS-64: every line of Ohio's FY 2023 MAP sheet spread over the four
    // quarters by weights 24/25/25/26 % (largest remainder, so each line's quarters add up to the year).
    const weights = [24, 25, 25, 26];
    const quarterly: ReportLine[] = [];
    for (const l of medicaid.filter((x) => x.sheet === 'MAP - Ohio')) {
      const parts = weights.map((w) => Math.trunc((l.totalComputableCents * w) / 100));
      parts[3] = (parts[3] ?? 0) + l.totalComputableCents - parts.reduce((s, p) => s + p, 0);
      FFY2023.quarters.forEach((quarter, i) => quarterly.push({ ...l, period: { kind: 'quarter', quarter }, totalComputableCents: parts[i] ?? 0 }));
    }
    const annual = reconcileTotals({ universe: [], reportLines: medicaid.filter((x) => x.sheet === 'MAP - Ohio'), lineMap: DEFAULT_LINE_MAP, settings }).programs[0];
    const split = reconcileTotals({ universe: [], reportLines: quarterly, lineMap: DEFAULT_LINE_MAP, settings }).programs[0];
    expect(split?.reportKind).toBe('quarterly');
    expect(split?.overall.report).toEqual(annual?.overall.report);

    // The universe equals the report in every quarter, except MC of the second quarter, 16% short.
    const universe = (split?.quarters ?? []).flatMap((q, i) => [
      { program: 'Medicaid' as const, quarter: q.quarter, component: 'FFS' as const, cents: q.report?.ffsCents ?? 0, rows: 1 },
      { program: 'Medicaid' as const, quarter: q.quarter, component: 'MC' as const, cents: i === 1 ? Math.round((q.report?.mcCents ?? 0) * 0.84) : (q.report?.mcCents ?? 0), rows: 1 },
    ]);
    const result = reconcileTotals({ universe, reportLines: quarterly, lineMap: DEFAULT_LINE_MAP, settings });
    const p = result.programs[0];
    expect(p?.quarters.map((q) => q.flagged)).toEqual([false, false, false, false]); // MC is 72% of the total: −11.5% in total
    expect(p?.quarters[1]?.percentDifference).toBeCloseTo(-0.16 * ((p?.quarters[1]?.report?.mcCents ?? 0) / (p?.quarters[1]?.report?.totalCents ?? 1)), 6);
    expect(p?.overall.flagged).toBe(false); // −2.9% over the year
    const worse = reconcileTotals({
      universe: universe.map((u) => (u.quarter === '2023Q1' && u.component === 'FFS' ? { ...u, cents: Math.round(u.cents * 0.8) } : u)),
      reportLines: quarterly,
      lineMap: DEFAULT_LINE_MAP,
      settings,
    }).programs[0];
    expect(worse?.quarters.map((q) => q.flagged)).toEqual([false, true, false, false]);
    expect(worse?.overall.flagged).toBe(false);
    expect(result.issues.filter((i) => i.code !== 'recon.no-report')).toEqual([]);
  });
});
