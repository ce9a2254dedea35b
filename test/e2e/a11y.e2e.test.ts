/**
 * Accessibility of the built pages: axe-core finds no `serious` or `critical` violation
 * on the app page, the embed page and a page with the `<container-lifecycle>` element, in
 * light and dark, with a container selected and with panels open. Also: each state change
 * is announced once in plain words; reduced motion makes changes instant;
 * `prefers-color-scheme` picks the theme unless one is set; the "Learn" explanations.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { action, appUrl, containerNode, logText, pageSession } from './browser';
import { axe, blocking, HAS_ELEMENT, HAS_EMBED_PAGE, openElementPage } from './a11yHelpers';

const SETTLE = { timeout: 30_000, interval: 100 };
const THEMES = ['light', 'dark'] as const;

const session = pageSession();

async function open(path: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const { page } = await session.open(viewport);
  const response = await page.goto(appUrl(path), { waitUntil: 'load' });
  expect(response?.status(), `HTTP status of ${path}`).toBe(200);
  await containerNode(page, 'order-service').waitFor({ state: 'visible' });
  return page;
}

async function expectStatus(page: Page, name: string, status: string): Promise<void> {
  await expect.poll(() => containerNode(page, name).getAttribute('data-status'), { ...SETTLE, message: `data-status of ${name}` }).toBe(status);
}

async function select(page: Page, name: string): Promise<void> {
  await containerNode(page, name).click();
  await expect.poll(() => containerNode(page, name).getAttribute('data-selected'), SETTLE).toBe('true');
}

async function expectNoBlocking(page: Page, label: string): Promise<void> {
  const violations = await axe(page, label);
  expect(blocking(violations), `${label}: serious/critical axe violations`).toEqual([]);
}

/** Texts in the live announcer, oldest first. */
async function announcements(page: Page): Promise<string[]> {
  return page.locator('[data-testid="live-announcer"] p').allTextContents();
}

describe('axe-core: the app page', () => {
  for (const theme of THEMES) {
    it(`${theme}: at start (legend shown), then with a container selected, inspect open and explanations in the log`, async () => {
      const page = await open(`?theme=${theme}`);
      await expectStatus(page, 'postgres', 'running');
      await expect.poll(() => page.locator('#legend').isVisible()).toBe(true);
      const start = await axe(page, `app ${theme} start`);
      expect(blocking(start), 'serious/critical at start').toEqual([]);
      // Headings in order and a single h1 (moderate in axe, but asked for).
      expect(start.filter((v) => ['heading-order', 'page-has-heading-one', 'landmark-one-main'].includes(v.id))).toEqual([]);

      await select(page, 'order-service');
      await action(page, 'Pause').click();
      await expectStatus(page, 'order-service', 'paused');
      await page.getByRole('button', { name: 'Inspect' }).click();
      await page.locator('.inspect-panel').waitFor({ state: 'visible' });
      await expect.poll(() => page.locator('.log-explain').count(), SETTLE).toBeGreaterThan(0);
      const selected = await axe(page, `app ${theme} selected + inspect + explanations`);
      expect(blocking(selected), 'serious/critical with a container selected and inspect open').toEqual([]);
      expect(selected.filter((v) => v.id === 'heading-order')).toEqual([]);
      // axe leaves colours it cannot see (scrolled away in the side panel) unchecked: a tall
      // window shows the whole side panel (state chart, inspect) at once.
      await page.setViewportSize({ width: 1400, height: 2600 });
      await expectNoBlocking(page, `app ${theme} selected, whole side panel in view`);
      await page.setViewportSize({ width: 1400, height: 900 });

      // Legend closed, a crashed (stopped) container selected.
      await page.getByRole('button', { name: 'Legend' }).click();
      await expect.poll(() => page.locator('#legend').isVisible()).toBe(false);
      await action(page, 'Kill').click();
      await expectStatus(page, 'order-service', 'exited');
      await expectNoBlocking(page, `app ${theme} stopped, legend closed`);
    });
  }

  it('small screen (800×500, dark): no serious or critical violation', async () => {
    const page = await open('?theme=dark', { width: 800, height: 500 });
    await select(page, 'api-gateway');
    await expectNoBlocking(page, 'app dark 800x500 selected');
  });
});

