/**
 * The optional `Settings` sheet (two columns: Setting, Value), validated with zod into typed
 * settings. A missing sheet or setting takes the default of the layout spec; a bad value is an
 * issue naming its cell, and the default is used in its place.
 */
import { z } from 'zod';
import { cellText, isBlank } from './cell-value.js';
import { findTables, readTableRecords, recordCell, recordValue } from './find-table.js';
import { cellIssue, type Issue } from './issue.js';
import { normalizeLabel } from './normalize-label.js';
import { sheetNameIn } from './owned-sheets.js';
import { parseChoice, parseDate, parseFormVersion, parsePercent, parseText, parseYesNo } from './parse-setting-values.js';
import type { Parsed } from './parsed.js';
import type { CellValue, WorkbookSource } from './port.js';
import { parseReviewYear, type ReviewYear } from './quarter.js';
import { columnLetter } from './address.js';

export const SETTINGS_SHEET = 'Settings';
/** The table name a user's pointing (`TableHint`) is saved under. */
export const SETTINGS_TABLE_NAME = 'Settings';

export type PercentBase = 'Report' | 'Universe';

export interface Settings {
  /** Line A of CMS-10184E. */
  readonly state?: string;
  /** Absent when not set: the caller infers it from the data or asks. */
  readonly reviewYear?: ReviewYear;
  /** `YYYY-MM-DD`, line B of CMS-10184E; the caller's `today` when absent. */
  readonly reportDate?: string;
  /** A quarterly difference strictly over this fraction is flagged (default 0.15). */
  readonly quarterlyThreshold: number;
  /** An overall difference strictly over this fraction is flagged (default 0.05). */
  readonly overallThreshold: number;
  /** Confidence level of every interval, a fraction (default 0.95). */
  readonly confidence: number;
  /** Whether undetermined cases count as errors in lines G and H (default true). */
  readonly undeterminedAsError: boolean;
  /** Denominator of a percentage difference (default `Report`). */
  readonly percentBase: PercentBase;
  /** Whether prior-period adjustment forms (64.9P, 21P, 64.21UP) count in the report amounts (default false). */
  readonly includePriorPeriod: boolean;
  /** The quantile of every interval: the normal (default) or Student's t with n − cells degrees of freedom. */
  readonly intervalQuantile: IntervalQuantile;
  /**
   * Whether the negative sample was drawn with denials and terminations as separate strata (default
   * false: "The negative case universe is not stratified", 42 CFR 431.978(d)(2) as revised in 2007).
   */
  readonly negativeSampleStratified: boolean;
  /** Which CMS-10184E is filled: `01/07` (lines A-J, default) or `2013` (Summary Findings, lines A-F). */
  readonly formVersion: FormVersion;
}

export type IntervalQuantile = 'Normal' | 't';
export type FormVersion = '01/07' | '2013';

export const DEFAULT_SETTINGS: Settings = {
  quarterlyThreshold: 0.15,
  overallThreshold: 0.05,
  confidence: 0.95,
  undeterminedAsError: true,
  percentBase: 'Report',
  includePriorPeriod: false,
  intervalQuantile: 'Normal',
  negativeSampleStratified: false,
  formVersion: '01/07',
};

type SettingKey = keyof Settings;

