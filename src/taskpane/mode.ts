/**
 * Which host the page runs in. Preview mode when the page asks for it (preview.html, which has no
 * office.js at all, or `?preview=1`), when office.js is absent (a plain browser offline), or when
 * Office.onReady reports no host (office.js outside Office).
 */

export type Mode = 'excel' | 'preview';

/** The part of the Office global the mode check reads. */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  readonly HostType?: { readonly Excel?: unknown };
}

export function previewRequested(search: string, documentMode: string | undefined): boolean {
  if (documentMode === 'preview') return true;
  const value = new URLSearchParams(search).get('preview');
  return value !== null && value !== '0' && value !== 'false';
}

export async function detectMode(search: string, documentMode: string | undefined, office: OfficeLike | undefined): Promise<Mode> {
  if (previewRequested(search, documentMode)) return 'preview';
  if (office === undefined || typeof office.onReady !== 'function') return 'preview';
  const info = await office.onReady();
  const excel = office.HostType?.Excel ?? 'Excel';
  return info.host === excel ? 'excel' : 'preview';
}
