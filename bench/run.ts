/**
 * The bench runner (`npm run bench`). bench/run.mjs bundles this file with Vite (SSR
 * build, so the repo's extensionless TS imports resolve as in the app) and calls
 * `main()`. Every figure is a ratio against a baseline measured in the same run; see
 * bench/README.md. Writes bench/results.json and prints a table.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_PATH } from '../test/e2e/chromium';
import { runRenderUnderLoad } from './browser/renderUnderLoad';
import type { StormProfile } from './browser/profileStorm';
import { runStartup } from './browser/startup';
import { cleanupBuilds, getBuilds, getDebugBuilds } from './lib/builds';
import { figure, gc, nowNs, type Figure } from './lib/measure';
import { bundleBenchBlocker, runBundleSize } from './suites/bundleSize';
import { runComposeParse, type ComposeRow } from './suites/composeParse';
import { runMachineThroughput } from './suites/machineThroughput';
import { runReplaySkip } from './suites/replaySkip';
import { runSystemScale } from './suites/systemScale';

// `layoutArchitecture` is optional (being written by others): the glob is empty when the file is missing.
const layoutModules = import.meta.glob<{ layoutArchitecture?: unknown }>('../src/model/layout/layoutArchitecture.ts', { eager: true });

export interface RunOptions {
  repoRoot: string;
  /** Where bench/run.mjs wrote the bundle (run.mjs, scaleWorker.mjs). */
  outDir: string;
  /** Fewer samples, smaller sizes: a smoke test of the harness, not a measurement. */
  quick?: boolean;
  /**
   * Bench ids to run (default all): machine, scale, compose, replay, bundle, render, startup
   * (`browser.renderUnderLoad`, `browser.startup`; `browser` selects both).
   */
  only?: string[];
  /** Render bench: also trace and CPU-profile one storm per page (unminified builds); files in test-results/render-profile/ (bench/.out is emptied by every run). */
  profile?: boolean;
}

interface BenchContext extends RunOptions {
  figures: Figure[];
  detail: Record<string, unknown>;
  skipped: Array<{ id: string; reason: string }>;
  composeRows: ComposeRow[];
}

interface Bench {
  id: string;
  description: string;
  run: (ctx: BenchContext) => void | Promise<void>;
}

