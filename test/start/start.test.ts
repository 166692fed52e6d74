import { describe, expect, it } from 'vitest';
import { desktopCommands, findExcelDesktop, parseOptions, previewUrl } from '../../src/start/start.js';

describe('npm start', () => {
  it('finds Excel desktop on macOS and Windows, never on Linux', () => {
    const has = (path: string) => (p: string) => p === path;
    expect(findExcelDesktop('darwin', {}, has('/Applications/Microsoft Excel.app'))).toBe('/Applications/Microsoft Excel.app');
    expect(findExcelDesktop('darwin', {}, () => false)).toBeUndefined();
    const excel = 'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE';
    expect(findExcelDesktop('win32', { ProgramFiles: 'C:\\Program Files' }, has(excel))).toBe(excel);
    expect(findExcelDesktop('win32', { ProgramFiles: 'C:\\Program Files' }, () => false)).toBeUndefined();
    expect(findExcelDesktop('linux', {}, () => true)).toBeUndefined();
  });

  it('sideloads with Microsoft’s tools fetched on demand, after installing the dev certificate', () => {
    const [certs, debug] = desktopCommands(false);
    expect(certs?.args).toEqual(['--yes', 'office-addin-dev-certs@3', 'install']);
    expect(debug?.args).toEqual([
      '--yes', 'office-addin-debugging@7', 'start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server', 'npm run dev-server', '--dev-server-port', '3000',
    ]);
    expect(desktopCommands(true).map((c) => c.args.slice(1, 3))).toEqual([['office-addin-debugging@7', 'stop']]);
  });

  it('reads its options and prints the preview URL', () => {
    expect(parseOptions([])).toEqual({ preview: false, stop: false, build: true, port: 3000 });
    expect(parseOptions(['--preview', '--no-build', '--port', '0'])).toEqual({ preview: true, stop: false, build: false, port: 0 });
    expect(() => parseOptions(['--port', 'x'])).toThrow(/--port needs a port number/);
    expect(previewUrl({ url: 'http://127.0.0.1:3000/' }, true)).toBe('http://127.0.0.1:3000/preview.html');
    expect(previewUrl({ url: 'http://127.0.0.1:3000/' }, false)).toBe('http://127.0.0.1:3000/taskpane.html?preview=1');
  });
});
