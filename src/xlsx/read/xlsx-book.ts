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
import type { CellValue, ReadRowsOptions, SheetRow, SheetSummary, TypedCell, WorkbookSource } from '../../core/workbook/port.js';
import { zipNotXlsxMessage } from './file-kind.js';
import { parseRelationships, parseWorkbook, relKind, relsPathOf, resolveTarget, type Relationship } from './package-parts.js';
import { PartProblem, XlsxReadError, RESAVE_ADVICE } from './read-error.js';
import { blankRow, CompactRows } from './compact-rows.js';
import { SharedStringsScanner } from './shared-strings.js';
import { TextStore, type SharedStringTable } from './text-store.js';
import { shiftFormula } from './shared-formula.js';
import { SheetScanner, type CellContext, type SheetSink } from './sheet-scanner.js';
import { ShortTexts } from './xml-bytes.js';
import { parseStyles, type CellFormats } from './styles.js';
import type { ZipArchive } from './zip-archive.js';

export const DEFAULT_CHUNK_ROWS = 2_000;
/**
 * Bytes the rows kept from the opening pass may take, for the whole workbook, less what the shared
 * strings take (text-store.ts; at most MAX_SHARED_STRING_BYTES); once that is spent, each sheet may
 * still keep MIN_SHEET_BYTES (its first rows, where tables are looked for) until OVER_BYTES more
 * are spent. Measured with the rest of a run (npm run bench), a workbook is read within 300 MiB.
 */
const KEPT_BYTES = 120 * 1024 * 1024;
const MIN_SHEET_BYTES = 4 * 1024 * 1024;
const OVER_BYTES = 16 * 1024 * 1024;
const LAST_SHEET_BYTES = 256 * 1024;

type Cells = (readonly [number, Exclude<CellValue, null>, number])[];

interface SheetInfo {
  readonly name: string;
  readonly part: string;
  readonly summary: SheetSummary;
  /** The rows of the opening pass, through `keptThrough`. */
  readonly kept: CompactRows;
  readonly keptThrough: number;
}

export interface XlsxBookOptions {
  /** Rows kept from the opening pass of each sheet (default: as many as the memory budget allows); rows below are streamed again. */
  readonly headRows?: number;
  /** Keep the cell format of each kept cell, for readCells (the preview); default false. */
  readonly styles?: boolean;
  /** How errors name the file (default the label), for example its full path. */
  readonly file?: string;
}

/**
 * The bytes of a part, chunk by chunk, checked to be UTF-8 as they pass: an ASCII chunk (the usual
 * sheet) at once, any other through a fatal decoder, so the scanner, which decodes only the pieces
 * it reads, never sees a byte that is not text.
 */
