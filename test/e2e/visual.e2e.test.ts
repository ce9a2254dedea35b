/**
 * Visual quality at 1920×1080, 1400×900 and 800×500, light and dark: screenshots for a
 * person to look at (`test-results/visual-*.png`: a container selected, the log showing
 * explanations), and the checks a machine can make: container nodes do not overlap each
 * other, their text stays inside them, text cut short (ellipsis / hidden overflow) has a
 * tooltip (`title`), text is not tiny, and status is never colour alone (icon + text +
 * border pattern differ per status).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { action, appUrl, containerNode, screenshot, pageSession } from './browser';
import { HAS_ELEMENT, HAS_EMBED_PAGE, openElementPage } from './a11yHelpers';

const VIEWPORTS = [
  { width: 1920, height: 1080 },
  { width: 1400, height: 900 },
  { width: 800, height: 500 },
] as const;
const THEMES = ['light', 'dark'] as const;
const SETTLE = { timeout: 30_000, interval: 100 };

const session = pageSession();

async function expectStatus(page: Page, name: string, status: string): Promise<void> {
  await expect.poll(() => containerNode(page, name).getAttribute('data-status'), { ...SETTLE, message: `data-status of ${name}` }).toBe(status);
}

/** Every status on screen: paused, stopped (SIGKILL), restarting-then-running (crash), removed, created; api-gateway selected. */
async function stage(page: Page): Promise<void> {
  await expectStatus(page, 'postgres', 'running');
  await expect.poll(() => page.locator('.container-node__health').count(), SETTLE).toBeGreaterThan(0);
  const run = async (name: string, button: string, status: string) => {
    await containerNode(page, name).click();
    await action(page, button).click();
    await expectStatus(page, name, status);
  };
  await run('frontend-2', 'Pause', 'paused');
  await run('order-service', 'Kill', 'exited');
  await run('redis', 'Force remove', 'removed');
  await containerNode(page, 'payment-service').click();
  await page.getByRole('button', { name: 'Simulate crash' }).click();
  await run('api-gateway', 'Restart', 'running');
  await expect.poll(() => page.locator('.log-explain').count(), SETTLE).toBeGreaterThan(2);
  // The newest entries (with their explanations) in view; a canvas that scrolls sideways (small screens) at its start.
  await page.getByRole('log').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await page.locator('.workspace__canvas').evaluate((el) => el.scrollTo({ left: 0 }));
  await page.waitForTimeout(400);
}

interface LayoutProblem {
  kind: string;
  where: string;
}

/**
 * What a machine can see wrong in the layout. `minCanvasPx`: smallest text on the canvas
 * after its zoom (an embed's zoom depends on the size its host page gives it).
 */