/** Each setting: its label in the sheet, other accepted labels, its value parser, and what it means (for the template and docs). */
export const SETTING_DEFS: readonly { readonly key: SettingKey; readonly label: string; readonly aliases: readonly string[]; readonly parse: (v: CellValue) => Parsed<unknown>; readonly meaning: string }[] = [
  { key: 'state', label: 'State', aliases: ['State Name'], parse: parseText, meaning: 'line A of CMS-10184E; also which state\'s sheets an FMR export is read for' },
  { key: 'reviewYear', label: 'Review Year', aliases: ['RY', 'Review Period', 'Cycle'], parse: parseReviewYear, meaning: 'which four quarters are reconciled and which months are in the eligibility sample (RY2025 = 2023Q3 to 2024Q2, or FFY2024); inferred from the data when blank' },
  { key: 'reportDate', label: 'Report Date', aliases: ['Date'], parse: parseDate, meaning: 'line B of CMS-10184E; today when blank' },
  { key: 'quarterlyThreshold', label: 'Quarterly Threshold', aliases: ['Quarter Threshold'], parse: (v) => parsePercent(v, 0, 1), meaning: 'a quarterly difference strictly over this is flagged' },
  { key: 'overallThreshold', label: 'Overall Threshold', aliases: ['Annual Threshold'], parse: (v) => parsePercent(v, 0, 1), meaning: 'the review year\'s difference strictly over this is flagged' },
  { key: 'confidence', label: 'Confidence', aliases: ['Confidence Level'], parse: (v) => parsePercent(v, 0.5, 1), meaning: 'confidence level of every interval on CMS-10184E' },
  { key: 'undeterminedAsError', label: 'Undetermined As Error', aliases: ['Undetermined As Errors', 'Count Undetermined As Error'], parse: parseYesNo, meaning: 'whether undetermined (U) cases count as errors in lines G and H' },
  { key: 'percentBase', label: 'Percent Base', aliases: ['Percentage Base'], parse: (v) => parseChoice<PercentBase>(v, ['Report', 'Universe']), meaning: 'Report or Universe: the denominator of a percentage difference' },
  { key: 'includePriorPeriod', label: 'Include Prior Period', aliases: ['Include Prior Period Adjustments', 'Prior Period'], parse: parseYesNo, meaning: 'Yes puts the prior-period forms (64.9P, 21P, 64.21UP) in the comparison' },
  { key: 'intervalQuantile', label: 'Interval Quantile', aliases: ['Quantile', 'Confidence Interval Quantile'], parse: (v) => parseChoice<IntervalQuantile>(v, ['Normal', 't']), meaning: 'Normal, or t (n minus cells degrees of freedom), for every interval' },
  { key: 'negativeSampleStratified', label: 'Negative Sample Stratified', aliases: ['Negative Stratified', 'Stratify Negative Sample'], parse: parseYesNo, meaning: 'Yes only where the state\'s sampling plan drew denials and terminations separately; by default the negative sample is one cell per month (42 CFR 431.978(d)(2))' },
  { key: 'formVersion', label: 'Form Version', aliases: ['CMS-10184E Version', 'Form Edition'], parse: parseFormVersion, meaning: '01/07 (lines A-J) or 2013 (the later Summary Findings form: lines A-F with Cases Dropped from Sample and Total Dollars Undetermined, no error rate table)' },
];

/** Zod field from a cell parser: the parser's reason becomes the zod issue's message. */
function cellField<T>(parse: (v: CellValue) => Parsed<T>) {
  return z
    .custom<CellValue>()
    .transform((v, ctx): T => {
      const p = parse(v);
      if (p.ok) return p.value;
      ctx.addIssue({ code: 'custom', message: p.reason });
      return z.NEVER;
    })
    .optional();
}

const settingsSchema = z.object({
  state: cellField(parseText),
  reviewYear: cellField(parseReviewYear),
  reportDate: cellField(parseDate),
  quarterlyThreshold: cellField((v) => parsePercent(v, 0, 1)),
  overallThreshold: cellField((v) => parsePercent(v, 0, 1)),
  confidence: cellField((v) => parsePercent(v, 0.5, 1)),
  undeterminedAsError: cellField(parseYesNo),
  percentBase: cellField((v) => parseChoice<PercentBase>(v, ['Report', 'Universe'])),
  includePriorPeriod: cellField(parseYesNo),
  intervalQuantile: cellField((v) => parseChoice<IntervalQuantile>(v, ['Normal', 't'])),
  negativeSampleStratified: cellField(parseYesNo),
  formVersion: cellField(parseFormVersion),
});

const BY_LABEL: ReadonlyMap<string, (typeof SETTING_DEFS)[number]> = new Map(
  SETTING_DEFS.flatMap((d) => [d.label, ...d.aliases].map((l) => [normalizeLabel(l), d] as const)),
);

export interface SettingsRead {
  readonly settings: Settings;
  readonly issues: readonly Issue[];
  /** The sheet the settings came from; undefined when the workbook has no Settings sheet. */
  readonly sheet?: string;
  /** Setting key → address of its value cell, for the Run Log. */
  readonly cells: Readonly<Partial<Record<SettingKey, string>>>;
}

export interface ReadSettingsOptions {
  /** `YYYY-MM-DD`: the report date when the sheet gives none. */
  readonly today?: string;
}

interface RawSetting {
  readonly name: CellValue;
  readonly nameCell: string;
  readonly value: CellValue;
  readonly valueCell: string;
}

