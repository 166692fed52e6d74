/**
 * Preview mode's start: the bundled sample workbook (served beside the page), or a file the user
 * opens later, in memory; the task pane beside it. Loaded as its own chunk, so exceljs is never
 * part of the task pane's bundle in Excel.
 */
import type { ReactNode } from 'react';
import { PreviewHost } from './preview-host.js';
import { PreviewShell } from './PreviewShell.js';
import { PreviewWorkbook } from './preview-workbook.js';

/** Where the build puts the sample (webpack.config.js copies assets/samples). */
export const SAMPLE_PATH = 'assets/samples/sample-state.xlsx';

export interface StartPreviewOptions {
  readonly theme: 'light' | 'dark';
  readonly version: string;
  /** Fetches the sample (default: the page's own origin). */
  readonly fetchSample?: () => Promise<ArrayBuffer>;
}

async function fetchSampleFromPage(): Promise<ArrayBuffer> {
  const response = await fetch(SAMPLE_PATH);
  if (!response.ok) throw new Error(`The sample workbook (${SAMPLE_PATH}) could not be loaded: HTTP ${response.status}. Build the add-in with npm run build:dev and serve dist/addin.`);
  return response.arrayBuffer();
}

export async function createPreviewHost(options: StartPreviewOptions): Promise<PreviewHost> {
  const bytes = await (options.fetchSample ?? fetchSampleFromPage)();
  const book = await PreviewWorkbook.open('sample-state.xlsx', bytes);
  return new PreviewHost(book, options.theme, (name, data) => PreviewWorkbook.open(name, data));
}

export async function startPreview(options: StartPreviewOptions): Promise<ReactNode> {
  const host = await createPreviewHost(options);
  return <PreviewShell host={host} version={options.version} />;
}
