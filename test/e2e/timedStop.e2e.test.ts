/**
 * `docker stop api-gateway` is the same Docker behaviour from every surface (the app's
 * action panel, the embed page's toolbar, the custom element's `send`, a parent page's
 * postMessage `send`), at every speed: api-gateway is PID 1 without a SIGTERM handler, so
 * it stays `running` through the 10 s grace period (simulated time), then SIGKILL shows
 * `Exited (137)`. All of them go through `Architecture.send`, where the architecture
 * machine keeps the stop pending on the simulation clock.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { action, appUrl, pageSession, untilComposeUp } from './browser';
import { startStaticServer, type StaticServer } from './staticServer';

const SETTLE = { timeout: 20_000, interval: 50 };
const GRACE_MS = 10_000;
const session = pageSession();

/** Where a surface's container nodes are: the page, the element's shadow root, the iframe. */
type Scope = Page | Frame;
const node = (scope: Scope, name: string): Locator => scope.locator(`[data-container="${name}"]`).first();

/**
 * Watches api-gateway from just before `stop()` until it has exited: every status seen
 * before that is `running`, and the exit comes no sooner than the grace period at `speed`.
 */
async function expectTimedStop(scope: Scope, speed: number, stop: () => Promise<unknown>): Promise<void> {
  const gateway = node(scope, 'api-gateway');
  await expect.poll(() => gateway.getAttribute('data-status'), SETTLE).toBe('running');
  const realGraceMs = GRACE_MS / speed;
  const started = Date.now();
  await stop();
  const seen: string[] = [];
  let exitedAfter = -1;
  while (Date.now() - started < realGraceMs + 15_000) {
    const status = (await gateway.getAttribute('data-status')) ?? 'none';
    if (status === 'exited') {
      exitedAfter = Date.now() - started;
      break;
    }
    seen.push(status);
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(exitedAfter, `api-gateway exited within the grace period at ${speed}×`).toBeGreaterThan(0);
  expect(new Set(seen), 'status during the grace period').toEqual(new Set(['running']));
  // Simulated time never runs ahead of speed × real time: not before the grace period ends.
  expect(exitedAfter, `exit after ${exitedAfter} ms of real time at ${speed}×`).toBeGreaterThanOrEqual(realGraceMs * 0.95);
  await expect.poll(async () => ((await gateway.innerText()) ?? '').replace(/\s+/g, ' '), SETTLE).toContain('Exited (137)');
}

const SPEEDS = [
  { speed: 1, label: '1×' },
  { speed: 5, label: '5×' },
  { speed: 20, label: '20×' },
] as const;

describe.each(SPEEDS)('docker stop api-gateway at $speed×', ({ speed, label }) => {
  it('app: the action panel', async () => {
    const { page } = await session.open({ width: 1400, height: 900 });
    await page.goto(appUrl(''), { waitUntil: 'load' });
    await untilComposeUp(page);
    const button = page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: label, exact: true });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed'), SETTLE).toBe('true');
    await node(page, 'api-gateway').click();
    await action(page, 'Stop').waitFor({ state: 'visible' });
    await expectTimedStop(page, speed, () => action(page, 'Stop').click());
  });

  it('embed page: the toolbar', async () => {
    const { page } = await session.open({ width: 1200, height: 720 });
    await page.goto(appUrl(`embed.html?select=api-gateway&controls=full&speed=${speed}`), { waitUntil: 'load' });
    const commands = page.getByRole('group', { name: 'Commands for api-gateway' });
    await commands.getByRole('button', { name: 'Stop', exact: true }).waitFor({ state: 'visible', timeout: SETTLE.timeout });
    await expectTimedStop(page, speed, () => commands.getByRole('button', { name: 'Stop', exact: true }).click());
  });

  it('custom element: send()', async () => {
    const { page } = await session.open({ width: 1200, height: 800 });
    const url = appUrl(`__timed-stop-${speed}.html`);
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><script type="module" src="./container-lifecycle.js"></script></head><body style="margin:0"><container-lifecycle id="w" speed="${speed}" style="height:500px"></container-lifecycle></body></html>`,
      }),
    );
    await page.goto(url);
    await expect.poll(() => page.locator('#w [data-container]').count(), SETTLE).toBe(10);
    await expectTimedStop(page, speed, () =>
      page.evaluate(() => (document.getElementById('w') as unknown as { send(c: string, e: unknown): unknown }).send('api-gateway', { type: 'stop' })),
    );
  });

  it('postMessage: send from the parent page', async () => {
    const origin = await parentOrigin();
    const { page } = await session.open({ width: 1100, height: 700 });
    const embedUrl = appUrl(`embed.html?speed=${speed}&allow-origins=${encodeURIComponent(origin)}`);
    const embedOrigin = new URL(embedUrl).origin;
    const file = `timed-stop-${speed}-${Date.now()}.html`;
    writeFileSync(
      join(parentDir, file),
      `<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">
<iframe id="f" src="${embedUrl}" style="width:1000px;height:600px;border:0"></iframe>
<script>window.send = (m) => document.getElementById('f').contentWindow.postMessage(m, ${JSON.stringify(embedOrigin)});</script></body></html>`,
    );
    await page.goto(`${origin}/${file}`);
    await expect.poll(() => page.frames().some((f) => f.url().startsWith(embedOrigin)), SETTLE).toBe(true);
    const frame = page.frames().find((f) => f.url().startsWith(embedOrigin))!;
    await expect.poll(() => frame.locator('[data-container]').count(), SETTLE).toBe(10);
    await expectTimedStop(frame, speed, () =>
      page.evaluate(() =>
        (window as unknown as { send(m: unknown): void }).send({ source: 'container-lifecycle', type: 'send', container: 'api-gateway', event: { type: 'stop' } }),
      ),
    );
  });
});

/**
 * A button is enabled iff the entry point would accept its command now: during the grace
 * period of `docker stop api-gateway`, Pause is disabled with the architecture's reason
 * (`Architecture.disabledReason`, the text `send` would log), in the app and the embed.
 */
describe('during a pending docker stop, the buttons answer as the entry point does', () => {
  const REASON = 'docker stop api-gateway is still in progress';

  /** Stops api-gateway with `stop` (1×: 10 s of grace), then checks `pause` while it is pending. */
  async function expectPauseRefused(scope: Scope, pause: Locator, stop: () => Promise<unknown>, reason: () => Promise<string | null>): Promise<void> {
    const gateway = node(scope, 'api-gateway');
    await expect.poll(() => gateway.getAttribute('data-status'), SETTLE).toBe('running');
    expect(await pause.isEnabled(), 'Pause before the stop').toBe(true);
    await stop();
    await expect.poll(() => pause.isDisabled(), { timeout: 2_000, interval: 20 }).toBe(true);
    expect(await gateway.getAttribute('data-status'), 'still in its grace period').toBe('running');
    expect(await pause.getAttribute('title')).toBe(`Pause: ${REASON}`);
    expect(await reason()).toBe(REASON);
    // The stop ends (SIGKILL after the grace period): Pause stays disabled, now for Docker's own reason.
    await expect.poll(() => gateway.getAttribute('data-status'), SETTLE).toBe('exited');
    await expect.poll(() => pause.getAttribute('title'), SETTLE).not.toBe(`Pause: ${REASON}`);
  }

  it('app: the action panel\'s Pause', async () => {
    const { page } = await session.open({ width: 1400, height: 900 });
    await page.goto(appUrl(''), { waitUntil: 'load' });
    await untilComposeUp(page);
    await node(page, 'api-gateway').click();
    const pause = action(page, 'Pause');
    await pause.waitFor({ state: 'visible' });
    const note = async () => {
      const id = await pause.getAttribute('aria-describedby');
      return id ? page.locator(`[id="${id}"]`).innerText() : null;
    };
    await expectPauseRefused(page, pause, () => action(page, 'Stop').click(), note);
  });

  it('embed page: the toolbar\'s Pause', async () => {
    const { page } = await session.open({ width: 1200, height: 720 });
    await page.goto(appUrl('embed.html?select=api-gateway&controls=full'), { waitUntil: 'load' });
    const commands = page.getByRole('group', { name: 'Commands for api-gateway' });
    const pause = commands.getByRole('button', { name: 'Pause', exact: true });
    await pause.waitFor({ state: 'visible', timeout: SETTLE.timeout });
    const reason = async () => ((await pause.getAttribute('title')) ?? '').replace(/^Pause: /, '') || null;
    await expectPauseRefused(page, pause, () => commands.getByRole('button', { name: 'Stop', exact: true }).click(), reason);
  });
});

/** The parent page lives on a server of its own (another port = another origin). */
let parent: StaticServer | null = null;
let parentDir = '';
async function parentOrigin(): Promise<string> {
  if (!parentDir) parentDir = mkdtempSync(join(tmpdir(), 'timed-stop-parent-'));
  parent ??= await startStaticServer({ root: parentDir });
  return new URL(parent.url).origin;
}

afterAll(async () => {
  await parent?.close();
  if (parentDir) rmSync(parentDir, { recursive: true, force: true });
});