describe.skipIf(!HAS_EMBED_PAGE)('axe-core: the embed page (embed.html)', () => {
  for (const theme of THEMES) {
    it(`${theme}: full controls, a container selected`, async () => {
      const page = await open(`embed.html?theme=${theme}&controls=full&select=order-service`, { width: 1000, height: 620 });
      await expect.poll(() => containerNode(page, 'order-service').getAttribute('data-selected'), SETTLE).toBe('true');
      await expectNoBlocking(page, `embed ${theme} full selected`);
      // A page of its own (an iframe's document): one main landmark, one h1, nothing outside landmarks.
      const moderate = await axe(page, `embed ${theme} landmarks`);
      expect(moderate.filter((v) => ['page-has-heading-one', 'landmark-one-main', 'region'].includes(v.id)).map((v) => v.id)).toEqual([]);
    });
  }

  it('a story, compact controls', async () => {
    const page = await open('embed.html?story=typical-flow&controls=compact', { width: 900, height: 560 });
    await expectNoBlocking(page, 'embed story compact');
  });
});

describe.skipIf(!HAS_ELEMENT)('axe-core: the <container-lifecycle> element in a page', () => {
  for (const theme of THEMES) {
    it(`${theme}: full controls, a container selected`, async () => {
      const { page } = await session.open({ width: 1100, height: 800 });
      await openElementPage(page, { theme, controls: 'full', select: 'order-service' });
      await containerNode(page, 'order-service').waitFor({ state: 'visible' });
      await expect.poll(() => containerNode(page, 'order-service').getAttribute('data-selected'), SETTLE).toBe('true');
      await expectNoBlocking(page, `element ${theme} full selected`);
    });
  }
});

describe('screen readers hear each change once', () => {
  it('one polite announcement per state change, in plain words; nothing else repeats it', async () => {
    const page = await open('?theme=light');
    await expectStatus(page, 'redis', 'running');
    await select(page, 'order-service');
    const region = page.locator('[data-testid="live-announcer"]');
    expect(await region.getAttribute('aria-live')).toBe('polite');
    // The event log is not a second live region (role=log would be one by default).
    expect(await page.getByRole('log').getAttribute('aria-live')).toBe('off');

    const steps: Array<[string, string, string]> = [
      ['Pause', 'paused', 'order-service paused'],
      ['Unpause', 'running', 'order-service unpaused, running'],
      ['Kill', 'exited', 'order-service exited with code 137 after SIGKILL'],
    ];
    for (const [button, status, sentence] of steps) {
      await action(page, button).click();
      await expectStatus(page, 'order-service', status);
      await expect.poll(async () => (await announcements(page)).filter((t) => t === sentence).length, { ...SETTLE, message: sentence }).toBe(1);
      // Give a late duplicate the chance to appear, then check again.
      await page.waitForTimeout(300);
      expect((await announcements(page)).filter((t) => t === sentence), `"${sentence}" announced once`).toHaveLength(1);
      // No other live region (state chart, status lines) says the same change.
      const others = await page.evaluate(() => {
        const live = [...document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]:not([aria-live="off"])')];
        return live.filter((el) => el.getAttribute('data-testid') !== 'live-announcer').map((el) => el.textContent ?? '');
      });
      expect(others.filter((text) => text.includes('order-service') && text.toLowerCase().includes(status === 'exited' ? 'exited' : status))).toEqual([]);
    }
    // The state chart shows the state but is not a live region any more.
    expect(await page.locator('.lc-now').getAttribute('aria-live')).toBeNull();
  });
});

