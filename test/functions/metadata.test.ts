// The metadata custom-functions-metadata generates from functions.ts's JSDoc (offline, as the
// webpack plugin does): the ids Excel knows, parameter and result dimensionality, optional arguments.
import { fileURLToPath } from 'node:url';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import * as functions from '../../src/functions/functions.js';

const SOURCE = fileURLToPath(new URL('../../src/functions/functions.ts', import.meta.url));

interface Parameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
let byId: Map<string, FunctionMetadata>;

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata([SOURCE], true);
  const json = JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] };
  byId = new Map(json.functions.map((f) => [f.id, f]));
});

const fn = (id: string): FunctionMetadata => {
  const f = byId.get(id);
  if (f === undefined) throw new Error(`no metadata for ${id}`);
  return f;
};
const shape = (f: FunctionMetadata) => f.parameters.map((p) => [p.name, p.type, p.dimensionality ?? 'scalar', p.optional === true]);

describe('functions.json', () => {
  it('generates without errors, with the four PERM functions', () => {
    expect(generated.errors).toEqual([]);
    expect([...byId.keys()]).toEqual(['DIFFPCT', 'FLAG', 'RATIOERRORRATE', 'SAMPLESIZE']);
    for (const f of byId.values()) {
      expect(f.name).toBe(f.id);
      expect(f.description.length).toBeGreaterThan(20);
    }
  });

  it('declares scalar number arguments and results for DIFFPCT, FLAG and SAMPLESIZE', () => {
    expect(shape(fn('DIFFPCT'))).toEqual([['universe', 'number', 'scalar', false], ['report', 'number', 'scalar', false]]);
    expect(fn('DIFFPCT').result).toEqual({ type: 'number' });
    expect(shape(fn('FLAG'))).toEqual([
      ['universe', 'number', 'scalar', false],
      ['report', 'number', 'scalar', false],
      ['threshold', 'number', 'scalar', true],
    ]);
    expect(fn('FLAG').result).toEqual({ type: 'boolean' });
    expect(shape(fn('SAMPLESIZE'))).toEqual([
      ['rate', 'number', 'scalar', false],
      ['precision', 'number', 'scalar', false],
      ['confidence', 'number', 'scalar', true],
      ['universe', 'number', 'scalar', true],
    ]);
    expect(fn('SAMPLESIZE').result).toEqual({ type: 'number' });
  });

  it('takes RATIOERRORRATE’s four ranges as matrices of any values and spills a matrix', () => {
    expect(shape(fn('RATIOERRORRATE'))).toEqual([
      ['cells', 'any', 'matrix', false],
      ['universeCounts', 'any', 'matrix', false],
      ['paid', 'any', 'matrix', false],
      ['error', 'any', 'matrix', false],
    ]);
    expect(fn('RATIOERRORRATE').result).toEqual({ dimensionality: 'matrix' });
  });

  it('associates every id with a function functions.ts exports', () => {
    const exported = functions as unknown as Record<string, unknown>;
    const pairs = generated.associate.map((a) => [a.id, a.functionName]);
    expect(pairs).toEqual([['DIFFPCT', 'diffPct'], ['FLAG', 'flag'], ['RATIOERRORRATE', 'ratioErrorRate'], ['SAMPLESIZE', 'sampleSize']]);
    for (const [, name] of pairs) expect(typeof exported[name as string]).toBe('function');
  });
});
