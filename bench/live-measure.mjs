/**
 * Live mode against the real engine, measured (reported, never asserted):
 *  1. latency from a `docker pause`/`docker unpause` typed in a terminal to the node's
 *     change on the page: from the CLI's start and from its return (the CLI waits for the
 *     daemon), median and worst of N (default 100);
 *  2. the bridge's memory (VmRSS of its process) with no page, then with a page open on
 *     0 and on 200 containers (`LIVE_BENCH_CONTAINERS`).
 * Needs the built site and bridge (`npm run build:site && npm run build:bridge`), a running
 * engine and Chromium. Containers are named `live-bench-…` and removed at the end.
 *
 *   node bench/live-measure.mjs [N]
 *
 * Run of 2026-12-07 on the shared 2-core machine (other tests running), Docker 20.10.24,
 * headless Chromium, N = 100: CLI start → node change median 278 ms, worst 802 ms (most of
 * it the docker CLI's own start and round trip); CLI return → node change median 12 ms,
 * worst 347 ms. Bridge VmRSS: 64.9 MB before a page, 65.3 MB after 100 events, 67.2 MB with
 * a page open on 201 containers (it keeps no per-container state between state reads).
 * Run of 2026-12-07 23:32 (machine quieter), after one-command-one-entry (live commit be5d1b4):
 * CLI start → node median 47 ms, worst 72 ms; CLI return → node median 4 ms, worst 17 ms;
 * VmRSS 65.5 MB before a page, 66.5 MB after 100 events, 70.1 MB with a page on 201 containers.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
const N = Number(process.argv[2] ?? 100);
const MANY = Number(process.env.LIVE_BENCH_CONTAINERS ?? 200);
const IMAGE = process.env.ENGINE_IMAGE ?? 'local/busybox:1';
const PROJECT = 'live-bench';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];

const docker = async (...args) => (await run('docker', args, { maxBuffer: 1 << 24 })).stdout.trim();

async function removeAll() {
  const ids = (await docker('ps', '-aq', '--filter', `name=^/${PROJECT}-`)).split('\n').filter(Boolean);
  for (let i = 0; i < ids.length; i += 50) await docker('rm', '-f', ...ids.slice(i, i + 50));
}

function labels(service, n) {
  return ['--label', `com.docker.compose.project=${PROJECT}`, '--label', `com.docker.compose.service=${service}`, '--label', `com.docker.compose.container-number=${n}`];
}

function startBridge() {
  const child = spawn(process.execPath, ['dist/bridge/cli.js', 'live', '--filter', `label=com.docker.compose.project=${PROJECT}`], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
      const url = out.split('\n').find((l) => l.startsWith('http://'));
      if (url) resolve({ child, url: url.trim() });
    });
  });
}

const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], worst: s[s.length - 1], best: s[0] };
};

await removeAll();
const name = `${PROJECT}-lat-1`;
await docker('run', '-d', '--network', 'none', '--name', name, ...labels('lat', 1), IMAGE, 'sleep', '100000');
const bridge = await startBridge();
await new Promise((r) => setTimeout(r, 500));
const rssNoPage = rssMb(bridge.child.pid);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(bridge.url);
await page.waitForSelector(`[data-container="${name}"][data-status="running"]`);
// Wall-clock time of every data-status change of the node (same clock as Date.now() here).
await page.evaluate((n) => {
  window.__changes = [];
  const observe = () => {
    const el = document.querySelector(`[data-container="${n}"]`);
    new MutationObserver(() => window.__changes.push({ at: performance.timeOrigin + performance.now(), status: el.getAttribute('data-status') })).observe(el, { attributes: true, attributeFilter: ['data-status'] });
  };
  observe();
}, name);

const fromStart = [];
const fromReturn = [];
for (let i = 0; i < N; i++) {
  const command = i % 2 === 0 ? 'pause' : 'unpause';
  const wanted = command === 'pause' ? 'paused' : 'running';
  const before = await page.evaluate(() => window.__changes.length);
  const started = Date.now();
  await docker(command, name);
  const returned = Date.now();
  await page.waitForFunction(([count, status]) => window.__changes.length > count && window.__changes.at(-1).status === status, [before, wanted], { timeout: 10_000 });
  const at = await page.evaluate(() => window.__changes.at(-1).at);
  fromStart.push(at - started);
  fromReturn.push(Math.max(0, at - returned));
}
const rssOne = rssMb(bridge.child.pid);
await page.close();

// 200 containers (no network: no interface churn for the other users of the engine).
for (let i = 1; i <= MANY; i += 20) {
  await Promise.all(
    Array.from({ length: Math.min(20, MANY - i + 1) }, (_, k) => docker('run', '-d', '--network', 'none', '--name', `${PROJECT}-many-${i + k}`, ...labels('many', i + k), IMAGE, 'sleep', '100000')),
  );
}
const many = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await many.goto(bridge.url);
await many.waitForFunction((n) => document.querySelectorAll('[data-container]').length >= n, MANY, { timeout: 120_000 });
await new Promise((r) => setTimeout(r, 1000));
const rssMany = rssMb(bridge.child.pid);
await browser.close();
bridge.child.kill('SIGTERM');
await removeAll();

const f = (x) => `${x.toFixed(0)} ms`;
const a = stats(fromStart);
const b = stats(fromReturn);
console.log(`latency, docker pause/unpause → node change, ${N} samples`);
console.log(`  from the CLI's start:  median ${f(a.median)}, worst ${f(a.worst)}, best ${f(a.best)}`);
console.log(`  from the CLI's return: median ${f(b.median)}, worst ${f(b.worst)}, best ${f(b.best)}`);
console.log(`bridge memory (VmRSS): ${rssNoPage.toFixed(1)} MB before a page, ${rssOne.toFixed(1)} MB after ${N} events with 1 container, ${rssMany.toFixed(1)} MB with a page on ${MANY + 1} containers`);
