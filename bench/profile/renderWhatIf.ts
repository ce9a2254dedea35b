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
 * - handles          the nodes' hidden handles hidden by `visibility` (they paint nothing as shipped)
 * - noClip           `overflow: visible` on the node's ellipsised text spans (each `overflow: clip` is a clip node)
 * - calm             reducedMotion and noUptimeTick together (no animation, no clock: what is left is the per-command work)
 * - baseline         the bare React Flow page
 * The fixes of the render bench, each undone from outside (what each one is worth):
 * - undoClip         the node's cut texts back to `overflow: hidden` (a scroll container each: a
 *                    scroll node per text that the compositor updates every frame)
 * - undoPsFit        the `docker ps` line clipped even when it fits (its changing text is then a
 *                    separately clipped piece of changing size: the compositor rebuilds the canvas)
 * - undoIconBox      the node icon without its invisible 24×24 square (each icon's size follows
 *                    its shape: same full rebuild on every status change)
 * - undoHandles      the nodes' handles back to `opacity: 0` and `translate(-50%, -50%)`
 * - undoTransitions  large graphs animate colour changes again (240 ms per node and edge)
 * WHATIF=shipped,calm,baseline picks variants.
 * EXTRA_CSS='name=css rules;;name2=css rules' adds ad-hoc variants (CSS injected into the app page).
 * TRACE=0 measures the storm only, untraced (frame p50/p95 and long animation frames as the
 * bench reports them, with each variant's ratio to the baseline of the same round).
 * TRACE=cpu does the same with a trace of each storm, summarised as thread CPU time (steadier
 * than wall time on a loaded machine): main thread by category, per frame (median lifecycle
 * and PaintArtifactCompositor::Update, the compositor's full rebuild of the canvas), raster
 * workers; TRACE_DIR=<dir> keeps the traces.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launch, percentile } from '../browser/browser';
import { baselineDrawing, renderCompose } from '../browser/composeSpec';
import { driveStorm } from '../browser/driveStorm';
import { measureIdle } from '../browser/inPage';
import { CATEGORIES, traced } from '../browser/profileStorm';
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
  { name: 'handles', page: 'app', options: { initScript: css('.anchor-handle.react-flow__handle{opacity:1!important;visibility:hidden!important}') } },
  { name: 'noClip', page: 'app', options: { initScript: css('.container-node__name,.container-node__image,.container-node__fact,.container-node__ps{overflow:visible!important}') } },
  { name: 'calm', page: 'app', options: { reducedMotion: 'reduce', initScript: NO_1S_INTERVALS } },
  { name: 'undoClip', page: 'app', options: { initScript: css('.container-node__name,.container-node__image,.container-node__fact,.container-node__ps{overflow:hidden!important}') } },
  { name: 'undoPsFit', page: 'app', options: { initScript: css('.container-node__ps--fits{overflow:clip!important}') } },
  { name: 'undoIconBox', page: 'app', options: { initScript: css('.container-node__icon rect{display:none!important}') } },
  {
    name: 'undoHandles',
    page: 'app',
    options: {
      initScript: css(
        '.anchor-handle.react-flow__handle{opacity:0!important;margin:0!important}.anchor-handle.react-flow__handle-left{transform:translate(-50%,-50%)!important}.anchor-handle.react-flow__handle-right{transform:translate(50%,-50%)!important}',
      ),
    },
  },
  {
    name: 'undoTransitions',
    page: 'app',
    options: { initScript: css('.architecture-canvas.is-large .container-node{transition:border-color 240ms ease,background-color 240ms ease!important}.architecture-canvas.is-large .dependency-edge__path{transition:stroke 240ms ease!important}') },
  },
  { name: 'baseline', page: 'baseline', options: {} },
  ...(process.env.EXTRA_CSS ?? '')
    .split(';;')
    .filter((x) => x.includes('='))
    .map((x) => ({ name: x.slice(0, x.indexOf('=')).trim(), page: 'app', options: { initScript: css(x.slice(x.indexOf('=') + 1)) } })),
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
  if (process.env.TRACE === '0' || process.env.TRACE === 'cpu') return untraced(rounds, builds, server, url, plan, process.env.TRACE === 'cpu');
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

/** Untraced storms (TRACE=0): frame p50/p95 and long frames, with per-round ratios to the baseline. */
async function untraced(
  rounds: number,
  _builds: unknown,
  server: { close(): Promise<void> },
  url: (page: 'app' | 'baseline') => string,
  plan: Array<[string, string]>,
  cpu: boolean,
): Promise<void> {
  const browser = await launch();
  const rows = new Map<string, Array<Record<string, number>>>();
  try {
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? [...VARIANTS].reverse() : VARIANTS;
      const roundRows = new Map<string, Record<string, number>>();
      for (const v of order) {
        const opened = await openReady(browser, url(v.page), 500, v.options);
        try {
          const storm = () => driveStorm(opened.page, { plan, initiallyPaused: [], rate: 100, timeoutMs: 30_000, countRenders: false });
          let result: Awaited<ReturnType<typeof storm>>;
          let cpuRow: Record<string, number> = {};
          if (cpu) {
            await browser.startTracing(opened.page, { categories: CATEGORIES });
            result = await storm();
            const buffer = await browser.stopTracing();
            if (process.env.TRACE_DIR) writeFileSync(join(process.env.TRACE_DIR, `${v.name}-${round + 1}.json`), buffer);
            cpuRow = cpuSummary(buffer);
          } else result = await storm();
          const s = summarize(result, plan.length);
          const row: Record<string, number> = { p50: s.p50, p95: s.p95, longFrames: s.longFrames, blockingMs: s.loafBlockingMs, frames: s.frames, drainMs: s.drainMs, ...cpuRow };
          roundRows.set(v.name, row);
          process.stdout.write(`round ${round + 1} ${v.name}: p50 ${row.p50!.toFixed(0)} p95 ${row.p95!.toFixed(0)} long ${row.longFrames} blocking ${row.blockingMs!.toFixed(0)} frames ${row.frames}${cpu ? ` cpu main ${row.mainCpu!.toFixed(0)} (per frame ${row.cpuPerFrame!.toFixed(1)}) lifecycle med ${row.lifecycleMed!.toFixed(1)} p90 ${row.lifecycleP90!.toFixed(1)} pac med ${row.pacMed!.toFixed(1)} in ${row.rebuildPct!.toFixed(0)}% of frames, paint ${row.paintCpu!.toFixed(0)} raster ${row.rasterCpu!.toFixed(0)}` : ''} (load ${loadText()})\n`);
        } finally {
          await opened.close();
        }
      }
      const base = roundRows.get('baseline');
      for (const [name, row] of roundRows) {
        if (base) Object.assign(row, { p50x: row.p50! / base.p50!, p95x: row.p95! / base.p95!, ...(cpu ? { rasterPerFrame: row.rasterCpu! / row.beginFrames! } : {}) });
        rows.set(name, [...(rows.get(name) ?? []), row]);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    cleanupBuilds();
  }
  const keys = ['p50', 'p95', 'p50x', 'p95x', 'longFrames', 'blockingMs', 'frames', ...(cpu ? ['mainCpu', 'cpuPerFrame', 'lifecycleMed', 'lifecycleP90', 'pacMed', 'rebuildPct', 'scriptCpu', 'styleCpu', 'layoutCpu', 'paintCpu', 'pacCpu', 'rasterCpu', 'rasterPerFrame', 'compCpu'] : [])];
  console.log(`\nSTORM untraced (medians of ${rounds} round(s); p50x/p95x: median of per-round ratios to the baseline)`);
  console.log(['variant'.padEnd(16), ...keys.map((k) => k.padStart(11))].join(''));
  for (const v of VARIANTS) {
    const r = rows.get(v.name) ?? [];
    console.log([v.name.padEnd(16), ...keys.map((k) => median(r.map((x) => x[k] ?? NaN)).toFixed(/x$|PerFrame$|Med$|P90$/.test(k) ? 1 : 0).padStart(11))].join(''));
  }
}

interface CpuEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/**
 * Thread CPU time (`tdur`, not wall time: steadier on a loaded machine) of one traced storm:
 * the renderer main thread by category (self time), its frames (BeginMainFrame count),
 * the raster workers and the compositor thread of the same process.
 */
function cpuSummary(buffer: Buffer): Record<string, number> {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: CpuEvent[] } | CpuEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const total = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.tdur) total.set(`${e.pid}:${e.tid}`, (total.get(`${e.pid}:${e.tid}`) ?? 0) + e.tdur);
  const main = [...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k).sort((a, b) => (total.get(b) ?? 0) - (total.get(a) ?? 0))[0];
  const pid = main?.split(':')[0];
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number' && typeof e.tdur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: Array<{ end: number; name: string; self: number }> = [];
  let top = 0;
  let frames = 0;
  const lifecycles: number[] = [];
  const pacs: number[] = [];
  const pop = () => {
    const t = stack.pop()!;
    self.set(t.name, (self.get(t.name) ?? 0) + Math.max(0, t.self));
  };
  for (const e of mine) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= e.tdur!;
    else top += e.tdur!;
    if (e.name === 'WebFrameWidgetImpl::BeginMainFrame' || e.name === 'WidgetBase::BeginMainFrame') frames++;
    if (e.name === 'WebFrameWidgetImpl::UpdateLifecycle') lifecycles.push(e.tdur! / 1000);
    if (e.name === 'PaintArtifactCompositor::Update') pacs.push(e.tdur! / 1000);
    stack.push({ end: e.ts + e.dur!, name: e.name, self: e.tdur! });
  }
  while (stack.length) pop();
  const cat: Record<string, number> = {};
  for (const [name, us] of self) {
    const c = name === 'PaintArtifactCompositor::Update' ? 'pac' : cpuCategory(name);
    cat[c] = (cat[c] ?? 0) + us / 1000;
  }
  const threadCpu = (re: RegExp) => [...names].filter(([k, n]) => k.startsWith(`${pid}:`) && re.test(n)).reduce((a, [k]) => a + (total.get(k) ?? 0), 0) / 1000;
  // Nested X events double count in `total`; raster/compositor tasks are mostly flat, good enough for comparisons.
  return {
    mainCpu: top / 1000,
    cpuPerFrame: frames ? top / 1000 / frames : NaN,
    beginFrames: frames,
    lifecycleMed: median(lifecycles),
    lifecycleP90: lifecycles.length ? lifecycles.sort((a, b) => a - b)[Math.floor(lifecycles.length * 0.9)]! : NaN,
    pacMed: median(pacs),
    rebuildPct: lifecycles.length ? (100 * pacs.length) / lifecycles.length : NaN,
    scriptCpu: cat.script ?? 0,
    styleCpu: cat.style ?? 0,
    layoutCpu: cat.layout ?? 0,
    paintCpu: (cat['paint/composite'] ?? 0) + (cat.pac ?? 0),
    pacCpu: cat.pac ?? 0,
    rasterCpu: threadCpu(/ThreadPoolForegroundWorker|CompositorTileWorker|Raster/),
    compCpu: threadCpu(/^Compositor$/),
  };
}

function cpuCategory(name: string): string {
  if (/GC|Sweep|Mark|Scaveng|Compact|BlinkGC|ThreadState/i.test(name)) return 'gc';
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation|Document::updateStyle|Document::recalcStyle|StyleEngine)/.test(name)) return 'style';
  if (/^(Layout|UpdateLayout|LocalFrameView::layout|LocalFrameView::performLayout|InvalidateLayout|IntersectionObserver|InlineNode)/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|PaintImage|Decode|LocalFrameView::RunPaint|LocalFrameView::RunPrePaint|LocalFrameView::UpdateLifecyclePhases|cc::|ProxyMain|ScrollingCoordinator|Blink\.(PrePaint|Paint|CompositingInputs)|CullRectUpdate)/.test(name)) return 'paint/composite';
  if (/^(FunctionCall|EvaluateScript|v8|V8|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|CompileScript|CompileCode|HandlePostMessage|ParseHTML|XHR|ResourceReceive|MessagePort)/.test(name)) return 'script';
  return 'other';
}

function loadText(): string {
  return loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
}
