/**
 * An in-memory fake of the part of the Excel JavaScript API that src/excel calls (the types in
 * src/excel/excel-api.ts), for unit tests and, later, the browser end-to-end tests: no Node APIs.
 *
 * Like the real API, and unlike office-addin-mock:
 * - commands are queued per batch and `context.sync()` is what makes loaded properties readable;
 *   reading a property that was not loaded, or before the sync, throws `PropertyNotLoaded`;
 *   `isNullObject` is readable only after a sync;
 * - a loaded value is the state at the point of the queue where `load` was called;
 * - `getItem` of a missing sheet and other invalid commands fail at the next sync;
 * - requests and responses over 5 MB fail at sync (`RequestPayloadSizeLimitExceeded`,
 *   `ResponsePayloadSizeLimitExceeded`), and `values` of a range over five million cells is null;
 * - strings written to `values`/`formulas` are entered as Excel enters typed text: `=…` (and
 *   non-numeric `+…`, `-…`, `@…`) become formulas, numeric text, percentages, TRUE/FALSE and
 *   dates become numbers and booleans, a leading apostrophe makes the rest literal text, and a cell
 *   formatted `@` takes any string as text.
 * - a formula Excel would refuse (unbalanced parentheses, braces, unknown functions: fake-formula.ts)
 *   fails the sync, as do workbook-scoped defined names (`workbook.names`) with a bad formula;
 * It also counts syncs and runs, logs every write with its sheet, and records whether formula
 * calculation was suspended when a write was queued. Formulas are stored, not calculated
 * (a formula cell's value is '' unless `calculate` is given).
 */
import { columnLetter, columnNumber, MAX_COLUMN, MAX_ROW } from '../../src/core/workbook/address.js';
import type {
  ExcelRun,
  XlApplication,
  XlBorderIndex,
  XlChart,
  XlChartCollection,
  XlChartSeries,
  XlChartSeriesCollection,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlFreezePanes,
  XlPageLayout,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlRequestContext,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlNamedItem,
  XlNamedItemCollection,
} from '../../src/excel/excel-api.js';
import { excelWouldRefuse } from './fake-formula.js';

export type FakeValue = string | number | boolean;

export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

/** 0-based rectangle. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

export interface FakeConditionalFormatRecord {
  readonly range: string;
  readonly type: string;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeSeriesRecord {
  name: string;
  /** Sheet-qualified A1 ranges, as `Range.address` gives them. */
  values: string;
  xValues?: string;
}

export interface FakeChartRecord {
  name: string;
  readonly type: string;
  title: string;
  readonly series: FakeSeriesRecord[];
  from?: string;
  to?: string;
}

export interface WriteRecord {
  readonly sheet: string;
  readonly op: string;
  /** Whether `suspendApiCalculationUntilNextSync` had been called in the batch before this write. */
  readonly calculationSuspended: boolean;
}

export interface SyncRecord {
  readonly run: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly writes: number;
  readonly loads: number;
  readonly calculationSuspended: boolean;
}

const KEY_COLS = MAX_COLUMN;
const key = (row: number, col: number): number => row * KEY_COLS + col;
const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
const WHOLE: Rect = { row: 0, col: 0, rowCount: MAX_ROW, colCount: MAX_COLUMN };

/** `Run Log` → `'Run Log'`; `Sheet1` stays bare, as Excel writes addresses. */
export function qualifiedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A1 text of a rectangle: `B2:D4`, `B2`, `5:7` (whole rows), `A:C` (whole columns). */
export function rectAddress(r: Rect): string {
  if (r.col === 0 && r.colCount === MAX_COLUMN) return `${r.row + 1}:${r.row + r.rowCount}`;
  if (r.row === 0 && r.rowCount === MAX_ROW) return `${columnLetter(r.col + 1)}:${columnLetter(r.col + r.colCount)}`;
  const a = `${columnLetter(r.col + 1)}${r.row + 1}`;
  const b = `${columnLetter(r.col + r.colCount)}${r.row + r.rowCount}`;
  return a === b ? a : `${a}:${b}`;
}

