/**
 * Browser bench: render under load. The embed page (embed.html) loads a 500-container
 * compose file (`?compose=`, 50 services × 10 replicas, bench/browser/composeSpec.ts)
 * and receives a storm of 100 protocol commands per second for 5 s
 * (`{ source: 'container-lifecycle', type: 'send', container, event }`, posted to the
 * page's own window, issued from Node through CDP at a steady pace by `driveStorm`:
 * pause/unpause of seeded-random containers). Baseline: a bare React
 * Flow page (bench/baseline `?drawing=`) drawing the same nodes at the same positions,
 * receiving the same messages and applying each as a new `nodes` array.
 *
 * Per sample, in the page: requestAnimationFrame deltas from the first command until every
 * container shows its final status, React commits (DevTools global hook), message → commit
 * latency and long animation frames. One extra pass per page counts renders of the
 * container nodes (a fiber walk on every commit: too slow to run while timing frames).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { figure, median, spread, type Figure } from '../lib/measure';
import { mulberry32 } from '../../test/support/prng';
import { launch, openPage, percentile, type BenchPage, type PageOptions } from './browser';
import { baselineDrawing, renderCompose } from './composeSpec';
import { driveStorm } from './driveStorm';
import { measureIdle, type IdleResult, type StormResult } from './inPage';
import { startServer } from './server';
import { profileStorm, type StormProfile } from './profileStorm';

export interface RenderOptions {
  repoRoot: string;
  appDir: string;
  baselineDir: string;
  quick?: boolean;
  /** Also record a Chromium trace and a CPU profile of one storm per page (unminified builds). */
  profile?: { appDir: string; baselineDir: string; outDir: string } | null;
}

const RATE = 100;
/** The idle window before the counting storm: renders that no command caused. */
const IDLE_MS = 3000;
const SECONDS = 5;
const GROUP = '5. Render under load';

type Kind = 'app' | 'baseline';

/**
 * `[container, 'pause' | 'unpause']`: each command toggles a seeded-random container (from
 * `initiallyPaused` paused, the others running), so every command changes something.
 */
export function stormPlan(names: readonly string[], count: number, seed = 42, initiallyPaused: readonly string[] = []): { plan: Array<[string, string]>; pausedAfter: string[] } {
  const rng = mulberry32(seed);
  const paused = new Set<string>(initiallyPaused);
  const plan: Array<[string, string]> = [];
  for (let i = 0; i < count; i++) {
    const name = names[Math.floor(rng() * names.length)]!;
    const type = paused.has(name) ? 'unpause' : 'pause';
    if (type === 'pause') paused.add(name);
    else paused.delete(name);
    plan.push([name, type]);
  }
  return { plan, pausedAfter: [...paused] };
}

/** Opens `url` and waits until its `containers` nodes show `running`, then 1 s more. */
export async function openReady(browser: Browser, url: string, containers: number, options: PageOptions = {}): Promise<BenchPage & { loadMs: number }> {
  const t0 = Date.now();
  const opened = await openPage(browser, 0, options);
  await opened.page.goto(url, { waitUntil: 'load' });
  try {
    await opened.page.waitForFunction(
      (n) => {
        const els = document.querySelectorAll('[data-container]');
        return els.length === n && [...els].every((el) => el.getAttribute('data-status') === 'running');
      },
      containers,
      { timeout: 90_000, polling: 100 },
    );
  } catch (error) {
    const count = await opened.page.locator('[data-container]').count().catch(() => -1);
    await opened.close();
    throw new Error(`${url}: ${count} of ${containers} containers running after 90 s (${opened.errors.slice(0, 2).join('; ') || 'no page error'})`, { cause: error });
  }
  const loadMs = Date.now() - t0;
  // Let the first fitView, fonts and the post-load work settle.
  await opened.page.waitForTimeout(1000);
  return { ...opened, loadMs };
}

export function summarize(r: StormResult, commands: number) {
  const loafBlocking = r.loafs.reduce((a, l) => a + l.blocking, 0);
  return {
    p50: percentile(r.frames, 50),
    p95: percentile(r.frames, 95),
    max: Math.max(...r.frames),
    frames: r.frames.length,
    commitsPerCommand: r.commits / commands,
    latencyP50: percentile(r.latencies, 50),
    latencyP95: percentile(r.latencies, 95),
    longFrames: r.loafs.length,
    loafBlockingMs: loafBlocking,
    sendMs: r.sendMs,
    drainMs: r.drainMs,
    drained: r.drained,
  };
}
type Summary = ReturnType<typeof summarize>;

/**
 * Node renders per command, split by whose they are (the container commanded, or another
 * one) and by what they changed in the DOM (visible content, only title/aria-label, nothing).
 */
function renderCounts(r: StormResult, commands: number) {
  const total = Object.values(r.nodeRenders).reduce((a, n) => a + n, 0);
  const kinds = Object.fromEntries(Object.entries(r.renderKinds).map(([k, n]) => [k, n / commands])) as Record<keyof StormResult['renderKinds'], number>;
  const topComponents = Object.entries(r.componentRenders)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, n]) => ({ name, perCommand: n / commands }));
  return { perCommand: total / commands, kinds, nodesRendered: Object.keys(r.nodeRenders).length, commitsPerCommand: r.commits / commands, topComponents };
}

