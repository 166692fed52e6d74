import { describe, expect, it } from 'vitest';
import { detectMode, previewRequested } from '../../src/taskpane/mode.js';

const office = (host: unknown) => ({ onReady: () => Promise.resolve({ host }), HostType: { Excel: 'Excel' } });

describe('detectMode', () => {
  it.each([
    ['preview.html (data-mode)', '', 'preview', office('Excel'), 'preview'],
    ['?preview=1 inside Excel', '?preview=1', undefined, office('Excel'), 'preview'],
    ['?preview=0', '?preview=0', undefined, office('Excel'), 'excel'],
    ['no office.js (a plain browser offline)', '', undefined, undefined, 'preview'],
    ['office.js outside Office (host null)', '', undefined, office(null), 'preview'],
    ['another Office host', '', undefined, office('Word'), 'preview'],
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