/** `B2:D4`, `$B$2`, `5:7`, `A:C` → rectangle; undefined when malformed. */
export function parseRect(address: string): Rect | undefined {
  const parts = address.replace(/\$/g, '').trim().toUpperCase().split(':');
  if (parts.length > 2) return undefined;
  const [p, q = p] = parts as [string, string?];
  const cell = (s: string): { row?: number; col?: number } | undefined => {
    const m = /^([A-Z]{0,3})(\d{0,7})$/.exec(s);
    if (m === null || (m[1] === '' && m[2] === '')) return undefined;
    const col = m[1] === '' ? undefined : columnNumber(m[1] ?? '');
    const row = m[2] === '' ? undefined : Number(m[2]);
    if (m[1] !== '' && col === undefined) return undefined;
    return { ...(row === undefined ? {} : { row }), ...(col === undefined ? {} : { col }) };
  };
  const a = cell(p);
  const b = cell(q ?? p);
  if (a === undefined || b === undefined) return undefined;
  const r1 = a.row ?? 1;
  const r2 = b.row ?? MAX_ROW;
  const c1 = a.col ?? 1;
  const c2 = b.col ?? MAX_COLUMN;
  if ((a.row === undefined) !== (b.row === undefined) || (a.col === undefined) !== (b.col === undefined)) return undefined;
  return { row: Math.min(r1, r2) - 1, col: Math.min(c1, c2) - 1, rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 };
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;
const DATE_LIKE = /^(\d{1,4})[/-](\d{1,2})(?:[/-](\d{1,4}))?$/;

/** One sheet of the fake workbook: its cells and everything written to it. */
export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** Values by 0-based row and column; '' is empty. */
  readonly rows: (FakeValue[] | undefined)[] = [];
  readonly formulas = new Map<number, string>();
  readonly numberFormats = new Map<number, string>();
  readonly quotePrefix = new Set<number>();
  readonly styles = new Map<number, Record<string, unknown>>();
  merges: Rect[] = [];
  conditionalFormats: FakeConditionalFormatRecord[] = [];
  charts: FakeChartRecord[] = [];
  readonly columnWidths = new Map<number, number>();
  frozenRows = 0;
  orientation = 'Portrait';
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } = { scale: 100 };
  printTitleRows: string | undefined;

  constructor(public name: string) {}

  valueAt(row: number, col: number): FakeValue {
    return this.rows[row]?.[col] ?? '';
  }

  setValueAt(row: number, col: number, value: FakeValue): void {
    let line = this.rows[row];
    if (line === undefined) {
      if (value === '') return;
      line = [];
      this.rows[row] = line;
    }
    line[col] = value;
  }

  private at(a1: string): number {
    const r = parseRect(a1);
    if (r === undefined) throw new Error(`fake: bad address ${a1}`);
    return key(r.row, r.col);
  }

  /** The value of a cell, as `Range.values` gives it. */
  value(a1: string): FakeValue {
    const k = this.at(a1);
    return this.valueAt(Math.floor(k / KEY_COLS), k % KEY_COLS);
  }

  /** The formula of a cell (`=…`), or undefined for a constant. */
  formula(a1: string): string | undefined {
    return this.formulas.get(this.at(a1));
  }

  numberFormat(a1: string): string {
    return this.numberFormats.get(this.at(a1)) ?? 'General';
  }

  style(a1: string): Readonly<Record<string, unknown>> {
    return this.styles.get(this.at(a1)) ?? {};
  }

  hasQuotePrefix(a1: string): boolean {
    return this.quotePrefix.has(this.at(a1));
  }

  /** Values only: cells holding a value or a formula. */
  usedRect(): Rect | undefined {
    let r1 = Infinity;
    let r2 = -1;
    let c1 = Infinity;
    let c2 = -1;
    const add = (r: number, c: number): void => {
      r1 = Math.min(r1, r);
      r2 = Math.max(r2, r);
      c1 = Math.min(c1, c);
      c2 = Math.max(c2, c);
    };
    this.rows.forEach((line, r) => {
      if (line === undefined) return;
      line.forEach((v, c) => {
        if (v !== '') add(r, c);
      });
    });
    for (const k of this.formulas.keys()) add(Math.floor(k / KEY_COLS), k % KEY_COLS);
    return r2 < 0 ? undefined : { row: r1, col: c1, rowCount: r2 - r1 + 1, colCount: c2 - c1 + 1 };
  }

  /** Enters one input as Excel does for `values`/`formulas` (see the file comment). */
  enter(row: number, col: number, input: unknown): void {
    if (input === null || input === undefined) return; // null leaves the cell unchanged
    const k = key(row, col);
    this.formulas.delete(k);
    this.quotePrefix.delete(k);
    if (typeof input === 'number' || typeof input === 'boolean') {
      this.setValueAt(row, col, input);
      return;
    }
    const s = String(input);
    if (this.numberFormats.get(k) === '@') {
      this.setValueAt(row, col, s);
      return;
    }
    if (s === '') {
      this.setValueAt(row, col, '');
    } else if (s.startsWith("'")) {
      this.setValueAt(row, col, s.slice(1));
      this.quotePrefix.add(k);
    } else if (s.startsWith('=') && s.length > 1) {
      this.formulas.set(k, s);
      this.setValueAt(row, col, '');
    } else if (NUMERIC.test(s)) {
      const n = Number(s.replace('%', ''));
      this.setValueAt(row, col, s.endsWith('%') ? n / 100 : n);
    } else if (/^[+\-@]/.test(s)) {
      this.formulas.set(k, `=${s.startsWith('@') ? s.slice(1) : s}`);
      this.setValueAt(row, col, '');
    } else if (/^(?:true|false)$/i.test(s)) {
      this.setValueAt(row, col, s.toUpperCase() === 'TRUE');
    } else if (DATE_LIKE.test(s)) {
      const m = DATE_LIKE.exec(s) ?? [];
      const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 2025 : Number(m[3])];
      this.setValueAt(row, col, Math.round((Date.UTC(c < 100 ? 2000 + c : c, a - 1, b) - Date.UTC(1899, 11, 30)) / 86_400_000));
    } else {
      this.setValueAt(row, col, s);
    }
  }

  /** Clears contents and formats (what `clear('All')` does; conditional formats are left, as the adapter clears them itself). */
  clearRect(r: Rect): void {
    const whole = r.rowCount === MAX_ROW && r.colCount === MAX_COLUMN;
    if (whole) {
      this.rows.length = 0;
      this.formulas.clear();
      this.numberFormats.clear();
      this.quotePrefix.clear();
      this.styles.clear();
      return;
    }
    for (let row = r.row; row < r.row + r.rowCount && row < this.rows.length; row++) {
      for (let col = r.col; col < r.col + r.colCount; col++) this.setValueAt(row, col, '');
    }
    for (const map of [this.formulas, this.numberFormats, this.styles]) {
      for (const k of [...map.keys()]) if (intersects(r, { row: Math.floor(k / KEY_COLS), col: k % KEY_COLS, rowCount: 1, colCount: 1 })) map.delete(k);
    }
  }
}