async function* partBytes(zip: ZipArchive, part: string): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending = false;
  try {
    for await (const chunk of zip.open(part)) {
      if (zip.isAscii(chunk)) {
        // Ends a character the last chunk left open: an error, since an ASCII byte cannot continue it.
        if (pending) decoder.decode();
        pending = false;
      } else {
        decoder.decode(chunk, { stream: true });
        pending = true;
      }
      yield chunk;
    }
    if (pending) decoder.decode();
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

      let sharedStrings: SharedStringTable = new TextStore();
      let budget = KEPT_BYTES;
      const sstPart = target('sharedStrings');
      if (sstPart !== undefined && zip.entry(sstPart) !== undefined) {
        current = sstPart;
        const scanner = new SharedStringsScanner();
        for await (const bytes of partBytes(zip, sstPart)) scanner.push(bytes);
        sharedStrings = scanner.end();
        budget -= scanner.bytes;
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
        const sheetBudget = budget >= MIN_SHEET_BYTES ? budget : budget > -OVER_BYTES ? MIN_SHEET_BYTES : LAST_SHEET_BYTES;
        const info = await XlsxBook.scan(file, zip, ctx, entry.name, entry.hidden, part, options.headRows ?? Number.POSITIVE_INFINITY, sheetBudget, options.styles === true);
        budget -= info.kept.bytes();
        infos.push(info);
      }
      return new XlsxBook(label, file, zip, ctx, formats, infos);
    } catch (e) {
      if (e instanceof XlsxReadError) throw e;
      if (e instanceof PartProblem) throw new XlsxReadError(where(current), `${e.message}. ${RESAVE_ADVICE}`, { cause: e });
      throw e;
    }
  }

  /** The opening pass over one sheet: checks it, and finds its used range and merges, keeping its rows within `budgetBytes`. */
  private static async scan(file: string, zip: ZipArchive, ctx: CellContext, name: string, hidden: boolean, part: string, headRows: number, budgetBytes: number, styles: boolean): Promise<SheetInfo> {
    const range = new UsedRange();
    const kept = new CompactRows(ctx.sharedStrings, budgetBytes, styles);
    const sink: SheetSink = {
      cell(row, col, value, style, sharedIndex) {
        range.add(row, col);
        if (kept.complete) {
          if (row >= range.firstRow + headRows) kept.drop();
          else kept.add(row, col, value, style, sharedIndex);
        }
      },
      shared(row, col, index, style) {
        range.add(row, col);
        if (kept.complete) {
          if (row >= range.firstRow + headRows) kept.drop();
          else kept.addShared(row, col, index, style);
        }
      },
      text(row, col, b, from, to, style) {
        range.add(row, col);
        if (kept.complete) {
          if (row >= range.firstRow + headRows) kept.drop();
          else kept.addText(row, col, b, from, to, style);
        }
      },
      rowEnd(row) {
        kept.rowEnd(row);
      },
      // A formula saved without its result (openpyxl saves them so) still holds what was typed: it is in the used range.
      formula(row, col) {
        range.add(row, col);
      },
    };
    const scanner = new SheetScanner(ctx, sink);
    await XlsxBook.feed(file, zip, part, name, scanner);
    const summary: SheetSummary = { name, ...range.summary(), merges: scanner.merges, ...(hidden ? { hidden: true } : {}) };
    return { name, part, summary, kept, keptThrough: kept.complete ? Number.POSITIVE_INFINITY : kept.through };
  }

  /** Streams a whole sheet part through a scanner. Problems become XlsxReadErrors naming the sheet. */
  private static async feed(file: string, zip: ZipArchive, part: string, sheet: string, scanner: SheetScanner): Promise<void> {
    try {
      for await (const bytes of partBytes(zip, part)) scanner.push(bytes);
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
    if (options.typed === true) {
      yield* this.readTypedRows(sheet, options);
      return;
    }
    const info = this.info(sheet);
    const { summary } = info;
    const size = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    const first = summary.firstColumn;
    const width = summary.columnCount;
    let chunk: SheetRow[] = [];
    const last = summary.firstRow + summary.rowCount - 1;
    const to = Math.min(options.toRow ?? last, last);
    let wanted: Uint8Array | undefined;
    if (options.columns !== undefined) {
      wanted = new Uint8Array(width);
      for (const c of options.columns) if (c >= first && c < first + width) wanted[c - first] = 1;
    }
    if (summary.rowCount > 0 && to <= info.keptThrough) {
      // Kept by the opening pass: no second parse.
      for (const row of info.kept.sheetRows(Math.max(options.fromRow ?? summary.firstRow, summary.firstRow), to, first, width, wanted)) {
        chunk.push(row);
        if (chunk.length >= size) {
          yield chunk;
          chunk = [];
        }
      }
      if (chunk.length > 0) yield chunk;
      return;
    }
    yield* this.streamRows(info, Math.max(options.fromRow ?? summary.firstRow, summary.firstRow), to, size, wanted);
  }

  /**
   * Rows `from` to `to` streamed from the part again (below the rows the opening pass kept), built
   * as the port's rows as they are read; cells of columns not `wanted` are never decoded.
   */
  private async *streamRows(info: SheetInfo, from: number, to: number, size: number, wanted: Uint8Array | undefined): AsyncGenerator<readonly SheetRow[]> {
    const { summary } = info;
    if (summary.rowCount === 0 || to < from) return;
    const first = summary.firstColumn;
    const width = summary.columnCount;
    const strings = this.ctx.sharedStrings;
    const texts = new ShortTexts();
    let ready: SheetRow[] = [];
    let cells: CellValue[] | undefined;
    let passed = false;
    const put = (row: number, col: number): number => {
      if (row < from || row > to) return -1;
      const at = col - first;
      if (wanted !== undefined && wanted[at] !== 1) return -1;
      cells ??= blankRow(width);
      return at;
    };
    const sink: SheetSink = {
      cell(row, col, value) {
        const at = put(row, col);
        if (at >= 0) (cells as CellValue[])[at] = value;
      },
      shared(row, col, index) {
        const at = put(row, col);
        if (at >= 0) (cells as CellValue[])[at] = strings.text(index) as string;
      },
      text(row, col, b, f, t) {
        const at = put(row, col);
        if (at >= 0) (cells as CellValue[])[at] = texts.text(b, f, t);
      },
      rowEnd(row) {
        if (row > to) passed = true;
        if (cells !== undefined) ready.push({ row, cells });
        cells = undefined;
      },
    };
    const scanner = new SheetScanner(this.ctx, sink);
    let chunk: SheetRow[] = [];
    const iterator = this.feedRows(info, scanner, () => passed, () => undefined);
    try {
      for (let step = await iterator.next(); step.done !== true; step = await iterator.next()) {
        const rows = ready;
        ready = [];
        for (const r of rows) {
          chunk.push(r);
          if (chunk.length >= size) {
            yield chunk;
            chunk = [];
          }
        }
      }
    } finally {
      // A caller that stops early closes the part's stream (and the file).
      await iterator.return(undefined);
    }
    if (chunk.length > 0) yield chunk;
  }

  /**
   * Rows with each cell's formula (shared formulas moved to the cell, 18.3.1.40) and number format
   * beside its value (`ReadRowsOptions.typed`), from one pass over the whole part: meant for the small
   * sheets users type in. A row holding only a formula saved without its result is given too.
   */
  private async *readTypedRows(sheet: string, options: ReadRowsOptions): AsyncGenerator<readonly SheetRow[]> {
    const info = this.info(sheet);
    const { summary } = info;
    if (summary.rowCount === 0) return;
    const first = summary.firstColumn;
    const width = summary.columnCount;
    const last = summary.firstRow + summary.rowCount - 1;
    const from = Math.max(options.fromRow ?? summary.firstRow, summary.firstRow);
    const to = Math.min(options.toRow ?? last, last);
    const size = Math.max(1, options.chunkRows ?? DEFAULT_CHUNK_ROWS);
    const formats = this.formats.numberFormats;
    const groups = new Map<string, { readonly row: number; readonly col: number; readonly text: string }>();
    const rows: SheetRow[] = [];
    let cells: CellValue[] | undefined;
    let typed: (TypedCell | null)[] = [];
    const start = () => {
      cells ??= new Array<CellValue>(width).fill(null);
      if (typed.length === 0) typed = new Array<TypedCell | null>(width).fill(null);
    };
    const withFormat = (col: number, style: number, formula?: string) => {
      const numberFormat = formats[style];
      if (formula === undefined && numberFormat === undefined) return;
      typed[col - first] = { ...(formula === undefined ? {} : { formula }), ...(numberFormat === undefined ? {} : { numberFormat }) };
    };
    const sink: SheetSink = {
      cell(row, col, value, style) {
        if (row < from || row > to) return;
        start();
        cells![col - first] = value;
        withFormat(col, style);
      },
      formula(row, col, f, style) {
        let text = f.text;
        if (f.sharedGroup !== undefined) {
          const group = groups.get(f.sharedGroup);
          if (text !== '' || group === undefined) groups.set(f.sharedGroup, { row, col, text });
          else text = shiftFormula(group.text, row - group.row, col - group.col);
        }
        if (row < from || row > to || text === '') return;
        start();
        withFormat(col, style, `=${text}`);
      },
      rowEnd(row) {
        if (cells !== undefined) rows.push({ row, cells, typed });
        cells = undefined;
        typed = [];
      },
    };
    const scanner = new SheetScanner(this.ctx, sink);
    await XlsxBook.feed(this.file, this.zip, info.part, info.name, scanner);
    for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
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
    if (to <= info.keptThrough) {
      let batch: { row: number; cells: Cells }[] = [];
      for (const r of info.kept.rows(from, to)) {
        batch.push({ row: r.row, cells: r.cols.map((c, i) => [c, r.values[i] as Exclude<CellValue, null>, r.styles[i] as number] as const) });
        if (batch.length >= DEFAULT_CHUNK_ROWS) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
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
      for await (const bytes of partBytes(this.zip, info.part)) {
        scanner.push(bytes);
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
