/**
 * SIGTERM ends the bridge, also when it runs as `npx container-lifecycle live` or
 * `npm run live` do it: under `sh -c`, where npm's SIGTERM reaches only the shell (dash
 * dies of it without passing it on). Afterwards the port is closed and no bridge process
 * is left.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = resolve('dist/bridge/cli.js');
const leftovers: number[] = [];

afterEach(() => {
  // A failed run must not leave a bridge behind.
  for (const pid of leftovers.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** The printed URL's port, once `child` prints it. */
function urlPort(child: ChildProcess): Promise<number> {
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('no URL within 20 s')), 20_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
  });
}

/** The PIDs of `pid`'s children. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' }).split('\n').map(Number).filter((n) => n > 0);
  } catch {
    return [];
  }
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('the bridge ends with SIGTERM', () => {
  it('run directly: SIGTERM closes the port and the process exits 0', async () => {
    const child = spawn(process.execPath, [CLI, 'live', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    leftovers.push(child.pid!);
    let err = '';
    child.stderr!.setEncoding('utf8').on('data', (c: string) => (err += c));
    const port = await urlPort(child);
    expect(await listening(port)).toBe(true);
    const exited = new Promise<string>((done) => child.once('exit', (code, signal) => done(`${code} ${signal}`)));
    child.kill('SIGTERM');
    expect(await exited, err).toBe('0 null');
    expect(err).toContain('stopping (SIGTERM)');
    expect(await listening(port)).toBe(false);
  });

  it('under npm\u2019s `sh -c`: SIGTERM to the shell still ends the bridge (no orphan, port closed)', async () => {
    const shell = spawn('/bin/sh', ['-c', `"${process.execPath}" "${CLI}" live --port 0`], { stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await urlPort(shell);
    const [bridge] = childrenOf(shell.pid!);
    expect(bridge, 'the shell runs the bridge as its child').toBeGreaterThan(0);
    leftovers.push(bridge!);
    const shellGone = new Promise<void>((done) => shell.once('exit', () => done()));
    shell.kill('SIGTERM');
    await shellGone;
    expect(await until(() => !alive(bridge!), 5000), 'the bridge process is gone').toBe(true);
    expect(await listening(port)).toBe(false);
  });
});
