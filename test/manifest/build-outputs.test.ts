import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addinOutputs } from '../../src/manifest/build-outputs.js';
import { manifestContext, ROOT } from '../../src/manifest/validate.js';

describe('addinOutputs', () => {
  it('lists what webpack.config.js builds and copies, with the copied files’ sources', async () => {
    const { outputs } = await manifestContext(ROOT);
    for (const generated of ['taskpane.html', 'functions.json', 'functions.js', 'commands.js', 'taskpane.js', 'runtime.js']) {
      expect(outputs.get(generated)).toBeNull();
    }
    expect(outputs.get('manifest.xml')).toBe(join(ROOT, 'manifest.xml'));
    for (const size of [16, 32, 64, 80, 128]) {
      expect(outputs.get(`assets/icons/icon-${size}.png`)).toBe(join(ROOT, 'assets', 'icons', `icon-${size}.png`));
    }
  });

  it('leaves out bundles whose names carry a hash, and copies that name nothing', () => {
    class CopyPlugin {
      patterns = [{ from: 'no/such/folder', to: 'x' }, 'README.md'];
    }
    const outputs = addinOutputs({ entry: { a: './a.ts' }, output: { filename: '[name].[contenthash].js' }, plugins: [new CopyPlugin()] }, ROOT);
    expect([...outputs.keys()]).toEqual(['README.md']);
  });
});
