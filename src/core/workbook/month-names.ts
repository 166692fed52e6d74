/** English month names and abbreviations → 1..12 (`jan`, `january`, `sept`, `sep.`). */

const NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1..12 for a month word (full name, three-letter abbreviation, `sept`; any case; a trailing dot allowed). */
export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const i = NAMES.findIndex((name) => name === w || name.slice(0, 3) === w || (name === 'september' && w === 'sept'));
  return i < 0 ? undefined : i + 1;
}

/** Regex source matching any month word `monthNumber` accepts. */
export const MONTH_WORD =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