export async function runRenderUnderLoad(opts: RenderOptions): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const [services, replicas] = opts.quick ? [10, 5] : [50, 10];
  const containers = services * replicas;
  const rounds = opts.quick ? 1 : 3;
  const commands = opts.quick ? RATE * 2 : RATE * SECONDS;
  const yaml = renderCompose(services, replicas);
  const drawing = baselineDrawing(yaml);
  const names = drawing.containers.map((c) => c.id);
  // The timed storm starts from every container running; the counting storm follows it on the same page.
  const { plan, pausedAfter } = stormPlan(names, commands);
  const countPlan = stormPlan(names, commands, 7, pausedAfter).plan;
  const mounts: Record<string, string> = { '/app/': opts.appDir, '/base/': opts.baselineDir };
  if (opts.profile) Object.assign(mounts, { '/app-debug/': opts.profile.appDir, '/base-debug/': opts.profile.baselineDir });
  const server = await startServer(mounts, {
    '/bench/bench.yml': { body: yaml, type: 'text/yaml; charset=utf-8' },
    '/bench/drawing.json': { body: JSON.stringify(drawing), type: 'application/json' },
  });
  const urlOf = (kind: Kind, prefix = kind === 'app' ? '/app/' : '/base/') =>
    kind === 'app'
      ? `${server.origin}${prefix}embed.html?compose=${encodeURIComponent(`${server.origin}/bench/bench.yml`)}`
      : `${server.origin}${prefix}index.html?drawing=${encodeURIComponent('/bench/drawing.json')}`;
  const browser = await launch();
  const samples: Record<Kind, Summary[]> = { app: [], baseline: [] };
  const errors: string[] = [];
  const storm = async (page: Page, countRenders: boolean) => {
    const args = countRenders ? { plan: countPlan, initiallyPaused: pausedAfter } : { plan, initiallyPaused: [] };
    const result = await driveStorm(page, { ...args, rate: RATE, timeoutMs: 30_000, countRenders });
    if (result.sent !== args.plan.length) throw new Error(`sent ${result.sent} of ${args.plan.length} commands`);
    return result;
  };
  const loadMs: Record<Kind, number[]> = { app: [], baseline: [] };
  const idle = {} as Record<Kind, ReturnType<typeof summarizeIdle>>;
  const counts = {} as Record<Kind, ReturnType<typeof renderCounts> & { drained: boolean; pausedShown: number; pausedExpected: number }>;
  mkdirSync(join(opts.repoRoot, 'test-results'), { recursive: true });
  try {
    // Interleaved, order alternating per round (app, base | base, app | …). After the last
    // round's timed storm, a second storm on the same page counts renders (a fiber walk on
    // every commit), then the screenshot.
    for (let round = 0; round < rounds; round++) {
      const order: Kind[] = round % 2 ? ['baseline', 'app'] : ['app', 'baseline'];
      for (const kind of order) {
        const opened = await openReady(browser, urlOf(kind), containers);
        loadMs[kind].push(opened.loadMs);
        try {
          const r = await storm(opened.page, false);
          samples[kind].push(summarize(r, plan.length));
          if (round === rounds - 1) {
            await opened.page.waitForTimeout(500);
            idle[kind] = summarizeIdle(await opened.page.evaluate(measureIdle, IDLE_MS));
            const c = await storm(opened.page, true);
            counts[kind] = { ...renderCounts(c, countPlan.length), drained: c.drained, pausedShown: c.pausedShown, pausedExpected: c.pausedExpected };
            await opened.page.screenshot({ path: join(opts.repoRoot, 'test-results', kind === 'app' ? `bench-${containers}.png` : `bench-${containers}-baseline.png`) });
          }
          errors.push(...opened.errors.map((e) => `${kind}: ${e}`));
        } finally {
          await opened.close();
        }
      }
    }
    let profile: Record<Kind, StormProfile> | null = null;
    if (opts.profile) {
      mkdirSync(opts.profile.outDir, { recursive: true });
      profile = {} as Record<Kind, StormProfile>;
      for (const kind of ['app', 'baseline'] as const) {
        const opened = await openReady(browser, urlOf(kind, kind === 'app' ? '/app-debug/' : '/base-debug/'), containers);
        try {
          const dirs = { '/app-debug/': opts.profile.appDir, '/base-debug/': opts.profile.baselineDir };
          const readChunk = (url: string) => {
            const path = new URL(url).pathname;
            const hit = Object.entries(dirs).find(([prefix]) => path.startsWith(prefix));
            if (!hit) return null;
            try {
              return readFileSync(join(hit[1], path.slice(hit[0].length)), 'utf8');
            } catch {
              return null;
            }
          };
          profile[kind] = await profileStorm(browser, opened.page, () => storm(opened.page, false), join(opts.profile.outDir, kind), readChunk);
          // Unminified: the component names are real. Renders while idle, then during a counting storm.
          await opened.page.waitForTimeout(500);
          profile[kind].idle = summarizeIdle(await opened.page.evaluate(measureIdle, IDLE_MS));
          profile[kind].renders = renderCounts(await storm(opened.page, true), countPlan.length).topComponents;
        } finally {
          await opened.close();
        }
      }
    }

    const pick = (kind: Kind, key: keyof Summary) => samples[kind].map((s) => Number(s[key]));
    const paired = (key: keyof Summary) => median(samples.app.map((s, i) => Number(s[key]) / Number(samples.baseline[i]![key])));
    const fig = (id: string, label: string, key: keyof Summary, unit: string, budget: Figure['budget'], note?: string) =>
      figure({
        id,
        group: GROUP,
        label,
        unit,
        value: median(pick('app', key)),
        baseline: median(pick('baseline', key)),
        baselineLabel: `bare React Flow page, same ${containers} nodes and commands`,
        ratio: paired(key),
        budget,
        spread: spread(pick('app', key)),
        samples: rounds,
        ...(note ? { note } : {}),
      });
    const drainNote = `app drained ${samples.app.filter((s) => s.drained).length}/${rounds} storms (last status shown ${fmtMs(median(pick('app', 'drainMs')))} after the last command; baseline ${fmtMs(median(pick('baseline', 'drainMs')))})`;
    const figures: Figure[] = [
      fig('render.frame.p95', `frame time p95, ${containers} nodes, ${RATE} cmd/s`, 'p95', 'ms', { op: '<=', limit: 1.2 }, drainNote),
      fig('render.frame.p50', `frame time p50, ${containers} nodes, ${RATE} cmd/s`, 'p50', 'ms', null),
      fig('render.latency.p95', 'command → React commit p95', 'latencyP95', 'ms', null, `p50: app ${fmtMs(median(pick('app', 'latencyP50')))}, baseline ${fmtMs(median(pick('baseline', 'latencyP50')))}`),
      fig('render.longFrames', 'long animation frames (>50 ms) per storm', 'longFrames', 'frames', null, `blocking time per storm: app ${fmtMs(median(pick('app', 'loafBlockingMs')))}, baseline ${fmtMs(median(pick('baseline', 'loafBlockingMs')))}`),
      fig('render.commitsPerCommand', 'React commits per command', 'commitsPerCommand', 'commits', null),
      figure({
        id: 'render.nodeRendersPerCommand',
        group: GROUP,
        label: 'container-node renders per command',
        unit: 'renders',
        value: counts.app.perCommand,
        baseline: counts.baseline.perCommand,
        baselineLabel: 'bare page: the one node whose data changed',
        budget: { op: '<=', limit: 1.05 },
        samples: 1,
        note: `per command, app: ${describeKinds(counts.app.kinds)}; baseline: ${describeKinds(counts.baseline.kinds)}; distinct nodes rendered: app ${counts.app.nodesRendered}, baseline ${counts.baseline.nodesRendered}`,
      }),
      figure({
        id: 'render.idleCommitsPerSecond',
        group: GROUP,
        label: 'React commits per second, idle (no commands)',
        unit: 'commits/s',
        value: idle.app.commitsPerSecond,
        baseline: idle.baseline.commitsPerSecond,
        baselineLabel: 'bare page, idle',
        budget: null,
        samples: 1,
        note: `component renders per second while idle: app ${idle.app.componentRendersPerSecond.toFixed(0)} (container nodes ${idle.app.nodeRendersPerSecond.toFixed(0)}), baseline ${idle.baseline.componentRendersPerSecond.toFixed(0)}`,
      }),
    ];
    return {
      figures,
      detail: { containers, services, replicas, commands: plan.length, rate: RATE, rounds, loadMs, samples, counts, idle, profile, errors: [...new Set(errors)].slice(0, 20) },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

function describeKinds(k: Record<string, number>): string {
  const f = (n: number | undefined) => (n ?? 0).toFixed(2);
  return `commanded node ${f(k['target.visible'])} visible + ${f(k['target.attrs'])} title/aria-only + ${f(k['target.none'])} no-op, other nodes ${f(k['other.visible'])} visible + ${f(k['other.attrs'])} title/aria-only + ${f(k['other.none'])} no-op`;
}

function summarizeIdle(r: IdleResult) {
  const perSecond = 1000 / r.ms;
  const components = Object.entries(r.componentRenders).sort((a, b) => b[1] - a[1]);
  return {
    commitsPerSecond: r.commits * perSecond,
    nodeRendersPerSecond: r.nodeRenders * perSecond,
    componentRendersPerSecond: components.reduce((a, [, n]) => a + n, 0) * perSecond,
    topComponents: components.slice(0, 8).map(([name, n]) => ({ name, perSecond: n * perSecond })),
    frameP50: percentile(r.frames, 50),
    frameP95: percentile(r.frames, 95),
  };
}

function fmtMs(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}
