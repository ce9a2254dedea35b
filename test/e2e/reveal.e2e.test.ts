/**
 * The widget in real reveal.js decks, as an iframe and as the custom element:
 * - examples/reveal/index.html, WITH the plugin (dist/container-lifecycle-reveal.js):
 *   PageDown alone (no click, focus on the deck) steps each story to its end and then
 *   advances the deck, as a clicker does; PageUp steps back, then moves the deck.
 * - examples/reveal/plain.html, WITHOUT the plugin (no deck code of ours): after a click
 *   on a container and on a command button, →, PageDown and Space each advance the deck
 *   or take a story step, never nothing (the iframe calls reveal.js's postMessage API).
 * At two window sizes (the deck scales its slides up at 1400×900 and down at 800×500):
 * the architecture fitted inside the slide, a click selects the container under it.
 *
 * Serves the repository root, so the decks' relative paths work as in a checkout:
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
  slide(h: number): void;
}

const slideIndex = (page: Page) => page.evaluate(() => (window as unknown as { deck: Deck }).deck.getIndices().h);

async function openDeck(viewport: { width: number; height: number }, file: 'index.html' | 'plain.html' = 'index.html'): Promise<Page> {
  const { page } = await session.open(viewport);
  // The deck has no favicon of its own.
  await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204, body: '' }));
  const response = await page.goto(new URL(`examples/reveal/${file}`, server.url).href);
  expect(response?.status()).toBe(200);
  await expect.poll(() => page.evaluate(() => (window as unknown as { deck?: Deck }).deck?.isReady() ?? false), SETTLE).toBe(true);
  return page;
}

/** The embed page's frame (once loaded: reveal.js loads data-src frames when their slide comes near). */
async function embedFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().includes('embed.html')), SETTLE).toBe(true);
  const frame = page.frames().find((f) => f.url().includes('embed.html')) as Frame;
  // Live: embed.html's prerendered markup (the page without parameters) is gone or hydrated.
  await expect.poll(() => frame.locator('#root[data-prerendered]').count(), SETTLE).toBe(0);
  await expect.poll(() => frame.locator('[data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
  return frame;
}

/** The story's position, from the caption's `data-step`. */
const stepOf = async (scope: Page | Frame | Locator, selector = '.cl-caption') => Number(await scope.locator(selector).first().getAttribute('data-step'));

/** The story's length, from the step counter's label ("Step 2 of 7"). */
async function lengthOf(scope: Page | Frame | Locator): Promise<number> {
  const label = await scope.locator('.cl-story__position').first().getAttribute('aria-label');
  const match = /of (\d+)/.exec(label ?? '');
  expect(match, `story length in ${label}`).not.toBeNull();
  return Number(match![1]);
}

/** Focus is on the deck's own document, not inside a widget. */
const focusOnDeck = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return !active || active === document.body || !(active.tagName === 'IFRAME' || active.localName === 'container-lifecycle');
  });

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
  // Clicked where the node is drawn now: the widget fits its view to the slide once its
  // size settles, and a click aimed before that refit lands beside the node (click again).
  await expect
    .poll(
      async () => {
        if ((await node.getAttribute('data-selected')) === 'true') return 'true';
        const box = await node.boundingBox();
        if (box) await node.page().mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        await node.page().waitForTimeout(150);
        return node.getAttribute('data-selected');
      },
      { ...SETTLE, interval: 300 },
    )
    .toBe('true');
}

/**
 * Presses PageDown on the deck until the slide changes; every press before that must
 * take exactly one story step. Returns the number of steps taken.
 */
async function clickThrough(page: Page, story: Page | Frame | Locator, slide: number, length: number): Promise<void> {
  expect(await stepOf(story)).toBe(0);
  for (let step = 1; step <= length; step++) {
    await page.keyboard.press('PageDown');
    await expect.poll(() => stepOf(story), { ...SETTLE, message: `step ${step} of ${length}` }).toBe(step);
    expect(await slideIndex(page), `the deck stays while the story has steps (${step}/${length})`).toBe(slide);
    expect(await focusOnDeck(page), 'focus never went into the widget').toBe(true);
  }
  await page.keyboard.press('PageDown');
  await expect.poll(() => slideIndex(page), SETTLE).toBe(slide + 1);
  // (reveal.js unloads a data-src frame when its slide is left: only an element can be read now.)
  if (!('url' in story)) expect(await stepOf(story), 'the last PageDown moved the deck, not the story').toBe(length);
}

