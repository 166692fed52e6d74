/**
 * Builds a copy of an .xlsx package with the add-in's owned sheets added or replaced. The copy is
 * made at the package level: every part of the user's file is carried over untouched except the
 * workbook's sheet list, its relationships, the content types and the styles (appended to), and
 * the owned sheets' own parts. So other sheets keep everything exceljs would not round-trip
 * (charts, pivot tables, images), and a file of any size is handled the same way. No Node APIs:
 * the task pane's preview builds its downloads with it too.
 */
import JSZip from 'jszip';
import { HEAD_COLUMNS, HEAD_ROWS, OWNERSHIP_RECORD_NAME, ownershipRecordFormula, parseOwnershipRecord, planOwnedWrite, sheetsToInspect, type ExistingSheet, type OwnedWriteOptions } from '../core/workbook/owned-sheets.js';
import { quoteSheetName } from '../core/workbook/address.js';
import type { ChartSpec, OwnedSheet } from '../core/workbook/port.js';
import { chartXml, drawingXml } from './chart-xml.js';
import {
  CONTENT_TYPE,
  REL,
  addOverride,
  freePartName,
  freeRelId,
  parseRels,
  parseWorkbookSheets,
  relTypeIs,
  relativeTarget,
  relsPathOf,
  relsXml,
  removeOverride,
  resolveTarget,
  type Relationship,
} from './ooxml-package.js';
import { ownedRangeValues } from './range-values.js';
import { checkSheetName, renderOwnedSheets } from './render-owned-sheets.js';
import { sheetHead } from './sheet-head.js';
import { editDefinedNames, readDefinedNames } from './workbook-names.js';
import { sharedStringItems, transformSheetXml } from './sheet-xml-transform.js';
import { mergeStyles } from './styles-merge.js';
import { escapeXml, rootPrefix, section, setAttr, withPrefix } from './xml-text.js';

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  return f === null ? undefined : f.async('string');
}

async function mustText(zip: JSZip, path: string, what: string): Promise<string> {
  const t = await text(zip, path);
  if (t === undefined) throw new Error(`The workbook package has no ${what} (${path}); it is not a valid .xlsx file.`);
  return t;
}

/** The scratch workbook's parts for each owned sheet, by sheet name. */
async function scratchParts(scratch: JSZip): Promise<{ sheets: Map<string, string>; styles: string; strings: string[] }> {
  const wb = await mustText(scratch, 'xl/workbook.xml', 'workbook');
  const rels = parseRels(await mustText(scratch, 'xl/_rels/workbook.xml.rels', 'workbook relationships'));
  const sheets = new Map<string, string>();
  for (const s of parseWorkbookSheets(wb)) {
    const rel = rels.find((r) => r.id === s.relId);
    if (rel !== undefined) sheets.set(s.name, await mustText(scratch, resolveTarget('xl/workbook.xml', rel.target), 'scratch sheet'));
  }
  return { sheets, styles: await mustText(scratch, 'xl/styles.xml', 'scratch styles'), strings: sharedStringItems(await text(scratch, 'xl/sharedStrings.xml')) };
}

/** Mutable view of the package parts being edited. */
class PackageEdit {
  contentTypes = '';
  workbookXml = '';
  workbookRels: Relationship[] = [];

  constructor(
    readonly zip: JSZip,
    readonly workbookPart: string,
  ) {}

  names(): string[] {
    return Object.keys(this.zip.files);
  }

  put(part: string, xml: string, contentType?: string): void {
    this.zip.file(part, xml, { createFolders: false });
    if (contentType !== undefined) this.contentTypes = addOverride(this.contentTypes, part, contentType);
  }

  remove(part: string): void {
    this.zip.remove(part);
    this.contentTypes = removeOverride(this.contentTypes, part);
  }

