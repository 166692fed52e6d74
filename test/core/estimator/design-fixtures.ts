/** Reads the estimator's reference designs (test/fixtures/estimator/*.csv, made by generate.ts there). */
import { readFileSync } from 'node:fs';
import type { CellUniverse, SampledCase } from '../../../src/core/estimator';

const fixtures = new URL('../../fixtures/', import.meta.url);

/** Rows of a fixture CSV as records keyed by header. */
export function readCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(new URL(`estimator/${name}`, fixtures), 'utf8').trim().split(/\r?\n/);
  const keys = (header as string).split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i] as string, v])));
}

/** A design's cases and cells as the estimator takes them. */
export function loadDesign(design: string): { cases: SampledCase[]; cells: CellUniverse[] } {
  const cases = readCsv(`${design}.cases.csv`).map((r) => ({
    cellId: r.cellId as string,
    paidDollars: Number(r.paid),
    errorDollars: Number(r.error),
    caseError: r.caseError === '1',
    undetermined: r.undetermined === '1',
    fraud: r.fraud === '1',
    ...(r.domain ? { domain: r.domain } : {}),
  }));
  const cells = readCsv(`${design}.cells.csv`).map((r) => ({
    cellId: r.cellId as string,
    universeCount: Number(r.N),
    ...(r.X ? { universeDollars: Number(r.X) } : {}),
  }));
  return { cases, cells };
}

/** The values R's survey package printed (test/fixtures/r/estimator-reference.R); REFERENCE_JSON points at a fresh run. */
export const referencePath = process.env.REFERENCE_JSON ?? new URL('r/estimator-reference.json', fixtures).pathname;
