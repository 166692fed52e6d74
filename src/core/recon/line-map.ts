/**
 * Matching a report line to a line-map row: by form and line number when the report has line
 * numbers, else by form and normalised description. Each form falls back to the rows of the form
 * with the same line structure (a 64.9 Waiver line uses the 64.9 Base rows unless the map has a
 * row for the waiver form itself).
 */
import { formChain, type FormId } from './forms.js';
import { blockPrefix, descriptionKey, lineNumberKey } from './line-key.js';
import type { LineMapRow } from './line-map-row.js';

/** The block of the sheet a line was read in: `C` (M-CHIP) or `T` (M-CHIP 20%), decided by position. */
export type LineBlock = 'C' | 'T';

export interface LineToMatch {
  readonly form: FormId;
  readonly line?: string;
  readonly description: string;
  /** When set, the description is matched as if it carried the block's prefix (`T-`), which CMS sometimes leaves out. */
  readonly block?: LineBlock;
}

/** How a line was matched, for the Line Map sheet and tests. */
export type MatchedBy = 'line' | 'description' | 'pattern' | 'prefix';

export interface LineMatch {
  readonly row: LineMapRow;
  readonly by: MatchedBy;
  /** The form whose row matched (differs from the line's form when it fell back). */
  readonly form: FormId;
}

interface FormIndex {
  readonly byLine: Map<string, LineMapRow>;
  readonly byKey: Map<string, LineMapRow>;
  /** Pattern rows, longest prefix first. */
  readonly patterns: { readonly prefix: string; readonly row: LineMapRow }[];
}

/** True when a map description is a pattern: `*` alone, or text ending in `-*` (`C-*`, `T-*`). A trailing `**` is a CMS marker, not a pattern. */
export function isPattern(description: string): boolean {
  return /^(?:.*-\s*)?\*$/.test(description.trim()) && !description.trim().endsWith('**');
}

/** The key prefix of a pattern row: `C-*` → `c-`; `*` → ''. */
export function patternPrefix(description: string): string {
  return descriptionKey(description.trim().replace(/\*$/, ''));
}

export class LineMatcher {
  private readonly forms = new Map<FormId, FormIndex>();

  constructor(rows: readonly LineMapRow[]) {
    for (const row of rows) {
      let index = this.forms.get(row.form);
      if (index === undefined) {
        index = { byLine: new Map(), byKey: new Map(), patterns: [] };
        this.forms.set(row.form, index);
      }
      const line = row.line === undefined ? '' : lineNumberKey(row.line);
      if (line !== '' && !index.byLine.has(line)) index.byLine.set(line, row);
      if (row.description.trim() === '') continue;
      if (isPattern(row.description)) {
        index.patterns.push({ prefix: patternPrefix(row.description), row });
      } else {
        const key = descriptionKey(row.description);
        if (!index.byKey.has(key)) index.byKey.set(key, row);
      }
    }
    for (const index of this.forms.values()) index.patterns.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The row for a report line, or undefined when the map does not cover it (report it, never drop it). */
  match(line: LineToMatch): LineMatch | undefined {
    const chain = formChain(line.form);
    const lineKey = line.line === undefined ? '' : lineNumberKey(line.line);
    if (lineKey !== '') {
      for (const form of chain) {
        const row = this.forms.get(form)?.byLine.get(lineKey);
        if (row !== undefined) return { row, by: 'line', form };
      }
    }
    const key = keyInBlock(descriptionKey(line.description), line.block);
    if (key === '') return undefined;
    for (const form of chain) {
      const found = this.matchInForm(form, key);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private matchInForm(form: FormId, key: string): LineMatch | undefined {
    const index = this.forms.get(form);
    if (index === undefined) return undefined;
    const exact = index.byKey.get(key);
    if (exact !== undefined) return { row: exact, by: 'description', form };
    const pattern = index.patterns.find((p) => key.startsWith(p.prefix));
    if (pattern !== undefined) return { row: pattern.row, by: 'pattern', form };
    // The C- prefix is an FMR export habit: a 64.21U line may come with or without it.
    const prefix = blockPrefix(key);
    const toggled = prefix === undefined ? index.byKey.get(`c-${key}`) : index.byKey.get(key.slice(prefix.length));
    if (toggled !== undefined) return { row: toggled, by: 'prefix', form };
    return undefined;
  }
}

function keyInBlock(key: string, block: LineBlock | undefined): string {
  if (block === undefined || key === '') return key;
  const prefix = block === 'C' ? 'c-' : 't-';
  return key.startsWith(prefix) ? key : `${prefix}${key}`;
}
