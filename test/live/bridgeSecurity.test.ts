/**
 * The bridge's refusals, one by one, against a real HTTP server on 127.0.0.1 and a
 * stand-in engine (the real-engine browser tests are in test/e2e/live.e2e.test.ts).
 */
import { request as httpRequest } from 'node:http';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type Docker from 'dockerode';
import { HelpRequested, parseLiveArgs, UsageError } from '../../bridge/args';
import { EngineMirror } from '../../bridge/engineMirror';
import { createRateLimiter } from '../../bridge/rateLimit';
import { startBridgeServer, type BridgeServer } from '../../bridge/server';
import type { LiveSettings } from '../../src/live/protocol';

const SHOP_ID = 'a'.repeat(64);
const OTHER_ID = 'b'.repeat(64);

/** A stand-in engine: two containers, one of project `shop`; records the commands it gets. */
function fakeDocker() {
  const calls: string[] = [];
  const info = (id: string, name: string, labels: Record<string, string>) => ({
    Id: id,
    Name: `/${name}`,
    Created: '2026-12-07T18:00:00Z',
    RestartCount: 0,
    Config: { Image: 'local/busybox:1', Labels: labels },
    HostConfig: { RestartPolicy: { Name: 'no' } },
    State: { Status: 'running', ExitCode: 0, OOMKilled: false, StartedAt: '2026-12-07T18:00:01Z', FinishedAt: '0001-01-01T00:00:00Z' },
  });
  const containers: Record<string, ReturnType<typeof info>> = {
    [SHOP_ID]: info(SHOP_ID, 'shop-web-1', { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' }),
    [OTHER_ID]: info(OTHER_ID, 'other', {}),
  };
  const docker = {
    version: async () => ({ Version: '20.10.24', ApiVersion: '1.41' }),
    getEvents: async () => new PassThrough(),
    listContainers: async () => Object.keys(containers).map((Id) => ({ Id })),
    getContainer: (id: string) => {
      const act = (name: string) => async () => {
        calls.push(`${name} ${id.slice(0, 4)}`);
      };
      return {
        inspect: async () => {
          const c = containers[id];
          if (!c) throw Object.assign(new Error('no such container'), { statusCode: 404, json: { message: `No such container: ${id}` } });
          return c;
        },
        start: act('start'), stop: act('stop'), kill: act('kill'), pause: act('pause'), unpause: act('unpause'), restart: act('restart'), remove: act('remove'),
      };
    },
  };
  return { docker: docker as unknown as Docker, calls };
}

interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One raw HTTP request (node:http lets a test send any Host header, unlike fetch). */
function send(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string; firstChunkOnly?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (options.firstChunkOnly && body.includes('event: snapshot')) {
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
          req.destroy();
        }
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', (error) => (options.firstChunkOnly ? undefined : reject(error)));
    req.end(options.body);
  });
}

const open: BridgeServer[] = [];
const mirrors: EngineMirror[] = [];