async function layoutProblems(page: Page, minCanvasPx = 7.5): Promise<LayoutProblem[]> {
  return page.evaluate((minCanvas) => {
    const problems: { kind: string; where: string }[] = [];
    const label = (el: Element) => {
      const c = el.closest('[data-container]')?.getAttribute('data-container');
      const cls = typeof (el as HTMLElement).className === 'string' ? (el as HTMLElement).className.split(' ')[0] : el.tagName;
      return `${c ? `${c} ` : ''}${cls}: "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none';
    };
    // 1. Container nodes never overlap each other.
    const nodes = [...document.querySelectorAll('[data-container]')].filter(visible);
    const rects = nodes.map((n) => n.getBoundingClientRect());
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i] as DOMRect;
        const b = rects[j] as DOMRect;
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
        if (overlap) problems.push({ kind: 'nodes overlap', where: `${nodes[i]?.getAttribute('data-container')} / ${nodes[j]?.getAttribute('data-container')}` });
      }
    // 2. A node's rows stay inside the node (1 px of slack for rounding).
    for (const node of nodes) {
      const box = node.getBoundingClientRect();
      for (const row of node.querySelectorAll(':scope > div, :scope > span:not([aria-hidden]):not(.container-node__degraded):not(.container-node__compose)')) {
        if (!visible(row)) continue;
        const r = row.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1) problems.push({ kind: 'text outside its node', where: label(row) });
      }
    }
    // 3. Text cut short has a tooltip (title on it or an ancestor up to the node / three levels).
    for (const el of document.querySelectorAll('body *')) {
      if (!(el instanceof HTMLElement) || !visible(el) || el.children.length > 3) continue;
      const cs = getComputedStyle(el);
      const clips = cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis' || cs.webkitLineClamp !== 'none';
      if (!clips || !(el.textContent ?? '').trim()) continue;
      const cut = el.scrollWidth > el.clientWidth + 1 || (cs.webkitLineClamp !== 'none' && el.scrollHeight > el.clientHeight + 1);
      if (!cut) continue;
      if (el.closest('.visually-hidden') || el.classList.contains('visually-hidden')) continue;
      // Hidden the same way by a stylesheet (a 1 px clipped box: for screen readers only).
      let srOnly = false;
      for (let p: HTMLElement | null = el; p && !srOnly; p = p.parentElement) srOnly = p.getBoundingClientRect().width <= 1 && getComputedStyle(p).overflowX !== 'visible';
      if (srOnly) continue;
      let titled = false;
      for (let p: HTMLElement | null = el, k = 0; p && k < 4; p = p.parentElement, k++) if (p.title) titled = true;
      if (!titled) problems.push({ kind: 'cut text without a tooltip', where: label(el) });
    }
    // 4. No text smaller than 11 px outside the canvas, nor 7.5 px on it after its zoom (11 px at the usual 0.7).
    for (const el of document.querySelectorAll('body *')) {
      if (!(el instanceof HTMLElement) || !visible(el) || el.closest('.visually-hidden, svg')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 1);
      if (!own) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      const zoom = (() => {
        const vp = el.closest('.react-flow__viewport') as HTMLElement | null;
        if (!vp) return 1;
        const m = /matrix\(([^,]+)/.exec(getComputedStyle(vp).transform);
        return m?.[1] ? Number.parseFloat(m[1]) : 1;
      })();
      const onCanvas = zoom !== 1 || el.closest('.react-flow') !== null;
      const min = onCanvas ? minCanvas : 11;
      if (size * zoom < min && !el.closest('.react-flow__attribution')) problems.push({ kind: `text under ${min}px (${(size * zoom).toFixed(1)}px)`, where: label(el) });
    }
    return problems;
  }, minCanvasPx);
}

/** Each status differs from the others by its icon, its label text and its border: not by colour alone. */
async function statusCues(page: Page): Promise<Record<string, { icon: string; label: string; border: string }>> {
  return page.locator('[data-container]').evaluateAll((els) => {
    const out: Record<string, { icon: string; label: string; border: string }> = {};
    for (const el of els) {
      const status = el.getAttribute('data-status') ?? '';
      if (out[status]) continue;
      out[status] = {
        icon: el.querySelector('.container-node__icon path')?.getAttribute('d') ?? '',
        label: el.querySelector('.container-node__label')?.textContent ?? '',
        // Border style and width, and the fill pattern (paused: stripes; removed: no fill).
        border: `${getComputedStyle(el).borderTopStyle} ${getComputedStyle(el).borderTopWidth} ${getComputedStyle(el).backgroundImage.includes('repeating') ? 'striped' : getComputedStyle(el).backgroundImage === 'none' ? 'unfilled' : 'filled'}`,
      };
    }
    return out;
  });
}

describe('the app page at three sizes, light and dark', () => {
  for (const viewport of VIEWPORTS) {
    for (const theme of THEMES) {
      it(`${viewport.width}×${viewport.height} ${theme}: screenshots; no overlap, no cut text without a tooltip, no tiny text`, async () => {
        const { page } = await session.open(viewport);
        await page.goto(appUrl(`?theme=${theme}`), { waitUntil: 'load' });
        await containerNode(page, 'order-service').waitFor({ state: 'visible' });
        await stage(page);
        const name = `visual-${viewport.width}x${viewport.height}-${theme}`;
        await screenshot(page, `${name}.png`);
        // The page as a whole when it scrolls (small screens): the side panel and the log.
        if (viewport.width < 1024 || viewport.height < 700) {
          await page.screenshot({ path: `test-results/${name}-full.png`, fullPage: true });
        }
        const problems = await layoutProblems(page);
        expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);

        const cues = await statusCues(page);
        const statuses = Object.keys(cues);
        expect(statuses.sort()).toEqual(expect.arrayContaining(['exited', 'paused', 'removed', 'running']));
        const distinct = (key: 'icon' | 'label' | 'border') => new Set(statuses.map((s) => cues[s]?.[key])).size;
        expect(distinct('icon'), 'one icon per status').toBe(statuses.length);
        expect(distinct('label'), 'one label per status').toBe(statuses.length);
        expect(distinct('border'), 'a border pattern per status').toBe(statuses.length);
      });
    }
  }
});

describe.skipIf(!HAS_EMBED_PAGE)('the embed page', () => {
  for (const theme of THEMES) {
    it(`${theme}: full controls at 1000×620 and compact at 800×500`, async () => {
      const { page } = await session.open({ width: 1000, height: 620 });
      await page.goto(appUrl(`embed.html?theme=${theme}&controls=full&select=order-service`), { waitUntil: 'load' });
      await containerNode(page, 'order-service').waitFor({ state: 'visible' });
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await expectStatus(page, 'order-service', 'paused');
      await page.waitForTimeout(400);
      await screenshot(page, `visual-embed-full-${theme}.png`);
      // The host page decides the embed's size, hence its zoom: only really tiny text fails.
      const problems = await layoutProblems(page, 6);
      expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
      await page.setViewportSize({ width: 800, height: 500 });
      await page.goto(appUrl(`embed.html?theme=${theme}&controls=compact&story=typical-flow`), { waitUntil: 'load' });
      await containerNode(page, 'order-service').waitFor({ state: 'visible' });
      await page.keyboard.press('Tab');
      await page.waitForTimeout(400);
      await screenshot(page, `visual-embed-story-${theme}.png`);
    });
  }
});

describe.skipIf(!HAS_ELEMENT)('the <container-lifecycle> element', () => {
  it('dark, full controls, in a host page', async () => {
    const { page } = await session.open({ width: 1100, height: 800 });
    await openElementPage(page, { theme: 'dark', controls: 'full', select: 'order-service' });
    await containerNode(page, 'order-service').waitFor({ state: 'visible' });
    await page.waitForTimeout(400);
    await screenshot(page, 'visual-element-dark.png');
    expect(await page.locator('[data-container]').count()).toBe(10);
  });
});
