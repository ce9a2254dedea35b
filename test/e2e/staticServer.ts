/**
 * A tiny static file server for the e2e tests (Node's `http` only, no dependencies).
 * Serves a built site (`dist/`): `index.html` for `/` (and for any directory that has
 * one), correct MIME types, 404 for anything else. Optional extra response headers
 * (e.g. a Content-Security-Policy) for every response or chosen per path.
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.yml': 'application/yaml; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Extra headers: the same for every response, or chosen per request path. */
type HeaderOption = OutgoingHttpHeaders | ((pathname: string) => OutgoingHttpHeaders | undefined);

export interface StaticServerOptions {
  /** Folder to serve (default: `dist` in the current working directory). */
  root?: string;
  /** Host to bind (default 127.0.0.1). */
  host?: string;
  /** Port (default 0 = a free port chosen by the OS). */
  port?: number;
  /** Extra response headers, e.g. `{ 'Content-Security-Policy': "default-src 'self'" }`. */
  headers?: HeaderOption;
}

export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:43121/`. */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

function contentType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function resolveFile(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = resolve(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null; // no path traversal
  try {
    const s = await stat(candidate);
    if (s.isFile()) return candidate;
    if (s.isDirectory()) {
      const index = join(candidate, 'index.html');
      const si = await stat(index).catch(() => null);
      return si?.isFile() ? index : null;
    }
  } catch {
    /* not found */
  }
  return null;
}

export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(options.root ?? 'dist');
  const host = options.host ?? '127.0.0.1';
  const extra = options.headers;

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    const added = (typeof extra === 'function' ? extra(url.pathname) : extra) ?? {};
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...added, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method Not Allowed\n');
      return;
    }
    const file = await resolveFile(root, url.pathname);
    if (file === null) {
      res.writeHead(404, { ...added, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : 'Not Found\n');
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': contentType(file),
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...added,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`Internal Server Error: ${String(err)}\n`);
    });
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