async function rawSettings(source: WorkbookSource, sheet: string): Promise<{ rows: RawSetting[]; headed: boolean }> {
  const spec = { name: SETTINGS_TABLE_NAME, required: { Setting: ['Name', 'Parameter'], Value: [] } };
  const [table] = await findTables(source, spec, { onlySheets: [sheet], skipSheets: [] });
  const rows: RawSetting[] = [];
  if (table !== undefined) {
    for await (const chunk of readTableRecords(source, table)) {
      for (const r of chunk) {
        rows.push({ name: recordValue(r, 'Setting'), nameCell: recordCell(r, 'Setting') ?? '', value: recordValue(r, 'Value'), valueCell: recordCell(r, 'Value') ?? '' });
      }
    }
    return { rows, headed: true };
  }
  // No header row: a setting is any row whose first non-blank cell is a known setting name; its value is the next cell.
  const summary = (await source.sheets()).find((s) => s.name === sheet);
  for await (const chunk of source.readRows(sheet)) {
    for (const r of chunk) {
      const i = r.cells.findIndex((v) => !isBlank(v));
      if (i < 0) continue;
      const name = r.cells[i] ?? null;
      if (!BY_LABEL.has(normalizeLabel(cellText(name)))) continue;
      const col = (summary?.firstColumn ?? 1) + i;
      rows.push({ name, nameCell: `${columnLetter(col)}${r.row}`, value: r.cells[i + 1] ?? null, valueCell: `${columnLetter(col + 1)}${r.row}` });
    }
  }
  return { rows, headed: false };
}

/** Reads the Settings sheet (matched ignoring case and spacing); defaults for whatever is missing. */
export async function readSettings(source: WorkbookSource, options: ReadSettingsOptions = {}): Promise<SettingsRead> {
  const withToday: Settings = options.today === undefined ? DEFAULT_SETTINGS : { ...DEFAULT_SETTINGS, reportDate: options.today };
  // The sheet named Settings, or the one the user pointed at for it.
  const named = source.tableHints?.[SETTINGS_TABLE_NAME]?.sheet ?? SETTINGS_SHEET;
  const sheet = (await source.sheets()).find((s) => sheetNameIn(s.name, [named]));
  if (sheet === undefined) return { settings: withToday, issues: [], cells: {} };
  const { rows, headed } = await rawSettings(source, sheet.name);
  const issues: Issue[] = [];
  const raw: Partial<Record<SettingKey, CellValue>> = {};
  const cells: Partial<Record<SettingKey, string>> = {};
  for (const r of rows) {
    const def = BY_LABEL.get(normalizeLabel(cellText(r.name)));
    if (def === undefined) {
      if (headed && !isBlank(r.name)) {
        const known = SETTING_DEFS.map((d) => d.label).join(', ');
        issues.push(cellIssue('warning', 'settings.unknown', { sheet: sheet.name, cell: r.nameCell }, `"${cellText(r.name)}" is not a setting PERM Recon knows, so it is ignored. The settings are: ${known}.`));
      }
      continue;
    }
    if (cells[def.key] !== undefined) {
      issues.push(cellIssue('warning', 'settings.duplicate', { sheet: sheet.name, cell: r.nameCell }, `${def.label} is set again here; the first one, in ${cells[def.key] ?? ''}, is used. Delete one of the two rows.`));
      continue;
    }
    if (isBlank(r.value)) continue; // a blank value means "use the default"
    raw[def.key] = r.value;
    cells[def.key] = r.valueCell;
  }
  const parsed = settingsSchema.safeParse(raw);
  const settings: Record<string, unknown> = { ...withToday };
  if (parsed.success) {
    for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) settings[k] = v;
  } else {
    const badKeys = new Set<string>();
    for (const zi of parsed.error.issues) {
      const key = String(zi.path[0]) as SettingKey;
      badKeys.add(key);
      const def = SETTING_DEFS.find((d) => d.key === key);
      const fallback = DEFAULT_SETTINGS[key];
      const uses = fallback === undefined ? 'It is left unset.' : `The default, ${describeDefault(key)}, is used until you fix it.`;
      issues.push(cellIssue('error', `settings.${key}`, { sheet: sheet.name, ...(cells[key] === undefined ? {} : { cell: cells[key] }) }, `${def?.label ?? key}: ${zi.message} ${uses}`));
    }
    // Keep the values that did parse.
    for (const def of SETTING_DEFS) {
      if (badKeys.has(def.key) || raw[def.key] === undefined) continue;
      const p = def.parse(raw[def.key] ?? null);
      if (p.ok) settings[def.key] = p.value;
    }
  }
  return { settings: settings as unknown as Settings, issues, sheet: sheet.name, cells };
}

/** The default of a setting as typed in the sheet (`15%`), or `none` when it has none. */
export function describeDefault(key: SettingKey): string {
  switch (key) {
    case 'quarterlyThreshold':
      return '15%';
    case 'overallThreshold':
      return '5%';
    case 'confidence':
      return '95%';
    case 'undeterminedAsError':
      return 'Yes';
    case 'percentBase':
      return 'Report';
    case 'includePriorPeriod':
      return 'No';
    case 'intervalQuantile':
      return 'Normal';
    case 'negativeSampleStratified':
      return 'No';
    case 'formVersion':
      return '01/07';
    default:
      return 'none';
  }
}