  /** Removes the parts an owned sheet's previous version used (drawings and their charts, comments, tables). */
  async dropSheetDependents(sheetPart: string): Promise<void> {
    const relsPath = relsPathOf(sheetPart);
    const relsText = await text(this.zip, relsPath);
    if (relsText === undefined) return;
    for (const rel of parseRels(relsText)) {
      if (rel.external) continue;
      const target = resolveTarget(sheetPart, rel.target);
      const tail = rel.type.slice(rel.type.lastIndexOf('/') + 1);
      if (tail === 'drawing') {
        const drawingRels = await text(this.zip, relsPathOf(target));
        for (const child of drawingRels === undefined ? [] : parseRels(drawingRels)) {
          if (child.external || !relTypeIs(child, REL.chart)) continue;
          const chart = resolveTarget(target, child.target);
          const chartRels = await text(this.zip, relsPathOf(chart));
          for (const part of chartRels === undefined ? [] : parseRels(chartRels)) {
            if (!part.external && /chartStyle|chartColorStyle/.test(part.type)) this.remove(resolveTarget(chart, part.target));
          }
          this.remove(chart);
          this.zip.remove(relsPathOf(chart));
        }
        this.remove(target);
        this.zip.remove(relsPathOf(target));
      } else if (['comments', 'vmlDrawing', 'table', 'printerSettings', 'threadedComment'].includes(tail)) {
        this.remove(target);
      }
    }
    this.zip.remove(relsPath);
  }
}

function insertSheetEntry(workbookXml: string, entry: string): string {
  const p = rootPrefix(workbookXml, 'workbook');
  const sheets = section(workbookXml, p, 'sheets');
  if (sheets === undefined) throw new Error('The workbook part has no sheet list; it is not a valid .xlsx file.');
  const tag = withPrefix(entry, p);
  return workbookXml.replace(sheets.whole, () => `${sheets.start}${sheets.inner}${tag}</${p}sheets>`);
}

/** Makes Excel recalculate on open and drops the calculation chain, which lists the old formula cells. */
async function refreshCalculation(edit: PackageEdit): Promise<void> {
  const calcChain = edit.workbookRels.find((r) => relTypeIs(r, REL.calcChain));
  if (calcChain !== undefined) {
    edit.remove(resolveTarget(edit.workbookPart, calcChain.target));
    edit.workbookRels = edit.workbookRels.filter((r) => r !== calcChain);
  }
  const p = rootPrefix(edit.workbookXml, 'workbook');
  const calcPr = new RegExp(`<${p}calcPr\\b[^>]*?/?>`).exec(edit.workbookXml);
  if (calcPr !== null) {
    edit.workbookXml = edit.workbookXml.replace(calcPr[0], () => setAttr(calcPr[0], 'fullCalcOnLoad', '1'));
    return;
  }
  // calcPr follows sheets, functionGroups, externalReferences and definedNames (ECMA-376 part 1, 18.2.27).
  const after = ['definedNames', 'externalReferences', 'functionGroups', 'sheets'].map((n) => section(edit.workbookXml, p, n)).find((s) => s !== undefined);
  if (after !== undefined) edit.workbookXml = edit.workbookXml.replace(after.whole, () => `${after.whole}<${p}calcPr fullCalcOnLoad="1"/>`);
}

function addCharts(edit: PackageEdit, sheetPart: string, charts: readonly ChartSpec[], values: ReturnType<typeof ownedRangeValues>): string {
  const drawingPart = freePartName(edit.names(), 'xl/drawings', 'drawing');
  const chartRels: Relationship[] = [];
  charts.forEach((spec, i) => {
    const chartPart = freePartName(edit.names(), 'xl/charts', 'chart');
    edit.put(chartPart, chartXml(spec, values), CONTENT_TYPE.chart);
    chartRels.push({ id: `rId${i + 1}`, type: REL.chart, target: relativeTarget(drawingPart, chartPart), external: false });
  });
  edit.put(drawingPart, drawingXml(charts), CONTENT_TYPE.drawing);
  edit.put(relsPathOf(drawingPart), relsXml(chartRels));
  const sheetRel: Relationship = { id: 'rId1', type: REL.drawing, target: relativeTarget(sheetPart, drawingPart), external: false };
  edit.put(relsPathOf(sheetPart), relsXml([sheetRel]));
  return sheetRel.id;
}

