/**
 * Feeds exceljs's streaming reader (WorkbookReader / WorksheetReader) from the package's central
 * directory instead of one pass over the zip. exceljs 4.4.0's own single pass can lose the last
 * entries of the archive, where exceljs-written files keep `xl/workbook.xml` (exceljs issue
 * #3064: "Cannot read properties of undefined (reading 'sheets')", intermittent on Node 18+), and
 * it must stream through every sheet to reach the one wanted. Here the workbook, shared strings
 * and styles are parsed first, and each sheet's XML is inflated on demand, chunk by chunk, so a
 * sheet's rows are never all in memory. The compressed file itself is held in memory.
 */
import { readFile } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { REL, parseRels, parseWorkbookSheets, relTypeIs, relsPathOf, resolveTarget } from './ooxml-package.js';
import { attr, rootPrefix } from './xml-text.js';

/** The parts of exceljs's streaming classes used here; they are not in exceljs's published types. */
interface ExcelStreamBook {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: ExcelStreamSheet }>;
}

/** One sheet being streamed: iterate it for rows (each an exceljs Row). */
export interface ExcelStreamSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
}

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache', // the number formats tell dates from numbers
  entries: 'ignore',
} as const;

export interface PackageSheet {
  readonly name: string;
  readonly hidden: boolean;
  readonly part: string;
}

export class XlsxPackageReader {
  private constructor(
    private readonly zip: JSZip,
    private readonly book: ExcelStreamBook,
    readonly sheets: readonly PackageSheet[],
  ) {}

  /** Opens the package and parses its workbook, shared strings and styles. Throws on a file that is not an .xlsx package. */
  static async open(path: string): Promise<XlsxPackageReader> {
    const zip = await JSZip.loadAsync(await readFile(path), { createFolders: false });
    const text = async (part: string): Promise<string | undefined> => zip.file(part)?.async('string');
    const rootRels = await text('_rels/.rels');
    const office = rootRels === undefined ? undefined : parseRels(rootRels).find((r) => relTypeIs(r, REL.officeDocument));
    if (office === undefined) throw new Error('the package names no workbook part');
    const workbookPart = resolveTarget('', office.target);
    const workbookXml = await text(workbookPart);
    const workbookRelsXml = await text(relsPathOf(workbookPart));
    if (workbookXml === undefined || workbookRelsXml === undefined) throw new Error('the workbook part or its relationships are missing');
    const rels = parseRels(workbookRelsXml);
    const target = (type: string) => {
      const rel = rels.find((r) => relTypeIs(r, type));
      return rel === undefined ? undefined : resolveTarget(workbookPart, rel.target);
    };

    const Reader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: string, options: object) => ExcelStreamBook;
    const book = new Reader(path, READER_OPTIONS);
    const reader = new XlsxPackageReader(zip, book, []);
    await book._parseWorkbook(reader.partStream(workbookPart));
    const sst = target('sharedStrings');
    if (sst !== undefined && zip.file(sst) !== null) {
      // 'cache' mode fills the reader's shared-string table and yields nothing.
      const parsing = book._parseSharedStrings(reader.partStream(sst));
      while ((await parsing.next()).done !== true);
    }
    const styles = target('styles');
    if (styles !== undefined && zip.file(styles) !== null) await book._parseStyles(reader.partStream(styles));

    const p = rootPrefix(workbookXml, 'workbook');
    const sheets: PackageSheet[] = [];
    for (const entry of parseWorkbookSheets(workbookXml)) {
      const rel = rels.find((r) => r.id === entry.relId);
      if (rel === undefined || !relTypeIs(rel, REL.worksheet)) continue; // chart sheets hold no cells
      const tag = new RegExp(`<${p}sheet\\b[^>]*\\sname="${entry.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(workbookXml)?.[0] ?? '';
      const state = attr(tag, 'state');
      sheets.push({ name: entry.name, hidden: state !== undefined && state !== 'visible', part: resolveTarget(workbookPart, rel.target) });
    }
    return new XlsxPackageReader(zip, book, sheets);
  }

  /** The inflated bytes of a part, as a Node stream that yields them chunk by chunk. */
  partStream(part: string): PassThrough {
    const file = this.zip.file(part);
    if (file === null) throw new Error(`the package has no part ${part}`);
    const out = new PassThrough();
    const source = file.nodeStream('nodebuffer');
    source.on('error', (e: Error) => out.destroy(e));
    source.pipe(out);
    return out;
  }

  /** A fresh exceljs WorksheetReader over one sheet. */
  worksheet(sheet: PackageSheet): ExcelStreamSheet {
    const stream = this.partStream(sheet.part);
    const events = [...this.book._parseWorksheet(stream, '0')];
    const ws = events[0]?.value;
    if (ws === undefined) throw new Error(`exceljs did not open sheet ${sheet.name}`);
    ws.name = sheet.name;
    return ws;
  }

  /** The sheet's `<dimension ref>` (its used range as the writer saw it), read from the start of its XML; undefined when absent. */
  async dimension(sheet: PackageSheet): Promise<string | undefined> {
    const stream = this.partStream(sheet.part);
    let head = '';
    try {
      for await (const chunk of stream) {
        head += (chunk as Buffer).toString('utf8');
        const m = /<(?:\w+:)?dimension\b[^>]*\sref="([^"]+)"/.exec(head);
        if (m !== null) return m[1];
        if (/<(?:\w+:)?sheetData\b/.test(head) || head.length > 1_000_000) return undefined;
      }
      return undefined;
    } finally {
      stream.destroy();
    }
  }
}
