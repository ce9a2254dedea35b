/**
 * The engine goes away and comes back: the page says so plainly, reconnects and re-reads
 * the state by itself. The dockerd killed here is a second one this test starts on its
 * own socket and folders, so the machine's main engine (shared with other tests) is never
 * touched; it runs with the same flags (`--iptables=false --ip-masq=false --storage-driver=vfs`).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { containerNode, launchBrowser, openPage, screenshot } from '../../e2e/browser';
import { composeLabels, docker, IMAGE, PROJECT, runContainer, startCli, type RunningCli } from './liveHarness';

// Short paths: containerd's socket under --exec-root must fit a Unix socket path.
const ROOT = '/tmp/lcd-live';
const SOCKET = `unix://${ROOT}/docker.sock`;
const ENV = { ...process.env, DOCKER_HOST: SOCKET };
const DOCKERD_ARGS = [
  '--iptables=false', '--ip-masq=false', '--storage-driver=vfs',
  '-H', SOCKET, '--data-root', `${ROOT}/data`, '--exec-root', `${ROOT}/x`, '--pidfile', `${ROOT}/dockerd.pid`,
];
const NAME = `${PROJECT}-restart-1`;

let browser: Browser | undefined;
let bridge: RunningCli | undefined;

async function answers(): Promise<boolean> {
  try {
    await docker(['version', '--format', '{{.Server.Version}}'], ENV);
    return true;
  } catch {
    return false;
  }
}

/** Starts the second dockerd and waits until it answers (30 s at most). */
async function startDaemon(): Promise<void> {
  const child = spawn('dockerd', DOCKERD_ARGS, { detached: true, stdio: 'ignore' });
  child.unref();
  for (let i = 0; i < 120; i++) {
    if (await answers()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the second dockerd did not answer within 30 s');
}

/** Stops it (SIGTERM, as `systemctl stop docker` does) and waits until it is gone. */
async function stopDaemon(): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(`${ROOT}/dockerd.pid`, 'utf8'));
  } catch {
    return;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 120; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  process.kill(pid, 'SIGKILL');
}

beforeAll(async () => {
  await stopDaemon();
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  await startDaemon();
  // The image, from the main engine (`docker save | docker load`).
  await new Promise<void>((resolve, reject) => {
    const save = spawn('docker', ['save', IMAGE], { stdio: ['ignore', 'pipe', 'inherit'] });
    const load = spawn('docker', ['load', '-q'], { env: ENV, stdio: ['pipe', 'ignore', 'inherit'] });
    save.stdout.pipe(load.stdin);
    load.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker load exited ${code}`))));
  });
  await runContainer(NAME, composeLabels('restart', 1), ENV);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await bridge?.stop();
  await browser?.close();
  if (await answers()) await docker(['rm', '-f', NAME], ENV).catch(() => '');
  await stopDaemon();
  rmSync(ROOT, { recursive: true, force: true });
}, 120_000);

it('says the engine is gone, then reconnects and re-reads the state by itself', async () => {
  bridge = await startCli(['--filter', `label=com.docker.compose.project=${PROJECT}`], ENV);
  const { page, errors, close } = await openPage(browser!);
  await page.goto(bridge.url);
  await page.locator('[data-live-state="live"]').waitFor();
  await page.locator(`[data-container="${NAME}"][data-status="running"]`).waitFor();

  await stopDaemon();
  const banner = page.locator('[data-live-state="engine-down"]');
  await banner.waitFor({ timeout: 15_000 });
  expect(await banner.getByRole('alert').innerText()).toMatch(new RegExp(`Docker engine unreachable.*${ROOT}/docker\\.sock`));
  await screenshot(page, 'live-engine-down');

  await startDaemon();
  // Back by itself: the state read again (dockerd stopped the container when it went down).
  await page.locator('[data-live-state="live"]').waitFor({ timeout: 20_000 });
  await page.locator(`[data-container="${NAME}"][data-status="exited"]`).waitFor({ timeout: 10_000 });
  expect(await containerNode(page, NAME).getAttribute('data-service')).toBe('restart');
  // And it follows events again.
  await docker(['start', NAME], ENV);
  await page.locator(`[data-container="${NAME}"][data-status="running"]`).waitFor({ timeout: 5_000 });
  expect(bridge.stderr()).toMatch(/connected to Docker .* at unix:\/\/\/tmp\/lcd-live\/docker\.sock[\s\S]*connected to Docker/);
  expect(errors.filter((e) => !/ERR_NETWORK_CHANGED/.test(e))).toEqual([]);
  await close();
}, 120_000);
