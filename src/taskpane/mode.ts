/**
 * Which host the page runs in. Preview mode only when the page asks for it (preview.html, which
 * has no office.js at all, or `?preview=1`). Otherwise the page is the add-in: Excel when
 * Office.onReady reports Excel, and a screen saying Office could not be loaded when office.js is
 * absent (blocked or offline), when Office.onReady never comes, or when it reports no host or
 * another one. taskpane.html never shows the sample: a user inside Excel must never mistake it
 * for their own data.
 */

export type Mode = 'excel' | 'preview' | 'no-office';

/** Why Excel was not found, for the screen that says so. */
export type NoOfficeReason = 'office-js-missing' | 'on-ready-timeout' | 'not-excel';

/** The part of the Office global the mode check reads. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  readonly HostType?: { readonly Excel?: unknown };
}

/** How long to wait for Office.onReady before saying Office could not be loaded. */
export const ON_READY_TIMEOUT_MS = 10_000;

export function previewRequested(search: string, documentMode: string | undefined): boolean {
  if (documentMode === 'preview') return true;
  const value = new URLSearchParams(search).get('preview');
  return value !== null && value !== '0' && value !== 'false';
}

export interface ModeDecision {
  readonly mode: Mode;
  readonly reason?: NoOfficeReason;
}

export async function decideMode(search: string, documentMode: string | undefined, office: OfficeLike | undefined, timeoutMs = ON_READY_TIMEOUT_MS): Promise<ModeDecision> {
  if (previewRequested(search, documentMode)) return { mode: 'preview' };
  if (office === undefined || typeof office.onReady !== 'function') return { mode: 'no-office', reason: 'office-js-missing' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const info = await Promise.race([office.onReady(), timeout]);
  if (timer !== undefined) clearTimeout(timer);
  if (info === 'timeout') return { mode: 'no-office', reason: 'on-ready-timeout' };
  const excel = office.HostType?.Excel ?? 'Excel';
  return info.host === excel ? { mode: 'excel' } : { mode: 'no-office', reason: 'not-excel' };
}

export async function detectMode(search: string, documentMode: string | undefined, office: OfficeLike | undefined, timeoutMs = ON_READY_TIMEOUT_MS): Promise<Mode> {
  return (await decideMode(search, documentMode, office, timeoutMs)).mode;
}
