/**
 * The tables of docs/workbook-layout.md that list what the code accepts: each input table's
 * headers with every synonym, and the settings with their defaults. Generated from the same facts
 * the readers use, and checked against the guide by test/docs/workbook-layout.test.ts (which
 * rewrites the guide's generated parts with PERM_RECON_WRITE_DOCS=1).
 */
import { INPUT_TABLE_FACTS } from '../workbook/input-tables.js';
import { SETTINGS } from '../workbook/settings.js';

const cell = (s: string) => s.replace(/\|/g, '\\|');
const code = (s: string) => `\`${s}\``;

/** One Markdown table per input table: column, required or optional, accepted spellings. */
export function inputTablesMarkdown(): string {
  const parts: string[] = [];
  for (const f of INPUT_TABLE_FACTS) {
    parts.push(`#### ${f.title} (template sheet${f.templateSheets.length === 1 ? '' : 's'} ${f.templateSheets.map((s) => code(s)).join(', ')}; read by ${f.usedBy})`);
    parts.push('');
    parts.push(`Holds ${f.holds}.`);
    parts.push('');
    parts.push('| column | required | also accepted as |');
    parts.push('|---|---|---|');
    const rows = [...Object.entries(f.spec.required).map(([n, s]) => [n, 'yes', s] as const), ...Object.entries(f.spec.optional ?? {}).map(([n, s]) => [n, 'no', s] as const)];
    for (const [name, req, syn] of rows) {
      const others = syn.filter((x) => x.toLowerCase() !== name.toLowerCase());
      parts.push(`| ${cell(name)} | ${req} | ${others.length === 0 ? '' : others.map((o) => code(cell(o))).join(', ')} |`);
    }
    parts.push('');
  }
  return parts.join('\n').trimEnd();
}

/** The settings: label, other accepted labels, default, meaning. */
export function settingsMarkdown(): string {
  const lines = ['| setting | also accepted as | default | meaning |', '|---|---|---|---|'];
  for (const d of Object.values(SETTINGS)) {
    lines.push(`| ${d.label} | ${d.aliases.map((a) => code(a)).join(', ')} | ${d.default === undefined ? '(none)' : d.default.text} | ${cell(d.help)} |`);
  }
  return lines.join('\n');
}

export const GENERATED = {
  inputTables: { begin: '<!-- generated: input tables (src/core/template/layout-guide-tables.ts) -->', end: '<!-- end generated: input tables -->', render: inputTablesMarkdown },
  settings: { begin: '<!-- generated: settings (src/core/template/layout-guide-tables.ts) -->', end: '<!-- end generated: settings -->', render: settingsMarkdown },
} as const;

/** `guide` with every generated part replaced by what the code says now. */
export function withGeneratedParts(guide: string): string {
  let out = guide;
  for (const g of Object.values(GENERATED)) {
    const i = out.indexOf(g.begin);
    const j = out.indexOf(g.end);
    if (i < 0 || j < i) continue;
    out = `${out.slice(0, i + g.begin.length)}\n${g.render()}\n${out.slice(j)}`;
  }
  return out;
}
