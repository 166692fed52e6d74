// How the owned sheets print and where their notes sit, as the written package says: the form on
// one page, Estimator Detail and the Run Log one page wide with their heading row repeated, the
// long Estimator Detail note in a merged wide row below the tables, not in the frozen rows.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { tempDir } from '../cli/sample-copy';
import { partText, zipOf } from './helpers';
import type JSZip from 'jszip';

let zip: JSZip;
let workbook = '';
const sheets = new Map<string, { index: number; xml: string }>();

beforeAll(async () => {
  const dir = tempDir();
  expect((await runCli(['demo', '--out', dir])).code).toBe(0);
  zip = await zipOf(join(dir, 'sample-state.filled.xlsx'));
  workbook = await partText(zip, 'xl/workbook.xml');
  const rels = await partText(zip, 'xl/_rels/workbook.xml.rels');
  const entries = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)];
  for (const [index, m] of entries.entries()) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    sheets.set(m[1] ?? '', { index, xml: await partText(zip, `xl/${target?.[1] ?? target?.[2]}`) });
  }
});

const printTitles = (index: number): string | undefined => new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">([^<]*)</definedName>`).exec(workbook)?.[1];

describe('print setup', () => {
  it('prints each form on one landscape page', () => {
    for (const name of ['CMS-10184E Medicaid', 'CMS-10184E CHIP']) {
      const { xml } = sheets.get(name)!;
      expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(xml).toMatch(/<pageSetup\b[^>]*orientation="landscape"/);
      expect(xml).toMatch(/<pageSetup\b[^>]*fitToWidth="1"/);
      expect(xml).not.toMatch(/fitToHeight="0"/);
    }
  });

  it('fits Estimator Detail and the Run Log to the page width, as many pages tall as needed, with the heading row on every page', () => {
    for (const [name, heading] of [['Estimator Detail', '$4:$4'], ['Run Log', '$1:$1']] as const) {
      const { xml, index } = sheets.get(name)!;
      expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(xml).toMatch(/<pageSetup\b[^>]*fitToWidth="1"[^>]*fitToHeight="0"|<pageSetup\b[^>]*fitToHeight="0"[^>]*fitToWidth="1"/);
      expect(printTitles(index), name).toBe(`&apos;${name}&apos;!${heading}`);
    }
  });
});

describe('notes', () => {
  it('keeps the frozen rows of Estimator Detail short, and puts the long note in a merged, wrapped row below the tables', async () => {
    const { xml } = sheets.get('Estimator Detail')!;
    expect(xml).toMatch(/<pane\b[^>]*ySplit="4"[^>]*state="frozen"/);
    const merge = /<mergeCell ref="A(\d+):R\1"\/>/.exec(xml);
    expect(merge).not.toBeNull();
    const noteRow = Number(merge?.[1]);
    const lastRow = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
    expect(noteRow).toBe(lastRow);
    expect(new RegExp(`<row r="${noteRow}"[^>]*ht="(\\d+)"[^>]*customHeight="1"`).test(xml)).toBe(true);
    const note = new RegExp(`<c r="A${noteRow}"[^>]*><is><t[^>]*>([^<]*)</t>`).exec(xml)?.[1] ?? '';
    expect(note.length).toBeGreaterThan(300);
    const a2 = /<c r="A2"[^>]*><is><t[^>]*>([^<]*)<\/t>/.exec(xml)?.[1] ?? '';
    expect(a2.length).toBeLessThan(80);
  });
});
