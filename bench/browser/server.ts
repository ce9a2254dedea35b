/**
 * A tiny static server for the browser benches (node:http only): mounts directories
 * under path prefixes (`/app/` → the app build, `/base/` → the baseline build) and
 * serves a few in-memory files (the bench compose file, the baseline's drawing).
 * No caching headers: every sample opens a fresh browser context, so every load is cold.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface BenchServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  close(): Promise<void>;
}

export async function startServer(mounts: Record<string, string>, files: Record<string, { body: string; type: string }>): Promise<BenchServer> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (path === '/favicon.ico') {
        res.writeHead(204);
        res.end();
        return;
      }
      const file = files[path];
      if (file) {
        res.writeHead(200, { 'content-type': file.type, 'content-length': Buffer.byteLength(file.body), 'cache-control': 'no-store' });
        res.end(file.body);
        return;
      }
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (!path.startsWith(prefix)) continue;
        let target = normalize(join(dir, path.slice(prefix.length)));
        if (target !== dir && !target.startsWith(dir + sep)) break;
        try {
          if ((await stat(target)).isDirectory()) target = join(target, 'index.html');
          const body = await readFile(target);
          res.writeHead(200, { 'content-type': MIME[extname(target)] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store' });
          res.end(body);
          return;
        } catch {
          break;
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