interface Batch {
  loads: { deliver: () => void; bytes: number }[];
  writes: number;
  requestBytes: number;
  suspended: boolean;
  error: Error | undefined;
}

const newBatch = (): Batch => ({ loads: [], writes: 0, requestBytes: 0, suspended: false, error: undefined });

/** The in-memory workbook. `run` is the fake `Excel.run`. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly syncLog: SyncRecord[] = [];
  readonly writes: WriteRecord[] = [];
  runs = 0;
  activeSheet: string | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Bytes per request or response (Excel on the web: 5 MB). */
  payloadLimit = 5_000_000;
  /** Cells per `values` read. */
  cellLimit = 5_000_000;
  /** Optional formula calculation: the value a formula cell reads as. */
  calculate: ((sheet: FakeSheet, formula: string) => FakeValue) | undefined;
  /** Workbook-scoped defined names, by lower-case name. */
  readonly names = new Map<string, { name: string; formula: string; visible: boolean }>();

  /** Adds a sheet holding `rows` from `at` (default A1). Values are stored as given (strings like `#N/A` read back as errors). */
  addSheet(name: string, rows: readonly (readonly unknown[])[] = [], options: { at?: string; visibility?: FakeSheet['visibility'] } = {}): FakeSheet {
    const sheet = new FakeSheet(name);
    if (options.visibility !== undefined) sheet.visibility = options.visibility;
    const origin = parseRect(options.at ?? 'A1') ?? { row: 0, col: 0, rowCount: 1, colCount: 1 };
    rows.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        if (v instanceof Date) sheet.setValueAt(origin.row + r, origin.col + c, (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
        else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') sheet.setValueAt(origin.row + r, origin.col + c, v);
        else throw new Error(`fake: cannot seed ${typeof v}`);
      });
    });
    this.sheets.push(sheet);
    return sheet;
  }

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (s === undefined) throw new Error(`fake: no sheet ${name}`);
    return s;
  }

  get syncs(): number {
    return this.syncLog.length;
  }

  /** Forgets the counters and the write log (not the workbook). */
  resetCounters(): void {
    this.syncLog.length = 0;
    this.writes.length = 0;
    this.runs = 0;
  }

  readonly run: ExcelRun = async (batch) => {
    this.runs++;
    const context = new FakeContext(this, this.runs);
    const result = await batch(context);
    context.assertSettled();
    return result;
  };
}

/** The request context: a queue of loads and writes, delivered or checked at `sync()`. */
export class FakeContext implements XlRequestContext {
  readonly workbook: XlWorkbook;
  readonly application: XlApplication;
  batch: Batch = newBatch();
  /** Syncs made by this context. */
  synced = 0;

