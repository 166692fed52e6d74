/**
 * The `Call Summary` sheet (workbook-layout.md, "Output sheets"): for the 64/21 reconciliation
 * call, on one printed page, per program every flagged quarter and the overall line with universe,
 * report, difference, percentage, excluded dollars, and the Explanation and Status typed on the
 * `Reconciliation` sheet; then the plain-language reading of each, and the open items (flagged
 * rows with no explanation or a status other than Resolved).
 *
 * Every value that comes from Reconciliation is a native formula referencing its cell there, so a
 * reviewer can trace it and it follows edits to that sheet (Explanation, Status) without a re-run.
 */
import { columnLetter } from '../workbook/address.js';
import { CALL_SUMMARY_SHEET, RECONCILIATION_SHEET } from '../workbook/owned-sheets.js';
import { formulaCell, MONEY_FORMAT, PERCENT_1DP_FORMAT, textCell } from '../workbook/output-cells.js';
import type { ConditionalHighlight, OutputCell, OwnedSheet } from '../workbook/port.js';
import { callItems, type CallItem } from './call-detail.js';
import { cachedText as textOf, cachedValue as cached, reconciliationLayout, type ReconciliationColumn as Linked } from './note-cells.js';
import type { ReconResult } from './recon-result.js';
import { describeYear } from './report-totals.js';

/** The status that closes an open item (matched ignoring case and spaces). */
export const RESOLVED_STATUS = 'Resolved';

const HEADERS = ['Program', 'Quarter', 'Universe', 'Report', 'Difference', '% difference', 'Excluded', 'Flag', 'Explanation', 'Status', 'Open'];
const HEADER_STYLE = { bold: true, fill: 'D9E1F2', border: 'thin', wrap: true } as const;
const MONEY = { numberFormat: MONEY_FORMAT } as const;

/** `'Reconciliation'!E7`. */
const link = (col: number, row: number): string => `'${RECONCILIATION_SHEET}'!${columnLetter(col)}${row}`;

/** Open when flagged and the explanation is blank or the status is not Resolved. */
export function isOpenItem(flagged: boolean, explanation: string, status: string): boolean {
  return flagged && (explanation.trim() === '' || status.trim().toLowerCase() !== RESOLVED_STATUS.toLowerCase());
}

/**
 * The Call Summary for `result`, linked to `reconciliation` (the sheet `buildReconciliationSheet`
 * made in the same run, whose Explanation and Status cells hold what the user typed).
 */