describe.each([
  { width: 1400, height: 900 },
  { width: 800, height: 500 },
])('reveal.js deck with the plugin at $width×$height', (viewport) => {
  it('iframe slide: fitted; PageDown alone steps the story to its end, then advances the deck; PageUp goes back the same way', async () => {
    const page = await openDeck(viewport);
    const scale = await page.evaluate(() => (window as unknown as { deck: Deck }).deck.getScale());
    expect(scale, 'the deck scales its slides').not.toBe(1);

    await page.keyboard.press('PageDown');
    await expect.poll(() => slideIndex(page)).toBe(1);
    const iframe = page.locator('#iframe-slide iframe');
    const frame = await embedFrame(page);
    await expectFitted(frame.locator('[data-container]'), iframe, 'iframe nodes in the frame');
    await expectFitted(frame.locator('[data-container]'), page.locator('#iframe-slide'), 'iframe nodes in the slide');
    await screenshot(page, `reveal-iframe-start-${viewport.width}`);

    const length = await lengthOf(frame);
    expect(length).toBeGreaterThan(2);
    await clickThrough(page, frame, 1, length);

    // Back: PageUp returns to the slide; reset-on-enter=1 starts its story over.
    await page.keyboard.press('PageUp');
    await expect.poll(() => slideIndex(page), SETTLE).toBe(1);
    const again = await embedFrame(page);
    await expect.poll(() => stepOf(again), SETTLE).toBe(0);
    await page.keyboard.press('PageDown');
    await expect.poll(() => stepOf(again), SETTLE).toBe(1);
    await page.keyboard.press('PageUp');
    await expect.poll(() => stepOf(again), SETTLE).toBe(0);
    await page.keyboard.press('PageUp');
    await expect.poll(() => slideIndex(page), SETTLE).toBe(0);
  });

  it('element slide: fitted under the deck’s scale; PageDown alone steps to the end, then advances; a click inside does not change the rule', async () => {
    const page = await openDeck(viewport);
    await page.evaluate(() => (window as unknown as { deck: Deck }).deck.slide(2));
    await expect.poll(() => slideIndex(page)).toBe(2);
    const element = page.locator('#stop-story');
    const nodes = page.locator('#stop-story [data-container]');
    await expectFitted(nodes, element, 'element nodes in the element');
    await expectFitted(nodes, page.locator('#element-slide'), 'element nodes in the slide');

    const length = await lengthOf(element);
    await page.keyboard.press('PageDown');
    await expect.poll(() => stepOf(element), SETTLE).toBe(1);
    await screenshot(page, `reveal-element-${viewport.width}`);
    // A click inside, then → : the widget's own rule, the same fragment-like stepping.
    await clickSelects(page.locator('#stop-story [data-container="load-balancer"]'));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepOf(element), SETTLE).toBe(2);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => stepOf(element), SETTLE).toBe(1);
    await page.keyboard.press('PageUp');
    await expect.poll(() => stepOf(element), SETTLE).toBe(0);
    expect(await slideIndex(page)).toBe(2);
    // Focus back on the deck (Escape), then the clicker alone.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { deck: Deck }).deck.isOverview()), 'Escape did not open the overview').toBe(false);
    await clickThrough(page, element, 2, length);
    await screenshot(page, `reveal-last-${viewport.width}`);
  });
});

describe('reveal.js deck with the plugin, after a click inside the iframe', () => {
  it('→ steps the story to its end, moves the deck, then steps the element slide\'s story (the keyboard comes back to the deck)', async () => {
    const page = await openDeck({ width: 1400, height: 900 });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page)).toBe(1);
    const frame = await embedFrame(page);
    await clickSelects(frame.locator('[data-container="redis"]'));
    const length = await lengthOf(frame);
    for (let step = 1; step <= length; step++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => stepOf(frame), { ...SETTLE, message: `step ${step} of ${length}` }).toBe(step);
    }
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page), SETTLE).toBe(2);
    await expect.poll(() => focusOnDeck(page), { ...SETTLE, message: 'focus back on the deck' }).toBe(true);
    const element = page.locator('#stop-story');
    await expect.poll(() => element.locator('[data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => stepOf(element), SETTLE).toBe(1);
    expect(await slideIndex(page)).toBe(2);
  });
});

