/**
 * The embed page (`embed.html`) and the custom element, black-box on the built site:
 * URL parameters, the invalid-parameter alert, postMessage from an allowed and a
 * disallowed origin (parent pages served on other ports), key
 * forwarding, exports, persistence and links, and slide life (hidden, zero size,
 * resized, scaled, print).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { appUrl, containerNode, screenshot, statuses, pageSession, untilComposeUp } from './browser';
import { startStaticServer, type StaticServer } from './staticServer';

const SETTLE = { timeout: 15_000, interval: 100 };
const CONTAINER_COUNT = 10;

const session = pageSession();

async function open(viewport = { width: 1200, height: 720 }): Promise<Page> {
  return (await session.open(viewport)).page;
}

async function openEmbed(query: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await open(viewport);
  const response = await page.goto(appUrl(`embed.html${query}`), { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await expect.poll(() => page.locator('[data-container]').count(), { ...SETTLE, message: 'container nodes rendered' }).toBe(CONTAINER_COUNT);
  // The first view is a docker compose up in dependency order (firstView.e2e.test.ts): these tests start once it is over.
  await untilComposeUp(page);
  return page;
}

/** Every container node's box lies inside `outer`'s box (page coordinates, a little slack). */
async function expectAllInside(nodes: Locator, outer: Locator, label: string): Promise<void> {
  const box = await outer.boundingBox();
  expect(box, `${label}: box`).not.toBeNull();
  const count = await nodes.count();
  expect(count, `${label}: nodes`).toBe(CONTAINER_COUNT);
  for (let i = 0; i < count; i++) {
    const b = await nodes.nth(i).boundingBox();
    const name = await nodes.nth(i).getAttribute('data-container');
    expect(b, `${label}: ${name} has a box`).not.toBeNull();
    if (!b || !box) continue;
    expect(b.width, `${label}: ${name} visible`).toBeGreaterThan(10);
    expect(b.x, `${label}: ${name} left`).toBeGreaterThanOrEqual(box.x - 2);
    expect(b.y, `${label}: ${name} top`).toBeGreaterThanOrEqual(box.y - 2);
    expect(b.x + b.width, `${label}: ${name} right`).toBeLessThanOrEqual(box.x + box.width + 2);
    expect(b.y + b.height, `${label}: ${name} bottom`).toBeLessThanOrEqual(box.y + box.height + 2);
  }
}

