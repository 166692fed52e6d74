/**
 * One .xlsx reader for every size, shared by the command line and the task pane's preview: a
 * WorkbookSource over a zip archive (the platform supplies the bytes and the inflater).
 *
 * Opening reads the package parts, the shared strings and the styles, then scans every sheet once
 * from start to end: that pass checks all of its XML and cell values (so a damaged sheet is an error
 * when the file is opened, naming the sheet and cell), computes the used range from the cells
 * actually read (never from `<dimension>`), collects the merged ranges, and keeps the first rows
 * (where tables are looked for). Reading rows below them streams the sheet again, one chunk at a
 * time, so memory stays bounded whatever the size of the sheet.
 */
import type { CellValue, ReadRowsOptions, SheetRow, SheetSummary, WorkbookSource } from '../../core/workbook/port.js';
import { zipNotXlsxMessage } from './file-kind.js';
import { parseRelationships, parseWorkbook, relKind, relsPathOf, resolveTarget, type Relationship } from './package-parts.js';
import { PartProblem, XlsxReadError, RESAVE_ADVICE } from './read-error.js';
import { SharedStringsScanner } from './shared-strings.js';
import { SheetScanner, type CellContext, type SheetSink } from './sheet-scanner.js';
import { parseStyles, type CellFormats } from './styles.js';
import type { ZipArchive } from './zip-archive.js';

export const DEFAULT_CHUNK_ROWS = 10_000;
/** Rows kept from the top of each sheet when it is opened (table headers are looked for there). */
export const DEFAULT_HEAD_ROWS = 200;
/** Characters of cell text the kept rows of one sheet may hold; past it, rows are streamed again. */
const HEAD_BUDGET_CHARS = 8 * 1024 * 1024;

type Cells = (readonly [number, Exclude<CellValue, null>, number])[];

interface SheetInfo {
  readonly name: string;
  readonly part: string;
  readonly summary: SheetSummary;
  /** Row number → its non-empty cells [column, value, style], for rows up to `headThrough`. */
  readonly head: ReadonlyMap<number, Cells>;
  readonly headThrough: number;
}

export interface XlsxBookOptions {
  readonly headRows?: number;
  /** How errors name the file (default the label), for example its full path. */
  readonly file?: string;
}

/** Text of a part, decoded as UTF-8 chunk by chunk. */
async function* partText(zip: ZipArchive, part: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of zip.open(part)) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
  } catch (e) {
    if (e instanceof TypeError) throw new PartProblem(`part ${part} is not valid UTF-8 text: the file is damaged`);
    throw e;
  }
}

class UsedRange {
  firstRow = 0;
  lastRow = 0;
  firstColumn = Number.POSITIVE_INFINITY;
  lastColumn = 0;

  add(row: number, col: number): void {
    if (this.firstRow === 0) this.firstRow = row;
    this.lastRow = row;
    if (col < this.firstColumn) this.firstColumn = col;
    if (col > this.lastColumn) this.lastColumn = col;
  }

  summary(): { firstRow: number; firstColumn: number; rowCount: number; columnCount: number } {
    if (this.firstRow === 0) return { firstRow: 1, firstColumn: 1, rowCount: 0, columnCount: 0 };
    return { firstRow: this.firstRow, firstColumn: this.firstColumn, rowCount: this.lastRow - this.firstRow + 1, columnCount: this.lastColumn - this.firstColumn + 1 };
  }
}

export class XlsxBook implements WorkbookSource {
  private constructor(
    readonly label: string,
    private readonly file: string,
    private readonly zip: ZipArchive,
    private readonly ctx: CellContext,
    private readonly formats: CellFormats,
    private readonly infos: readonly SheetInfo[],
  ) {}