/** Node-side benches (1–3) and the bundle bench (4). */
const BENCHES: Bench[] = [
  {
    id: 'machine',
    description: 'containerMachine commands/s vs a bare 5-state XState machine',
    run: (ctx) => {
      const r = runMachineThroughput(ctx.quick ? { actors: 50, cyclesPerSample: 20, samples: 3, warmupSamples: 1 } : {});
      ctx.figures.push(...r.figures);
      ctx.detail.machine = r.detail;
    },
  },
  {
    id: 'scale',
    description: 'architecture.send per-command cost at 10 / 1 000 / 10 000 containers; heap per container',
    run: async (ctx) => {
      const workerFile = join(ctx.outDir, 'scaleWorker.mjs');
      const r = await runSystemScale(ctx.quick ? { workerFile, sizes: [10, 100, 1000], rounds: 3, commandsPerSample: 2000 } : { workerFile });
      ctx.figures.push(...r.figures);
      ctx.detail.scale = r.detail;
    },
  },
  {
    id: 'compose',
    description: 'parseCompose + layoutArchitecture on fixtures and synthetic 100/500-service files',
    run: (ctx) => {
      const mod = Object.values(layoutModules)[0];
      const layout = typeof mod?.layoutArchitecture === 'function' ? (mod.layoutArchitecture as never) : null;
      if (!layout) ctx.skipped.push({ id: 'compose.layout', reason: 'src/model/layout/layoutArchitecture.ts (export layoutArchitecture) not found: layout not timed' });
      const r = runComposeParse({ fixturesDir: join(ctx.repoRoot, 'test/fixtures/compose'), layout, minMs: ctx.quick ? 50 : 300 });
      ctx.figures.push(...r.figures);
      ctx.composeRows = r.rows;
      ctx.detail.compose = r.detail;
    },
  },
  {
    id: 'replay',
    description: 'Replay Skip to end per event: generated busy-host log, 50 000 events / 500 containers vs 5 000 / 50',
    run: (ctx) => {
      const r = runReplaySkip(ctx.quick ? { small: [500, 5], big: [5000, 50], rounds: 3 } : {});
      ctx.figures.push(...r.figures);
      ctx.detail.replay = r.detail;
    },
  },
  {
    id: 'bundle',
    description: 'gzip JS+CSS per page (app, embed, element) vs a bare React + React Flow page (bench/baseline)',
    run: async (ctx) => {
      const blocker = bundleBenchBlocker(ctx.repoRoot);
      if (blocker) {
        ctx.skipped.push({ id: 'bundle', reason: blocker });
        return;
      }
      try {
        const r = runBundleSize(await getBuilds(ctx.repoRoot));
        ctx.figures.push(...r.figures);
        ctx.skipped.push(...r.skipped);
        ctx.detail.bundle = r.detail;
      } catch (error) {
        ctx.skipped.push({ id: 'bundle', reason: `build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
      }
    },
  },
];

/** Why the browser benches cannot run, or null. */
function browserBlocker(repoRoot: string): string | null {
  const bundle = bundleBenchBlocker(repoRoot);
  if (bundle) return bundle;
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH); browsers are never downloaded`;
  return null;
}

/**
 * Browser benches: playwright-core against Debian's Chromium (never a downloaded
 * browser), on the production builds of bench/lib/builds.ts served by a local static
 * server, each as a ratio against bench/baseline built in the same run.
 */
export const BROWSER_BENCHES: Bench[] = [
  {
    id: 'browser.renderUnderLoad',
    description: 'embed page, 500 containers, 100 cmd/s for 5 s: frame time p50/p95, commits and node renders per command, vs a bare React Flow page',
    run: async (ctx) => {
      const blocker = browserBlocker(ctx.repoRoot) ?? (existsSync(join(ctx.repoRoot, 'embed.html')) ? null : 'embed.html does not exist yet (the storm uses its postMessage protocol)');
      if (blocker) {
        ctx.skipped.push({ id: 'browser.renderUnderLoad', reason: blocker });
        return;
      }
      const builds = await getBuilds(ctx.repoRoot);
      const debug = ctx.profile ? await getDebugBuilds(ctx.repoRoot) : null;
      const r = await runRenderUnderLoad({
        repoRoot: ctx.repoRoot,
        appDir: builds.app,
        baselineDir: builds.baseline,
        quick: ctx.quick ?? false,
        profile: debug ? { appDir: debug.app, baselineDir: debug.baseline, outDir: join(ctx.repoRoot, 'test-results/render-profile') } : null,
      });
      ctx.figures.push(...r.figures);
      ctx.detail.render = r.detail;
    },
  },
  {
    id: 'browser.startup',
    description: 'navigation → 10 containers visible (app page; embed page for information) vs a bare React Flow page with 10 nodes',
    run: async (ctx) => {
      const blocker = browserBlocker(ctx.repoRoot);
      if (blocker) {
        ctx.skipped.push({ id: 'browser.startup', reason: blocker });
        return;
      }
      const builds = await getBuilds(ctx.repoRoot);
      const r = await runStartup({ appDir: builds.app, baselineDir: builds.baseline, quick: ctx.quick ?? false });
      ctx.figures.push(...r.figures);
      ctx.detail.startup = r.detail;
    },
  },
];

/** `--only` names: a bench id, or `render` / `startup` / `browser` for the browser benches. */
function selected(id: string, only: string[] | undefined): boolean {
  if (!only) return true;
  const short = id.replace(/^browser\./, '');
  return only.some((o) => o === id || o === short || (o === 'render' && short === 'renderUnderLoad') || (o === 'browser' && id.startsWith('browser.')));
}

/** The render profile, as text under the table. */
function renderProfileText(profile: Record<string, StormProfile> | null | undefined): string {
  if (!profile) return '';
  const out: string[] = ['Render profile (one storm per page, unminified builds; main-thread self time from the Chromium trace, JS from the CPU profile):'];
  for (const [kind, p] of Object.entries(profile)) {
    const cats = Object.entries(p.categories)
      .sort((a, b) => b[1] - a[1])
      .map(([c, ms]) => `${c} ${ms.toFixed(0)}`)
      .join(' · ');
    out.push(`  ${kind}: traced ${p.wallMs.toFixed(0)} ms; main thread ms: ${cats}`);
    out.push(`    JS by source (${p.cpu.sampledMs.toFixed(0)} ms sampled): ${p.cpu.bySource.slice(0, 8).map((s) => `${s.source} ${s.pct.toFixed(0)}%`).join(', ')}`);
    out.push(`    top self: ${p.cpu.topSelf.slice(0, 6).map((f) => `${f.fn.split(' ')[0]} ${f.pct.toFixed(1)}%`).join(', ')}`);
    if (p.renders) out.push(`    renders per command: ${p.renders.slice(0, 6).map((r) => `${r.name} ${r.perCommand.toFixed(2)}`).join(', ')}`);
    const idle = p.idle as { commitsPerSecond: number; topComponents: Array<{ name: string; perSecond: number }> } | undefined;
    if (idle) out.push(`    idle: ${idle.commitsPerSecond.toFixed(0)} commits/s; renders/s: ${idle.topComponents.slice(0, 4).map((r) => `${r.name} ${r.perSecond.toFixed(0)}`).join(', ') || 'none'}`);
    out.push(`    files: ${p.files.cpuprofile}, ${p.files.trace}`);
  }
  return out.join('\n');
}

function fmt(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const abs = Math.abs(n);
  if (abs >= 100000) return Math.round(n).toLocaleString('en');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(digits);
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function renderFigures(figures: Figure[]): string {
  return table(
    ['figure', 'value', 'baseline', 'unit', 'ratio', 'budget', 'pass'],
    figures.map((f) => [
      f.label,
      fmt(f.value),
      fmt(f.baseline),
      f.unit,
      f.ratio === null ? '—' : `${fmt(f.ratio)}×`,
      f.budget ? `${f.budget.op} ${f.budget.limit}×` : 'info',
      f.pass === null ? '' : f.pass ? 'PASS' : 'FAIL',
    ]),
  );
}

export function renderCompose(rows: ComposeRow[]): string {
  return table(
    ['file', 'svc', 'KiB', 'yaml ms', 'parse ms', 'layout ms', 'total ms', 'ms/svc'],
    rows.map((r) => [r.file, String(r.services), fmt(r.bytes / 1024, 1), fmt(r.yamlMs, 3), fmt(r.parseMs, 3), fmt(r.layoutMs, 3), fmt(r.totalMs, 3), fmt(r.msPerService, 3)]),
  );
}

export async function main(options: RunOptions): Promise<{ failed: number }> {
  const started = nowNs();
  const loadAtStart = loadavg();
  const ctx: BenchContext = { ...options, figures: [], detail: {}, skipped: [], composeRows: [] };
  const loadByBench: Record<string, number[]> = {};
  const benches = [...BENCHES, ...BROWSER_BENCHES].filter((b) => selected(b.id, options.only));
  try {
    for (const bench of benches) {
      const t0 = nowNs();
      loadByBench[bench.id] = loadavg().map((l) => Math.round(l * 100) / 100);
      process.stdout.write(`• ${bench.id}: ${bench.description} … `);
      try {
        await bench.run(ctx);
      } catch (error) {
        if (!bench.id.startsWith('browser.')) throw error;
        // A browser bench that cannot run (the page did not load, Chromium crashed) is reported, not fatal.
        ctx.skipped.push({ id: bench.id, reason: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
      }
      gc();
      process.stdout.write(`${((nowNs() - t0) / 1e9).toFixed(1)} s\n`);
    }
  } finally {
    cleanupBuilds();
  }

  const durationS = (nowNs() - started) / 1e9;
  const failed = ctx.figures.filter((f) => f.pass === false).length;
  const results = {
    generatedAt: new Date().toISOString(),
    quick: options.quick ?? false,
    environment: { loadavgAtEnd: loadavg(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' },
    loadavgAtStart: loadAtStart,
    /** 1/5/15-minute load averages when each bench started. */
    loadavgByBench: loadByBench,
    durationSeconds: durationS,
    summary: { figures: ctx.figures.length, budgeted: ctx.figures.filter((f) => f.pass !== null).length, failed },
    figures: ctx.figures,
    compose: ctx.composeRows,
    skipped: ctx.skipped,
    detail: ctx.detail,
  };
  const out = join(options.repoRoot, 'bench/results.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');

  console.log(`\n${renderFigures(ctx.figures)}\n`);
  if (ctx.composeRows.length) console.log(`${renderCompose(ctx.composeRows)}\n`);
  const profileText = renderProfileText((ctx.detail.render as { profile?: Record<string, StormProfile> | null } | undefined)?.profile);
  if (profileText) console.log(`${profileText}\n`);
  for (const s of ctx.skipped) console.log(`skipped ${s.id}: ${s.reason}`);
  const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  console.log(`load average (1/5/15 min) at start ${la(loadAtStart)}, at end ${la(loadavg())} on ${cpus().length} cpus`);
  console.log(
    `\n${failed === 0 ? 'All budgets met' : `${failed} budget(s) FAILED`} · ${durationS.toFixed(0)} s · ${existsSync(out) ? 'bench/results.json written' : ''}${options.quick ? ' · QUICK MODE (not a measurement)' : ''}`,
  );
  return { failed };
}

export { figure };