describe('motion and colour scheme', () => {
  it('prefers-reduced-motion: animations and transitions become instant', async () => {
    const page = await open('?theme=light');
    const longest = () =>
      page.evaluate(() => {
        const seconds = (v: string) => Math.max(...v.split(',').map((s) => (s.trim().endsWith('ms') ? Number.parseFloat(s) / 1000 : Number.parseFloat(s))));
        let max = 0;
        let where = '';
        for (const el of document.querySelectorAll('.react-flow *, .container-node, .container-node *, .lc *, .app *')) {
          for (const pseudo of [null, '::before', '::after']) {
            const cs = getComputedStyle(el, pseudo);
            const animated = cs.animationName !== 'none' ? seconds(cs.animationDuration) : 0;
            const d = Math.max(animated, seconds(cs.transitionDuration));
            if (d > max) {
              max = d;
              where = `${el.tagName.toLowerCase()}.${String((el as HTMLElement).className).split(' ')[0]}${pseudo ?? ''}`;
            }
          }
        }
        return { max, where };
      });
    await select(page, 'order-service');
    // Sanity: without a preference, nodes do animate.
    expect((await longest()).max).toBeGreaterThan(0.05);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await action(page, 'Pause').click();
    await expectStatus(page, 'order-service', 'paused');
    const node = await containerNode(page, 'order-service').evaluate((el) => {
      const cs = getComputedStyle(el);
      return { transition: cs.transitionDuration, animation: cs.animationDuration };
    });
    expect(node.transition.split(',').every((d) => Number.parseFloat(d) <= 0.01)).toBe(true);
    expect(Number.parseFloat(node.animation)).toBeLessThanOrEqual(0.01);
    const { max, where } = await longest();
    expect(max, `longest animation/transition (${where})`).toBeLessThanOrEqual(0.01);
  });

  it('prefers-color-scheme picks the theme unless one is set', async () => {
    const page = await open('');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bg()).toBe('rgb(13, 17, 23)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await bg()).toBe('rgb(246, 248, 250)');
    // A theme set in the URL wins over the system preference.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(appUrl('?theme=light'));
    await containerNode(page, 'order-service').waitFor();
    expect(await bg()).toBe('rgb(246, 248, 250)');
    // And the Theme button: light → dark.
    await page.getByRole('button', { name: /^Theme:/ }).click();
    expect(await bg()).toBe('rgb(13, 17, 23)');
  });
});

describe('Learn: what Docker did underneath', () => {
  it('is on by default, toggles with an aria-pressed "Learn" button, and is remembered', async () => {
    const page = await open('?theme=dark');
    const learn = page.getByRole('button', { name: 'Learn', exact: true });
    expect(await learn.getAttribute('aria-pressed')).toBe('true');
    await select(page, 'api-gateway');
    await action(page, 'Stop').click();
    await expectStatus(page, 'api-gateway', 'exited');
    await expect.poll(() => logText(page), SETTLE).toContain('docker stop: SIGKILL after the grace period');
    expect(await logText(page)).toContain('128 + 9 = 137');

    await learn.click();
    expect(await learn.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.log-explain').count()).toBe(0);
    await page.reload();
    await containerNode(page, 'order-service').waitFor();
    expect(await page.getByRole('button', { name: 'Learn', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: 'Learn', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Learn', exact: true }).getAttribute('aria-pressed')).toBe('true');
  });

  it('adds the restart-policy note after a crash the restart policy restarts; learn=0 starts with it off', async () => {
    const page = await open('?theme=light');
    await select(page, 'payment-service');
    await page.getByRole('button', { name: 'Simulate crash' }).click();
    await expect.poll(() => logText(page), SETTLE).toContain('The restart policy says to start it again');
    await page.goto(appUrl('?learn=0'));
    await containerNode(page, 'order-service').waitFor();
    expect(await page.getByRole('button', { name: 'Learn', exact: true }).getAttribute('aria-pressed')).toBe('false');
  });
});

describe('the legend', () => {
  it('explains the five states (and restarting) with icon and text, and the edge styles', async () => {
    const page = await open('?theme=light');
    const legend = page.getByRole('region', { name: 'Legend' });
    const items = await legend.locator('.legend__state').evaluateAll((els) =>
      els.map((el) => ({ text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(), icon: el.querySelector('svg[aria-hidden="true"]') !== null, title: el.getAttribute('title') ?? '' })),
    );
    expect(items.map((i) => i.text.split(' ')[0])).toEqual(['Created', 'Running', 'Restarting', 'Paused', 'Stopped', 'Removed']);
    for (const item of items) {
      expect(item.icon, `${item.text} has an icon`).toBe(true);
      expect(item.title.length, `${item.text} has a meaning`).toBeGreaterThan(10);
    }
    const edges = (await legend.locator('.legend__edges li').allInnerTexts()).map((t) => t.trim());
    expect(edges).toEqual(['calls work', 'target paused: calls hang', 'target down: cut', 'one-shot job completed (exit 0)', '⚠ degraded a dependency is down']);
  });
});
