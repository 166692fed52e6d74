import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveUnder, startStaticServer, type StaticServer } from '../../src/start/static-server.js';

const base = mkdtempSync(join(tmpdir(), 'perm-static-'));
const root = join(base, 'dist');
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'taskpane.html'), '<!doctype html><div id="container"></div>');
  writeFileSync(join(root, 'taskpane.js'), 'console.log(1);');
  writeFileSync(join(root, 'assets', 'icon-16.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(root, 'my file.json'), '{}');
  writeFileSync(join(base, 'secret.txt'), 'outside the root');
  symlinkSync(join(base, 'secret.txt'), join(root, 'link.txt'));
  server = await startStaticServer(root, 0);
});

afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path goes out exactly as written (fetch would normalise "..") */
function get(path: string, options: { method?: string; host?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: options.host ?? `127.0.0.1:${server.port}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('startStaticServer', () => {
  it('listens on 127.0.0.1 and reports its URL (port 0: any free port)', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves files with their content types, and / as taskpane.html', async () => {
    const page = await get('/taskpane.html?preview=1');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('id="container"');
    expect((await get('/')).body).toBe(page.body);
    expect((await get('/taskpane.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/icon-16.png')).headers['content-type']).toBe('image/png');
    expect((await get('/my%20file.json')).status).toBe(200);
    expect((await get('/taskpane.js', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('answers HEAD without a body', async () => {
    const head = await get('/taskpane.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('15');
    expect(head.body).toBe('');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/link.txt', '/taskpane.html%00.png', '/assets', '/missing.js', '/%E0%A4%A'])(
    'answers 404 for %s (nothing outside the root, no directories, nothing missing)',
    async (path) => {
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('outside the root');
    },
  );

  it('refuses other methods and other host names', async () => {
    const post = await get('/taskpane.html', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
    expect((await get('/taskpane.html', { host: 'attacker.example' })).status).toBe(403);
    expect((await get('/taskpane.html', { host: `192.168.1.5:${server.port}` })).status).toBe(403);
  });

  it('says which port is taken when it cannot listen', async () => {
    await expect(startStaticServer(root, server.port)).rejects.toThrow(`Port ${server.port} on 127.0.0.1 is in use`);
  });
});

describe('resolveUnder and contentType', () => {
  it('keeps paths inside the root', () => {
    expect(resolveUnder(root, '/taskpane.js')).toBe(join(root, 'taskpane.js'));
    expect(resolveUnder(root, '/a/../taskpane.js')).toBe(join(root, 'taskpane.js'));
    expect(resolveUnder(root, '/../dist/taskpane.js')).toBe(join(root, 'taskpane.js')); // out and back in
    expect(resolveUnder(root, '/../secret.txt')).toBeUndefined();
    expect(resolveUnder(root, 'taskpane.js')).toBeUndefined();
  });

  it('knows the add-in’s file types', () => {
    expect(contentType('functions.json')).toBe('application/json; charset=utf-8');
    expect(contentType('vendor.js.map')).toBe('application/json; charset=utf-8');
    expect(contentType('manifest.xml')).toBe('application/xml; charset=utf-8');
    expect(contentType('sample.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(contentType('file.bin')).toBe('application/octet-stream');
  });
});