describe('embed.html parameters', () => {
  it('is chromeless, fills its frame, and applies theme, controls, select and story', async () => {
    const page = await openEmbed('?story=typical-flow&theme=dark&controls=compact&select=redis', { width: 900, height: 520 });
    // Chromeless: no app header; the page's only h1 is for screen readers.
    expect(await page.locator('.app-header, h1:not(.visually-hidden)').count(), 'no app header').toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const root = await page.locator('.cl-embed').boundingBox();
    expect(root).toEqual({ x: 0, y: 0, width: 900, height: 520 });
    await expect.poll(() => containerNode(page, 'redis').getAttribute('data-selected')).toBe('true');
    for (const name of ['Start', 'Stop', 'Kill', 'Pause', 'Unpause', 'Restart', 'Remove', 'Force remove']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    await expect.poll(() => page.getByRole('button', { name: 'Start', exact: true }).getAttribute('title')).toContain('already running');
    const caption = page.locator('.cl-caption[aria-live="polite"]');
    expect(await caption.textContent()).toContain('The lifecycle of one container');
    await expectAllInside(page.locator('[data-container]'), page.locator('.cl-stage'), 'embed');
    await screenshot(page, 'embed-params-dark');
  });

  it('controls=none shows the diagram only; controls=full adds Compose actions and the event log', async () => {
    const none = await openEmbed('?controls=none');
    expect(await none.getByRole('button', { name: 'Export PNG' }).count()).toBe(0);
    expect(await none.getByRole('log').count()).toBe(0);
    await session.closeCurrent();
    const full = await openEmbed('?controls=full&select=order-service');
    expect(await full.getByRole('log').count()).toBe(1);
    await full.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => containerNode(full, 'order-service').getAttribute('data-status')).toBe('paused');
    await expect.poll(() => full.getByRole('log').textContent()).toContain('docker pause order-service');
    expect(await full.getByRole('button', { name: 'Compose stop', exact: true }).count()).toBe(1);
  });

  it('story=<url> loads a story file (JSON/YAML) relative to the page', async () => {
    const page = await openEmbed('?story=stories/restart-always.yaml');
    await expect.poll(() => page.locator('.cl-caption').textContent(), SETTLE).toContain('restart always versus a manual stop');
    await containerNode(page, 'redis').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => containerNode(page, 'redis').getAttribute('data-status')).toBe('restarting');
  });

  it('events=<url> replays a docker events log with Play, Pause, Step and Skip to end', async () => {
    const page = await open();
    const log = readFileSync(resolve(__dirname, '../fixtures/events/moby_docs-api-v1.24__events_example.jsonl'), 'utf8');
    await page.route(appUrl('__example.jsonl'), (route) => route.fulfill({ contentType: 'application/x-ndjson', body: log }));
    await page.goto(appUrl('embed.html?events=__example.jsonl'));
    for (const name of ['Play', 'Step', 'Skip to end']) await expect.poll(() => page.getByRole('button', { name, exact: true }).count(), SETTLE).toBe(1);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByRole('button', { name: 'Skip to end', exact: true }).click();
    await expect.poll(() => statuses(page), SETTLE).toEqual({ 'my-container': 'removed' });
  });

  it('readonly=1 has no commands and no Reset', async () => {
    const page = await openEmbed('?readonly=1&select=redis');
    expect(await page.getByRole('button', { name: 'Stop', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reset' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Export SVG' }).count()).toBe(1);
  });

  it('invalid and unknown parameters: a friendly, dismissible role="alert"; defaults kept', async () => {
    const page = await openEmbed('?theme=purple&controls=all&story=nope&lang=fr&foo=1');
    const alert = page.getByRole('alert');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('theme="purple" is not valid (expected light, dark or auto)');
    expect(text).toContain('controls="all" is not valid');
    expect(text).toContain('story="nope" is not a built-in story');
    expect(text).toContain('English only');
    expect(text).toContain('Unknown parameter "foo" ignored');
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'auto')).toBe('auto');
    expect(await page.getByRole('button', { name: 'Export PNG' }).count(), 'compact controls by default').toBe(1);
    expect(Object.values(await statuses(page)).every((s) => s === 'running')).toBe(true);
    await screenshot(page, 'embed-invalid-params');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});

describe('keyboard in the embed page', () => {
  it('→ steps the story, ← goes back exactly, Home restarts; focus stays in the widget', async () => {
    const page = await openEmbed('?story=typical-flow');
    await containerNode(page, 'redis').click();
    const order = containerNode(page, 'order-service');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => order.getAttribute('data-status')).toBe('removed');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => order.getAttribute('data-status')).toBe('paused');
    expect(await page.locator('.cl-caption').textContent()).toContain('Step 4 of 7');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => containerNode(page, 'order-service').getAttribute('data-status')).toBe('running');
    expect(await page.locator('.cl-caption').textContent()).toContain('Step 3 of 7');
    await page.keyboard.press('ArrowLeft'); // still in the widget after the remount
    await expect.poll(() => containerNode(page, 'order-service').getAttribute('data-status')).toBe('created');
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.cl-caption').textContent()).toContain('Press → to begin');
    await expect.poll(() => containerNode(page, 'order-service').getAttribute('data-status')).toBe('running');
  });
});

/** A parent page on `origin` with the embed in an iframe; it records the messages it receives. */
function parentPage(embedSrc: string, embedOrigin: string): string {
  return `<!doctype html><html><head><link rel="icon" href="data:,"></head><body style="margin:0">
<iframe id="f" src="${embedSrc}" style="width:1000px;height:600px;border:0"></iframe>
<script>
  window.received = [];
  addEventListener('message', (e) => received.push({ origin: e.origin, data: e.data }));
  window.send = (message) => document.getElementById('f').contentWindow.postMessage(message, ${JSON.stringify(embedOrigin)});
</script></body></html>`;
}

/**
 * Parent pages live on real servers of their own (other ports = other origins): Chromium's
 * local network access checks refuse to frame 127.0.0.1 from a routed, non-local page.
 */
const parents: Record<'allowed' | 'other', StaticServer | null> = { allowed: null, other: null };
let parentDir = '';

async function parentOrigin(which: 'allowed' | 'other'): Promise<string> {
  if (!parentDir) parentDir = mkdtempSync(join(tmpdir(), 'embed-parents-'));
  parents[which] ??= await startStaticServer({ root: parentDir });
  return new URL(parents[which]!.url).origin;
}

