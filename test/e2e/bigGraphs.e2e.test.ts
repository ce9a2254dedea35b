/**
 * Big graphs at 1400×900 (issue 17): the OpenTelemetry demo (20 services), Sentry
 * self-hosted (59 services, a real file), a 40-service chain and 200 services. Each is
 * drawn with every service name whole (the DOM says so: no name's content is wider or
 * taller than its box), and saved as `test-results/big-<name>.png` for a person to look
 * at. Also: the minimap of a big graph, finding a service with the keyboard, and the
 * semantic zoom levels.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, containerNode, pageSession, screenshot } from './browser';
import { chainCompose, platformCompose } from '../fixtures/generatedCompose';

const SETTLE = { timeout: 60_000, interval: 200 };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/compose/${name}`, import.meta.url), 'utf8');

const GRAPHS = [
  { id: 'otel-demo', file: 'compose.yml', text: () => fixture('open-telemetry_opentelemetry-demo__compose.yml'), services: 20 },
  { id: 'sentry-self-hosted', file: 'sentry-self-hosted.compose.yml', text: () => fixture('getsentry_self-hosted__docker-compose.yml'), services: 59 },
  { id: 'chain-40', file: 'chain.compose.yml', text: () => chainCompose(40), services: 40 },
  { id: 'platform-200', file: 'platform.compose.yml', text: () => platformCompose(200), services: 200 },
] as const;

const session = pageSession();

/** Opens the app at 1400×900 and loads `text` as a compose file; waits until the view is fitted. */
async function load(page: Page, file: string, text: string, services: number): Promise<void> {
  await page.goto(appUrl());
  await containerNode(page, 'api-gateway').waitFor();
  await page.getByLabel('Open compose file', { exact: true }).setInputFiles({ name: file, mimeType: 'application/yaml', buffer: Buffer.from(text) });
  // Every service drawn: as containers (data-service) or as a placeholder (inactive profile).
  const drawn = () =>
    page.evaluate(() => {
      const names = new Set<string>();
      for (const el of document.querySelectorAll('[data-service]')) names.add(el.getAttribute('data-service') ?? '');
      for (const el of document.querySelectorAll('[data-inactive-service], [data-empty-service]'))
        names.add(el.getAttribute('data-inactive-service') ?? el.getAttribute('data-empty-service') ?? '');
      return names.size;
    });
  await expect.poll(drawn, { ...SETTLE, message: `services of ${file}` }).toBe(services);
  // Warnings about the file (unset variables) take room from the canvas: read, then dismiss.
  const dismiss = page.getByRole('button', { name: 'Dismiss warnings' });
  if (await dismiss.count()) await dismiss.click();
  await page.waitForTimeout(800); // the re-fit after the canvas grew
}

