/**
 * The blank template (`perm-recon template --out FILE.xlsx`, cli.md "Blank template"): every
 * input table of the canonical layout with its headers, the Settings with their defaults, the
 * bundled Line Map, and an About sheet saying what goes where. Built from the same facts the
 * readers use (core/workbook/input-tables.ts, the Settings definitions, the line-map defaults), so
 * a template always reads back with every table found and no message.
 */
import { DEFAULT_LINE_MAP } from '../recon/line-map-defaults.js';
import { buildLineMapSheet, LINE_MAP_SHEET } from '../recon/line-map-sheet.js';
import { INPUT_TABLE_FACTS, REPORT_TABLE, templateHeaders, type InputTableFacts } from '../workbook/input-tables.js';
import { OWNED_SHEET_NAMES } from '../workbook/owned-sheets.js';
import { PERCENT_1DP_FORMAT, textCell } from '../workbook/output-cells.js';
import type { OutputCell, OwnedSheet } from '../workbook/port.js';
import { SETTINGS, SETTINGS_SHEET } from '../workbook/settings.js';

const HEADER_STYLE = { bold: true, fill: 'D9E1F2', border: 'thin', wrap: true } as const;
export const ABOUT_SHEET = 'About';

/** Where the layout guide lives in the repository. */
export const LAYOUT_GUIDE = 'docs/workbook-layout.md';

/** Report sheets of the template: the long form (a Form column, or the sheet name, tells the form of each line). */
const REPORT_SHEETS: readonly string[] = ['CMS-64', 'CMS-21'];

/** The headers of the report sheets, long form: Quarter first, as CMS exports read. */
type ReportColumn = keyof typeof REPORT_TABLE.required | keyof typeof REPORT_TABLE.optional;
const REPORT_HEADERS: readonly ReportColumn[] = ['Quarter', 'Line', 'Description', 'Total Computable', 'Federal Share', 'Form'];

function headerRow(headers: readonly string[]): OutputCell[] {
  return headers.map((h) => textCell(h, HEADER_STYLE));
}

function settingsSheet(): OwnedSheet {
  const rows: OutputCell[][] = [headerRow(['Setting', 'Value', 'Meaning'])];
  for (const def of Object.values(SETTINGS)) {
    const d = def.default;
    const value: OutputCell = d === undefined ? null : typeof d.value === 'number' ? { number: d.value, numberFormat: PERCENT_1DP_FORMAT, horizontal: 'left' } : textCell(d.text);
    rows.push([textCell(def.label), value, textCell(`${def.help}${d === undefined ? '' : ` (default ${d.text})`}`, { wrap: true })]);
  }
  return { name: SETTINGS_SHEET, rows, columnWidths: [24, 14, 80] };
}

function tableSheet(name: string, headers: readonly string[]): OwnedSheet {
  return { name, rows: [headerRow(headers)], columnWidths: headers.map((h) => Math.max(12, h.length + 4)), freezeRows: 1 };
}

function synonymText(facts: InputTableFacts): string {
  const entries = [...Object.entries(facts.spec.required), ...Object.entries(facts.spec.optional ?? {})];
  return entries
    .map(([name, syn]) => {
      const others = syn.filter((x) => x.toLowerCase() !== name.toLowerCase());
      return others.length === 0 ? name : `${name} (or ${others.join(', ')})`;
    })
    .join('; ');
}

function aboutSheet(): OwnedSheet {
  const rows: OutputCell[][] = [
    [textCell('PERM Recon workbook template', { bold: true })],
    [textCell(`Fill in the sheets below (or paste your own tables anywhere: PERM Recon finds each table by its headers). The full guide is ${LAYOUT_GUIDE} in the PERM Recon repository.`, { wrap: true })],
    [],
    headerRow(['Sheet', 'Holds', 'Headers (required first; other accepted spellings in brackets)', 'Read by']),
  ];
  for (const f of INPUT_TABLE_FACTS) {
    const required = Object.keys(f.spec.required).join(', ');
    rows.push([textCell(f.templateSheets.join(', ')), textCell(f.holds, { wrap: true }), textCell(`Required: ${required}. ${synonymText(f)}.`, { wrap: true }), textCell(f.usedBy)]);
  }
  rows.push([]);
  rows.push([textCell('Amounts are US dollars: numbers, or text such as $1,234.56 or (1,234.56). Quarters: 2023Q3, Q3 2023, FFY2024 Q1 (federal fiscal), or a date inside the quarter.', { wrap: true })]);
  rows.push([textCell(`The add-in and the command line write only their own sheets: ${OWNED_SHEET_NAMES.join(', ')}, and ${LINE_MAP_SHEET} when the workbook has none. This About sheet is never read.`, { wrap: true })]);
  return { name: ABOUT_SHEET, rows, columnWidths: [22, 48, 90, 18] };
}

/** The template's sheets, in tab order. */
export function buildTemplateSheets(): OwnedSheet[] {
  const sheets: OwnedSheet[] = [aboutSheet(), settingsSheet()];
  for (const f of INPUT_TABLE_FACTS) {
    if (f.key === 'settings') continue;
    if (f.key === 'lineMap') {
      sheets.push(buildLineMapSheet(DEFAULT_LINE_MAP));
      continue;
    }
    if (f.key === 'reports') {
      for (const sheet of REPORT_SHEETS) sheets.push(tableSheet(sheet, REPORT_HEADERS));
      continue;
    }
    for (const sheet of f.templateSheets) sheets.push(tableSheet(sheet, templateHeaders(f.spec)));
  }
  return sheets;
}
