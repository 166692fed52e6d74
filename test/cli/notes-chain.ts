/**
 * What a state typed on the Reconciliation sheet survives three re-runs of the command line, with
 * the copy edited and re-saved between runs by another tool: openpyxl (a user's script) or
 * LibreOffice Calc. The edits are openpyxl's (test/cli/notes-edit.py), and so is the reading of the
 * result: an independent reader says what type each cell came back as. Used by the
 * notes-resave-*.test.ts files, one per tool.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { libreOfficeConvert } from '../helpers/libreoffice.js';
import { runCli } from './run-cli.js';
import { SAMPLE, tempDir } from './sample-copy.js';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';
const EDIT = new URL('./notes-edit.py', import.meta.url).pathname;

interface Cell {
  readonly value: string | number;
  readonly type: string;
  readonly format: string;
}
interface Dump {
  readonly cells: Readonly<Record<string, Cell>>;
  /** Row number → columns A to E. */
  readonly keys: Readonly<Record<string, readonly (string | number | null)[]>>;
  readonly runLog: readonly (string | null)[];
}

async function py(...args: string[]): Promise<string> {
  return (await run(PYTHON, [EDIT, ...args], { timeout: 60_000 })).stdout;
}

const dump = async (file: string): Promise<Dump> => JSON.parse(await py('dump', file)) as Dump;

function rowOf(d: Dump, a: string, b: string, after = 0): number {
  const hit = Object.entries(d.keys).find(([row, cells]) => Number(row) > after && cells[0] === a && cells[1] === b);
  if (hit === undefined) throw new Error(`no row ${a} / ${b}`);
  return Number(hit[0]);
}

/** The Earlier notes block's rows: columns A-E and N-Q. */
function earlier(d: Dump): (string | number | null)[][] {
  const start = Object.entries(d.keys).find(([, c]) => typeof c[0] === 'string' && c[0].startsWith('Earlier notes'));
  if (start === undefined) return [];
  return Object.entries(d.keys)
    .filter(([row]) => Number(row) > Number(start[0]) + 1)
    .map(([row, c]) => [...c, ...['N', 'O', 'P', 'Q'].map((col) => d.cells[`${col}${row}`]?.value ?? null)]);
}

async function reconcile(input: string, output: string, day: string): Promise<string> {
  const result = await runCli(['reconcile', input, '--out', output], new Date(`${day}T12:00:00Z`));
  expect(result.code, result.stderr).toBe(0);
  return result.stderr;
}

/** A re-save by one tool: openpyxl opens and saves, or LibreOffice converts xlsx to xlsx. */
type Resave = (file: string, dir: string, name: string) => Promise<string>;

export const byOpenpyxl: Resave = async (file, dir, name) => {
  const out = join(dir, `${name}.xlsx`);
  await py('resave', file, out);
  return out;
};
export const byLibreOffice: Resave = async (file, dir, name) => {
  const out = join(dir, name);
  return libreOfficeConvert(file, 'xlsx', out);
};

/**
 * Run 1 on the sample; the user types (openpyxl) and the copy is re-saved; run 2 keeps it all;
 * Settings → RY2024, re-saved; run 3 moves the notes to Earlier notes; Settings → RY2025, re-saved;
 * run 4 puts them back. Every step's file is re-saved by `resave` before the tool reads it.
 */
