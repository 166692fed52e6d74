/** What a command runs over one workbook: its output sheets, issues, JSON document and text. */
import type { Issue } from '../core/workbook/issue.js';
import type { OwnedSheet, WorkbookSource } from '../core/workbook/port.js';
import type { BookSummary } from './book-summary.js';

export interface JobResult {
  readonly command: string;
  readonly sheets: readonly OwnedSheet[];
  readonly issues: readonly Issue[];
  readonly json: unknown;
  readonly text: string;
  readonly inputs: Readonly<Record<string, string>>;
  /** The book's state, review year and per-program lines, for `--summary` and the many-book JSON. */
  readonly summary?: BookSummary;
}

export type Job = (source: WorkbookSource) => Promise<JobResult>;
