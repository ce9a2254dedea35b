/**
 * `<ContainerLifecycle>` (the React component of `container-lifecycle/react`) in a real
 * React page: a fixture app is bundled with Vite the way a user's bundler would (the
 * component's styles come inlined for its shadow root), then driven in Chromium: clicks
 * through the portal into the shadow root, story keys, `onStateChange`, live props.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import react from '@vitejs/plugin-react';
import { launchBrowser, openPage, screenshot } from './browser';
import { startStaticServer, type StaticServer } from './staticServer';
import { shadowOnlyStyles } from '../../vite.element.config';

const SETTLE = { timeout: 15_000, interval: 100 };
const fixture = resolve('test-results/react-fixture');
const component = resolve('src/embed/ContainerLifecycle.tsx');

const MAIN = `
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ContainerLifecycle, type ContainerStates } from ${JSON.stringify(component)};

function Deck() {
  const [theme, setTheme] = useState<'light' | 'dark'>('light');
  const [states, setStates] = useState<ContainerStates>({});
  return (
    <main>
      <button id="theme" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>theme</button>
      <output id="order">{states['order-service'] ?? ''}</output>
      <ContainerLifecycle id="w" story="typical-flow" theme={theme} fit style={{ height: 460 }} onStateChange={setStates} />
    </main>
  );
}
createRoot(document.getElementById('root')!).render(<StrictMode><Deck /></StrictMode>);
`;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  rmSync(fixture, { recursive: true, force: true });
  mkdirSync(fixture, { recursive: true });
  writeFileSync(join(fixture, 'index.html'), '<!doctype html><html><head><link rel="icon" href="data:,"></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>');
  writeFileSync(join(fixture, 'main.tsx'), MAIN);
  const { build } = await import('vite');
  await build({
    root: fixture,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [shadowOnlyStyles(), react()],
    build: { outDir: join(fixture, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  });
  server = await startStaticServer({ root: join(fixture, 'dist') });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(fixture, { recursive: true, force: true });
});

describe('<ContainerLifecycle> in a React page', () => {
  it('renders in its shadow root; clicks, keys, onStateChange and live props work', async () => {
    const { page, errors, close } = await openPage(browser, { width: 1100, height: 700 });
    try {
      await page.goto(server.url);
      const nodes = page.locator('#w [data-container]');
      await expect.poll(() => nodes.count(), SETTLE).toBe(10);
      expect(await page.evaluate(() => !!document.getElementById('w')!.shadowRoot && document.styleSheets.length === 0)).toBe(true);
      await expect.poll(() => page.locator('#order').textContent(), SETTLE).toBe('running');

      await page.locator('#w [data-container="redis"]').click();
      await expect.poll(() => page.locator('#w [data-container="redis"]').getAttribute('data-selected')).toBe('true');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('#order').textContent(), SETTLE).toBe('removed');
      await page.getByRole('button', { name: 'Next step' }).click();
      await expect.poll(() => page.locator('#w [data-container="order-service"]').getAttribute('data-status')).toBe('created');

      await page.locator('#theme').click();
      await expect.poll(() => page.locator('#w .cl-embed').getAttribute('data-theme')).toBe('dark');
      expect(await page.locator('#w [data-container="order-service"]').getAttribute('data-status'), 'live props keep the state').toBe('created');
      // One mount in the shadow root, and the widget exactly in its host's box.
      const boxes = await page.evaluate(() => {
        const host = document.getElementById('w')!;
        const widget = host.shadowRoot!.querySelector('.cl-embed')!.getBoundingClientRect();
        const box = host.getBoundingClientRect();
        return { mounts: host.shadowRoot!.querySelectorAll('.cl-mount').length, top: widget.top - box.top, height: widget.height - box.height };
      });
      expect(boxes).toEqual({ mounts: 1, top: 0, height: 0 });
      await screenshot(page, 'embed-react');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
