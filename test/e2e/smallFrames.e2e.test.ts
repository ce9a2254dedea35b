/**
 * The app page (index.html) in a small frame (800×500, an iframe or a split screen), and
 * at 1024×768 and 1400×900 so the small-frame layout does not leak into bigger ones: every
 * header and compose-bar control is inside the viewport and not covered (reachable without
 * a sideways scroll), the whole architecture is inside the canvas once the first view's
 * `docker compose up` has settled (fitted to the real size, not the prerender's), each
 * service name is shown whole, and a selected container's actions are on screen beside
 * the canvas.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { action, appUrl, containerNode, pageSession, screenshot, untilComposeUp } from './browser';

const session = pageSession();
const SETTLE = { timeout: 10_000, interval: 100 };

/** Controls of the header and the compose bar that are outside the viewport or covered at their centre. */
async function unreachableControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const controls = document.querySelectorAll('.app-header :is(button, select, input, a), .compose-bar :is(button, select, input, a)');
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (e.g. a hidden file input)
      const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30) || el.getAttribute('aria-label')}"`;
      if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
        bad.push(`${name} outside the viewport (${Math.round(r.left)},${Math.round(r.top)})–(${Math.round(r.right)},${Math.round(r.bottom)})`);
        continue;
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !(hit === el || el.contains(hit) || hit.contains(el) || (el as HTMLInputElement).labels?.[0]?.contains(hit))) bad.push(`${name} covered or clipped`);
    }
    return bad;
  });
}

/** Container nodes not wholly inside the canvas's rect. */
async function nodesOutsideCanvas(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.workspace__canvas')?.getBoundingClientRect();
    if (!canvas) return ['no canvas'];
    const out: string[] = [];
    for (const node of document.querySelectorAll('[data-container]')) {
      const r = node.getBoundingClientRect();
      const inside = r.left >= canvas.left - 0.5 && r.top >= canvas.top - 0.5 && r.right <= canvas.right + 0.5 && r.bottom <= canvas.bottom + 0.5;
      if (!inside) out.push(node.getAttribute('data-container') ?? '?');
    }
    return out;
  });
}

/** Service names drawn cut short (their text wider than their box). */
async function cutNames(page: Page): Promise<string[]> {
  return page.locator('.container-node__name').evaluateAll((els) =>
    els.filter((el) => el.getBoundingClientRect().width > 0 && el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''),
  );
}

describe('the app page in small and usual frames', () => {
  for (const viewport of [
    { width: 800, height: 500 },
    { width: 1024, height: 768 },
    { width: 1400, height: 900 },
  ]) {
    const size = `${viewport.width}×${viewport.height}`;
    it(`${size}: every control reachable, the whole architecture in the canvas, names whole`, async () => {
      const { page } = await session.open(viewport);
      await page.goto(appUrl(''), { waitUntil: 'load' });
      await untilComposeUp(page);
      await expect.poll(() => unreachableControls(page), { ...SETTLE, message: 'header controls' }).toEqual([]);
      await expect.poll(() => nodesOutsideCanvas(page), { ...SETTLE, message: 'nodes outside the canvas' }).toEqual([]);
      expect(await page.locator('[data-container]').count()).toBeGreaterThanOrEqual(10);
      expect(await cutNames(page), 'service names cut').toEqual([]);
      // A selected container's actions are on screen with the canvas, without scrolling.
      await containerNode(page, 'order-service').click();
      const stop = action(page, 'Stop');
      await stop.waitFor({ state: 'visible' });
      const inView = await stop.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
      });
      expect(inView, 'the Stop button is on screen').toBe(true);
      expect(await page.evaluate(() => scrollY), 'the page did not scroll').toBe(0);
      expect(await nodesOutsideCanvas(page), 'the architecture still fits after selecting').toEqual([]);
      // A refused shortcut (x: docker rm of a running container) is answered where the learner looks.
      await page.keyboard.press('x');
      const refusal = page.locator('.action-panel__refusal');
      await expect.poll(() => refusal.textContent(), SETTLE).toContain('Error response from daemon: cannot remove container "order-service"');
      const refusalInView = await refusal.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      });
      expect(refusalInView, 'the refusal is on screen').toBe(true);
      await screenshot(page, `small-frames-index-${viewport.width}x${viewport.height}.png`);
    });
  }
});
