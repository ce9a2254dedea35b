/**
 * The bridge's HTTP server, on 127.0.0.1 only. Routes, all below `/<token>/`:
 * - `GET  api/events`  the event stream (Server-Sent Events: snapshot, event, engine)
 * - `POST api/command` one command (see `commands.ts`)
 * - `GET  …`           the built site (`live.html` at `/`)
 * Anything else, and any request failing `guard.ts`, is refused with a plain reason.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Docker from 'dockerode';
import type { LiveMessage } from '../src/live/protocol';
import { checkBindAddress } from './args';
import { runCommand, type CommandPolicy } from './commands';
import type { EngineMirror } from './engineMirror';
import { checkCommandRequest, checkRequest } from './guard';
import { serveFile } from './staticFiles';

export interface BridgeServerOptions {
  docker: Docker;
  mirror: EngineMirror;
  policy: CommandPolicy;
  /** The built site to serve (`dist/`). */
  siteRoot: string;
  /** Must be 127.0.0.1 (checked). */
  host: string;
  /** 0: a free port. */
  port: number;
  /** The access token; default 32 random bytes, base64url. */
  token?: string;
}

export interface BridgeServer {
  server: Server;
  port: number;
  token: string;
  /** The URL to open: `http://127.0.0.1:PORT/<token>/`. */
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 4096;

/** Headers on every answer: nothing cached, no referrer (the token is in the path), no framing. */
const COMMON_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${reason}\n`);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function openEvents(req: IncomingMessage, res: ServerResponse, mirror: EngineMirror): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
  res.write('retry: 1000\n\n');
  const send = (message: LiveMessage) => {
    res.write(`event: ${message.type}\ndata: ${JSON.stringify(message)}\n\n`);
  };
  const remove = mirror.add({ send });
  // A comment every 15 s keeps proxies and the browser from timing the stream out.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    remove();
  });
}

async function command(req: IncomingMessage, res: ServerResponse, options: BridgeServerOptions): Promise<void> {
  const refusal = checkCommandRequest(req);
  if (refusal) return refuse(res, refusal.status, refusal.reason);
  const text = await readBody(req);
  if (text === null) return refuse(res, 413, 'command body too large');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(res, 400, 'command body is not JSON');
  }
  const reply = await runCommand(options.docker, options.policy, body);
  // Docker's own refusal was relayed fine (200, its status inside); the bridge's refusals are HTTP errors.
  const status = reply.ok || reply.by === 'docker' ? 200 : reply.status;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
}

/** Starts the server; resolves once it listens. @throws UsageError for a non-loopback host. */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  checkBindAddress(options.host);
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = options.port;
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    const { refusal, rest } = checkRequest(req, token, port);
    if (refusal) return refuse(res, refusal.status, refusal.reason);
    if (rest === '/api/events') {
      if (req.method !== 'GET') return refuse(res, 405, 'the event stream is GET');
      return openEvents(req, res, options.mirror);
    }
    if (rest === '/api/command') {
      void command(req, res, options).catch((error: unknown) => refuse(res, 500, String(error)));
      return;
    }
    if (rest.startsWith('/api/')) return refuse(res, 404, 'no such bridge endpoint (there is no Docker API here)');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'the site is read with GET');
    if (rest === '') {
      // `/<token>` → `/<token>/`, so the page's relative URLs stay below the token.
      res.writeHead(308, { location: `/${token}/` }).end();
      return;
    }
    void serveFile(options.siteRoot, rest, res, req.method === 'HEAD');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/${token}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
