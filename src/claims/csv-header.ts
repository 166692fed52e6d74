/**
 * The header row of a CSV claim file (gzip too), read here rather than left to DuckDB's sniffer:
 * the sniffer guesses the dialect from a sample and, on a malformed file, can take a data row for
 * the header. With the header and delimiter known, DuckDB reads the file strictly, so a bad row is
 * an error naming the file instead of a silent guess.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { ClaimFile } from './claim-file.js';

export interface CsvHeader {
  readonly delimiter: string;
  readonly names: readonly string[];
}

const DELIMITERS = [',', '\t', '|', ';'];
const MAX_HEADER_BYTES = 1 << 20;

/** The file's first line (up to 1 MiB), decompressed when gzip. */
async function firstLine(file: ClaimFile): Promise<string> {
  const raw = createReadStream(file.path);
  const stream = file.format === 'csv.gz' ? raw.pipe(createGunzip()) : raw;
  let text = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      text += chunk.toString('utf8');
      const end = text.search(/\r?\n/);
      if (end >= 0) return text.slice(0, end);
      if (text.length > MAX_HEADER_BYTES) break;
    }
  } finally {
    raw.destroy();
  }
  return text;
}

/** Splits one CSV line on `delimiter`, with double-quoted fields (`""` inside a quote is one quote). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** The delimiter that splits the header into the most fields (comma on a tie), and the header's names. */
export async function readCsvHeader(file: ClaimFile): Promise<CsvHeader> {
  const line = (await firstLine(file)).replace(/^\uFEFF/, '');
  let best: CsvHeader = { delimiter: ',', names: splitCsvLine(line, ',') };
  for (const d of DELIMITERS.slice(1)) {
    const names = splitCsvLine(line, d);
    if (names.length > best.names.length) best = { delimiter: d, names };
  }
  return best;
}
