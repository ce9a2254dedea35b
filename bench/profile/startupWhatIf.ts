/**
 * What-if for the startup figure: the app page as shipped, and with the event log's
 * mount-time `scrollTop = scrollHeight` made free (a `scrollHeight` getter returning 0 on
 * `.event-log__scroller`, installed before the app loads, so reading it forces no
 * layout), against the bare React Flow page. Production builds, interleaved, cold contexts.
 * Usage: node bench/profile.mjs startupWhatIf [rounds=7]
 */
import { join } from 'node:path';
import { launch, openPage, type PageOptions } from '../browser/browser';
import type { PageBench } from '../browser/inPage';
import { startServer } from '../browser/server';
import { cleanupBuilds, getBuilds } from '../lib/builds';
import { median } from '../lib/measure';

const NO_LOG_SCROLL_LAYOUT = `(() => {
  const d = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
  Object.defineProperty(Element.prototype, 'scrollHeight', { configurable: true, get() { return this.classList && this.classList.contains('event-log__scroller') ? 0 : d.get.call(this); } });
})();`;

export async function run(roundsArg: number, outDir: string): Promise<void> {
  const rounds = Number.isFinite(roundsArg) && roundsArg > 0 && roundsArg < 20 ? roundsArg : 7;
  const builds = await getBuilds(join(outDir, '../../..'));
  const server = await startServer({ '/app/': builds.app, '/base/': builds.baseline }, {});
  const variants: Array<{ name: string; url: string; options: PageOptions }> = [
    { name: 'shipped', url: `${server.origin}/app/index.html`, options: {} },
    { name: 'noLogScrollLayout', url: `${server.origin}/app/index.html`, options: { initScript: NO_LOG_SCROLL_LAYOUT } },
    { name: 'baseline', url: `${server.origin}/base/index.html?n=10`, options: {} },
  ];
  const times = new Map<string, number[]>();
  const browser = await launch();
  try {
    for (let round = -1; round < rounds; round++) {
      for (let i = 0; i < variants.length; i++) {
        const v = variants[(i + Math.max(round, 0)) % variants.length]!;
        const opened = await openPage(browser, 10, v.options);
        try {
          await opened.page.goto(v.url, { waitUntil: 'commit' });
          await opened.page.waitForFunction(() => (window as unknown as { __bench: PageBench }).__bench.visibleAt !== null, null, { timeout: 60_000, polling: 50 });
          const t = await opened.page.evaluate(() => (window as unknown as { __bench: PageBench }).__bench.visibleAt!);
          if (round >= 0) times.set(v.name, [...(times.get(v.name) ?? []), t]);
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
  const base = times.get('baseline')!;
  for (const [name, t] of times) {
    const ratio = median(t.map((x, i) => x / base[i]!));
    console.log(`${name.padEnd(18)} visible median ${median(t).toFixed(0).padStart(5)} ms   paired ratio vs baseline ${ratio.toFixed(2)}×   samples ${t.map((x) => x.toFixed(0)).join(' ')}`);
  }
}
