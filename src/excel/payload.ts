/**
 * Payload limits of the Excel JavaScript API and the chunk sizes derived from them.
 * Excel on the web limits each request and each response to 5 MB, and on every platform a range
 * read (`values`) is limited to five million cells; above that `values` may come back null.
 * Chunks are sized from an estimate of the bytes per row, with a margin under the limit.
 */

/** Bytes one sync may send or receive: 4 MB, leaving a margin under Excel on the web's 5 MB. */
export const DEFAULT_PAYLOAD_BUDGET = 4_000_000;

/** Excel's limit on the cells of one range read. */
export const MAX_GET_CELLS = 5_000_000;

/**
 * Estimated JSON bytes of one cell in `values`: a money amount such as `1234567.89,` is about
 * 12, a claim id or a line description 20 to 60. Pessimistic on purpose; a chunk that still
 * comes back larger shrinks the next one, and a chunk refused for its size is read again halved.
 */
export const BYTES_PER_CELL_ESTIMATE = 64;

/** Rows per read chunk for a range `columnCount` wide: under the byte budget and the cell limit, and no more than `requested`. */
export function readChunkRows(columnCount: number, budget = DEFAULT_PAYLOAD_BUDGET, requested?: number): number {
  const cols = Math.max(1, columnCount);
  const byBytes = Math.floor(budget / (cols * BYTES_PER_CELL_ESTIMATE));
  const byCells = Math.floor(MAX_GET_CELLS / cols);
  const rows = Math.max(1, Math.min(byBytes, byCells));
  return requested === undefined ? rows : Math.max(1, Math.min(rows, Math.floor(requested)));
}

const PLAIN_TEXT = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/; // printable ASCII without " and \

/** Estimated JSON size of one value as office-js sends it. */
export function valueBytes(v: unknown): number {
  if (typeof v === 'string') return (PLAIN_TEXT.test(v) ? v.length + 2 : JSON.stringify(v).length) + 1;
  if (typeof v === 'number') return String(v).length + 1;
  if (typeof v === 'boolean') return v ? 5 : 6;
  return 5;
}

/** Estimated JSON size of a 2-D array of values (one `values`, `formulas` or `numberFormat` matrix). */
export function matrixBytes(matrix: readonly (readonly unknown[])[]): number {
  let total = 2;
  for (const row of matrix) {
    total += 3;
    for (const v of row) total += valueBytes(v);
  }
  return total;
}

/** True for Excel's "request/response payload too large" errors (RichApi.Error codes). */
export function isPayloadLimitError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  const text = `${typeof code === 'string' ? code : ''} ${typeof message === 'string' ? message : ''}`;
  return /(?:Request|Response)PayloadSizeLimitExceeded/i.test(text);
}