function checkOwned(sheets: readonly OwnedSheet[]): void {
  const seen = new Set<string>();
  for (const s of sheets) {
    checkSheetName(s.name);
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw new Error(`Owned sheet "${s.name}" is listed twice.`);
    seen.add(key);
  }
}

/** The ownership record the package carries (core/workbook/owned-sheets.ts), or undefined. */
export function ownershipRecordOf(workbookXml: string): string[] | undefined {
  const n = readDefinedNames(workbookXml).find((d) => d.localSheetId === undefined && d.name.toLowerCase() === OWNERSHIP_RECORD_NAME.toLowerCase());
  return n === undefined ? undefined : parseOwnershipRecord(n.formula);
}

/** The first cells of the package's sheets named `names`, for the owned-sheet guard. */
async function inspectSheets(edit: PackageEdit, names: readonly string[]): Promise<ExistingSheet[]> {
  if (names.length === 0) return [];
  const sst = edit.workbookRels.find((r) => r.type.endsWith('/sharedStrings'));
  const strings = sharedStringItems(sst === undefined ? undefined : await text(edit.zip, resolveTarget(edit.workbookPart, sst.target)));
  const entries = parseWorkbookSheets(edit.workbookXml);
  const out: ExistingSheet[] = [];
  for (const name of names) {
    const rel = edit.workbookRels.find((r) => r.id === entries.find((e) => e.name === name)?.relId);
    const xml = rel === undefined || !relTypeIs(rel, REL.worksheet) ? undefined : await text(edit.zip, resolveTarget(edit.workbookPart, rel.target));
    // A chart sheet or a missing part has no cells: it is not a layout the tool wrote.
    out.push({ name, head: xml === undefined ? [[`(${name} is not a worksheet)`]] : sheetHead(xml, strings, HEAD_ROWS, HEAD_COLUMNS) });
  }
  return out;
}

/**
 * Builds the edited package from the input bytes; exported for tests that inspect the parts.
 * Throws (before anything is built) when the core's guard refuses: a sheet of the user's with an
 * owned name (UserSheetConflictError) or a malformed sheet (RefusedWriteError).
 */
