/**
 * The widget in a real reveal.js deck (examples/reveal/index.html), as an iframe and as
 * the custom element, at two window sizes (the deck scales its slides up at 1400×900
 * and down at 800×500): navigate to it with the keyboard, the architecture fitted inside
 * the slide, a click selects the container under the pointer, → steps the story from
 * inside the widget, and Escape then → moves the deck on.
 *
 * Serves the repository root, so the deck's relative paths work as in a checkout:
 * /examples/reveal/, /node_modules/reveal.js/dist/, /dist/ (built by `npm run test:e2e`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Locator, Page } from 'playwright-core';
import { screenshot, pageSession } from './browser';
import { startStaticServer, type StaticServer } from './staticServer';

const SETTLE = { timeout: 15_000, interval: 100 };
const CONTAINER_COUNT = 10;

let server: StaticServer;
const session = pageSession();

beforeAll(async () => {
  server = await startStaticServer({ root: process.cwd() });
});
afterAll(async () => {
  await server?.close();
});

interface Deck {
  isReady(): boolean;
  getIndices(): { h: number; v: number };
  isOverview(): boolean;
  getScale(): number;
}

const slideIndex = (page: Page) => page.evaluate(() => (window as unknown as { deck: Deck }).deck.getIndices().h);

async function openDeck(viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await session.open(viewport);
  // The deck has no favicon of its own.
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
  const response = await page.goto(new URL('examples/reveal/index.html', server.url).href);
  expect(response?.status()).toBe(200);
  await expect.poll(() => page.evaluate(() => (window as unknown as { deck?: Deck }).deck?.isReady() ?? false), SETTLE).toBe(true);
  return page;
}

/** Every node's box lies inside `outer` (page coordinates; frames included). */
async function expectFitted(nodes: Locator, outer: Locator, label: string): Promise<void> {
  const box = await outer.boundingBox();
  expect(box, `${label}: box`).not.toBeNull();
  await expect.poll(() => nodes.count(), SETTLE).toBe(CONTAINER_COUNT);
  for (let i = 0; i < CONTAINER_COUNT; i++) {
    const b = await nodes.nth(i).boundingBox();
    const name = await nodes.nth(i).getAttribute('data-container');
    expect(b, `${label}: ${name}`).not.toBeNull();
    if (!b || !box) continue;
    expect(b.width, `${label}: ${name} drawn`).toBeGreaterThan(20);
    expect(b.x, `${label}: ${name} left`).toBeGreaterThanOrEqual(box.x - 1);
    expect(b.y, `${label}: ${name} top`).toBeGreaterThanOrEqual(box.y - 1);
    expect(b.x + b.width, `${label}: ${name} right`).toBeLessThanOrEqual(box.x + box.width + 1);
    expect(b.y + b.height, `${label}: ${name} bottom`).toBeLessThanOrEqual(box.y + box.height + 1);
  }
}

/** Clicks the middle of a node and checks the click selected that node. */
async function clickSelects(node: Locator): Promise<void> {
  const box = await node.boundingBox();
  expect(box).not.toBeNull();
  await node.page().mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await expect.poll(() => node.getAttribute('data-selected'), SETTLE).toBe('true');
}

describe.each([
  { width: 1400, height: 900 },
  { width: 800, height: 500 },
])('reveal.js deck at $width×$height', (viewport) => {
  it('iframe slide: keyboard to it, fitted, click selects, → steps the story, Escape then → moves on', async () => {
    const page = await openDeck(viewport);
    const scale = await page.evaluate(() => (window as unknown as { deck: Deck }).deck.getScale());
    expect(scale, 'the deck scales its slides').not.toBe(1);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page)).toBe(1);
    const iframe = page.locator('#iframe-slide iframe');
    await expect.poll(() => page.frames().some((f) => f.url().includes('embed.html')), SETTLE).toBe(true);
    const frame = page.frames().find((f) => f.url().includes('embed.html')) as Frame;
    await expectFitted(frame.locator('[data-container]'), iframe, 'iframe nodes in the frame');
    await expectFitted(frame.locator('[data-container]'), page.locator('#iframe-slide'), 'iframe nodes in the slide');

    await clickSelects(frame.locator('[data-container="redis"]'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.locator('[data-container="order-service"]').getAttribute('data-status'), SETTLE).toBe('removed');
    expect(await frame.locator('.cl-caption').textContent()).toContain('Step 1 of 7');
    expect(await slideIndex(page), 'the deck stayed on the slide').toBe(1);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => frame.locator('[data-container="order-service"]').getAttribute('data-status'), SETTLE).toBe('created');
    await screenshot(page, `reveal-iframe-${viewport.width}`);

    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page), SETTLE).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { deck: Deck }).deck.isOverview()), 'Escape did not open the overview').toBe(false);
  });

  it('custom element slide: fitted under the deck’s scale, click selects, → steps, Escape then → moves on; at the end → belongs to the deck', async () => {
    const page = await openDeck(viewport);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page)).toBe(2);
    const element = page.locator('#stop-story');
    const nodes = page.locator('#stop-story [data-container]');
    await page.waitForTimeout(300);
    await expectFitted(nodes, element, 'element nodes in the element');
    await expectFitted(nodes, page.locator('#element-slide'), 'element nodes in the slide');

    await clickSelects(page.locator('#stop-story [data-container="payment-service"]'));
    await clickSelects(page.locator('#stop-story [data-container="load-balancer"]'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#stop-story [data-container="postgres"]').getAttribute('data-status'), SETTLE).toBe('exited');
    expect(await slideIndex(page), 'the deck stayed on the slide').toBe(2);
    await screenshot(page, `reveal-element-${viewport.width}`);

    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { deck: Deck }).deck.isOverview()), 'Escape did not open the overview').toBe(false);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page), SETTLE).toBe(3);

    // Back on the slide, inside the widget: the last step, then → is the deck's again.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slideIndex(page), SETTLE).toBe(2);
    await page.locator('#stop-story [data-container="redis"]').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('#stop-story [data-container="api-gateway"]').getAttribute('data-status'), SETTLE).toBe('exited');
    expect(await slideIndex(page)).toBe(2);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page), SETTLE).toBe(3);
    await screenshot(page, `reveal-last-${viewport.width}`);
  });
});
