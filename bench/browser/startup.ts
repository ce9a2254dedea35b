/**
 * Browser bench: startup. Time from navigation start (`performance.now()` in the page)
 * until the default scenario's containers are visible: 10 `[data-container]` elements
 * laid out, `visibility: visible` and inside the viewport (a MutationObserver plus a
 * per-frame check, installed before any page script). App page (index.html) and, for
 * information, the embed page (embed.html), against a bare React Flow page with 10
 * container nodes (bench/baseline `?n=10`). Every sample opens a fresh browser context
 * (cold HTTP cache), pages in rotating order per round.
 */
import { figure, median, spread, type Figure } from '../lib/measure';
import { launch, openPage } from './browser';
import type { PageBench } from './inPage';
import { startServer } from './server';

const GROUP = '6. Startup';
const EXPECT = 10;

interface StartupSample {
  visibleMs: number;
  fcpMs: number | null;
  domContentLoadedMs: number;
  containers: number;
}

export async function runStartup(opts: { appDir: string; baselineDir: string; quick?: boolean }): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const rounds = opts.quick ? 2 : 7;
  const server = await startServer({ '/app/': opts.appDir, '/base/': opts.baselineDir }, {});
  const pages = {
    app: `${server.origin}/app/index.html`,
    embed: `${server.origin}/app/embed.html`,
    baseline: `${server.origin}/base/index.html?n=${EXPECT}`,
  } as const;
  type Kind = keyof typeof pages;
  const kinds = Object.keys(pages) as Kind[];
  const samples: Record<Kind, StartupSample[]> = { app: [], embed: [], baseline: [] };
  const errors: string[] = [];
  const browser = await launch();
  try {
    // Warm-up: one untimed load of each page (the browser's own first-run costs).
    for (const kind of kinds) {
      const opened = await openPage(browser, EXPECT);
      await opened.page.goto(pages[kind], { waitUntil: 'load' });
      await opened.page.waitForFunction(() => (window as unknown as { __bench: PageBench }).__bench.visibleAt !== null, null, { timeout: 60_000 });
      await opened.close();
    }
    for (let round = 0; round < rounds; round++) {
      const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]!);
      for (const kind of order) {
        const opened = await openPage(browser, EXPECT);
        try {
          await opened.page.goto(pages[kind], { waitUntil: 'commit' });
          await opened.page.waitForFunction(() => (window as unknown as { __bench: PageBench }).__bench.visibleAt !== null, null, { timeout: 60_000, polling: 50 });
          // Paint timing entries land after the frame is presented: wait a little for FCP.
          await opened.page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 3000, polling: 50 }).catch(() => undefined);
          const s = await opened.page.evaluate(() => {
            const bench = (window as unknown as { __bench: PageBench }).__bench;
            const fcp = performance.getEntriesByName('first-contentful-paint')[0];
            const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            return { visibleMs: bench.visibleAt!, fcpMs: fcp ? fcp.startTime : null, domContentLoadedMs: nav?.domContentLoadedEventEnd ?? NaN, containers: document.querySelectorAll('[data-container]').length };
          });
          samples[kind].push(s);
          errors.push(...opened.errors.map((e) => `${kind}: ${e}`));
        } finally {
          await opened.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const values = (kind: Kind, key: 'visibleMs' | 'fcpMs') => samples[kind].map((s) => s[key] ?? NaN);
  const paired = (kind: Kind, key: 'visibleMs' | 'fcpMs') => median(samples[kind].map((s, i) => (s[key] ?? NaN) / (samples.baseline[i]![key] ?? NaN)));
  const count = (kind: Kind) => [...new Set(samples[kind].map((s) => s.containers))].join('/');
  const fig = (kind: Kind, key: 'visibleMs' | 'fcpMs', id: string, label: string, budget: Figure['budget']) =>
    figure({
      id,
      group: GROUP,
      label,
      unit: 'ms',
      value: median(values(kind, key)),
      baseline: median(values('baseline', key)),
      baselineLabel: `bare React Flow page, ${EXPECT} nodes`,
      ratio: paired(kind, key),
      budget,
      spread: spread(values(kind, key)),
      samples: rounds,
      note: `[data-container] on the page when visible: ${count(kind)} (baseline ${count('baseline')})`,
    });
  return {
    figures: [
      fig('app', 'visibleMs', 'startup.visible', `app page: navigation → ${EXPECT} containers visible`, { op: '<=', limit: 1.0 }),
      fig('app', 'fcpMs', 'startup.fcp', 'app page: first contentful paint', null),
      fig('embed', 'visibleMs', 'startup.embed.visible', `embed page: navigation → ${EXPECT} containers visible`, null),
    ],
    detail: { rounds, samples, errors: [...new Set(errors)].slice(0, 20) },
  };
}