  /** Opens and checks the workbook in `zip`. Throws XlsxReadError naming the file (and sheet) when it cannot be read. */
  static async open(label: string, zip: ZipArchive, options: XlsxBookOptions = {}): Promise<XlsxBook> {
    const file = options.file ?? label;
    const where = (part?: string) => ({ file, ...(part === undefined ? {} : { part }) });
    let current: string | undefined;
    try {
      current = '_rels/.rels';
      const rootRels = await zip.text(current);
      const office = rootRels === undefined ? undefined : parseRelationships(rootRels).find((r) => relKind(r) === 'officeDocument' && !r.external);
      const workbookPart = office === undefined ? (zip.entry('xl/workbook.xml') === undefined ? undefined : 'xl/workbook.xml') : resolveTarget('', office.target);
      if (workbookPart === undefined || zip.entry(workbookPart) === undefined || /\.bin$/i.test(workbookPart)) {
        const mimetype = zip.entry('mimetype') === undefined ? undefined : await zip.text('mimetype', 4096);
        throw new XlsxReadError({ file }, `cannot be read as an Excel workbook: it ${zipNotXlsxMessage(zip.names(), mimetype?.trim())}`);
      }
      current = workbookPart;
      const workbook = parseWorkbook((await zip.text(workbookPart)) ?? '');
      current = relsPathOf(workbookPart);
      const relsText = await zip.text(current);
      if (relsText === undefined) throw new PartProblem(`the package lacks ${current}, which says where the sheets are`);
      const rels = parseRelationships(relsText);
      const target = (kind: string): string | undefined => {
        const rel = rels.find((r) => relKind(r) === kind && !r.external);
        return rel === undefined ? undefined : resolveTarget(workbookPart, rel.target);
      };

      let sharedStrings: readonly string[] = [];
      const sstPart = target('sharedStrings');
      if (sstPart !== undefined && zip.entry(sstPart) !== undefined) {
        current = sstPart;
        const scanner = new SharedStringsScanner();
        for await (const text of partText(zip, sstPart)) scanner.push(text);
        sharedStrings = scanner.end();
      }
      const stylesPart = target('styles');
      current = stylesPart;
      const formats = parseStyles(stylesPart === undefined ? undefined : await zip.text(stylesPart));
      const ctx: CellContext = { sharedStrings, dateStyles: formats.dateStyles, date1904: workbook.date1904 };

      const infos: SheetInfo[] = [];
      for (const entry of workbook.sheets) {
        const rel: Relationship | undefined = rels.find((r) => r.id === entry.relId);
        if (rel === undefined) throw new XlsxReadError({ file, sheet: entry.name }, `the workbook lists this sheet but not where its part is. ${RESAVE_ADVICE}`);
        if (relKind(rel) !== 'worksheet') continue; // chart sheets, dialog and macro sheets hold no cells
        const part = resolveTarget(workbookPart, rel.target);
        if (zip.entry(part) === undefined) throw new XlsxReadError({ file, sheet: entry.name }, `the sheet's part ${part} is missing from the file. ${RESAVE_ADVICE}`);
        infos.push(await XlsxBook.scan(file, zip, ctx, entry.name, entry.hidden, part, options.headRows ?? DEFAULT_HEAD_ROWS));
      }
      return new XlsxBook(label, file, zip, ctx, formats, infos);
    } catch (e) {
      if (e instanceof XlsxReadError) throw e;
      if (e instanceof PartProblem) throw new XlsxReadError(where(current), `${e.message}. ${RESAVE_ADVICE}`, { cause: e });
      throw e;
    }
  }

  /** The opening pass over one sheet: checks it, and finds its used range, merges and first rows. */
  private static async scan(file: string, zip: ZipArchive, ctx: CellContext, name: string, hidden: boolean, part: string, headRows: number): Promise<SheetInfo> {
    const range = new UsedRange();
    const head = new Map<number, Cells>();
    let headThrough = Number.POSITIVE_INFINITY;
    let budget = HEAD_BUDGET_CHARS;
    let cells: Cells = [];
    const sink: SheetSink = {
      cell(row, col, value, style) {
        range.add(row, col);
        if (row > headThrough) return;
        if (row >= range.firstRow + headRows || budget < 0) {
          headThrough = Math.min(headThrough, row - 1);
          return;
        }
        budget -= typeof value === 'string' ? value.length + 16 : 16;
        cells.push([col, value, style]);
      },
      rowEnd(row) {
        if (cells.length > 0) {
          if (row <= headThrough) head.set(row, cells);
          cells = [];
        }
      },
    };
    const scanner = new SheetScanner(ctx, sink);
    await XlsxBook.feed(file, zip, part, name, scanner);
    for (const r of head.keys()) if (r > headThrough) head.delete(r);
    const summary: SheetSummary = { name, ...range.summary(), merges: scanner.merges, ...(hidden ? { hidden: true } : {}) };
    return { name, part, summary, head, headThrough };
  }

