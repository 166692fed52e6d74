import { describe, expect, it } from 'vitest';
import { decideMode, detectMode, previewRequested } from '../../src/taskpane/mode.js';

const office = (host: unknown) => ({ onReady: () => Promise.resolve({ host }), HostType: { Excel: 'Excel' } });

describe('detectMode', () => {
  it.each([
    ['preview.html (data-mode)', '', 'preview', office('Excel'), 'preview'],
    ['?preview=1 inside Excel', '?preview=1', undefined, office('Excel'), 'preview'],
    ['?preview=0', '?preview=0', undefined, office('Excel'), 'excel'],
    // taskpane.html never falls back to the sample: it says Office could not be loaded.
    ['no office.js (blocked CDN, offline)', '', undefined, undefined, 'no-office'],
    ['office.js outside Office (host null)', '', undefined, office(null), 'no-office'],
    ['another Office host', '', undefined, office('Word'), 'no-office'],
    ['Excel', '', undefined, office('Excel'), 'excel'],
  ] as const)('%s', async (_, search, documentMode, officeGlobal, expected) => {
    expect(await detectMode(search, documentMode, officeGlobal)).toBe(expected);
  });

  it('does not wait for Office when preview is asked for', async () => {
    const never = { onReady: () => new Promise<{ host: unknown }>(() => undefined) };
    expect(await detectMode('?preview', undefined, never)).toBe('preview');
    expect(previewRequested('?preview=false', undefined)).toBe(false);
  });
});

describe('decideMode', () => {
  it('gives up on an Office.onReady that never comes', async () => {
    const never = { onReady: () => new Promise<{ host: unknown }>(() => undefined) };
    expect(await decideMode('', undefined, never, 20)).toEqual({ mode: 'no-office', reason: 'on-ready-timeout' });
    expect(await decideMode('', undefined, undefined)).toEqual({ mode: 'no-office', reason: 'office-js-missing' });
  });
});
