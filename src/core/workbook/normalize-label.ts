/**
 * Normalises a header or report-line label for matching: labels drift between years and sheets
 * (en dashes and hyphens, doubled spaces, line breaks in headers), so compare them only after this.
 */

// Hyphen-like characters: hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, small/full-width hyphen-minus.
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
// Non-breaking and other Unicode spaces, tabs, line and paragraph breaks.
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Lower case; every dash to `-`; every space or line break to one space; trimmed; `a - b` and `a- b` to `a-b`. */
export function normalizeLabel(s: string): string {
  return s
    .replace(ZERO_WIDTH, '')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim()
    .replace(/ ?- ?/g, '-')
    .toLowerCase();
}
