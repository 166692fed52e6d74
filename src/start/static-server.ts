/**
 * A small static file server for the built add-in (dist/addin) over plain HTTP on 127.0.0.1: no
 * certificate, no sudo. Used by `npm start` where Excel desktop is absent (the task pane's preview
 * mode) and by the end-to-end tests. It answers only loopback requests addressed to a loopback
 * host name, only GET and HEAD, and only files under its root.
 */
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly port: number;
  readonly close: () => Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

const LOOPBACK_ADDRESS = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

/** The file under `root` a URL path names, or undefined when it names nothing servable there. */
export function resolveUnder(root: string, urlPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return undefined; // malformed percent-encoding
  }
  if (pathname.includes('\0') || !pathname.startsWith('/')) return undefined;
  if (pathname.endsWith('/')) pathname += 'taskpane.html';
  const candidate = resolve(root, `.${pathname}`);
  const inside = (path: string, base: string): boolean => {
    const rel = relative(base, path);
    return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
  };
  if (!inside(candidate, root)) return undefined;
  try {
    // Follow symbolic links, then check again: a link must not lead out of the root.
    const real = realpathSync(candidate);
    if (!inside(real, realpathSync(root)) || !statSync(real).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function handler(root: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    if (!LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '') || !LOOPBACK_HOST.test(req.headers.host ?? '')) {
      send(res, 403, 'Forbidden: this server answers only local requests.\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, 405, 'Method not allowed.\n');
      return;
    }
    const file = resolveUnder(root, req.url ?? '/');
    if (file === undefined) {
      send(res, 404, 'Not found.\n');
      return;
    }
    res.writeHead(200, { 'Content-Type': contentType(file), 'Content-Length': statSync(file).size });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/**
 * Serves the files under `root` on http://127.0.0.1:<port>/ (port 0: any free port). Resolves once
 * listening; `close` stops it and ends open connections.
 */
export function startStaticServer(root: string, port = 3000): Promise<StaticServer> {
  const absoluteRoot = resolve(root);
  const server = createServer(handler(absoluteRoot));
  return new Promise((resolveStart, rejectStart) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      rejectStart(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on 127.0.0.1 is in use; stop what uses it or pick another port.`) : error);
    });
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as AddressInfo).port;
      resolveStart({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () =>
          new Promise<void>((resolveClose, rejectClose) => {
            server.close((error) => (error === undefined ? resolveClose() : rejectClose(error)));
            server.closeAllConnections();
          }),
      });
    });
  });
}
