/**
 * The optional `Settings` sheet (two columns: Setting, Value), validated with zod into typed
 * settings. A missing sheet or setting takes the default of the layout spec; a bad value is an
 * issue naming its cell, and the default is used in its place.
 */
import { z } from 'zod';
import { cellText, isBlank } from './cell-value.js';
import { findTables, readTableRecords, recordCell, recordValue } from './find-table.js';
import { SETTINGS_TABLE } from './input-tables.js';
import { cellIssue, type Issue } from './issue.js';
import { normalizeLabel } from './normalize-label.js';
import { sheetNameIn } from './owned-sheets.js';
import { parseChoice, parseDate, parseFormVersion, parsePercent, parseText, parseYesNo } from './parse-setting-values.js';
import type { Parsed } from './parsed.js';
import type { CellValue, WorkbookSource } from './port.js';
import { parseReviewYear } from './quarter.js';
import { columnLetter } from './address.js';

export const SETTINGS_SHEET = 'Settings';
/** The table name a user's pointing (`TableHint`) is saved under. */
export const SETTINGS_TABLE_NAME = 'Settings';

export type PercentBase = 'Report' | 'Universe';
export type IntervalQuantile = 'Normal' | 't';
export type FormVersion = '01/07' | '2013';

/** One setting: its label on the sheet, other accepted labels, what it means, its zod field and its default (value and how a user writes it). */
export interface SettingSpec<T> {
  readonly label: string;
  readonly aliases: readonly string[];
  readonly help: string;
  /** The cell → value parser as a zod field: the parser's reason becomes the zod issue's message. */
  readonly field: z.ZodType<T, CellValue>;
  readonly default?: { readonly value: T; readonly text: string };
}

function cellField<T>(parse: (v: CellValue) => Parsed<T>): z.ZodType<T, CellValue> {
  return z.custom<CellValue>().transform((v, ctx): T => {
    const p = parse(v);
    if (p.ok) return p.value;
    ctx.addIssue({ code: 'custom', message: p.reason });
    return z.NEVER;
  });
}

function setting<T>(label: string, aliases: readonly string[], help: string, parse: (v: CellValue) => Parsed<T>): SettingSpec<T> & { readonly default?: undefined };
function setting<T>(label: string, aliases: readonly string[], help: string, parse: (v: CellValue) => Parsed<T>, value: T, text: string): SettingSpec<T> & { readonly default: { readonly value: T; readonly text: string } };
function setting<T>(label: string, aliases: readonly string[], help: string, parse: (v: CellValue) => Parsed<T>, value?: T, text?: string): SettingSpec<T> {
  return { label, aliases, help, field: cellField(parse), ...(text === undefined ? {} : { default: { value: value as T, text } }) };
}

/**
 * Every setting of the Settings sheet (layout spec), in the order a template lists them: the one
 * place the `Settings` type, `DEFAULT_SETTINGS`, the reader and the task pane's labels come from.
 */
export const SETTINGS = {
  state: setting('State', ['State Name'], 'Line A of CMS-10184E; also which state\'s sheets an FMR export is read for.', parseText),
  reviewYear: setting('Review Year', ['RY', 'Review Period', 'Cycle'], 'Which four quarters are reconciled and which months are in the eligibility sample (RY2025 = 2023Q3 to 2024Q2, or FFY2024); inferred from the data when blank.', parseReviewYear),
  reportDate: setting('Report Date', ['Date'], 'Line B of CMS-10184E; today when blank.', parseDate),
  quarterlyThreshold: setting('Quarterly Threshold', ['Quarter Threshold'], 'A quarterly difference strictly over this is flagged.', (v) => parsePercent(v, 0, 1), 0.15, '15%'),
  overallThreshold: setting('Overall Threshold', ['Annual Threshold'], 'The review year\'s difference strictly over this is flagged.', (v) => parsePercent(v, 0, 1), 0.05, '5%'),
  confidence: setting('Confidence', ['Confidence Level'], 'Confidence level of every interval on CMS-10184E.', (v) => parsePercent(v, 0.5, 1), 0.95, '95%'),
  undeterminedAsError: setting('Undetermined As Error', ['Undetermined As Errors', 'Count Undetermined As Error'], 'Whether undetermined (U) cases count as errors in lines G and H.', parseYesNo, true, 'Yes'),
  percentBase: setting('Percent Base', ['Percentage Base'], 'Report or Universe: the denominator of a percentage difference.', (v) => parseChoice<PercentBase>(v, ['Report', 'Universe']), 'Report', 'Report'),
  includePriorPeriod: setting('Include Prior Period', ['Include Prior Period Adjustments', 'Prior Period'], 'Yes puts the prior-period forms (64.9P, 21P, 64.21UP) in the comparison.', parseYesNo, false, 'No'),
  intervalQuantile: setting('Interval Quantile', ['Quantile', 'Confidence Interval Quantile'], 'Normal, or t (n minus cells degrees of freedom), for every interval.', (v) => parseChoice<IntervalQuantile>(v, ['Normal', 't']), 'Normal', 'Normal'),
  // Default No: "The negative case universe is not stratified", 42 CFR 431.978(d)(2) as revised in 2007.
  negativeSampleStratified: setting('Negative Sample Stratified', ['Negative Stratified', 'Stratify Negative Sample'], 'Yes only where the state\'s sampling plan drew denials and terminations separately; by default the negative sample is one cell per month (42 CFR 431.978(d)(2)).', parseYesNo, false, 'No'),
  formVersion: setting('Form Version', ['CMS-10184E Version', 'Form Edition'], '01/07 (lines A-J) or 2013 (the later Summary Findings form: lines A-F with Cases Dropped from Sample and Total Dollars Undetermined, no error rate table).', parseFormVersion, '01/07' as FormVersion, '01/07'),
} as const;

