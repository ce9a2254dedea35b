/**
 * What the compositor gets from the render bench's pages (embed page with 500 containers,
 * and the baseline): the composited layers (CDP LayerTree) and the paint operations of the
 * canvas layer (`LayerTree.snapshotCommandLog`: a deterministic measure of how much the
 * compositor converts and rasters on every frame that changes anything, unaffected by the
 * machine's load), then a detailed trace (blink + cc categories) of a short storm (2 s,
 * 100 cmd/s) written to `$TRACE_DIR/<variant>.trace.json`.
 * Usage: [TRACE_DIR=/tmp/t] [OPS_ONLY=1] [DUMP_OPS=1] node bench/profile.mjs renderLayers
 * - OPS_ONLY=1: layers and paint operations only, no storm
 * - DUMP_OPS=1: also writes every paint operation to `<variant>.ops.json`
 * - EXTRA_CSS='name=rules;;…' adds variants (CSS injected into the app page), WHATIF= picks, as in renderWhatIf
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../browser/browser';
import { baselineDrawing, renderCompose } from '../browser/composeSpec';
import { driveStorm } from '../browser/driveStorm';
import { openReady, stormPlan, summarize } from '../browser/renderUnderLoad';
import { startServer } from '../browser/server';
import { cleanupBuilds, getBuilds } from '../lib/builds';

const css = (rule: string) => `document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = ${JSON.stringify(rule)}; document.head.append(s); });`;

export async function run(_arg: number, outDir: string): Promise<void> {
  const traceDir = process.env.TRACE_DIR ?? join(outDir, 'layers');
  mkdirSync(traceDir, { recursive: true });
  const builds = await getBuilds(join(outDir, '../../..'));
  const yaml = renderCompose(50, 10);
  const drawing = baselineDrawing(yaml);
  const firstName = drawing.containers[0]!.id;
  const { plan } = stormPlan(drawing.containers.map((c) => c.id), 200);
  const server = await startServer({ '/app/': builds.app, '/base/': builds.baseline }, {
    '/bench/bench.yml': { body: yaml, type: 'text/yaml; charset=utf-8' },
    '/bench/drawing.json': { body: JSON.stringify(drawing), type: 'application/json' },
  });
  const variants = [
    { name: 'shipped', page: 'app', initScript: undefined as string | undefined },
    { name: 'baseline', page: 'baseline', initScript: undefined },
    ...(process.env.EXTRA_CSS ?? '')
      .split(';;')
      .filter((x) => x.includes('='))
      .map((x) => ({ name: x.slice(0, x.indexOf('=')).trim(), page: 'app', initScript: css(x.slice(x.indexOf('=') + 1)) })),
  ].filter((v) => !process.env.WHATIF || process.env.WHATIF.split(',').includes(v.name));
  const browser = await launch();
  try {
    for (const v of variants) {
      const url =
        v.page === 'app' ? `${server.origin}/app/embed.html?compose=${encodeURIComponent(`${server.origin}/bench/bench.yml`)}` : `${server.origin}/base/index.html?drawing=/bench/drawing.json`;
      const opened = await openReady(browser, url, 500, v.initScript ? { initScript: v.initScript } : {});
      try {
        const cdp = await opened.page.context().newCDPSession(opened.page);
        let layers: Array<{ layerId: string; drawsContent: boolean; width: number; height: number; paintCount?: number }> = [];
        cdp.on('LayerTree.layerTreeDidChange', (e: { layers?: typeof layers }) => {
          if (e.layers) layers = e.layers;
        });
        await cdp.send('LayerTree.enable');
        // The layer tree is sent when it changes: pause and unpause one container (both pages handle the protocol).
        await opened.page.evaluate((name) => {
          for (const type of ['pause', 'unpause']) window.postMessage({ source: 'container-lifecycle', type: 'send', container: name, event: { type } }, location.origin);
        }, firstName);
        for (let i = 0; i < 30 && layers.length === 0; i++) await opened.page.waitForTimeout(100);
        await opened.page.waitForFunction((name) => document.querySelector(`[data-container="${name}"]`)?.getAttribute('data-status') === 'running', firstName);
        await opened.page.waitForTimeout(500);
        // The paint ops of the biggest drawing layer (the canvas): what the compositor converts and rasters each frame.
        const big = layers.filter((l) => l.drawsContent).sort((a, b) => b.width * b.height - a.width * a.height)[0];
        if (big) {
          const { snapshotId } = (await cdp.send('LayerTree.makeSnapshot', { layerId: big.layerId })) as { snapshotId: string };
          const { commandLog } = (await cdp.send('LayerTree.snapshotCommandLog', { snapshotId })) as { commandLog: Array<{ method: string; params?: unknown }> };
          if (process.env.DUMP_OPS) writeFileSync(join(traceDir, `${v.name}.ops.json`), JSON.stringify(commandLog, null, 1));
          const byMethod = new Map<string, number>();
          for (const c of commandLog) byMethod.set(c.method, (byMethod.get(c.method) ?? 0) + 1);
          console.log(`${v.name}: ${commandLog.length} paint ops in the ${big.width}×${big.height} layer: ${[...byMethod].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${m} ${n}`).join(', ')}`);
          await cdp.send('LayerTree.releaseSnapshot', { snapshotId });
        }
        if (process.env.OPS_ONLY) continue;
        await browser.startTracing(opened.page, {
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'toplevel', 'blink', 'cc', 'benchmark', 'v8'],
        });
        const result = await driveStorm(opened.page, { plan, initiallyPaused: [], rate: 100, timeoutMs: 30_000, countRenders: false });
        writeFileSync(join(traceDir, `${v.name}.trace.json`), await browser.stopTracing());
        await cdp.send('LayerTree.disable');
        const s = summarize(result, plan.length);
        const drawn = layers.filter((l) => l.drawsContent);
        console.log(
          `${v.name}: ${layers.length} layers, ${drawn.length} drawing (${drawn
            .sort((a, b) => b.width * b.height - a.width * a.height)
            .slice(0, 6)
            .map((l) => `${l.width}×${l.height}`)
            .join(', ')}); storm p50 ${s.p50.toFixed(0)} p95 ${s.p95.toFixed(0)}, ${s.frames} frames`,
        );
      } finally {
        await opened.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    cleanupBuilds();
  }
}
