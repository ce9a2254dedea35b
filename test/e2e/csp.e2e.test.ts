/**
 * The built app under a strict Content-Security-Policy (no inline scripts, no eval):
 * every page loads, a user clicks through the main journey, and the browser reports no
 * CSP violation and no page error.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, containerNode, launchBrowser, logText, openPage, screenshot } from './browser';
import { startStaticServer, type StaticServer } from './staticServer';

/** The policy from the issue, exactly: styles and images fall back to default-src 'self'. */
const CSP = "default-src 'self'; script-src 'self'";

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer({ root: resolve('dist'), headers: { 'Content-Security-Policy': CSP } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('strict Content-Security-Policy', () => {
  it('the app works with script-src self: select, pause, stop, remove, run', async () => {
    const { page, errors, close } = await openPage(browser);
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(new URL('index.html', server.url).href);
    await expect.poll(() => page.locator('[data-container]').count()).toBe(10);

    await containerNode(page, 'redis').click();
    for (const [button, status] of [
      ['Pause', 'paused'],
      ['Stop', 'exited'],
      ['Remove', 'removed'],
    ] as const) {
      await action(page, button).click();
      await expect.poll(() => containerNode(page, 'redis').getAttribute('data-status')).toBe(status);
    }
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => containerNode(page, 'redis').getAttribute('data-status')).toBe('running');
    expect(await logText(page)).toContain('docker run -d --name redis');
    await screenshot(page, 'csp-app.png');

    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