afterAll(async () => {
  await parents.allowed?.close();
  await parents.other?.close();
  if (parentDir) rmSync(parentDir, { recursive: true, force: true });
});

async function openParent(which: 'allowed' | 'other', query: (allowed: string) => string): Promise<{ page: Page; frame: Frame }> {
  const allowed = await parentOrigin('allowed');
  const origin = await parentOrigin(which);
  const page = await open({ width: 1100, height: 700 });
  const embedUrl = appUrl(`embed.html${query(allowed)}`);
  const embedOrigin = new URL(embedUrl).origin;
  const file = `parent-${which}-${Date.now()}.html`;
  writeFileSync(join(parentDir, file), parentPage(embedUrl, embedOrigin));
  await page.goto(`${origin}/${file}`);
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(embedOrigin)), SETTLE).toBe(true);
  const frame = page.frames().find((f) => f.url().startsWith(embedOrigin))!;
  await expect.poll(() => frame.locator('[data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
  return { page, frame };
}

type Received = Array<{ origin: string; data: { type: string; id?: unknown; ok?: boolean; error?: string; containers?: Record<string, string>; key?: string } }>;
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Received }).received);

describe('postMessage', () => {
  it('from an allowed origin: commands act, replies and state go to that origin only', async () => {
    const { page, frame } = await openParent('allowed', (allowed) => `?allow-origins=${allowed}&story=graceful-vs-forced`);
    const embedOrigin = new URL(appUrl()).origin;
    const send = (message: unknown) => page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), message);

    await send({ source: 'container-lifecycle', type: 'getState', id: 'g1' });
    await expect.poll(async () => (await received(page)).find((m) => m.data.id === 'g1')?.data, SETTLE).toMatchObject({ type: 'reply', ok: true, containers: { redis: 'running' } });

    await send({ source: 'container-lifecycle', type: 'send', container: 'redis', event: { type: 'pause' }, id: 'p1' });
    await expect.poll(() => frame.locator('[data-container="redis"]').getAttribute('data-status'), SETTLE).toBe('paused');
    await expect.poll(async () => (await received(page)).find((m) => m.data.id === 'p1')?.data).toEqual({ source: 'container-lifecycle', type: 'reply', id: 'p1', ok: true });
    await expect.poll(async () => (await received(page)).filter((m) => m.data.type === 'state').at(-1)?.data.containers?.redis).toBe('paused');

    await send({ source: 'container-lifecycle', type: 'step', id: 's1' });
    await expect.poll(() => frame.locator('[data-container="postgres"]').getAttribute('data-status'), SETTLE).toBe('exited');
    await send({ source: 'container-lifecycle', type: 'back', id: 'b1' });
    await expect.poll(() => frame.locator('[data-container="postgres"]').getAttribute('data-status'), SETTLE).toBe('running');

    await send({ source: 'container-lifecycle', type: 'send', container: 'redis', event: { type: 'teleport' }, id: 'bad' });
    await expect.poll(async () => (await received(page)).find((m) => m.data.id === 'bad')?.data).toMatchObject({ ok: false, error: expect.stringContaining('event.type') });

    await send({ source: 'container-lifecycle', type: 'send', container: 'redis', event: { type: 'compose', action: 'stop' }, id: 'c1' });
    await expect.poll(async () => Object.values((await received(page)).filter((m) => m.data.type === 'state').at(-1)?.data.containers ?? {}), SETTLE).toEqual(
      Array(CONTAINER_COUNT).fill('exited'),
    );

    const all = await received(page);
    expect(all.length).toBeGreaterThan(4);
    expect(new Set(all.map((m) => m.origin))).toEqual(new Set([embedOrigin]));
    // "at most once per animation frame": never two state messages for one change burst
    const states = all.filter((m) => m.data.type === 'state');
    expect(states.length).toBeLessThan(12);
    await screenshot(page, 'embed-postmessage-allowed');
  });

  it('from a disallowed origin: ignored, no reply, nothing changes', async () => {
    const { page, frame } = await openParent('other', (allowed) => `?allow-origins=${allowed}`);
    const send = (message: unknown) => page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), message);
    await send({ source: 'container-lifecycle', type: 'send', container: 'redis', event: { type: 'pause' }, id: 'x1' });
    await send({ source: 'container-lifecycle', type: 'getState', id: 'x2' });
    await page.waitForTimeout(800);
    expect(await received(page)).toEqual([]);
    expect(await frame.locator('[data-container="redis"]').getAttribute('data-status')).toBe('running');
  });

  it('forwards navigation keys the widget does not use to the parent; Escape hands focus back', async () => {
    const { page, frame } = await openParent('allowed', (allowed) => `?allow-origins=${allowed}`);
    await frame.locator('.cl-toolbar').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await received(page)).filter((m) => m.data.type === 'key').map((m) => m.data.key), SETTLE).toEqual(['PageDown']);
    // A key passed on is the deck's, and so is the keyboard (the deck may move away from this frame).
    await expect.poll(() => frame.evaluate(() => document.activeElement === document.body || document.activeElement === null), SETTLE).toBe(true);
    await frame.locator('.cl-toolbar').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await received(page)).filter((m) => m.data.type === 'key').map((m) => m.data.key)).toEqual(['PageDown', 'Escape']);
    expect(await frame.evaluate(() => document.hasFocus())).toBe(false);
    // Letters are not navigation keys: never forwarded.
    await frame.locator('.cl-toolbar').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('s');
    await page.waitForTimeout(300);
    expect((await received(page)).filter((m) => m.data.type === 'key')).toHaveLength(2);
  });
});

