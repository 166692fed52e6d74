/**
 * Keys that report lines are matched on. Labels drift between years and sheets (recon-domain.md
 * 2.7): en dashes and hyphens, doubled spaces, `**` markers (FY 2015), `&` against `and`, stray
 * periods; so both sides are compared only after this.
 */
import { normalizeLabel } from '../workbook/normalize-label.js';

/**
 * `Medicaid - MCO  **` → `medicaid-mco`; `Home & Community-Based Services - Reg. Pay. (Waiv)` →
 * `home and community-based services-reg pay(waiv)`. Case, dashes, spaces, trailing `*`, `&`,
 * periods and commas, and spaces around `/ : ( )` do not count.
 */
export function descriptionKey(description: string): string {
  return normalizeLabel(description)
    .replace(/\*+$/, '')
    .replace(/&/g, ' and ')
    .replace(/[.,]/g, '')
    .replace(/ *([/:()]) */g, '$1')
    .replace(/ +/g, ' ')
    .trim()
    .replace(/ ?- ?/g, '-');
}

/** `1.A` / `1 a` / `Line 1A` → `1A`; `7.A.1` → `7A1`; '' when blank. */
export function lineNumberKey(line: string): string {
  return normalizeLabel(line)
    .replace(/^line\s*/, '')
    .replace(/[\s.-]/g, '')
    .toUpperCase();
}

/** The block prefix a key starts with (`c-`, `t-`), if any. */
export function blockPrefix(key: string): 'c-' | 't-' | undefined {
  if (key.startsWith('c-')) return 'c-';
  if (key.startsWith('t-')) return 't-';
  return undefined;
}