export function buildCallSummarySheet(result: ReconResult, reconciliation: OwnedSheet): OwnedSheet {
  const layout = reconciliationLayout(reconciliation);
  const rows: OutputCell[][] = [];
  const highlights: ConditionalHighlight[] = [];
  const merges: string[] = [];
  const rowHeights: Record<number, number> = {};
  const year = result.reviewYear === undefined ? 'review year not set' : describeYear(result.reviewYear);
  rows.push([textCell(`Call Summary: 64/21 reconciliation, ${year}`, { bold: true })]);
  rows.push([textCell(`Every number links to the ${RECONCILIATION_SHEET} sheet; type Explanation and Status there (or in the task pane). Open = flagged with no explanation, or a status other than ${RESOLVED_STATUS}.`, { italic: true, wrap: true })]);
  merges.push('A2:K2');
  rowHeights[2] = 30;
  rows.push([]);

  const items = callItems(result);
  const openRefs: string[] = [];
  const open: { item: CallItem; explanation: string; status: string }[] = [];
  for (const p of result.programs) {
    rows.push([textCell(`${p.program} against ${p.report}`, { bold: true })]);
    rows.push(HEADERS.map((h) => textCell(h, HEADER_STYLE)));
    const mine = items.filter((i) => i.program === p.program);
    const first = rows.length + 1;
    for (const it of mine) {
      const row = rows.length + 1;
      const at = layout?.rows.get(`${p.program}|${it.quarter}`);
      const recon = (k: Linked) => (at === undefined || layout === undefined ? undefined : reconciliation.rows[at - 1]?.[layout.columns[k] - 1]);
      const ref = (k: Linked) => (at === undefined || layout === undefined ? undefined : link(layout.columns[k], at));
      const explanation = textOf(recon('explanation'));
      const status = textOf(recon('status'));
      const money = (k: Linked, cents: number): OutputCell => {
        const r = ref(k);
        return r === undefined ? { number: cents / 100, ...MONEY } : formulaCell(r, cents / 100, MONEY);
      };
      const noteRef = (k: 'explanation' | 'status', value: string): OutputCell => {
        const r = ref(k);
        // A blank cell referenced reads as 0: show it blank.
        return r === undefined ? textCell(value) : formulaCell(`IF(${r}="","",${r})`, value, { wrap: k === 'explanation' });
      };
      const flagRef = ref('flag');
      const pctRef = ref('percent');
      const isOpen = isOpenItem(it.flagged, explanation, status);
      if (isOpen) open.push({ item: it, explanation, status });
      const h = `H${row}`;
      const i = `I${row}`;
      const j = `J${row}`;
      rows.push([
        textCell(p.program),
        textCell(it.quarter),
        money('universe', it.universeCents),
        money('report', it.reportCents),
        money('difference', it.differenceCents),
        pctRef === undefined ? textCell(it.percentDifference === null ? 'n/a' : String(it.percentDifference)) : formulaCell(pctRef, cached(recon('percent')) ?? it.percentDifference, { numberFormat: PERCENT_1DP_FORMAT, horizontal: 'right' }),
        money('excluded', it.excludedCents),
        flagRef === undefined ? textCell(it.flagged ? 'Yes' : 'No') : formulaCell(flagRef, it.flagged ? 'Yes' : 'No', { horizontal: 'center' }),
        noteRef('explanation', explanation),
        noteRef('status', status),
        // Open item: flagged, and no explanation or a status other than Resolved (workbook-layout.md, Call Summary).
        formulaCell(`IF(${h}="Yes",IF(OR(TRIM(${i})="",LOWER(TRIM(${j}))<>"${RESOLVED_STATUS.toLowerCase()}"),"Yes","No"),"")`, it.flagged ? (isOpen ? 'Yes' : 'No') : '', { horizontal: 'center' }),
      ]);
    }
    const last = rows.length;
    if (mine.length > 0) {
      openRefs.push(`K${first}:K${last}`);
      highlights.push({ range: `A${first}:K${last}`, formula: `$H${first}="Yes"`, fill: 'FFC7CE', fontColor: '9C0006' });
    }
    const flaggedQuarters = mine.filter((i) => i.quarter !== 'Overall').length;
    if (flaggedQuarters === 0) rows.push([textCell('No quarter flagged.', { italic: true })]);
    rows.push([]);
  }

  if (items.length > 0) {
    rows.push([textCell('What the numbers say', { bold: true })]);
    for (const it of items) {
      const row = rows.length + 1;
      rows.push([textCell(`${it.program} ${it.quarter}: ${it.reading}`, { wrap: true })]);
      merges.push(`A${row}:K${row}`);
      rowHeights[row] = 45;
    }
    rows.push([]);
  }

  rows.push([
    textCell('Open items', { bold: true }),
    openRefs.length === 0 ? textCell('0') : formulaCell(openRefs.map((r) => `COUNTIF(${r},"Yes")`).join('+'), open.length, { bold: true, horizontal: 'left' }),
  ]);
  if (open.length === 0) rows.push([textCell('None: every flagged row has an explanation and a Resolved status.', { italic: true })]);
  for (const o of open) {
    const why = o.explanation.trim() === '' ? 'no explanation yet' : `status ${o.status.trim() === '' ? 'blank' : `"${o.status}"`}, not ${RESOLVED_STATUS}`;
    const row = rows.length + 1;
    rows.push([textCell(`${o.item.program} ${o.item.quarter}: ${why} (as of this run; the Open column above follows your edits).`, { wrap: true })]);
    merges.push(`A${row}:K${row}`);
  }

  return {
    name: CALL_SUMMARY_SHEET,
    rows,
    columnWidths: [10, 9, 17, 17, 17, 10, 16, 6, 36, 12, 6],
    rowHeights,
    highlights,
    merges,
    landscape: true,
    fitToPage: true,
  };
}
