/**
 * The bundled sample workbook, copied cell by cell into the fake Excel (dates as serial numbers, as
 * office-js gives them), reconciled and filled through the office-js adapter: the same results as
 * through the .xlsx adapter, and the sync budget of a whole run.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillForms } from '../../src/core/forms/fill-forms.js';
import { runReconciliation } from '../../src/core/recon/run-reconciliation.js';
import type { WorkbookSource } from '../../src/core/workbook/port.js';
import { openXlsx } from '../../src/xlsx/open-xlsx.js';
import { createExcelHost } from '../../src/taskpane/excel-host.js';
import { runAndWrite } from '../../src/taskpane/run/run-workbook.js';
import { copyIntoFake } from './copy-into-fake.js';
import { FakeDocumentSettings } from './fake-document-settings.js';
import type { FakeExcel } from './fake-excel.js';
import { adapterOn, syncsDuring } from './helpers.js';

const SAMPLE = fileURLToPath(new URL('../../assets/samples/sample-state.xlsx', import.meta.url));
const TODAY = '2025-07-01';

let fake: FakeExcel;
let xlsx: WorkbookSource;

beforeAll(async () => {
  xlsx = await openXlsx(SAMPLE);
  fake = await copyIntoFake(xlsx);
});

describe('the sample workbook through the office-js adapter', () => {
  it('reconciles to the same result as through the .xlsx adapter, in a fixed number of syncs', async () => {
    fake.resetCounters();
    const book = adapterOn(fake, { merges: true });
    let run: Awaited<ReturnType<typeof runReconciliation>> | undefined;
    const readSyncs = await syncsDuring(fake, async () => {
      run = await runReconciliation(book, { today: TODAY });
    });
    const expected = await runReconciliation(xlsx, { today: TODAY });
    expect(run?.json).toEqual(expected.json);
    expect(run?.issues).toEqual(expected.issues);
    expect((await book.sheets()).length).toBe(7);
    // 3 for the snapshot of all 7 sheets: every header scan and the Settings and Universe tables
    // are answered from it; + 1 chunk for each table longer than the 30 read-ahead rows (CMS-64, CMS-21).
    expect(readSyncs).toBe(5);
    expect(fake.runs).toBe(3);
    const writeSyncs = await syncsDuring(fake, () => book.writeSheets(run?.sheets ?? []));
    expect(writeSyncs).toBe(2); // a first run: no owned sheet exists yet
    expect(fake.writes.every((w) => ['Reconciliation', 'Call Summary', 'Line Map'].includes(w.sheet))).toBe(true);
    // A second run reads the Line Map and notes the first one wrote, and rewrites Reconciliation in place.
    fake.resetCounters();
    const again = adapterOn(fake, { merges: true });
    const second = await runReconciliation(again, { today: TODAY });
    // The Line Map sheet written by the first run is now read too (1 chunk), and the Reconciliation
    // sheet's notes with their formulas and number formats (1 chunk: the read-ahead holds values only).
    expect(fake.syncs).toBe(7);
    expect(second.sheets.map((s) => s.name)).toEqual(['Reconciliation', 'Call Summary']);
    expect(second.json).toEqual(expected.json);
    const rewrite = await syncsDuring(fake, () => again.writeSheets(second.sheets));
    expect(rewrite).toBe(3);
  });

  it('fills CMS-10184E to the same result as through the .xlsx adapter, in a fixed number of syncs', async () => {
    fake.resetCounters();
    const book = adapterOn(fake, { merges: true });
    let run: Awaited<ReturnType<typeof fillForms>> | undefined;
    const readSyncs = await syncsDuring(fake, async () => {
      run = await fillForms(book, { today: TODAY });
    });
    const expected = await fillForms(xlsx, { today: TODAY });
    expect(run?.json).toEqual(expected.json);
    expect(readSyncs).toBe(5); // the snapshot + 1 chunk each for the Findings and Universe Counts tables
    const writeSyncs = await syncsDuring(fake, () => book.writeSheets(run?.sheets ?? []));
    expect(writeSyncs).toBe(2); // none of the three form sheets exists yet
    expect(fake.writes.every((w) => ['CMS-10184E Medicaid', 'CMS-10184E CHIP', 'Estimator Detail'].includes(w.sheet))).toBe(true);
  });
});

describe('the sample workbook through the task pane inside Excel (one snapshot per look)', () => {
  it('reconciles, reconciles again and fills in a fixed number of syncs, the Run Log read from the same snapshot', async () => {
    const pane = await copyIntoFake(xlsx);
    const host = createExcelHost({ run: pane.run, label: 'sample-state.xlsx', merges: true, settings: () => new FakeDocumentSettings() });
    const now = new Date(`${TODAY}T12:00:00Z`);
    const first = await syncsDuring(pane, () => runAndWrite(host, 'reconcile', { hints: {}, now, version: 'test' }));
    const again = await syncsDuring(pane, () => runAndWrite(host, 'reconcile', { hints: {}, now, version: 'test' }));
    const fill = await syncsDuring(pane, () => runAndWrite(host, 'fill', { hints: {}, now, version: 'test' }));
    // First: snapshot 3 + a chunk each for CMS-64 and CMS-21, write 2. Again: + the Line Map and the
    // typed read of Reconciliation, write 3 (sheets now exist). Fill: snapshot 3 + Findings and Universe
    // Counts chunks + the Run Log's (past 30 rows by now), write 2.
    expect([first, again, fill]).toEqual([7, 10, 8]);
  });
});
