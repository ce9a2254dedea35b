/**
 * The first frame before the scripts: the pages' module scripts are held back (routed and
 * released later, as a slow network would), under a strict Content-Security-Policy (style
 * attributes in markup are ignored: the prerender's `data-ssr-style` sheet draws them).
 * - index.html and embed.html: the ten containers and their thirteen edges are drawn, each
 *   edge from its source's right side to its target's left side;
 * - embed.html?story=<id>: that built-in story's first step (every container running, the
 *   story's caption, `0/N`), picked by the build's classic script (vite.prerender.ts);
 * - once the scripts run, React hydrates those very elements (the same DOM nodes) with no
 *   console error, and nothing moved in the drawing: every node's position and every
 *   edge's path in flow coordinates are the prerendered ones. (The view then fits the real
 *   canvas: the prerender assumed 640×360, so the zoom changes, by design.)
 */
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_STORY_IDS } from '../../src/embed/stories/storyIds';
import { BUILTIN_STORIES } from '../../src/embed/stories/builtinStories';
import { pageSession, screenshot } from './browser';
import { startStaticServer, type StaticServer } from './staticServer';

const CSP = "default-src 'self'; script-src 'self'";
const session = pageSession();
let server: StaticServer;

beforeAll(async () => {
  server = await startStaticServer({ root: resolve('dist'), headers: { 'Content-Security-Policy': CSP } });
});
afterAll(async () => {
  await server?.close();
});

/**
 * Holds back every script request but the build's view picker (a few hundred bytes the
 * page runs before painting); `release()` lets them through.
 */
async function holdScripts(page: Page): Promise<{ held: () => number; release: () => Promise<void> }> {
  const held: Route[] = [];
  let released = false;
  await page.route(/\.js(\?|$)/, (route) => {
    if (released || /\/prerender-pick-[\w-]+\.js$/.test(route.request().url())) return route.continue();
    held.push(route);
    return undefined;
  });
  return {
    held: () => held.length,
    async release() {
      released = true;
      await Promise.all(held.splice(0).map((r) => r.continue()));
    },
  };
}

interface Drawing {
  /** Container name → node position in flow coordinates (the node's translation). */
  nodes: Record<string, { x: number; y: number }>;
  /** Edge id → its path's first and last point, flow coordinates. */
  edges: Record<string, { source: string; target: string; from: [number, number]; to: [number, number]; box: { width: number; height: number; visible: boolean } }>;
}

/** The drawing as the page has it now (flow coordinates, independent of the zoom). */
function drawing(page: Page): Promise<Drawing> {
  return page.evaluate(() => {
    const nodes: Record<string, { x: number; y: number }> = {};
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const name = el.querySelector('[data-container]')?.getAttribute('data-container');
      // Computed: before hydration a strict policy leaves the style to the prerender's sheet.
      const m = new DOMMatrix(getComputedStyle(el).transform);
      if (name) nodes[name] = { x: m.e, y: m.f };
    }
    const edges: Drawing['edges'] = {};
    for (const el of document.querySelectorAll<SVGGElement>('.react-flow__edge')) {
      const path = el.querySelector<SVGPathElement>('.dependency-edge__path');
      const numbers = (path?.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      const r = path?.getBoundingClientRect();
      const [source, target] = (el.getAttribute('data-id') ?? '').split('->');
      edges[el.getAttribute('data-id') ?? ''] = {
        source: source ?? '',
        target: target ?? '',
        from: [numbers[0] ?? NaN, numbers[1] ?? NaN],
        to: [numbers.at(-2) ?? NaN, numbers.at(-1) ?? NaN],
        box: {
          width: r?.width ?? 0,
          height: r?.height ?? 0,
          visible: !!path && !!r && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight && getComputedStyle(path).visibility === 'visible' && getComputedStyle(path).stroke !== 'none',
        },
      };
    }
    return { nodes, edges };
  });
}

/** Waits until the prerender's style sheet draws the nodes (a node without it sits at 0,0). */
async function untilStyled(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator('.react-flow__node').evaluateAll((els) => els.length > 0 && els.every((el) => getComputedStyle(el).transform !== 'none')))
    .toBe(true);
}

/** Marks every container element, so a later check can tell hydrated elements from new ones. */
function markContainers(page: Page): Promise<number> {
  return page.evaluate(() => {
    const els = document.querySelectorAll('[data-container]');
    els.forEach((el) => ((el as unknown as { __prerendered: boolean }).__prerendered = true));
    return els.length;
  });
}

/** Containers that are still the prerendered elements (hydrated, not rendered afresh). */
function stillMarked(page: Page): Promise<number> {
  return page.evaluate(() => [...document.querySelectorAll('[data-container]')].filter((el) => (el as unknown as { __prerendered?: boolean }).__prerendered).length);
}

/** Every edge starts at its source node's right side and ends at its target's left side (a container is 216×104). */
function expectEdgesOnHandles(d: Drawing): void {
  expect(Object.keys(d.edges)).toHaveLength(13);
  for (const [id, edge] of Object.entries(d.edges)) {
    const source = d.nodes[edge.source];
    const target = d.nodes[edge.target];
    expect(source && target, id).toBeTruthy();
    // Within a pixel: the 1 px anchor handles sit half a pixel outside the node's sides.
    expect(Math.abs(edge.from[0] - (source!.x + 216)), id).toBeLessThanOrEqual(1);
    expect(Math.abs(edge.from[1] - (source!.y + 52)), id).toBeLessThanOrEqual(1);
    expect(edge.to[0], id).toBeLessThanOrEqual(target!.x + 1);
    expect(edge.to[0], id).toBeGreaterThan(target!.x - 12); // the arrow's marker ends at the node
    expect(Math.abs(edge.to[1] - (target!.y + 52)), id).toBeLessThanOrEqual(1);
    expect(edge.box.visible, `${id} is painted on screen`).toBe(true);
    expect(edge.box.width, id).toBeGreaterThan(0);
  }
}