export async function buildCopy(input: Uint8Array, requested: readonly OwnedSheet[], options: OwnedWriteOptions = {}): Promise<JSZip> {
  checkOwned(requested);
  const zip = await JSZip.loadAsync(input, { createFolders: false });
  const rootRels = parseRels(await mustText(zip, '_rels/.rels', 'package relationships'));
  const office = rootRels.find((r) => relTypeIs(r, REL.officeDocument));
  if (office === undefined) throw new Error('The package names no workbook part; it is not a valid .xlsx file.');
  const edit = new PackageEdit(zip, resolveTarget('', office.target));
  edit.contentTypes = await mustText(zip, '[Content_Types].xml', 'content types');
  edit.workbookXml = await mustText(zip, edit.workbookPart, 'workbook part');
  const workbookRelsPath = relsPathOf(edit.workbookPart);
  edit.workbookRels = parseRels(await mustText(zip, workbookRelsPath, 'workbook relationships'));

  const record = ownershipRecordOf(edit.workbookXml);
  const existingNames = parseWorkbookSheets(edit.workbookXml).map((e) => e.name);
  const plan = planOwnedWrite(requested, existingNames, record, await inspectSheets(edit, sheetsToInspect(requested, existingNames, record)), options);
  const sheets = plan.write;

  const scratch = await scratchParts(await JSZip.loadAsync(await renderOwnedSheets(sheets)));

  // Styles: append the scratch styles to the user's (or take them whole when the user's file has none).
  const stylesRel = edit.workbookRels.find((r) => relTypeIs(r, REL.styles));
  let merged: ReturnType<typeof mergeStyles>;
  if (stylesRel === undefined) {
    const stylesPart = freePartName(edit.names(), 'xl', 'styles');
    merged = { xml: scratch.styles, xf: (i) => i, dxf: (i) => i };
    edit.workbookRels.push({ id: freeRelId(edit.workbookRels), type: REL.styles, target: relativeTarget(edit.workbookPart, stylesPart), external: false });
    edit.put(stylesPart, merged.xml, CONTENT_TYPE.styles);
  } else {
    const stylesPart = resolveTarget(edit.workbookPart, stylesRel.target);
    merged = mergeStyles(await mustText(zip, stylesPart, 'styles part'), scratch.styles);
    edit.put(stylesPart, merged.xml);
  }

  const entries = parseWorkbookSheets(edit.workbookXml);
  const values = ownedRangeValues(sheets);
  for (const sheet of sheets) {
    const rendered = scratch.sheets.get(sheet.name);
    if (rendered === undefined) throw new Error(`The scratch workbook lost sheet "${sheet.name}".`);
    const existing = entries.find((e) => e.name.toLowerCase() === sheet.name.toLowerCase());
    let part: string;
    if (existing !== undefined) {
      const rel = edit.workbookRels.find((r) => r.id === existing.relId);
      if (rel === undefined || !relTypeIs(rel, REL.worksheet)) {
        throw new Error(`Sheet "${existing.name}" is not a worksheet (it may be a chart sheet). Rename or delete it so PERM Recon can write its "${sheet.name}" sheet.`);
      }
      part = resolveTarget(edit.workbookPart, rel.target);
      await edit.dropSheetDependents(part);
    } else {
      part = freePartName(edit.names(), 'xl/worksheets', 'sheet');
      const relId = freeRelId(edit.workbookRels);
      edit.workbookRels.push({ id: relId, type: REL.worksheet, target: relativeTarget(edit.workbookPart, part), external: false });
      const sheetId = Math.max(0, ...parseWorkbookSheets(edit.workbookXml).map((e) => e.sheetId)) + 1;
      edit.workbookXml = insertSheetEntry(edit.workbookXml, `<sheet name="${escapeXml(sheet.name)}" sheetId="${sheetId}" r:id="${relId}"/>`);
      if (!/<(\w+:)?workbook\b[^>]*\sxmlns:r=/.test(edit.workbookXml)) {
        edit.workbookXml = edit.workbookXml.replace(/<((?:\w+:)?workbook)\b/, '<$1 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
      }
    }
    const charts = sheet.charts ?? [];
    const drawingRelId = charts.length > 0 ? addCharts(edit, part, charts, values) : undefined;
    const xml = transformSheetXml(rendered, {
      strings: scratch.strings,
      xf: merged.xf,
      dxf: merged.dxf,
      ...(drawingRelId === undefined ? {} : { drawingRelId }),
    });
    edit.put(part, xml, CONTENT_TYPE.worksheet);
  }

  // The ownership record, and print titles of the rewritten sheets (replacing what an earlier run or a re-save left).
  const order = parseWorkbookSheets(edit.workbookXml).map((e) => e.name.toLowerCase());
  const rewritten = new Set(sheets.map((s) => order.indexOf(s.name.toLowerCase())));
  edit.workbookXml = editDefinedNames(
    edit.workbookXml,
    (n) => (n.localSheetId === undefined && n.name.toLowerCase() === OWNERSHIP_RECORD_NAME.toLowerCase()) || (n.localSheetId !== undefined && rewritten.has(n.localSheetId) && /^_xlnm\.(Print_Titles|Print_Area)$/i.test(n.name)),
    [
      { name: OWNERSHIP_RECORD_NAME, formula: ownershipRecordFormula(plan.record).slice(1), hidden: true },
      ...sheets.flatMap((s) => (s.printTitleRows === undefined ? [] : [{ name: '_xlnm.Print_Titles', localSheetId: order.indexOf(s.name.toLowerCase()), formula: `${quoteSheetName(s.name)}!$${s.printTitleRows.from}:$${s.printTitleRows.to}` }])),
    ],
  );

  await refreshCalculation(edit);
  edit.put(edit.workbookPart, edit.workbookXml);
  edit.put(workbookRelsPath, relsXml(edit.workbookRels));
  zip.file('[Content_Types].xml', edit.contentTypes, { createFolders: false });
  return zip;
}
