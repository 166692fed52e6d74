/** The result of parsing one cell: a value, or the reason it could not be read (for a message). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function parsedOk<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function parsedFail<T = never>(reason: string): Parsed<T> {
  return { ok: false, reason };
}