describe('reveal.js deck WITHOUT the plugin: a key the widget does not use always reaches the deck', () => {
  const KEYS = ['ArrowRight', 'PageDown', ' '] as const;

  it.each(KEYS)('iframe slide: after clicking a container and a command button, %j advances the deck or steps the story', async (key) => {
    const page = await openDeck({ width: 1400, height: 900 }, 'plain.html');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideIndex(page)).toBe(1);
    const frame = await embedFrame(page);
    await clickSelects(frame.locator('[data-container="redis"]'));
    await frame.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => frame.locator('[data-container="redis"]').getAttribute('data-status'), SETTLE).toBe('paused');
    const before = await stepOf(frame);

    await page.keyboard.press(key);
    await expect
      .poll(async () => (await slideIndex(page)) !== 1 || (await stepOf(frame)) !== before, { ...SETTLE, message: `${JSON.stringify(key)} did something` })
      .toBe(true);
    expect(await frame.locator('[data-container="redis"]').getAttribute('data-status'), 'Space did not press the focused button').toBe('paused');

    // At the story's end the same key moves the deck on.
    const length = await lengthOf(frame);
    for (let i = (await stepOf(frame)) + 1; i <= length; i++) {
      await page.keyboard.press(key);
      await expect.poll(() => stepOf(frame), SETTLE).toBe(i);
    }
    await page.keyboard.press(key);
    await expect.poll(() => slideIndex(page), SETTLE).toBe(2);
  });

  it.each(KEYS)('element slide: after clicking a container and a command button, %j advances the deck or steps the story', async (key) => {
    const page = await openDeck({ width: 1400, height: 900 }, 'plain.html');
    await page.evaluate(() => (window as unknown as { deck: Deck }).deck.slide(2));
    await expect.poll(() => slideIndex(page)).toBe(2);
    const element = page.locator('#stop-story');
    await expect.poll(() => element.locator('[data-container]').count(), SETTLE).toBe(CONTAINER_COUNT);
    await clickSelects(element.locator('[data-container="redis"]'));
    await element.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => element.locator('[data-container="redis"]').getAttribute('data-status'), SETTLE).toBe('paused');
    const before = await stepOf(element);

    await page.keyboard.press(key);
    await expect
      .poll(async () => (await slideIndex(page)) !== 2 || (await stepOf(element)) !== before, { ...SETTLE, message: `${JSON.stringify(key)} did something` })
      .toBe(true);
    expect(await element.locator('[data-container="redis"]').getAttribute('data-status'), 'Space did not press the focused button').toBe('paused');

    const length = await lengthOf(element);
    for (let i = (await stepOf(element)) + 1; i <= length; i++) {
      await page.keyboard.press(key);
      await expect.poll(() => stepOf(element), SETTLE).toBe(i);
    }
    await page.keyboard.press(key);
    await expect.poll(() => slideIndex(page), SETTLE).toBe(3);
  });

  it('a hidden slide’s iframe takes no steps: reveal.js’s slide:stop hands every key to the deck', async () => {
    const page = await openDeck({ width: 1400, height: 900 }, 'plain.html');
    await page.keyboard.press('ArrowRight');
    const frame = await embedFrame(page);
    await clickSelects(frame.locator('[data-container="redis"]'));
    await frame.evaluate(() => window.postMessage('slide:stop', '*'));
    // Not from the parent: ignored.
    await page.keyboard.press('PageDown');
    await expect.poll(() => stepOf(frame), SETTLE).toBe(1);
    await clickSelects(frame.locator('[data-container="redis"]'));
    await page.evaluate(() => document.querySelector('iframe')!.contentWindow!.postMessage('slide:stop', '*'));
    await page.waitForTimeout(100);
    // The focused node was let go: not even → stays in the frame (it would move between nodes).
    await page.keyboard.press('ArrowRight');
    // (A step taken would have kept the key: the frame passes a key on only when it did nothing.)
    await expect.poll(() => slideIndex(page), SETTLE).toBe(2);
  });
});
