/**
 * The bench runner (`npm run bench`). bench/run.mjs bundles this file with Vite (SSR
 * build, so the repo's extensionless TS imports resolve as in the app) and calls
 * `main()`. Every figure is a ratio against a baseline measured in the same run; see
 * bench/README.md. Writes bench/results.json and prints a table.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { figure, gc, nowNs, type Figure } from './lib/measure';
import { bundleBenchBlocker, runBundleSize } from './suites/bundleSize';
import { runComposeParse, type ComposeRow } from './suites/composeParse';
import { runMachineThroughput } from './suites/machineThroughput';
import { runSystemScale } from './suites/systemScale';

// `layoutArchitecture` is optional (being written by others): the glob is empty when the file is missing.
const layoutModules = import.meta.glob<{ layoutArchitecture?: unknown }>('../src/model/layout/layoutArchitecture.ts', { eager: true });

export interface RunOptions {
  repoRoot: string;
  /** Where bench/run.mjs wrote the bundle (run.mjs, scaleWorker.mjs). */
  outDir: string;
  /** Fewer samples, smaller sizes: a smoke test of the harness, not a measurement. */
  quick?: boolean;
  /** Bench ids to run (default all): machine, scale, compose, bundle. */
  only?: string[];
}

interface BenchContext extends RunOptions {
  figures: Figure[];
  detail: Record<string, unknown>;
  skipped: Array<{ id: string; reason: string }>;
  composeRows: ComposeRow[];
}

/** A bench: `run` is null while it is only a TODO hook. */
interface Bench {
  id: string;
  description: string;
  run: ((ctx: BenchContext) => void | Promise<void>) | null;
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
      const r = runComposeParse({ fixturesDir: join(ctx.repoRoot, '../shared/fixtures/compose'), layout, minMs: ctx.quick ? 50 : 300 });
      ctx.figures.push(...r.figures);
      ctx.composeRows = r.rows;
      ctx.detail.compose = r.detail;
    },
  },
  {
    id: 'bundle',
    description: 'gzip JS+CSS of the app build vs a bare React + React Flow page (bench/baseline)',
    run: async (ctx) => {
      const blocker = bundleBenchBlocker(ctx.repoRoot);
      if (blocker) {
        ctx.skipped.push({ id: 'bundle', reason: blocker });
        return;
      }
      try {
        const r = await runBundleSize(ctx.repoRoot);
        ctx.figures.push(...r.figures);
        ctx.detail.bundle = r.detail;
      } catch (error) {
        ctx.skipped.push({ id: 'bundle', reason: `build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
      }
    },
  },
];

/**
 * TODO(lead): browser benches, to add once the UI lands (src/app/main.tsx). Run them
 * with playwright-core against /usr/bin/chromium (never download browsers) on a
 * `vite preview` of a temp build, each as a ratio against bench/baseline built in the
 * same run. Fill in `run` and they join the table and results.json.
 */
export const BROWSER_BENCHES: Bench[] = [
  {
    id: 'browser.renderUnderLoad',
    description:
      'TODO: frame time (p50/p95 via requestAnimationFrame deltas or the Performance timeline) while commands stream into a 500-container architecture, vs bench/baseline panning 500 static nodes',
    run: null,
  },
  {
    id: 'browser.startup',
    description: 'TODO: navigation start → first contentful paint and → canvas ready (nodes drawn), app vs bench/baseline',
    run: null,
  },
  {
    id: 'browser.interaction',
    description: 'TODO: click/keyboard command → node restyled latency (p95) at 10 vs 500 containers',
    run: null,
  },
  {
    id: 'browser.memory',
    description: 'TODO: JS heap after load and after 1 000 commands (performance.memory / CDP HeapProfiler), app vs baseline',
    run: null,
  },
];

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
  const selected = BENCHES.filter((b) => !options.only || options.only.includes(b.id));
  for (const bench of selected) {
    const t0 = nowNs();
    process.stdout.write(`• ${bench.id}: ${bench.description} … `);
    await bench.run!(ctx);
    gc();
    process.stdout.write(`${((nowNs() - t0) / 1e9).toFixed(1)} s\n`);
  }
  for (const b of BROWSER_BENCHES) if (!b.run) ctx.skipped.push({ id: b.id, reason: 'TODO hook (browser bench not written yet)' });

  const durationS = (nowNs() - started) / 1e9;
  const failed = ctx.figures.filter((f) => f.pass === false).length;
  const results = {
    generatedAt: new Date().toISOString(),
    quick: options.quick ?? false,
    environment: { loadavgAtEnd: loadavg(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function' },
    loadavgAtStart: loadAtStart,
    durationSeconds: durationS,
    summary: { figures: ctx.figures.length, budgeted: ctx.figures.filter((f) => f.pass !== null).length, failed },
    figures: ctx.figures,
    compose: ctx.composeRows,
    skipped: ctx.skipped,
    todo: BROWSER_BENCHES.map(({ id, description, run }) => ({ id, description, implemented: run !== null })),
    detail: ctx.detail,
  };
  const out = join(options.repoRoot, 'bench/results.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');

  console.log(`\n${renderFigures(ctx.figures)}\n`);
  if (ctx.composeRows.length) console.log(`${renderCompose(ctx.composeRows)}\n`);
  for (const s of ctx.skipped) console.log(`skipped ${s.id}: ${s.reason}`);
  console.log(
    `\n${failed === 0 ? 'All budgets met' : `${failed} budget(s) FAILED`} · ${durationS.toFixed(0)} s · ${existsSync(out) ? 'bench/results.json written' : ''}${options.quick ? ' · QUICK MODE (not a measurement)' : ''}`,
  );
  return { failed };
}

export { figure };