/** After hydration the drawing is the prerendered one: same node positions, same edge ends. */
function expectSameDrawing(before: Drawing, after: Drawing): void {
  expect(Object.keys(after.nodes).sort()).toEqual(Object.keys(before.nodes).sort());
  for (const [name, p] of Object.entries(before.nodes)) {
    expect(after.nodes[name]!.x, name).toBeCloseTo(p.x, 2);
    expect(after.nodes[name]!.y, name).toBeCloseTo(p.y, 2);
  }
  expect(Object.keys(after.edges).sort()).toEqual(Object.keys(before.edges).sort());
  for (const [id, e] of Object.entries(before.edges)) {
    const a = after.edges[id]!;
    for (const [i, v] of [...e.from, ...e.to].entries()) expect([...a.from, ...a.to][i], `${id} point ${i}`).toBeCloseTo(v, 2);
  }
}

/**
 * A screenshot of the first frame in a page of its own, scripts held back: taking one in
 * the page under test made the app page render its canvas afresh after hydrating
 * (Playwright's capture changes something the page reads; the canvas's Suspense boundary
 * then gets an update before it has hydrated).
 */
async function screenshotBeforeScripts(path: string, viewport: { width: number; height: number }, name: string): Promise<void> {
  const context = await session.browser.newContext({ viewport, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await holdScripts(page);
    await page.goto(new URL(path, server.url).href, { waitUntil: 'commit' });
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(13);
    await untilStyled(page);
    await screenshot(page, name);
  } finally {
    await context.close();
  }
}

/** Waits until the page is React's: the prerendered marker is gone (set after hydration, when idle). */
async function untilHydrated(page: Page): Promise<void> {
  await expect.poll(() => page.locator('#root').getAttribute('data-prerendered'), { timeout: 20_000 }).toBeNull();
}

describe('first frame before the scripts', () => {
  for (const [file, viewport] of [
    ['index.html', { width: 1280, height: 800 }],
    ['embed.html', { width: 800, height: 500 }],
  ] as const) {
    it(`${file}: containers and edges drawn before the scripts; hydrated in place`, async () => {
      const { page, errors } = await session.open(viewport);
      const scripts = await holdScripts(page);
      await page.goto(new URL(file, server.url).href, { waitUntil: 'commit' });
      await expect.poll(() => page.locator('[data-container]').count()).toBe(10);
      await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(13);
      expect(scripts.held()).toBeGreaterThan(0);
      await untilStyled(page);
      const before = await drawing(page);
      expectEdgesOnHandles(before);
      expect(await markContainers(page)).toBe(10);

      await scripts.release();
      await untilHydrated(page);
      expect(await stillMarked(page), 'the prerendered container elements were hydrated, not replaced').toBe(10);
      const after = await drawing(page);
      expectSameDrawing(before, after);
      await screenshot(page, `first-frame-${file.replace('.html', '')}-hydrated.png`);
      expect(errors).toEqual([]);
      await screenshotBeforeScripts(file, viewport, `first-frame-${file.replace('.html', '')}-before-scripts.png`);
    });
  }

  for (const id of BUILTIN_STORY_IDS) {
    it(`embed.html?story=${id}: the story's first step before the scripts; hydrated in place`, async () => {
      const story = BUILTIN_STORIES[id]!;
      const { page, errors } = await session.open({ width: 800, height: 500 });
      const scripts = await holdScripts(page);
      await page.goto(new URL(`embed.html?story=${id}`, server.url).href, { waitUntil: 'commit' });
      await expect.poll(() => page.locator('#root').getAttribute('data-prerendered')).toBe(`story=${id}`);
      // Its first step: the settled platform, the story's title and position, no default view's compose up.
      const statuses = await page.locator('[data-container]').evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
      expect(statuses).toEqual(Array(10).fill('running'));
      await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(13);
      const text = await page.locator('#root').innerText();
      expect(text.toLowerCase()).toContain(story.title.toLowerCase());
      expect(text).toContain(`0/${story.steps.length}`);
      expect(await page.locator('template').count(), 'the other views are dropped').toBe(0);
      expect(scripts.held()).toBeGreaterThan(0);
      await untilStyled(page);
      const before = await drawing(page);
      expectEdgesOnHandles(before);
      expect(await markContainers(page)).toBe(10);

      await scripts.release();
      await untilHydrated(page);
      expect(await stillMarked(page), 'the prerendered container elements were hydrated, not replaced').toBe(10);
      expectSameDrawing(before, await drawing(page));
      // It is the story, live: the next step runs.
      await page.getByRole('button', { name: /next step/i }).click();
      await expect.poll(() => page.locator('#root').innerText()).toContain(`1/${story.steps.length}`);
      await screenshot(page, `first-frame-story-${id}-hydrated.png`);
      expect(errors).toEqual([]);
      await screenshotBeforeScripts(`embed.html?story=${id}`, { width: 800, height: 500 }, `first-frame-story-${id}-before-scripts.png`);
    });
  }

  it('a story with other parameters is not the prerendered view: rendered afresh, no prerendered markup left', async () => {
    const { page, errors } = await session.open({ width: 800, height: 500 });
    await page.goto(new URL('embed.html?story=typical-flow&step=2', server.url).href);
    await expect.poll(() => page.locator('#root').innerText()).toContain('2/7');
    await expect.poll(() => page.locator('#root').getAttribute('data-prerendered')).toBeNull();
    expect(await page.locator('[data-container="order-service"]').getAttribute('data-status')).toBe('created');
    expect(errors).toEqual([]);
  });
});
