/** A plain-text table for the terminal: columns padded to their widest cell, numbers right-aligned. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const dollarsText = (d: number | null): string =>
  d === null ? '' : `${d < 0 ? '-' : ''}$${Math.abs(d).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
export const countText = (n: number | null): string => (n === null ? '' : n.toLocaleString('en-US'));
export const percentText = (f: number | null, digits = 1): string => (f === null || !Number.isFinite(f) ? 'n/a' : `${(f * 100).toFixed(digits)}%`);
