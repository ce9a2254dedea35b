/**
 * First paint: `index.html` and `embed.html` carry the build's prerendered first view
 * (vite.prerender.ts), readable with scripts off, and the pages hydrate it without a
 * mismatch. Production React reports only text mismatches, so the pages are also built
 * with React's development build (which reports every differing attribute too) and
 * checked the same way, in a light and a dark browser.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, containerNode, launchBrowser, openPage } from './browser';
import { startStaticServer, type StaticServer } from './staticServer';

let browser: Browser;
let devServer: StaticServer;
let devDir: string;

beforeAll(async () => {
  devDir = mkdtempSync(join(tmpdir(), 'stage-prerender-dev-'));
  const { build } = await import('vite');
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    mode: 'development',
    define: { 'process.env.NODE_ENV': JSON.stringify('development') },
    build: { outDir: devDir, emptyOutDir: true, minify: false, reportCompressedSize: false },
  });
  devServer = await startStaticServer({ root: devDir });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await devServer?.close();
  if (devDir) rmSync(devDir, { recursive: true, force: true });
});

const PAGES = ['index.html', 'embed.html'] as const;

/** The zoom of a React Flow viewport's `style` (`transform: translate(…) scale(z)`). */
function zoomOf(style: string | null | undefined): number {
  return Number(/scale\(([\d.e-]+)\)/.exec(style ?? '')?.[1] ?? NaN);
}

/** Container names whose node is laid out inside the window. */
function visibleContainers(page: Page): Promise<string[]> {
  return page.locator('[data-container]').evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && getComputedStyle(el).visibility === 'visible';
      })
      .map((el) => el.getAttribute('data-container') ?? ''),
  );
}

describe('prerendered first view', () => {
  for (const file of PAGES) {
    it(`${file}: the ten containers are on screen with scripts off (embed 800×500, app 1280×800)`, async () => {
      const context = await browser.newContext({ viewport: file === 'embed.html' ? { width: 800, height: 500 } : { width: 1280, height: 800 }, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.goto(appUrl(file));
        expect(await visibleContainers(page)).toHaveLength(10);
        expect(await containerNode(page, 'redis').getAttribute('data-status')).toBeTruthy();
      } finally {
        await context.close();
      }
    });
  }

  for (const file of PAGES) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${file} (React development build, ${colorScheme}): hydrates without a mismatch, then fits and answers clicks`, async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme });
        const errors: string[] = [];
        try {
          const page = await context.newPage();
          page.on('console', (m) => {
            if (m.type() === 'error' || /hydrat/i.test(m.text())) errors.push(`${m.type()}: ${m.text()}`);
          });
          page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
          const url = new URL(file, devServer.url).href;
          const html = await (await page.request.get(url)).text();
          const prerendered = /class="react-flow__viewport[^"]*" style="([^"]*)"/.exec(html)?.[1];
          expect(prerendered).toMatch(/^transform:translate/);
          await page.goto(url);
          // Hydrated: the view is fitted to the real canvas (not the prerender's assumed size)…
          await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style').then(zoomOf), { timeout: 15_000 }).not.toBeCloseTo(zoomOf(prerendered), 3);
          // …and a click selects (the page answers: it is React's, not the static markup).
          await containerNode(page, 'redis').click();
          await expect.poll(() => containerNode(page, 'redis').getAttribute('data-selected')).toBe('true');
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('a page with parameters renders its own view in place of the prerendered one', async () => {
    const { page, errors, close } = await openPage(browser);
    try {
      await page.goto(appUrl('index.html?theme=dark'));
      await expect.poll(() => page.locator('#root').getAttribute('data-prerendered')).toBeNull();
      await expect.poll(() => page.locator('[data-container]').count()).toBe(10);
      await expect.poll(() => page.locator('.react-flow').getAttribute('class')).toContain('dark');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
