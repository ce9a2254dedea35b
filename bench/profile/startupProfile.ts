/**
 * Where startup time goes: the app page (index.html, default scenario) and the bare
 * React Flow page (`?n=10`), unminified builds with source maps, traced and CPU-profiled
 * from before navigation until 10 containers are visible. Prints main-thread self time
 * by category and JS by source module. Usage: node bench/profile.mjs startupProfile [runs=3]
 * (one profile per page per run; the medians of the visible time are printed too).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage } from '../browser/browser';
import type { PageBench } from '../browser/inPage';
import { analyzeCpu, CATEGORIES, traceSummary, type CpuProfile } from '../browser/profileStorm';
import { startServer } from '../browser/server';
import { cleanupBuilds, getDebugBuilds } from '../lib/builds';
import { median } from '../lib/measure';

export async function run(runsArg: number, outDir: string): Promise<void> {
  const runs = Number.isFinite(runsArg) && runsArg > 0 && runsArg < 10 ? runsArg : 3;
  const repoRoot = join(outDir, '../../..');
  const builds = await getDebugBuilds(repoRoot);
  const server = await startServer({ '/app/': builds.app, '/base/': builds.baseline }, {});
  const pages = { app: `${server.origin}/app/index.html`, baseline: `${server.origin}/base/index.html?n=10` };
  const readChunk = (url: string) => {
    const path = new URL(url).pathname;
    const [prefix, dir] = path.startsWith('/app/') ? ['/app/', builds.app] : ['/base/', builds.baseline];
    try {
      return readFileSync(join(dir, path.slice(prefix.length)), 'utf8');
    } catch {
      return null;
    }
  };
  const browser = await launch();
  const out: Record<string, Array<{ visible: number; categories: Record<string, number>; bySource: Array<{ source: string; ms: number }>; topSelf: Array<{ fn: string; ms: number }> }>> = { app: [], baseline: [] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const kind of ['app', 'baseline'] as const) {
        const opened = await openPage(browser, 10);
        try {
          const cdp = await opened.context.newCDPSession(opened.page);
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await browser.startTracing(opened.page, { categories: CATEGORIES });
          await cdp.send('Profiler.start');
          await opened.page.goto(pages[kind], { waitUntil: 'commit' });
          await opened.page.waitForFunction(() => (window as unknown as { __bench: PageBench }).__bench.visibleAt !== null, null, { timeout: 60_000, polling: 50 });
          const visible = await opened.page.evaluate(() => (window as unknown as { __bench: PageBench }).__bench.visibleAt!);
          const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
          const trace = traceSummary(await browser.stopTracing());
          const cpu = analyzeCpu(profile, readChunk);
          out[kind]!.push({ visible, categories: trace.categories, bySource: cpu.bySource, topSelf: cpu.topSelf });
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
  for (const [kind, rs] of Object.entries(out)) {
    console.log(`\n${kind}: navigation → visible ${median(rs.map((r) => r.visible)).toFixed(0)} ms (median of ${rs.length}, profiler on, unminified)`);
    const cats = new Map<string, number[]>();
    for (const r of rs) for (const [c, ms] of Object.entries(r.categories)) cats.set(c, [...(cats.get(c) ?? []), ms]);
    console.log(`  main thread (trace, median ms): ${[...cats].map(([c, v]) => `${c} ${median(v).toFixed(0)}`).join(' · ')}`);
    const src = new Map<string, number[]>();
    for (const r of rs) for (const s of r.bySource) src.set(s.source, [...(src.get(s.source) ?? []), s.ms]);
    console.log('  JS by source (CPU profile, median ms over runs where seen):');
    for (const [s, v] of [...src].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 15)) console.log(`    ${median(v).toFixed(1).padStart(7)} ms  ${s}`);
    console.log('  top self (last run):');
    for (const f of rs.at(-1)!.topSelf.slice(0, 12)) console.log(`    ${f.ms.toFixed(1).padStart(7)} ms  ${f.fn}`);
  }
}