  constructor(
    readonly excel: FakeExcel,
    readonly runNumber: number,
  ) {
    this.workbook = {
      worksheets: new FakeWorksheetCollection(this),
      names: new FakeNamedItemCollection(this),
      // The selection as Excel reports it: sheet-qualified (the fake answers at once; load is a no-op).
      getSelectedRange: () => {
        const at = excel.selection ?? { sheet: excel.activeSheet ?? excel.sheets[0]?.name ?? 'Sheet1', address: 'A1' };
        return { address: `${qualifiedSheet(at.sheet)}!${at.address}`, load: () => undefined };
      },
    };
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.batch.suspended = true;
      },
    };
  }

  fail(code: string, message: string): void {
    this.batch.error ??= new FakeApiError(code, message);
  }

  /** Logs a write on `sheet` and counts its request bytes. */
  write(sheet: FakeSheet | undefined, op: string, bytes = 100): boolean {
    if (sheet === undefined || this.batch.error !== undefined) return false;
    this.batch.writes++;
    this.batch.requestBytes += bytes;
    this.excel.writes.push({ sheet: sheet.name, op, calculationSuspended: this.batch.suspended });
    return true;
  }

  /** Counts a write on the workbook itself (a defined name): in the batch, not in the per-sheet write log. */
  writeWorkbook(bytes = 100): boolean {
    if (this.batch.error !== undefined) return false;
    this.batch.writes++;
    this.batch.requestBytes += bytes;
    return true;
  }

  /** Queues a load: the value is taken now, readable after the next sync. */
  queueLoad(deliver: () => void, bytes: number): void {
    this.batch.loads.push({ deliver, bytes });
    this.batch.requestBytes += 50;
  }

  async sync(): Promise<void> {
    const b = this.batch;
    this.batch = newBatch();
    const responseBytes = b.loads.reduce((n, l) => n + l.bytes, 0);
    this.excel.syncLog.push({ run: this.runNumber, requestBytes: b.requestBytes, responseBytes, writes: b.writes, loads: b.loads.length, calculationSuspended: b.suspended });
    await Promise.resolve();
    if (b.error !== undefined) throw b.error;
    if (b.requestBytes > this.excel.payloadLimit) throw new FakeApiError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${b.requestBytes} bytes).`);
    if (responseBytes > this.excel.payloadLimit) throw new FakeApiError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    for (const l of b.loads) l.deliver();
    this.synced++;
  }

  assertSettled(): void {
    if (this.batch.loads.length > 0 || this.batch.writes > 0) {
      throw new Error(`fake Excel: Excel.run ended with ${this.batch.loads.length} loads and ${this.batch.writes} writes never synced`);
    }
  }
}

/** Base of every proxy: `load` queues, `sync` delivers, reading an undelivered property throws. */
abstract class FakeProxy {
  private readonly delivered = new Map<string, unknown>();
  private readonly bornAt: number;

  constructor(protected readonly ctx: FakeContext) {
    this.bornAt = ctx.synced;
  }

  /** The current value of a loadable property (for the snapshot taken at `load`). */
  protected abstract current(prop: string): unknown;

  protected get nullObject(): boolean {
    return false;
  }

  load(propertyNames: string): this {
    for (const prop of propertyNames.split(',').map((p) => p.trim()).filter((p) => p !== '')) this.loadOne(prop);
    return this;
  }

  protected loadOne(prop: string): void {
    const value = this.nullObject ? undefined : this.current(prop);
    const bytes = value === undefined ? 4 : (JSON.stringify(value) ?? '').length;
    this.ctx.queueLoad(() => this.delivered.set(prop, value), bytes);
  }

  protected deliverNow(prop: string, value: unknown): void {
    this.delivered.set(prop, value);
  }

  protected loaded<T>(prop: string): T {
    if (!this.delivered.has(prop)) {
      throw new FakeApiError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    }
    return this.delivered.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.ctx.synced <= this.bornAt) throw new FakeApiError('PropertyNotLoaded', 'isNullObject is available only after context.sync().');
    return this.nullObject;
  }
}

class FakeNamedItem extends FakeProxy implements XlNamedItem {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
    private readonly missing: boolean,
  ) {
    super(ctx);
  }

  protected override get nullObject(): boolean {
    return this.missing;
  }

  protected current(prop: string): unknown {
    const item = this.ctx.excel.names.get(this.key);
    if (prop === 'formula') return item?.formula;
    if (prop === 'visible') return item?.visible;
    throw new Error(`fake: named item property ${prop} is not supported`);
  }

  get formula(): string {
    return this.loaded('formula');
  }
  set formula(v: string) {
    const problem = v.startsWith('=') ? excelWouldRefuse(v) : undefined;
    if (problem !== undefined) this.ctx.fail('InvalidArgument', `name formula ${v}: ${problem}`);
    else if (this.ctx.writeWorkbook()) {
      const item = this.ctx.excel.names.get(this.key);
      if (item !== undefined) item.formula = v;
    }
  }
  get visible(): boolean {
    return this.loaded('visible');
  }
  set visible(v: boolean) {
    const item = this.ctx.excel.names.get(this.key);
    if (this.ctx.writeWorkbook() && item !== undefined) item.visible = v;
  }
}

class FakeNamedItemCollection implements XlNamedItemCollection {
  constructor(private readonly ctx: FakeContext) {}

  getItemOrNullObject(name: string): FakeNamedItem {
    const key = name.toLowerCase();
    return new FakeNamedItem(this.ctx, key, !this.ctx.excel.names.has(key));
  }

  add(name: string, reference: string): FakeNamedItem {
    const key = name.toLowerCase();
    const problem = !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) ? 'not a valid name' : this.ctx.excel.names.has(key) ? 'the name already exists' : reference.startsWith('=') ? excelWouldRefuse(reference) : undefined;
    if (problem !== undefined) this.ctx.fail('InvalidArgument', `names.add("${name}"): ${problem}`);
    else if (this.ctx.writeWorkbook()) this.ctx.excel.names.set(key, { name, formula: reference, visible: true });
    return new FakeNamedItem(this.ctx, key, false);
  }
}

class FakeWorksheetCollection extends FakeProxy implements XlWorksheetCollection {
  protected current(prop: string): unknown {
    throw new Error(`fake: worksheets has no property ${prop}`);
  }

  override load(propertyNames: string): this {
    const props = propertyNames.split(',').map((p) => p.trim()).filter((p) => p !== '');
    const itemProps: string[] = [];
    const chartProps: string[] = [];
    for (const p of props) {
      const m = /^items\/(.+)$/.exec(p);
      if (m === null) throw new Error(`fake: worksheets.load("${p}") is not supported`);
      const rest = m[1] ?? '';
      const chart = /^charts\/items\/(.+)$/.exec(rest);
      if (chart !== null) chartProps.push(chart[1] ?? '');
      else itemProps.push(rest);
    }
    const items = this.ctx.excel.sheets.map((s) => new FakeWorksheet(this.ctx, s));
    for (const ws of items) {
      ws.load(itemProps.join(','));
      if (chartProps.length > 0) ws.charts.load(chartProps.map((p) => `items/${p}`).join(','));
    }
    this.ctx.queueLoad(() => this.deliverNow('items', items), 2);
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.loaded<FakeWorksheet[]>('items');
  }

  getItem(name: string): FakeWorksheet {
    const sheet = this.ctx.excel.findSheet(name);
    if (sheet === undefined) this.ctx.fail('ItemNotFound', `The requested resource doesn't exist (worksheet '${name}').`);
    return new FakeWorksheet(this.ctx, sheet);
  }

  add(name: string): FakeWorksheet {
    if (this.ctx.excel.findSheet(name) !== undefined) {
      this.ctx.fail('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
      return new FakeWorksheet(this.ctx, undefined);
    }
    const sheet = new FakeSheet(name);
    if (this.ctx.batch.error === undefined) this.ctx.excel.sheets.push(sheet);
    this.ctx.write(sheet, 'add');
    return new FakeWorksheet(this.ctx, sheet);
  }
}

