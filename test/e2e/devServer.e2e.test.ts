/**
 * The README's first command, `npm run dev`: Vite's dev server (development React, with
 * its warnings) serves the app and the embed page; a user can select and pause a
 * container, with no page error and no console error. The other browser tests use the
 * production build, where React's development warnings (e.g. a hook called conditionally)
 * are silent.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, containerNode, launchBrowser, openPage } from './browser';

let browser: Browser;
let server: ViteDevServer;
let origin: string;

beforeAll(async () => {
  server = await createServer({ root: resolve('.'), configFile: resolve('vite.config.ts'), logLevel: 'error', server: { port: 0, strictPort: false } });
  await server.listen();
  origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('npm run dev (Vite dev server)', () => {
  for (const path of ['/', '/embed.html?controls=full']) {
    it(`${path}: draws the 10 containers, pauses one, no console error`, async () => {
      const { page, errors, close } = await openPage(browser);
      await page.goto(`${origin}${path}`);
      await expect.poll(() => page.locator('[data-container]').count(), { timeout: 30_000 }).toBe(10);
      await containerNode(page, 'order-service').click();
      await action(page, 'Pause').click();
      await expect.poll(() => containerNode(page, 'order-service').getAttribute('data-status'), { timeout: 30_000 }).toBe('paused');
      expect(errors).toEqual([]);
      await close();
    });
  }
});
