/**
 * What-if for the render-under-load bench: the same storm (500 containers, 100 cmd/s, 5 s)
 * on the embed page as shipped and with one thing turned off from OUTSIDE the app (CSS
 * injected or a context option, nothing in src/ changed), plus the bare React Flow page.
 * Each variant is traced twice on the same page: 3 s idle (no commands), then the storm
 * (main-thread self time by category). Variants are interleaved, `rounds` times.
 * Usage: node bench/profile.mjs renderWhatIf [rounds=2]
 *
 * - shipped          the embed page as built
 * - reducedMotion    prefers-reduced-motion: reduce (the app's CSS drops the status pulse,
 *                    the node transitions and the edge flow animation)
 * - noPulse          only `.container-node__pulse { display: none }` (the 700 ms box-shadow pulse per status change)
 * - noEdgeFlow       only `.dependency-edge__flow { animation: none }` (the infinite dash animation of live edges)
 * - noUptimeTick     1-second `setInterval`s replaced by no-ops before the app loads (stops
 *                    every node's `useNow` uptime tick: "Up 3 seconds" → "Up 4 seconds")
 * - handles          the nodes' hidden handles hidden by `visibility` instead of `opacity: 0` (an
 *                    opacity below 1 is a paint effect node per handle: 2 per container)
 * - noClip           `overflow: visible` on the node's ellipsised text spans (each `overflow: hidden` is a clip node)
 * - calm             reducedMotion and noUptimeTick together (no animation, no clock: what is left is the per-command work)
 * - baseline         the bare React Flow page
 * WHATIF=shipped,calm,baseline picks variants.
 */
import { join } from 'node:path';
import { launch, percentile } from '../browser/browser';
import { baselineDrawing, renderCompose } from '../browser/composeSpec';
import { driveStorm } from '../browser/driveStorm';
import { measureIdle } from '../browser/inPage';
import { traced } from '../browser/profileStorm';
import { openReady, stormPlan, summarize } from '../browser/renderUnderLoad';
import { startServer } from '../browser/server';
import { cleanupBuilds, getBuilds } from '../lib/builds';
import { median } from '../lib/measure';
import type { PageOptions } from '../browser/browser';

const NO_1S_INTERVALS = `(() => { const si = window.setInterval.bind(window); window.setInterval = (fn, ms, ...a) => (ms === 1000 ? -1 : si(fn, ms, ...a)); })();`;
const css = (rule: string) => `document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = ${JSON.stringify(rule)}; document.head.append(s); });`;

const VARIANTS = [
  { name: 'shipped', page: 'app', options: {} },
  { name: 'reducedMotion', page: 'app', options: { reducedMotion: 'reduce' } },
  { name: 'noPulse', page: 'app', options: { initScript: css('.container-node__pulse{display:none!important}') } },
  { name: 'noEdgeFlow', page: 'app', options: { initScript: css('.dependency-edge__flow{animation:none!important}') } },
  { name: 'noUptimeTick', page: 'app', options: { initScript: NO_1S_INTERVALS } },
  { name: 'noFlow+noTick', page: 'app', options: { initScript: `${NO_1S_INTERVALS}\n${css('.dependency-edge__flow{animation:none!important}')}` } },
  { name: 'handles', page: 'app', options: { initScript: css('.container-node__handle.react-flow__handle{opacity:1!important;visibility:hidden!important}') } },
  { name: 'noClip', page: 'app', options: { initScript: css('.container-node__name,.container-node__image,.container-node__fact,.container-node__ps{overflow:visible!important}') } },
  { name: 'calm', page: 'app', options: { reducedMotion: 'reduce', initScript: NO_1S_INTERVALS } },
  { name: 'baseline', page: 'baseline', options: {} },
].filter((v) => !process.env.WHATIF || process.env.WHATIF.split(',').includes(v.name)) as Array<{ name: string; page: 'app' | 'baseline'; options: PageOptions }>;

