/**
 * The one error the reader throws for a file it cannot use: it names the file (and the sheet, and
 * the cell when there is one) and says how to fix it. The CLI prints the message and exits 2.
 */
export interface XlsxReadErrorWhere {
  readonly file: string;
  readonly sheet?: string;
  readonly cell?: string;
  /** The package part being read, for the message when there is no sheet (e.g. xl/sharedStrings.xml). */
  readonly part?: string;
}

export class XlsxReadError extends Error {
  readonly file: string;
  readonly sheet: string | undefined;
  readonly cell: string | undefined;

  constructor(where: XlsxReadErrorWhere, problem: string, options?: { cause?: unknown }) {
    const place = where.sheet === undefined ? (where.part === undefined ? '' : ` (part ${where.part})`) : ` sheet '${where.sheet}'${where.cell === undefined ? '' : ` cell ${where.cell}`}`;
    super(`${where.file}${place}: ${problem}`, options);
    this.name = 'XlsxReadError';
    this.file = where.file;
    this.sheet = where.sheet;
    this.cell = where.cell;
  }
}

/** A problem found inside one part, before the reader knows which file and sheet to name. */
export class PartProblem extends Error {
  constructor(
    message: string,
    readonly cell?: string,
  ) {
    super(message);
    this.name = 'PartProblem';
  }
}

export const RESAVE_ADVICE = 'Open it in Excel and save it again as an Excel Workbook (.xlsx), then try again.';