type Specs = typeof SETTINGS;
export type SettingKey = keyof Specs;
type ValueOf<K extends SettingKey> = Specs[K] extends SettingSpec<infer T> ? T : never;
type WithDefault = { [K in SettingKey]: Specs[K]['default'] extends undefined ? never : K }[SettingKey];

/** The settings a run uses: every setting with a default is always there; State, Review Year and Report Date may be absent. */
export type Settings = { readonly [K in WithDefault]: ValueOf<K> } & { readonly [K in Exclude<SettingKey, WithDefault>]?: ValueOf<K> };

const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTING_KEYS.flatMap((k) => {
    const d = SETTINGS[k].default;
    return d === undefined ? [] : [[k, d.value]];
  }),
) as unknown as Settings;

/** The whole sheet as one zod object (each field optional: a missing setting takes its default). */
export const settingsSchema = z.object(Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].field.optional()])) as { [K in SettingKey]: z.ZodOptional<Specs[K]['field']> });

const BY_LABEL: ReadonlyMap<string, SettingKey> = new Map(
  SETTING_KEYS.flatMap((k) => [SETTINGS[k].label, ...SETTINGS[k].aliases].map((l) => [normalizeLabel(l), k] as const)),
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
  const [table] = await findTables(source, SETTINGS_TABLE, { onlySheets: [sheet], skipSheets: [] });
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
    const key = BY_LABEL.get(normalizeLabel(cellText(r.name)));
    if (key === undefined) {
      if (headed && !isBlank(r.name)) {
        const known = SETTING_KEYS.map((k) => SETTINGS[k].label).join(', ');
        issues.push(cellIssue('warning', 'settings.unknown', { sheet: sheet.name, cell: r.nameCell }, `"${cellText(r.name)}" is not a setting PERM Recon knows, so it is ignored. The settings are: ${known}.`));
      }
      continue;
    }
    const label = SETTINGS[key].label;
    if (cells[key] !== undefined) {
      issues.push(cellIssue('warning', 'settings.duplicate', { sheet: sheet.name, cell: r.nameCell }, `${label} is set again here; the first one, in ${cells[key] ?? ''}, is used. Delete one of the two rows.`));
      continue;
    }
    if (isBlank(r.value)) continue; // a blank value means "use the default"
    raw[key] = r.value;
    cells[key] = r.valueCell;
  }
  // Each setting through its zod field: the values that parse are kept, each bad one is an issue at its cell.
  const settings: Record<string, unknown> = { ...withToday };
  for (const key of SETTING_KEYS) {
    if (raw[key] === undefined) continue;
    const spec: SettingSpec<unknown> = SETTINGS[key];
    const parsed = spec.field.safeParse(raw[key]);
    if (parsed.success) {
      settings[key] = parsed.data;
      continue;
    }
    const uses = spec.default === undefined ? 'It is left unset.' : `The default, ${spec.default.text}, is used until you fix it.`;
    for (const zi of parsed.error.issues) {
      issues.push(cellIssue('error', `settings.${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-value`, { sheet: sheet.name, ...(cells[key] === undefined ? {} : { cell: cells[key] }) }, `${spec.label}: ${zi.message} ${uses}`));
    }
  }
  return { settings: settings as unknown as Settings, issues, sheet: sheet.name, cells };
}