async function bridge({ allowCommands = true, filter = { key: 'com.docker.compose.project', value: 'shop' } as { key: string; value: string } | null, burst = 10 } = {}) {
  const { docker, calls } = fakeDocker();
  const matches = (labels: Record<string, string>) => !filter || labels[filter.key] === filter.value;
  const settings: LiveSettings = { allowCommands, filter, compose: null, commandsPerMinute: 60 };
  const mirror = new EngineMirror(docker, { settings, commandable: (l) => allowCommands && matches(l), where: 'fake' });
  mirror.start();
  mirrors.push(mirror);
  const server = await startBridgeServer({
    docker,
    mirror,
    policy: { allowCommands, matches, filterText: filter ? `label ${filter.key}=${filter.value}` : 'none', limiter: createRateLimiter(60, burst) },
    siteRoot: process.cwd(),
    host: '127.0.0.1',
    port: 0,
  });
  open.push(server);
  const origin = `http://127.0.0.1:${server.port}`;
  const command = (body: unknown, headers: Record<string, string> = {}) =>
    send(server.port, {
      path: `/${server.token}/api/command`,
      method: 'POST',
      headers: { origin, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  return { server, calls, origin, command };
}

afterEach(async () => {
  for (const m of mirrors.splice(0)) m.stop();
  for (const s of open.splice(0)) await s.close();
});

describe('the bridge serves only its own page, with the token', () => {
  it('opens the event stream with the token and sends the state first', async () => {
    const { server } = await bridge();
    const answer = await send(server.port, { path: `/${server.token}/api/events`, firstChunkOnly: true });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/event-stream');
    expect(answer.body).toContain('"name":"shop-web-1"');
  });

  it('refuses a wrong token, no token, and the stream without its token', async () => {
    const { server } = await bridge();
    const wrong = await send(server.port, { path: `/${'x'.repeat(server.token.length)}/api/events` });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('wrong access token');
    expect((await send(server.port, { path: '/' })).status).toBe(401);
    expect((await send(server.port, { path: '/api/events' })).status).toBe(401);
    expect((await send(server.port, { path: `/api/events?token=${server.token}` })).status).toBe(401);
  });

  it('refuses another Host (DNS rebinding), even with the token', async () => {
    const { server } = await bridge();
    const answer = await send(server.port, { path: `/${server.token}/api/events`, headers: { host: `attacker.example:${server.port}` } });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Host "attacker.example');
  });

  it('refuses another Origin and cross-site fetches, even with the token', async () => {
    const { server, command } = await bridge();
    const stream = await send(server.port, { path: `/${server.token}/api/events`, headers: { origin: 'https://evil.example' } });
    expect(stream.status).toBe(403);
    expect(stream.body).toContain('Origin "https://evil.example" refused');
    const cmd = await command({ container: SHOP_ID, command: 'pause' }, { origin: 'http://127.0.0.1:1' });
    expect(cmd.status).toBe(403);
    const site = await send(server.port, { path: `/${server.token}/`, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
  });

  it('has no Docker API behind it', async () => {
    const { server, calls } = await bridge();
    for (const path of ['/api/containers/json', '/v1.41/containers/json', '/api/exec', '/_ping']) {
      const answer = await send(server.port, { path: `/${server.token}${path}` });
      expect(answer.status, path).toBe(404);
    }
    expect(calls).toEqual([]);
  });
});

describe('commands', () => {
  it('are refused without --allow-commands (read-only)', async () => {
    const { command, calls } = await bridge({ allowCommands: false });
    const answer = await command({ container: SHOP_ID, command: 'pause' });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, message: expect.stringContaining('read-only') });
    expect(calls).toEqual([]);
  });

  it('reach a container inside the filter and are refused outside it', async () => {
    const { command, calls } = await bridge();
    expect((await command({ container: SHOP_ID, command: 'pause' })).status).toBe(200);
    const outside = await command({ container: OTHER_ID, command: 'pause' });
    expect(outside.status).toBe(403);
    expect(JSON.parse(outside.body).message).toContain('other is outside the filter (label com.docker.compose.project=shop)');
    expect(calls).toEqual(['pause aaaa']);
  });

  it('must come from the page: an Origin and a JSON body', async () => {
    const { command, calls, server } = await bridge();
    const noOrigin = await send(server.port, {
      path: `/${server.token}/api/command`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ container: SHOP_ID, command: 'pause' }),
    });
    expect(noOrigin.status).toBe(403);
    expect((await command({ container: SHOP_ID, command: 'pause' }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect(calls).toEqual([]);
  });

  it('are only the eight Docker commands, with their own options', async () => {
    const { command, calls } = await bridge();
    for (const body of [
      { container: SHOP_ID, command: 'exec' },
      { container: SHOP_ID, command: 'create' },
      { container: 'shop-web-1', command: 'pause' },
      { container: SHOP_ID, command: 'pause', path: '/containers/create' },
      { container: SHOP_ID, command: 'stop', timeoutSeconds: -1 },
      { container: SHOP_ID, command: 'pause', signal: 'KILL' },
    ]) {
      const answer = await command(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    expect(calls).toEqual([]);
  });

  it('are rate limited', async () => {
    const { command } = await bridge({ burst: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await command({ container: SHOP_ID, command: 'unpause' })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('the command line', () => {
  it('refuses to listen anywhere but 127.0.0.1', async () => {
    const { docker } = fakeDocker();
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'localhost']) {
      await expect(
        startBridgeServer({
          docker,
          mirror: new EngineMirror(docker, { settings: { allowCommands: false, filter: null, compose: null, commandsPerMinute: 60 }, commandable: () => false, where: 'fake' }),
          policy: { allowCommands: false, matches: () => true, filterText: 'none', limiter: createRateLimiter(60, 1) },
          siteRoot: process.cwd(),
          host,
          port: 0,
        }),
      ).rejects.toThrow(/refusing to listen on/);
    }
  });

  it('rejects unknown flags and malformed filters', () => {
    expect(() => parseLiveArgs(['--allow-command'])).toThrow(UsageError);
    expect(() => parseLiveArgs(['--help'])).toThrow(HelpRequested);
    expect(() => parseLiveArgs(['--filter', 'name=web'])).toThrow(/label=KEY=VALUE/);
    expect(parseLiveArgs(['--filter', 'label=a=b=c', '--port', '8080'])).toMatchObject({ filters: [{ key: 'a', value: 'b=c' }], port: 8080, allowCommands: false });
  });
});
