/** How amounts and rates read in the task pane (US dollars, percentages). */
import { formatPercent } from '../core/recon/call-detail.js';

/** `$1,234.56` or `-$1,234.56` from integer cents; empty for null. */
export function centsText(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const dollars = Math.abs(cents) / 100;
  return `${cents < 0 ? '-' : ''}$${dollars.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `$1,234.56` from dollars; empty for null. */
export function dollarsText(dollars: number | null | undefined): string {
  if (dollars === null || dollars === undefined || !Number.isFinite(dollars)) return '';
  return centsText(Math.round(dollars * 100));
}

/** `18.3%` from a fraction, rounded as Excel shows it; `n/a` when there is none. */
export function percentText(fraction: number | null | undefined, digits: number): string {
  return formatPercent(fraction, digits);
}

/** `13,531,881`; empty for null. */
export function countText(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : n.toLocaleString('en-US');
}

/** `'CMS-10184E Medicaid'!D21`: a cell reference as Excel writes it. */
export function cellReference(sheet: string, cell?: string): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell === undefined ? quoted : `${quoted}!${cell}`;
}