export class FakeWorksheet extends FakeProxy implements XlWorksheet {
  readonly charts: FakeChartCollection;
  readonly freezePanes: XlFreezePanes;
  readonly pageLayout: XlPageLayout;

  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet | undefined,
  ) {
    super(ctx);
    this.charts = new FakeChartCollection(ctx, sheet);
    const write = (op: string): boolean => ctx.write(sheet, op);
    this.freezePanes = {
      freezeRows: (count = 1) => {
        if (write('freezePanes.freezeRows') && sheet !== undefined) sheet.frozenRows = count;
      },
      unfreeze: () => {
        if (write('freezePanes.unfreeze') && sheet !== undefined) sheet.frozenRows = 0;
      },
    };
    this.pageLayout = {
      get orientation(): string {
        throw new Error('fake: pageLayout.orientation is write-only here');
      },
      set orientation(v: string) {
        if (write('pageLayout.orientation') && sheet !== undefined) sheet.orientation = v;
      },
      get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } {
        throw new Error('fake: pageLayout.zoom is write-only here');
      },
      set zoom(v) {
        if (write('pageLayout.zoom') && sheet !== undefined) sheet.zoom = { ...v };
      },
      setPrintTitleRows: (rows: string) => {
        if (!/^\$\d+:\$\d+$/.test(rows)) ctx.fail('InvalidArgument', `setPrintTitleRows("${rows}")`);
        else if (write('pageLayout.printTitleRows') && sheet !== undefined) sheet.printTitleRows = rows;
      },
    };
  }

  protected current(prop: string): unknown {
    const s = this.sheet;
    if (s === undefined) return undefined;
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    throw new Error(`fake: worksheet property ${prop} is not supported`);
  }

  get name(): string {
    return this.loaded<string>('name');
  }

  get visibility(): string {
    return this.loaded<string>('visibility');
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== true) throw new Error('fake: only getUsedRangeOrNullObject(true) is modelled');
    return new FakeRange(this.ctx, this.sheet, this.sheet?.usedRect() ?? null);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && startRow >= 0 && startColumn >= 0 && rowCount >= 1 && columnCount >= 1 && startRow + rowCount <= MAX_ROW && startColumn + columnCount <= MAX_COLUMN;
    if (!ok) this.ctx.fail('InvalidArgument', `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
    return new FakeRange(this.ctx, this.sheet, ok ? { row: startRow, col: startColumn, rowCount, colCount: columnCount } : null);
  }

  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.ctx, this.sheet, WHOLE);
    const rect = parseRect(address);
    if (rect === undefined) this.ctx.fail('InvalidArgument', `getRange("${address}")`);
    return new FakeRange(this.ctx, this.sheet, rect ?? null);
  }

  activate(): void {
    if (this.sheet === undefined) return;
    if (this.sheet.visibility !== 'Visible') {
      this.ctx.fail('InvalidOperation', `The sheet '${this.sheet.name}' is hidden and cannot be activated.`);
      return;
    }
    this.ctx.excel.activeSheet = this.sheet.name;
  }
}

const MAX_STYLED_CELLS = 2_000_000;

export class FakeRange extends FakeProxy implements XlRange {
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeSheet | undefined,
    readonly rect: Rect | null,
  ) {
    super(ctx);
  }

  protected override get nullObject(): boolean {
    return this.rect === null;
  }

  private get r(): Rect {
    if (this.rect === null) throw new Error('fake: operation on a null range');
    return this.rect;
  }

  /** `Sheet1!B2:D4`. */
  get qualifiedAddress(): string {
    return `${qualifiedSheet(this.sheet?.name ?? '?')}!${rectAddress(this.r)}`;
  }

  protected current(prop: string): unknown {
    const s = this.sheet;
    const r = this.r;
    switch (prop) {
      case 'rowIndex':
        return r.row;
      case 'columnIndex':
        return r.col;
      case 'rowCount':
        return r.rowCount;
      case 'columnCount':
        return r.colCount;
      case 'address':
        return this.qualifiedAddress;
      case 'values':
      case 'formulas':
      case 'numberFormat': {
        if (s === undefined) return undefined;
        if (r.rowCount * r.colCount > this.ctx.excel.cellLimit) return null; // Excel's silent null over the cell limit
        const calc = this.ctx.excel.calculate;
        return Array.from({ length: r.rowCount }, (_, i) =>
          Array.from({ length: r.colCount }, (_, j) => {
            const k = key(r.row + i, r.col + j);
            if (prop === 'numberFormat') return s.numberFormats.get(k) ?? 'General';
            const f = s.formulas.get(k);
            if (prop === 'formulas' && f !== undefined) return f;
            if (f !== undefined && calc !== undefined) return calc(s, f);
            return s.valueAt(r.row + i, r.col + j);
          }),
        );
      }
      default:
        throw new Error(`fake: range property ${prop} is not supported`);
    }
  }

  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get address(): string {
    return this.loaded('address');
  }
  get values(): unknown[][] {
    return this.loaded('values');
  }
  set values(matrix: unknown[][]) {
    this.enterMatrix('values', matrix);
  }
  get formulas(): unknown[][] {
    return this.loaded('formulas');
  }
  set formulas(matrix: unknown[][]) {
    this.enterMatrix('formulas', matrix);
  }
  get numberFormat(): unknown[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(matrix: unknown[][]) {
    const r = this.r;
    if (!this.checkShape('numberFormat', matrix)) return;
    if (!this.ctx.write(this.sheet, 'numberFormat', (JSON.stringify(matrix) ?? '').length)) return;
    matrix.forEach((line, i) => line.forEach((f, j) => this.sheet?.numberFormats.set(key(r.row + i, r.col + j), String(f))));
  }

  private checkShape(what: string, matrix: unknown[][]): boolean {
    const r = this.r;
    if (!Array.isArray(matrix) || matrix.length !== r.rowCount || matrix.some((line) => !Array.isArray(line) || line.length !== r.colCount)) {
      this.ctx.fail('InvalidArgument', `${what}: the array is not ${r.rowCount}×${r.colCount}, the size of ${rectAddress(r)}`);
      return false;
    }
    return true;
  }

  private enterMatrix(what: string, matrix: unknown[][]): void {
    const r = this.r;
    if (!this.checkShape(what, matrix)) return;
    for (const [i, line] of matrix.entries()) {
      for (const [j, v] of line.entries()) {
        const problem = typeof v === 'string' && v.startsWith('=') && v.length > 1 ? excelWouldRefuse(v) : undefined;
        if (problem !== undefined) {
          this.ctx.fail('InvalidArgument', `${what}: the formula ${String(v).slice(0, 60)} in ${rectAddress({ row: r.row + i, col: r.col + j, rowCount: 1, colCount: 1 })} is not valid (${problem})`);
          return;
        }
      }
    }
    if (!this.ctx.write(this.sheet, what, (JSON.stringify(matrix) ?? '').length)) return;
    matrix.forEach((line, i) => line.forEach((v, j) => this.sheet?.enter(r.row + i, r.col + j, v)));
  }

  /** Sets a style property on every cell (entire columns: only the column width). */
  styleCells(prop: string, value: unknown): void {
    const r = this.r;
    if (!this.ctx.write(this.sheet, `format.${prop}`)) return;
    const s = this.sheet;
    if (s === undefined) return;
    if (prop === 'columnWidth') {
      for (let c = r.col; c < r.col + r.colCount; c++) s.columnWidths.set(c, Number(value));
      return;
    }
    if (prop === 'useStandardWidth') {
      for (let c = r.col; c < r.col + r.colCount; c++) s.columnWidths.delete(c);
      return;
    }
    if (prop === 'useStandardHeight') return;
    if (r.rowCount * r.colCount > MAX_STYLED_CELLS) throw new Error(`fake: format.${prop} on ${rectAddress(r)} (too large for the fake)`);
    for (let i = r.row; i < r.row + r.rowCount; i++) {
      for (let j = r.col; j < r.col + r.colCount; j++) {
        const k = key(i, j);
        s.styles.set(k, { ...s.styles.get(k), [prop]: value });
      }
    }
  }

  get format(): XlRangeFormat {
    const set = (prop: string) => (v: unknown): void => this.styleCells(prop, v);
    const writeOnly = (): never => {
      throw new Error('fake: format properties are write-only here');
    };
    const group = (prefix: string, props: readonly string[]): Record<string, unknown> => {
      const o: Record<string, unknown> = {};
      for (const p of props) Object.defineProperty(o, p, { get: writeOnly, set: set(`${prefix}${p}`), enumerable: true });
      return o;
    };
    const f = group('', ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth', 'useStandardWidth', 'useStandardHeight']);
    Object.assign(f, {
      font: group('font.', ['bold', 'italic', 'color']),
      fill: group('fill.', ['color']),
      protection: group('protection.', ['locked']),
      borders: { getItem: (edge: XlBorderIndex) => group(`border.${edge}.`, ['style', 'weight']) },
    });
    return f as unknown as XlRangeFormat;
  }

  get conditionalFormats(): XlConditionalFormatCollection {
    const sheet = this.sheet;
    const r = this.r;
    return {
      add: (type: 'Custom'): XlConditionalFormat => {
        const record: FakeConditionalFormatRecord = { range: rectAddress(r), type, formula: '' };
        if (this.ctx.write(sheet, 'conditionalFormats.add')) sheet?.conditionalFormats.push(record);
        const ctx = this.ctx;
        return {
          custom: {
            rule: {
              get formula(): string {
                return record.formula;
              },
              set formula(v: string) {
                const problem = excelWouldRefuse(v.startsWith('=') ? v : `=${v}`);
                if (problem !== undefined) ctx.fail('InvalidArgument', `conditional format rule ${v}: ${problem}`);
                else if (ctx.write(sheet, 'conditionalFormat.rule')) record.formula = v;
              },
            },
            format: {
              fill: {
                get color(): string {
                  return record.fill ?? '';
                },
                set color(v: string) {
                  if (ctx.write(sheet, 'conditionalFormat.fill')) record.fill = v;
                },
              },
              font: {
                get color(): string {
                  return record.fontColor ?? '';
                },
                set color(v: string) {
                  if (ctx.write(sheet, 'conditionalFormat.font')) record.fontColor = v;
                },
              },
            },
          },
        };
      },
      clearAll: () => {
        if (this.ctx.write(sheet, 'conditionalFormats.clearAll') && sheet !== undefined) {
          sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(parseRect(cf.range) ?? WHOLE, r));
        }
      },
    };
  }

  merge(across?: boolean): void {
    if (across === true) throw new Error('fake: merge(across) is not modelled');
    const r = this.r;
    if (this.ctx.write(this.sheet, 'merge') && this.sheet !== undefined) {
      if (this.sheet.merges.some((m) => intersects(m, r))) {
        this.ctx.fail('InvalidOperation', `Cannot merge ${rectAddress(r)}: it overlaps a merged range.`);
        return;
      }
      this.sheet.merges.push(r);
    }
  }

  unmerge(): void {
    const r = this.r;
    if (this.ctx.write(this.sheet, 'unmerge') && this.sheet !== undefined) this.sheet.merges = this.sheet.merges.filter((m) => !intersects(m, r));
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    if (applyTo !== 'All') throw new Error(`fake: clear(${applyTo}) is not modelled`);
    if (this.ctx.write(this.sheet, 'clear')) this.sheet?.clearRect(this.r);
  }

  getEntireColumn(): FakeRange {
    const r = this.r;
    return new FakeRange(this.ctx, this.sheet, { row: 0, col: r.col, rowCount: MAX_ROW, colCount: r.colCount });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const r = this.r;
    const merged = (this.sheet?.merges ?? []).filter((m) => intersects(m, r));
    return new FakeRangeAreas(this.ctx, merged.length === 0 ? null : merged.map((m) => `${qualifiedSheet(this.sheet?.name ?? '')}!${rectAddress(m)}`).join(', '));
  }

  select(): void {
    if (this.sheet === undefined) return;
    if (this.sheet.visibility !== 'Visible') {
      this.ctx.fail('InvalidOperation', `The sheet '${this.sheet.name}' is hidden.`);
      return;
    }
    this.ctx.excel.activeSheet = this.sheet.name;
    this.ctx.excel.selection = { sheet: this.sheet.name, address: rectAddress(this.r) };
  }
}

class FakeRangeAreas extends FakeProxy implements XlRangeAreas {
  constructor(
    ctx: FakeContext,
    private readonly addresses: string | null,
  ) {
    super(ctx);
  }
  protected override get nullObject(): boolean {
    return this.addresses === null;
  }
  protected current(prop: string): unknown {
    if (prop === 'address') return this.addresses;
    throw new Error(`fake: RangeAreas property ${prop} is not supported`);
  }
  get address(): string {
    return this.loaded('address');
  }
}

class FakeChartCollection extends FakeProxy implements XlChartCollection {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeSheet | undefined,
  ) {
    super(ctx);
  }

  protected current(prop: string): unknown {
    throw new Error(`fake: charts has no property ${prop}`);
  }

  override load(propertyNames: string): this {
    const props = propertyNames.split(',').map((p) => p.trim()).filter((p) => p !== '');
    const itemProps = props.map((p) => {
      const m = /^items\/(.+)$/.exec(p);
      if (m === null) throw new Error(`fake: charts.load("${p}") is not supported`);
      return m[1] ?? '';
    });
    const items = (this.sheet?.charts ?? []).map((c) => new FakeChart(this.ctx, this.sheet, c));
    for (const chart of items) chart.load(itemProps.join(','));
    this.ctx.queueLoad(() => this.deliverNow('items', items), 2);
    return this;
  }

  get items(): FakeChart[] {
    return this.loaded('items');
  }

  add(type: 'ColumnClustered' | 'Line', sourceData: XlRange, seriesBy: 'Columns'): FakeChart {
    const source = sourceData as FakeRange;
    const r = source.rect;
    const record: FakeChartRecord = { name: `Chart ${(this.sheet?.charts.length ?? 0) + 1}`, type, title: '', series: [] };
    if (r !== null && source.sheet !== undefined && seriesBy === 'Columns') {
      for (let c = 0; c < r.colCount; c++) {
        const col: Rect = { row: r.row, col: r.col + c, rowCount: r.rowCount, colCount: 1 };
        record.series.push({ name: `Series${c + 1}`, values: `${qualifiedSheet(source.sheet.name)}!${rectAddress(col)}` });
      }
    }
    if (this.ctx.write(this.sheet, 'charts.add')) this.sheet?.charts.push(record);
    return new FakeChart(this.ctx, this.sheet, record);
  }
}

class FakeChart extends FakeProxy implements XlChart {
  readonly title: { text: string };
  readonly series: XlChartSeriesCollection;

  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeSheet | undefined,
    private readonly record: FakeChartRecord,
  ) {
    super(ctx);
    const write = (op: string): boolean => ctx.write(sheet, op);
    this.title = {
      get text(): string {
        return record.title;
      },
      set text(v: string) {
        if (write('chart.title')) record.title = v;
      },
    };
    const seriesProxy = (s: FakeSeriesRecord | undefined): XlChartSeries => ({
      get name(): string {
        return s?.name ?? '';
      },
      set name(v: string) {
        if (write('chart.series.name') && s !== undefined) s.name = v;
      },
      setValues: (range: XlRange) => {
        if (write('chart.series.setValues') && s !== undefined) s.values = (range as FakeRange).qualifiedAddress;
      },
      setXAxisValues: (range: XlRange) => {
        if (write('chart.series.setXAxisValues') && s !== undefined) s.xValues = (range as FakeRange).qualifiedAddress;
      },
    });
    this.series = {
      getItemAt: (index: number) => {
        const s = record.series[index];
        if (s === undefined) ctx.fail('ItemNotFound', `The chart has no series ${index}.`);
        return seriesProxy(s);
      },
      add: (name: string) => {
        const s: FakeSeriesRecord = { name, values: '' };
        if (write('chart.series.add')) record.series.push(s);
        return seriesProxy(s);
      },
    };
  }

  protected current(prop: string): unknown {
    if (prop === 'name') return this.record.name;
    throw new Error(`fake: chart property ${prop} is not supported`);
  }

  get name(): string {
    return this.loaded('name');
  }

  setPosition(startCell: string, endCell: string): void {
    if (this.ctx.write(this.sheet, 'chart.setPosition')) {
      this.record.from = startCell;
      this.record.to = endCell;
    }
  }

  delete(): void {
    if (this.ctx.write(this.sheet, 'chart.delete') && this.sheet !== undefined) this.sheet.charts = this.sheet.charts.filter((c) => c !== this.record);
  }
}