  /** Streams a whole sheet part through a scanner. Problems become XlsxReadErrors naming the sheet. */
  private static async feed(file: string, zip: ZipArchive, part: string, sheet: string, scanner: SheetScanner): Promise<void> {
    try {
      for await (const text of partText(zip, part)) scanner.push(text);
      scanner.end();
    } catch (e) {
      if (e instanceof PartProblem) throw new XlsxReadError({ file, sheet, ...(e.cell === undefined ? {} : { cell: e.cell }) }, `${e.message}. ${RESAVE_ADVICE}`, { cause: e });
      throw e;
    }
  }

  sheets(): Promise<readonly SheetSummary[]> {
    return Promise.resolve(this.infos.map((i) => i.summary));
  }

  /** The number format code of a cell format index (for the preview's display), when it has one. */
  formatCode(style: number): string | undefined {
    return this.formats.codes[style];
  }

  private info(sheet: string): SheetInfo {
    const info = this.infos.find((s) => s.name === sheet);
    if (info === undefined) throw new Error(`${this.label} has no sheet named '${sheet}'.`);
    return info;
  }

  async *readRows(sheet: string, options: ReadRowsOptions = {}): AsyncGenerator<readonly SheetRow[]> {
    const { summary } = this.info(sheet);
    const size = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    const first = summary.firstColumn;
    const width = summary.columnCount;
    let chunk: SheetRow[] = [];
    for await (const rows of this.readCells(sheet, options)) {
      for (const r of rows) {
        const out = new Array<CellValue>(width).fill(null);
        for (const [col, value] of r.cells) out[col - first] = value;
        chunk.push({ row: r.row, cells: out });
        if (chunk.length >= size) {
          yield chunk;
          chunk = [];
        }
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  /** The non-empty cells of rows `fromRow` to `toRow` (default the used range), with their cell format index, in batches. */
  async *readCells(sheet: string, options: ReadRowsOptions = {}): AsyncGenerator<readonly { readonly row: number; readonly cells: Cells }[]> {
    const info = this.info(sheet);
    const { summary } = info;
    if (summary.rowCount === 0) return;
    const last = summary.firstRow + summary.rowCount - 1;
    const from = Math.max(options.fromRow ?? summary.firstRow, summary.firstRow);
    const to = Math.min(options.toRow ?? last, last);
    if (to < from) return;
    if (to <= info.headThrough) {
      const rows = [...info.head.entries()].filter(([r]) => r >= from && r <= to).sort((a, b) => a[0] - b[0]);
      yield rows.map(([row, cells]) => ({ row, cells }));
      return;
    }
    let ready: { row: number; cells: Cells }[] = [];
    let cells: Cells = [];
    let passed = false;
    const sink: SheetSink = {
      cell(row, col, value, style) {
        if (row >= from && row <= to) cells.push([col, value, style]);
      },
      rowEnd(row) {
        if (row > to) passed = true;
        if (cells.length > 0) ready.push({ row, cells });
        cells = [];
      },
    };
    const scanner = new SheetScanner(this.ctx, sink);
    const batches: { row: number; cells: Cells }[][] = [];
    // The scanner is fed one inflated chunk at a time; the rows it completes are handed on between chunks.
    const iterator = this.feedRows(info, scanner, () => passed, () => {
      if (ready.length > 0) {
        batches.push(ready);
        ready = [];
      }
    });
    try {
      for (let step = await iterator.next(); step.done !== true; step = await iterator.next()) {
        while (batches.length > 0) yield batches.shift() ?? [];
      }
    } finally {
      // A caller that stops early closes the part's stream (and the file).
      await iterator.return(undefined);
    }
    if (ready.length > 0) yield ready;
  }

  private async *feedRows(info: SheetInfo, scanner: SheetScanner, stop: () => boolean, each: () => void): AsyncGenerator<void> {
    try {
      for await (const text of partText(this.zip, info.part)) {
        scanner.push(text);
        each();
        yield;
        if (stop()) return;
      }
      scanner.end();
      each();
      yield;
    } catch (e) {
      if (e instanceof PartProblem) throw new XlsxReadError({ file: this.file, sheet: info.name, ...(e.cell === undefined ? {} : { cell: e.cell }) }, `${e.message}. ${RESAVE_ADVICE}`, { cause: e });
      throw e;
    }
  }
}
