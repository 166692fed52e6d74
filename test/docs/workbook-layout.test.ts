// docs/workbook-layout.md lists the headers, synonyms and settings the code accepts: its generated
// parts must match the code (PERM_RECON_WRITE_DOCS=1 rewrites them), and the repository's docs link
// only to files inside the repository.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED, withGeneratedParts } from '../../src/core/template/layout-guide-tables.js';
import { INPUT_TABLE_FACTS } from '../../src/core/workbook/input-tables.js';
import { SETTINGS } from '../../src/core/workbook/settings.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const GUIDE = join(ROOT, 'docs', 'workbook-layout.md');

describe('docs/workbook-layout.md', () => {
  it('lists every header, synonym and setting exactly as the code accepts them', () => {
    const text = readFileSync(GUIDE, 'utf8');
    const fresh = withGeneratedParts(text);
    if (process.env.PERM_RECON_WRITE_DOCS === '1' && fresh !== text) writeFileSync(GUIDE, fresh);
    expect(text, 'run PERM_RECON_WRITE_DOCS=1 npx vitest run --config test/vitest.config.ts test/docs').toBe(fresh);
    for (const g of Object.values(GENERATED)) expect(text).toContain(g.begin);
    for (const f of INPUT_TABLE_FACTS) for (const syn of Object.values(f.spec.required).flat()) expect(text.toLowerCase()).toContain(syn.toLowerCase());
    for (const d of Object.values(SETTINGS)) expect(text).toContain(`| ${d.label} |`);
  });

  it.each(['README.md', 'docs/workbook-layout.md'])('%s links only to files in the repository', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared|shared\/spec/);
    for (const m of text.matchAll(/\]\(([^)#]+)(#[^)]*)?\)/g)) {
      const target = m[1] ?? '';
      if (/^[a-z]+:/.test(target)) continue; // a web address
      expect(existsSync(resolve(dirname(join(ROOT, file)), target)), `${file} links to ${target}`).toBe(true);
    }
  });
});