export function chain(name: string, resave: Resave): void {
  describe(`notes over three re-runs, re-saved by ${name} between runs`, () => {
    let dir = '';
    beforeAll(() => {
      dir = tempDir();
    });

    it('keeps every note on its key, the user columns, and the values as typed; moves them and brings them back with the review year', async () => {
      const r1 = join(dir, 'run1.xlsx');
      await reconcile(SAMPLE, r1, '2026-11-01');
      const typed = join(dir, 'typed.xlsx');
      await py('type', r1, typed);

      // Run 2: the same review year. Everything is where it was typed, as it was typed.
      const r2 = join(dir, 'run2.xlsx');
      const warnings2 = await reconcile(await resave(typed, dir, 'saved1'), r2, '2026-11-02');
      const d2 = await dump(r2);
      const overall = rowOf(d2, 'Medicaid', 'Overall');
      expect(d2.cells[`N${overall}`]).toEqual({ value: 'RY2025 overall: capitation timing', type: 's', format: 'General' });
      expect(d2.cells[`O${overall}`]?.value).toBe('Open');
      expect(d2.cells[`N${rowOf(d2, 'Medicaid prior period', '2023Q4')}`]?.value).toBe('Drug rebate adjustment');
      const q4 = rowOf(d2, 'Medicaid', '2023Q4');
      expect(d2.cells[`N${q4}`]).toMatchObject({ value: 1234.5, type: 'n' });
      // The formula =1+1 comes back as its text, never as 2 and never as a formula.
      expect(d2.cells[`O${q4}`]).toMatchObject({ value: '=1+1', type: 's' });
      const chip = rowOf(d2, 'CHIP', '2024Q1');
      expect(d2.cells[`N${chip}`]).toMatchObject({ value: '=not a formula', type: 's' });
      expect(d2.cells[`O${chip}`]).toMatchObject({ value: '+1 call back', type: 's' });
      for (const header of [rowOf(d2, 'Program', 'Quarter'), rowOf(d2, 'Program', 'Quarter', overall)]) {
        expect([d2.cells[`P${header}`]?.value, d2.cells[`Q${header}`]?.value]).toEqual(['Owner', 'Call date']);
      }
      const q3 = rowOf(d2, 'Medicaid', '2023Q3');
      expect(d2.cells[`P${q3}`]?.value).toBe('Dana');
      expect(d2.cells[`Q${q3}`]).toEqual({ value: '2026-11-20T00:00:00', type: 'd', format: 'mm/dd/yyyy' });
      // The remark typed on the blank row under the title: in Earlier notes, with where it was.
      expect(earlier(d2)).toEqual([[null, null, null, '2026-11-02', 'row 3, outside the tables', 'General remark for the call', null, null, null]]);
      expect(warnings2).toContain('text typed at row 3, outside the tables');
      expect(d2.runLog[5]).toContain('moved to the Earlier notes block');

      // Run 3: Settings say RY2024. RY2025's notes must not show against RY2024's rows.
      const y24 = join(dir, 'ry2024.xlsx');
      await py('year', await resave(r2, dir, 'saved2'), y24, 'RY2024');
      const r3 = join(dir, 'run3.xlsx');
      const warnings3 = await reconcile(await resave(y24, dir, 'saved3'), r3, '2026-11-03');
      const d3 = await dump(r3);
      const overall3 = rowOf(d3, 'Medicaid', 'Overall');
      expect(d3.cells[`N${overall3}`]).toBeUndefined();
      expect(d3.cells[`O${overall3}`]).toBeUndefined();
      const moved = earlier(d3);
      expect(moved).toContainEqual([null, null, null, '2026-11-02', 'row 3, outside the tables', 'General remark for the call', null, null, null]);
      expect(moved).toContainEqual(['Medicaid', 'Overall', 'RY2025', '2026-11-03', null, 'RY2025 overall: capitation timing', 'Open', null, null]);
      expect(moved).toContainEqual(['Medicaid prior period', '2023Q4', 'RY2025', '2026-11-03', null, 'Drug rebate adjustment', null, null, null]);
      expect(moved).toContainEqual(['Medicaid', '2023Q3', 'RY2025', '2026-11-03', null, null, null, 'Dana', '2026-11-20T00:00:00']);
      expect(moved).toContainEqual(['Medicaid', '2023Q4', 'RY2025', '2026-11-03', null, 1234.5, '=1+1', null, null]);
      expect(moved).toHaveLength(6);
      expect(warnings3).toContain('5 notes typed on rows this run does not show were moved to the Earlier notes block');
      expect(warnings3).toContain('Medicaid RY2025 Overall (row 10): this run is for RY2024');
      expect(d3.runLog[5]).toContain('Medicaid RY2025 Overall (row 10): this run is for RY2024');

      // Run 4: back to RY2025. Each note returns to its row, still as typed; the remark stays.
      const y25 = join(dir, 'ry2025.xlsx');
      await py('year', await resave(r3, dir, 'saved4'), y25, 'RY2025');
      const r4 = join(dir, 'run4.xlsx');
      const warnings4 = await reconcile(await resave(y25, dir, 'saved5'), r4, '2026-11-04');
      const d4 = await dump(r4);
      expect(d4.cells[`N${rowOf(d4, 'Medicaid', 'Overall')}`]?.value).toBe('RY2025 overall: capitation timing');
      expect(d4.cells[`N${rowOf(d4, 'Medicaid prior period', '2023Q4')}`]?.value).toBe('Drug rebate adjustment');
      const q4again = rowOf(d4, 'Medicaid', '2023Q4');
      expect(d4.cells[`N${q4again}`]).toMatchObject({ value: 1234.5, type: 'n' });
      expect(d4.cells[`O${q4again}`]).toMatchObject({ value: '=1+1', type: 's' });
      expect(d4.cells[`Q${rowOf(d4, 'Medicaid', '2023Q3')}`]).toEqual({ value: '2026-11-20T00:00:00', type: 'd', format: 'mm/dd/yyyy' });
      expect(d4.cells[`O${rowOf(d4, 'CHIP', '2024Q1')}`]).toMatchObject({ value: '+1 call back', type: 's' });
      expect(earlier(d4)).toEqual([[null, null, null, '2026-11-02', 'row 3, outside the tables', 'General remark for the call', null, null, null]]);
      expect(warnings4).toContain('5 notes from the Earlier notes block are back on their rows');
    });
  });
}

