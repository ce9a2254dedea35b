/**
 * The e2e harness's own static server (./staticServer): MIME types, index.html for `/`,
 * 404s, no path traversal, extra headers (for CSP tests). No browser needed.
 */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from './staticServer';

let dir: string;
let server: StaticServer;

/** Raw GET (no URL normalisation, so `/../` reaches the server as sent). */
function get(path: string): Promise<{ status: number; type: string | undefined; headers: Record<string, unknown>; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: res.headers['content-type'], headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'e2e-static-'));
  const site = join(dir, 'site');
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(site, 'embed.html'), '<!doctype html><title>embed</title>');
  for (const f of ['a.js', 'a.css', 'a.svg', 'a.png', 'a.json', 'a.yml']) writeFileSync(join(site, 'assets', f), 'x');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  server = await startStaticServer({
    root: site,
    headers: (p) => (p.endsWith('.html') || p.endsWith('/') ? { 'Content-Security-Policy': "default-src 'self'" } : undefined),
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('e2e static server', () => {
  it('serves index.html for / (query ignored) with the extra headers', async () => {
    const r = await get('/?scenario=nope');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('<title>x</title>');
    expect(r.headers['content-security-policy']).toBe("default-src 'self'");
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it.each([
    ['/embed.html', 'text/html; charset=utf-8'],
    ['/assets/a.js', 'text/javascript; charset=utf-8'],
    ['/assets/a.css', 'text/css; charset=utf-8'],
    ['/assets/a.svg', 'image/svg+xml'],
    ['/assets/a.png', 'image/png'],
    ['/assets/a.json', 'application/json; charset=utf-8'],
    ['/assets/a.yml', 'application/yaml; charset=utf-8'],
  ])('%s → %s', async (path, type) => {
    const r = await get(path);
    expect(r.status).toBe(200);
    expect(r.type).toBe(type);
  });

  it('404s for missing files, directories without index.html and path traversal', async () => {
    expect((await get('/nope.js')).status).toBe(404);
    expect((await get('/assets/')).status).toBe(404);
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/..%2fsecret.txt')).status).toBe(404);
    expect((await get('/%E0%A4%A')).status).toBe(404);
  });
});