describe('export, persistence and links', () => {
  it('Export PNG and Export SVG download images of the view', async () => {
    const page = await openEmbed('?story=crash-loop&step=2');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
    expect(png.suggestedFilename()).toMatch(/^container-lifecycle-ecommerce-.*\.png$/);
    const pngBytes = await streamBytes(await png.createReadStream());
    expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(pngBytes.length).toBeGreaterThan(10_000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const svgText = (await streamBytes(await svg.createReadStream())).toString('utf8');
    expect(svgText).toMatch(/^<svg/);
    expect(svgText).toContain('payment-service');
  });

  it('persist=0 (the default): a reload opens fresh', async () => {
    const page = await openEmbed('?select=redis');
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => containerNode(page, 'redis').getAttribute('data-status')).toBe('paused');
    await page.waitForTimeout(500); // an autosave would have happened by now
    await page.reload();
    await expect.poll(() => page.locator('[data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
    expect(await containerNode(page, 'redis').getAttribute('data-status')).toBe('running');
    expect(await page.locator('[data-restored]').count()).toBe(0);
  });

  it('persist=1: a revisited embed shows the same state and says so; Reset forgets it; Copy link restores it exactly', async () => {
    const page = await openEmbed('?select=redis&persist=1');
    await session.current!.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl()).origin });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => containerNode(page, 'redis').getAttribute('data-status')).toBe('paused');
    await page.waitForTimeout(500); // autosave
    await page.reload();
    await expect.poll(() => containerNode(page, 'redis').getAttribute('data-status'), SETTLE).toBe('paused');
    const hint = page.locator('[data-restored]');
    await expect.poll(() => hint.isVisible(), SETTLE).toBe(true);
    expect(await hint.textContent()).toContain('State restored from your last visit');
    await screenshot(page, 'embed-restored-hint');

    await containerNode(page, 'postgres').click();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect.poll(() => containerNode(page, 'postgres').getAttribute('data-status')).toBe('exited');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').textContent().catch(() => '')).toContain('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/embed\.html\?select=redis&persist=1#state=[A-Za-z0-9_-]+$/);
    const before = await statuses(page);

    await hint.getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => containerNode(page, 'redis').getAttribute('data-status')).toBe('running');
    expect(await hint.count(), 'the hint goes with the restored state').toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('[data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
    expect(await containerNode(page, 'redis').getAttribute('data-status')).toBe('running');

    await page.goto(link);
    await expect.poll(() => statuses(page), SETTLE).toEqual(before);
    expect(await page.locator('[data-restored]').count(), 'a link asks for its state: no leftover hint').toBe(0);
  });

  it('a corrupted link: friendly message, default scenario', async () => {
    const page = await openEmbed('#state=eyJmb3JtYXQiOiJjb250YWluZXItbGlmZWN5Y2xlL2VtYmVkIiwidmVyc2lvbiI6OX0');
    expect(await page.getByRole('alert').textContent()).toContain('The state in this link could not be restored (saved by embed format version 9');
    expect(Object.values(await statuses(page)).every((s) => s === 'running')).toBe(true);
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

/** A page on the embed's own origin (served by routing) that uses the custom element. */
async function openHost(body: string, viewport = { width: 1200, height: 800 }): Promise<Page> {
  const page = await open(viewport);
  const url = appUrl('__host.html');
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head><script type="module" src="./container-lifecycle.js"></script></head><body style="margin:0">${body}</body></html>`,
    }),
  );
  await page.goto(url);
  return page;
}

describe('custom element and slide life', () => {
  it('defines <container-lifecycle> with its styles in its shadow root; attributes update it', async () => {
    const page = await openHost('<container-lifecycle id="w" theme="light" style="height:500px"></container-lifecycle>');
    const nodes = page.locator('#w [data-container]');
    await expect.poll(() => nodes.count(), SETTLE).toBe(CONTAINER_COUNT);
    const info = await page.evaluate(() => {
      const el = document.getElementById('w')!;
      return {
        open: !!el.shadowRoot,
        documentSheets: document.styleSheets.length,
        shadowSheets: el.shadowRoot!.adoptedStyleSheets.length + el.shadowRoot!.querySelectorAll('style').length,
        nodeBg: getComputedStyle(el.shadowRoot!.querySelector('[data-container="redis"]')!).backgroundColor,
      };
    });
    expect(info).toMatchObject({ open: true, documentSheets: 0, shadowSheets: 1 });
    expect(info.nodeBg).not.toBe('rgba(0, 0, 0, 0)');
    await page.evaluate(() => document.getElementById('w')!.setAttribute('theme', 'dark'));
    await expect.poll(() => page.locator('#w .cl-embed').getAttribute('data-theme')).toBe('dark');
    await page.evaluate(() => document.getElementById('w')!.setAttribute('story', 'dependency-fails'));
    await expect.poll(() => page.locator('#w .cl-caption').textContent(), SETTLE).toContain('A dependency fails');
    const result = await page.evaluate(() => (document.getElementById('w') as unknown as { step(): unknown }).step());
    expect(result).toEqual({ ok: true });
    await expect.poll(() => page.locator('#w [data-container="postgres"]').getAttribute('data-status')).toBe('exited');
    await expect.poll(() => page.locator('#w [data-container="order-service"]').getAttribute('data-degraded')).toBe('true');
    await screenshot(page, 'embed-element');
  });

  it('loads its chunks beside its script from any folder (a CDN-like path): first view, story, postMessage, Copy link', async () => {
    // The built dist/ served again under /cdn/container-lifecycle@1/, as a CDN would: only the script's URL is known to the page.
    const page = await open();
    const cdn = appUrl('cdn/container-lifecycle@1/');
    const requested: Array<{ url: string; status: number }> = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) requested.push({ url: response.url(), status: response.status() });
    });
    await page.route(`${cdn}**`, (route) => route.fulfill({ path: resolve('dist', new URL(route.request().url()).pathname.slice(new URL(cdn).pathname.length)) }));
    const url = appUrl('__cdn-host.html');
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html><head><script type="module" src="${cdn}container-lifecycle.js"></script></head><body style="margin:0"><container-lifecycle id="w" controls="full" style="height:520px"></container-lifecycle></body></html>`,
      }),
    );
    await page.goto(url);
    await expect.poll(() => page.locator('#w [data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
    const firstView = requested.map((r) => r.url);

    // A story (its runtime is a lazy chunk) and a postMessage request (its checks are another).
    await page.evaluate(() => document.getElementById('w')!.setAttribute('story', 'dependency-fails'));
    await expect.poll(() => page.locator('#w .cl-caption').textContent(), SETTLE).toContain('A dependency fails');
    const reply = await page.evaluate(
      () =>
        new Promise<unknown>((answer) => {
          window.addEventListener('message', (event) => {
            if ((event.data as { type?: string }).type === 'reply') answer(event.data);
          });
          window.postMessage({ source: 'container-lifecycle', type: 'getState', id: 7 }, window.location.origin);
        }),
    );
    expect(reply).toMatchObject({ type: 'reply', id: 7, ok: true, containers: { redis: expect.any(String) } });

    await session.current!.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl()).origin });
    await page.locator('#w').getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), SETTLE).toMatch(new RegExp(`^${cdn.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')}embed\\.html\\?`));

    expect(requested.length, 'lazy chunks were loaded after the first view').toBeGreaterThan(firstView.length);
    for (const r of requested) {
      expect(r.url.startsWith(cdn), `${r.url} comes from beside the script`).toBe(true);
      expect(r.status, r.url).toBe(200);
    }
  });

  it('a Slidev-style host drives the story with the step attribute (:step="$clicks"), forwards and back', async () => {
    // What Slidev renders for <container-lifecycle story="typical-flow" :step="$clicks" />:
    // the attribute is set on mount and again on every click of the slide.
    const page = await openHost('<container-lifecycle id="w" story="typical-flow" step="0" style="height:480px"></container-lifecycle>');
    const caption = page.locator('#w .cl-caption');
    await expect.poll(() => page.locator('#w [data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
    const clicks = (n: number) => page.evaluate((value) => document.getElementById('w')!.setAttribute('step', String(value)), n);
    for (const n of [1, 2, 3]) {
      await clicks(n);
      await expect.poll(() => caption.getAttribute('data-step'), SETTLE).toBe(String(n));
    }
    expect(await page.locator('#w [data-container="order-service"]').getAttribute('data-status')).toBe('running');
    await clicks(1);
    await expect.poll(() => caption.getAttribute('data-step'), SETTLE).toBe('1');
    expect(await page.locator('#w [data-container="order-service"]').getAttribute('data-status'), 'back to exactly the state after step 1').toBe('removed');
    await clicks(0);
    await expect.poll(() => caption.getAttribute('data-step'), SETTLE).toBe('0');
    expect(await page.locator('#w [data-container="order-service"]').getAttribute('data-status')).toBe('running');
  });

  it('created hidden and at zero size, shown, resized, scaled by a transform, printed: always fitted; clicks land', async () => {
    const page = await openHost(`
      <div id="slide" style="transform-origin:0 0;width:1000px">
        <container-lifecycle id="w" story="typical-flow" fit="1" style="display:none;height:480px"></container-lifecycle>
      </div>
      <iframe id="f" src="./embed.html?controls=none" style="width:0;height:0;border:0"></iframe>`);
    const el = page.locator('#w');
    await page.waitForTimeout(500);
    expect(await page.locator('#w [data-container]').count(), 'nothing drawn while hidden').toBe(0);

    await page.evaluate(() => (document.getElementById('w')!.style.display = 'block'));
    await expect.poll(() => page.locator('#w [data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
    await page.waitForTimeout(300);
    await expectAllInside(page.locator('#w [data-container]'), el, 'shown');

    await page.evaluate(() => (document.getElementById('w')!.style.height = '300px'));
    await page.waitForTimeout(400);
    await expectAllInside(page.locator('#w [data-container]'), el, 'resized');

    await page.evaluate(() => {
      document.getElementById('w')!.style.height = '480px';
      document.getElementById('slide')!.style.transform = 'scale(0.6)';
    });
    await page.waitForTimeout(500);
    await expectAllInside(page.locator('#w [data-container]'), el, 'scaled 0.6');
    await page.locator('#w [data-container="rabbitmq"]').click();
    await expect.poll(() => page.locator('#w [data-container="rabbitmq"]').getAttribute('data-selected')).toBe('true');
    // Edges start on their node's right edge (React Flow measured the handles without the page's scale).
    const gap = await page.evaluate(() => {
      const root = document.getElementById('w')!.shadowRoot!;
      const node = root.querySelector('.react-flow__node[data-id="load-balancer"]') as HTMLElement;
      const x = Number(/translate\(([-\d.]+)px/.exec(node.style.transform)?.[1] ?? 0);
      const edge = root.querySelector('.react-flow__edge[data-id^="load-balancer"] path, .react-flow__edge path') as SVGPathElement;
      const startX = Number(/^M\s*([-\d.]+)/.exec(edge.getAttribute('d') ?? '')?.[1]);
      return Math.abs(startX - (x + node.offsetWidth));
    });
    expect(gap, 'edge starts at the node’s right edge').toBeLessThan(8);
    await screenshot(page, 'embed-slide-scaled');

    // The zero-size iframe, given a size later.
    await page.evaluate(() => {
      const f = document.getElementById('f') as HTMLIFrameElement;
      f.style.width = '700px';
      f.style.height = '400px';
    });
    const frame = page.frame({ url: /embed\.html/ })!;
    await expect.poll(() => frame.locator('[data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
    await page.waitForTimeout(400);
    await expectAllInside(frame.locator('[data-container]'), page.locator('#f'), 'iframe from zero size');

    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(400);
    await expectAllInside(page.locator('#w [data-container]'), el, 'print');
    expect(await page.locator('#w .cl-toolbar').isVisible()).toBe(false);
    await screenshot(page, 'embed-print');
    await page.emulateMedia({ media: 'screen' });
  });
});