export async function run(roundsArg: number, outDir: string): Promise<void> {
  const rounds = Number.isFinite(roundsArg) && roundsArg > 0 && roundsArg < 10 ? roundsArg : 2;
  const repoRoot = join(outDir, '../../..');
  const builds = await getBuilds(repoRoot);
  const yaml = renderCompose(50, 10);
  const drawing = baselineDrawing(yaml);
  const { plan } = stormPlan(drawing.containers.map((c) => c.id), 500);
  const server = await startServer({ '/app/': builds.app, '/base/': builds.baseline }, {
    '/bench/bench.yml': { body: yaml, type: 'text/yaml; charset=utf-8' },
    '/bench/drawing.json': { body: JSON.stringify(drawing), type: 'application/json' },
  });
  const url = (page: 'app' | 'baseline') =>
    page === 'app' ? `${server.origin}/app/embed.html?compose=${encodeURIComponent(`${server.origin}/bench/bench.yml`)}` : `${server.origin}/base/index.html?drawing=/bench/drawing.json`;
  const browser = await launch();
  const rows = new Map<string, Array<Record<string, number>>>();
  const idleRows = new Map<string, Array<Record<string, number>>>();
  try {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? [...VARIANTS].reverse() : VARIANTS;
      for (const v of order) {
        const opened = await openReady(browser, url(v.page), 500, v.options);
        try {
          const idle = await traced(browser, opened.page, () => opened.page.evaluate(measureIdle, 3000));
          const ic = idle.trace.categories;
          const idleRow = {
            p50: percentile(idle.result.frames, 50),
            p95: percentile(idle.result.frames, 95),
            commitsPerS: (idle.result.commits * 1000) / idle.result.ms,
            script: ic.script ?? 0,
            gc: ic.gc ?? 0,
            style: ic.style ?? 0,
            layout: ic.layout ?? 0,
            paint: ic['paint/composite'] ?? 0,
            other: ic.other ?? 0,
          };
          idleRows.set(v.name, [...(idleRows.get(v.name) ?? []), idleRow]);
          const { result, trace } = await traced(browser, opened.page, () => driveStorm(opened.page, { plan, initiallyPaused: [], rate: 100, timeoutMs: 30_000, countRenders: false }));
          const s = summarize(result, plan.length);
          const c = trace.categories;
          const row = {
            p50: s.p50,
            p95: s.p95,
            sendS: s.sendMs / 1000,
            drainS: s.drainMs / 1000,
            script: c.script ?? 0,
            gc: c.gc ?? 0,
            style: c.style ?? 0,
            layout: c.layout ?? 0,
            paint: c['paint/composite'] ?? 0,
            other: c.other ?? 0,
            framesPerS: result.frames.length / ((s.sendMs + s.drainMs) / 1000),
          };
          rows.set(v.name, [...(rows.get(v.name) ?? []), row]);
          process.stdout.write(`round ${round + 1} ${v.name}: idle p50 ${idleRow.p50.toFixed(0)} ms, idle paint ${idleRow.paint.toFixed(0)} ms; storm p95 ${row.p95.toFixed(0)} ms, paint ${row.paint.toFixed(0)} ms, script ${row.script.toFixed(0)} ms\n`);
        } finally {
          await opened.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    cleanupBuilds();
  }
  const print = (title: string, data: Map<string, Array<Record<string, number>>>, keys: string[]) => {
    console.log(`\n${title} (medians of ${rounds} round(s); script … other: main-thread self ms from the trace)`);
    console.log(['variant'.padEnd(14), ...keys.map((k) => k.padStart(12))].join(''));
    for (const v of VARIANTS) {
      const r = data.get(v.name) ?? [];
      console.log([v.name.padEnd(14), ...keys.map((k) => median(r.map((x) => x[k]!)).toFixed(/S$|PerS$/.test(k) ? 2 : 0).padStart(12))].join(''));
    }
  };
  print('IDLE, 3 s, no commands', idleRows, ['p50', 'p95', 'commitsPerS', 'script', 'gc', 'style', 'layout', 'paint', 'other']);
  print('STORM, 500 commands at 100/s', rows, ['p50', 'p95', 'framesPerS', 'sendS', 'drainS', 'script', 'gc', 'style', 'layout', 'paint', 'other']);
}