/** Names (service titles, group headers, placeholders) whose text does not fit their box, as shown. */
function cutNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.container-node__name, .service-node__name')) {
      if (el.getClientRects().length === 0) continue; // not shown at this zoom (a replica in its group)
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        cut.push(`${el.textContent} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
    }
    return cut;
  });
}

/**
 * Nodes (containers, groups, placeholders) whose box meets the minimap's, the search
 * field's or the project label's, as shown after the fit: `name (node rect) × overlay`.
 */
function coveredNodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const overlays = [...document.querySelectorAll<HTMLElement>('.react-flow__minimap, .service-search, .project-label')].map((el) => ({
      name: el.className.split(' ').find((c) => !c.startsWith('react-flow__panel')) ?? el.className,
      rect: el.getBoundingClientRect(),
    }));
    const covered: string[] = [];
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = node.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      for (const o of overlays) {
        const meets = r.left < o.rect.right && r.right > o.rect.left && r.top < o.rect.bottom && r.bottom > o.rect.top;
        if (meets) covered.push(`${node.dataset.id ?? node.textContent} (${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}) × ${o.name}`);
      }
    }
    return covered;
  });
}

describe('big graphs at 1400×900', () => {
  for (const graph of GRAPHS) {
    it(`${graph.id}: every service name whole, minimap, zoomed-out nodes`, async () => {
      const { page } = await session.open({ width: 1400, height: 900 });
      await load(page, graph.file, graph.text(), graph.services);
      expect(await cutNames(page)).toEqual([]);
      // The title is the service (docs/contracts.md §2 attributes unchanged on the node).
      const first = page.locator('[data-container]').first();
      const service = await first.getAttribute('data-service');
      expect(await first.locator('.container-node__name').textContent()).toBe(service);
      expect(await first.getAttribute('data-status')).toBeTruthy();
      await expect.poll(() => page.locator('.react-flow__minimap').isVisible()).toBe(true);
      // The fit leaves the minimap, the search field and the project label their room.
      expect(await coveredNodes(page)).toEqual([]);
      // Too many to show every line at a readable size: the overview levels are on.
      expect(await page.locator('.architecture-canvas').getAttribute('data-zoom-level')).not.toBe('detail');
      await screenshot(page, `big-${graph.id}`);
    });
  }
});

describe('finding a service and semantic zoom', () => {
  it('jumps to a service from the keyboard: `/`, its name, Enter → its container selected, focused, in detail', async () => {
    const { page } = await session.open({ width: 1400, height: 900 });
    await load(page, 'platform.compose.yml', platformCompose(200), 200);
    await page.locator('body').press('/');
    const field = page.getByRole('combobox', { name: 'Find a service' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await field.fill('store-7');
    await field.press('Enter');
    const target = containerNode(page, 'platform-store-7-1');
    await expect.poll(() => target.getAttribute('data-selected'), SETTLE).toBe('true');
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.locator('.architecture-canvas').getAttribute('data-zoom-level'), SETTLE).toBe('detail');
    // In view: the node's box lies inside the canvas (after the view's short move).
    const inView = () =>
      target.evaluate((el) => {
        const node = el.getBoundingClientRect();
        const canvas = el.closest('.architecture-canvas')!.getBoundingClientRect();
        const inside = node.left >= canvas.left && node.right <= canvas.right && node.top >= canvas.top && node.bottom <= canvas.bottom;
        return inside ? 'inside' : `node ${JSON.stringify(node)} canvas ${JSON.stringify(canvas)}`;
      });
    await expect.poll(inView, SETTLE).toBe('inside');
    await screenshot(page, 'big-platform-200-found');
    // An unknown name says so and moves nothing.
    await field.fill('no-such-service');
    await field.press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'No service matches' }).count()).toBe(1);
  });

  it('switches levels as the view zooms: detail lines go, then the status word; back on zoom in', async () => {
    const { page } = await session.open({ width: 1400, height: 900 });
    await page.goto(appUrl());
    const gateway = containerNode(page, 'api-gateway');
    await gateway.waitFor();
    const canvas = page.locator('.architecture-canvas');
    await expect.poll(() => canvas.getAttribute('data-zoom-level'), SETTLE).toBe('detail');
    // The default scenario is small: no minimap, no search field, no project label (names are its services').
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Find a service' }).count()).toBe(0);
    expect(await page.locator('.project-label').count()).toBe(0);
    const shown = (selector: string) => gateway.locator(selector).evaluate((el) => el.getClientRects().length > 0);
    expect(await shown('.container-node__image')).toBe(true);
    const zoomOut = page.locator('.react-flow__controls-zoomout');
    for (const level of ['overview', 'far'] as const) {
      for (let i = 0; i < 8 && (await canvas.getAttribute('data-zoom-level')) !== level; i++) await zoomOut.click();
      expect(await canvas.getAttribute('data-zoom-level')).toBe(level);
      expect(await shown('.container-node__image')).toBe(false);
      expect(await shown('.container-node__name')).toBe(true);
      expect(await shown('.container-node__label')).toBe(level === 'overview');
      expect(await cutNames(page)).toEqual([]);
    }
    const zoomIn = page.locator('.react-flow__controls-zoomin');
    for (let i = 0; i < 12 && (await canvas.getAttribute('data-zoom-level')) !== 'detail'; i++) await zoomIn.click();
    expect(await canvas.getAttribute('data-zoom-level')).toBe('detail');
    expect(await shown('.container-node__image')).toBe(true);
  });

  it('says the Compose project once and numbers replicas in their group', async () => {
    const { page } = await session.open({ width: 1400, height: 900 });
    await load(page, 'platform.compose.yml', platformCompose(200), 200);
    await expect.poll(() => page.locator('.project-label').textContent()).toContain('project platform');
    const replica = containerNode(page, 'platform-svc-40-2');
    expect(await replica.getAttribute('data-service')).toBe('svc-40');
    expect(await replica.locator('.container-node__suffix').textContent()).toBe('#2');
    // The full container name stays in the accessible name.
    expect(await replica.evaluate((el) => el.textContent ?? '')).toContain('platform-svc-40-2');
    // A lone replica shows no `#1`.
    expect(await containerNode(page, 'platform-store-1-1').locator('.container-node__suffix').count()).toBe(0);
  });
});

describe('big graphs in the embed (embed.html?compose=) fit as in the app', () => {
  /** Where this suite puts its compose files inside the served dist/ (removed afterwards). */
  const SERVED = 'e2e-big-graphs';
  let servedDir: string | undefined;
  beforeAll(() => {
    const dist = inject('distDir');
    if (!dist) return;
    servedDir = join(dist, SERVED);
    mkdirSync(servedDir, { recursive: true });
    for (const graph of GRAPHS) writeFileSync(join(servedDir, graph.file), graph.text());
  });
  afterAll(() => {
    if (servedDir) rmSync(servedDir, { recursive: true, force: true });
  });

  for (const graph of GRAPHS.filter((g) => g.id === 'otel-demo' || g.id === 'platform-200')) {
    it(`${graph.id}: names whole, nothing under the minimap or the search field`, async () => {
      const { page } = await session.open({ width: 1400, height: 900 });
      await page.goto(appUrl(`embed.html?compose=${SERVED}/${graph.file}`));
      const drawn = () => page.evaluate(() => new Set([...document.querySelectorAll('[data-service]')].map((el) => el.getAttribute('data-service'))).size);
      await expect.poll(drawn, { ...SETTLE, message: `services of ${graph.file}` }).toBe(graph.services);
      await expect.poll(() => page.locator('.react-flow__minimap').isVisible(), SETTLE).toBe(true);
      await page.waitForTimeout(800); // FitGuard's fit after the stage settled
      expect(await cutNames(page)).toEqual([]);
      expect(await coveredNodes(page)).toEqual([]);
      await screenshot(page, `embed-big-${graph.id}`);
    });
  }
});
