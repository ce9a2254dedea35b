/**
 * A keyboard-only journey (no mouse): Tab to the canvas, arrow keys to every container,
 * Enter to select, every command by its shortcut and by its button, every panel (legend,
 * inspect, the state chart's transitions), stepping (a replayed log; a story in the embed),
 * and leaving the widget with Tab. At every stop the focused element shows a visible
 * outline or ring (computed style).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, containerNode, logText, RESULTS_DIR, pageSession } from './browser';
import { focusInfo, HAS_ELEMENT, HAS_EMBED_PAGE, openElementPage, type FocusInfo } from './a11yHelpers';

const CONTAINERS = ['load-balancer', 'frontend-1', 'frontend-2', 'api-gateway', 'product-service', 'order-service', 'payment-service', 'postgres', 'redis', 'rabbitmq'];
const ARROWS = ['ArrowRight', 'ArrowDown', 'ArrowUp', 'ArrowLeft'] as const;
const SETTLE = { timeout: 30_000, interval: 100 };

const session = pageSession();
/** Every stop of the current journey, for the failure message. */
let stops: string[] = [];

afterEach(() => {
  stops = [];
});

async function open(path: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const { page } = await session.open(viewport);
  await page.goto(appUrl(path), { waitUntil: 'load' });
  await containerNode(page, 'order-service').waitFor({ state: 'visible' });
  return page;
}

/** Records where focus is and fails unless it is visible. */
async function stop(page: Page, why: string): Promise<FocusInfo> {
  const info = await focusInfo(page);
  stops.push(`${why}: ${info.what} (${info.visibleBy ?? 'NOT VISIBLE'})`);
  expect(info.none, `${why}: focus is on nothing\n${stops.slice(-8).join('\n')}`).toBe(false);
  expect(info.visibleBy, `${why}: focus on ${info.what} is not visible\n${stops.slice(-6).join('\n')}`).not.toBeNull();
  return info;
}

/** Presses `key` and checks the focus stop. */
async function press(page: Page, key: string, why = key): Promise<FocusInfo> {
  await page.keyboard.press(key);
  return stop(page, why);
}

/** Tab went past the last control of the page (focus left the document for the browser's own UI). */
class EndOfDocument extends Error {}

/**
 * Tabs (or Shift+Tabs) until `match` is focused; every stop on the way must show focus.
 * With `endOk`, running off the end of the page throws {@link EndOfDocument} instead of failing.
 */
async function tabTo(page: Page, match: (f: FocusInfo) => boolean, what: string, { max = 60, back = false, endOk = false } = {}): Promise<FocusInfo> {
  const key = back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (endOk && (await focusInfo(page)).none) {
      stops.push(`${key} towards ${what}: end of the page`);
      throw new EndOfDocument(what);
    }
    const info = await stop(page, `${key} towards ${what}`);
    if (match(info)) return info;
  }
  throw new Error(`${what} not reached in ${max} ${key} presses:\n${stops.slice(-max).join('\n')}`);
}

const button = (name: string) => (f: FocusInfo) => f.tag === 'button' && f.name === name;

/** Tabs to the button named exactly `name` (forwards, then backwards) and presses Enter. */
async function pressButton(page: Page, name: string): Promise<void> {
  const here = await focusInfo(page);
  if (!button(name)(here)) {
    try {
      await tabTo(page, button(name), `button ${name}`, { max: 25, endOk: true });
    } catch (error) {
      if (!(error instanceof EndOfDocument) && !(error instanceof Error && error.message.includes('not reached'))) throw error;
      await tabTo(page, button(name), `button ${name}`, { max: 50, back: true });
    }
  }
  await page.keyboard.press('Enter');
}

async function expectStatus(page: Page, name: string, status: string): Promise<void> {
  await expect.poll(() => containerNode(page, name).getAttribute('data-status'), { ...SETTLE, message: `data-status of ${name}` }).toBe(status);
}

/** The container focused now, or null. */
async function focusedContainer(page: Page): Promise<string | null> {
  return (await focusInfo(page)).container;
}

/** ArrowLeft until focus stops moving: the leftmost container (the entry point of the architecture). */
async function arrowHome(page: Page): Promise<string | null> {
  let here = await focusedContainer(page);
  for (let i = 0; i < 10; i++) {
    const next = (await press(page, 'ArrowLeft', 'ArrowLeft (home)')).container;
    if (next === here) break;
    here = next;
  }
  return here;
}

/**
 * Arrow keys only, from the focused container (the leftmost one): explores the graph of
 * "key → container" moves breadth-first (going back to the start with ArrowLeft, then
 * along the known path) and returns the keys that lead from the start to each container.
 */
async function exploreWithArrows(page: Page): Promise<Map<string, string[]>> {
  const start = await focusedContainer(page);
  if (!start) throw new Error('no container focused');
  const paths = new Map<string, string[]>([[start, []]]);
  const queue = [start];
  const goTo = async (path: string[]) => {
    expect(await arrowHome(page), 'ArrowLeft leads back to the first container').toBe(start);
    for (const key of path) await press(page, key, `arrow path ${path.join(' ')}`);
  };
  while (queue.length > 0) {
    const from = queue.shift() as string;
    const path = paths.get(from) ?? [];
    for (const key of ARROWS) {
      await goTo(path);
      const info = await press(page, key, `${key} from ${from}`);
      const to = info.container;
      expect(to, `${key} from ${from} keeps focus on a container`).not.toBeNull();
      if (to && !paths.has(to)) {
        paths.set(to, [...path, key]);
        queue.push(to);
      }
    }
  }
  return paths;
}

/** Moves focus to `name` with arrow keys only, from the container focused now. */
async function arrowTo(page: Page, name: string): Promise<void> {
  for (let guard = 0; guard < 12; guard++) {
    const here = await focusedContainer(page);
    if (here === name) return;
    const [hx, hy] = await containerNode(page, here ?? '').evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [r.x + r.width / 2, r.y + r.height / 2];
    });
    const [tx, ty] = await containerNode(page, name).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [r.x + r.width / 2, r.y + r.height / 2];
    });
    const dx = (tx ?? 0) - (hx ?? 0);
    const dy = (ty ?? 0) - (hy ?? 0);
    const key = Math.abs(dx) > 20 ? (dx > 0 ? 'ArrowRight' : 'ArrowLeft') : dy > 0 ? 'ArrowDown' : 'ArrowUp';
    await press(page, key, `arrow towards ${name}`);
  }
  expect(await focusedContainer(page), `arrow keys reach ${name}`).toBe(name);
}

describe('keyboard-only journey on the app page', () => {
  it('legend, every container by arrow keys, every command by shortcut and by button, inspect, the state chart, leaving the canvas', async () => {
    const page = await open('?theme=light');
    await expectStatus(page, 'postgres', 'running');

    // 1. The legend toggle in the header (shown at start on a wide screen).
    const legend = await tabTo(page, button('Legend'), 'the Legend button');
    expect(legend.visibleBy).not.toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#legend').isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#legend').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Legend' }).getAttribute('aria-expanded')).toBe('true');

    // 2. Tab to the canvas: the first container.
    const first = await tabTo(page, (f) => f.container !== null, 'the first container');
    expect(first.container).toBe('load-balancer');

    // 3. Arrow keys reach every container.
    const paths = await exploreWithArrows(page);
    expect([...paths.keys()].sort()).toEqual([...CONTAINERS].sort());

    // 4. Enter selects; every command by its shortcut (order-service, then Shift+X on payment-service).
    await arrowTo(page, 'order-service');
    await press(page, 'Enter', 'select order-service');
    await expect.poll(() => containerNode(page, 'order-service').getAttribute('data-selected')).toBe('true');
    const shortcuts: Array<[string, string, string]> = [
      ['p', 'paused', 'docker pause order-service'],
      ['u', 'running', 'docker unpause order-service'],
      ['r', 'running', 'docker restart order-service'],
      ['t', 'exited', 'docker stop order-service'],
      ['s', 'running', 'docker start order-service'],
      ['k', 'exited', 'docker kill order-service'],
      ['x', 'removed', 'docker rm order-service'],
    ];
    for (const [key, status, cli] of shortcuts) {
      await page.keyboard.press(key);
      await expectStatus(page, 'order-service', status);
      await expect.poll(() => logText(page), { ...SETTLE, message: cli }).toContain(cli);
      await stop(page, `after shortcut ${key}`);
    }
    await arrowTo(page, 'payment-service');
    await press(page, 'Enter', 'select payment-service');
    await page.keyboard.press('Shift+X');
    await expectStatus(page, 'payment-service', 'removed');
    expect(await logText(page)).toContain('docker rm -f payment-service');
    // Escape deselects.
    await page.keyboard.press('Escape');
    await expect.poll(() => containerNode(page, 'payment-service').getAttribute('data-selected')).toBe('false');

    // 5. Every command by its button (product-service), then Force remove on its re-created container.
    await arrowTo(page, 'product-service');
    await press(page, 'Enter', 'select product-service');
    const buttons: Array<[string, string, string]> = [
      ['Pause', 'paused', 'docker pause product-service'],
      ['Unpause', 'running', 'docker unpause product-service'],
      ['Restart', 'running', 'docker restart product-service'],
      ['Kill', 'exited', 'docker kill product-service'],
      ['Start', 'running', 'docker start product-service'],
      ['Stop', 'exited', 'docker stop product-service'],
      ['Remove', 'removed', 'docker rm product-service'],
    ];
    for (const [name, status, cli] of buttons) {
      await pressButton(page, name);
      // Logged once Docker is done (docker stop and restart wait out the process's shutdown).
      await expect.poll(() => logText(page), { ...SETTLE, message: cli }).toContain(cli);
      await expectStatus(page, 'product-service', status);
      await expect.poll(() => focusInfo(page).then((f) => !f.none && !f.disabled), { ...SETTLE, message: `focus kept after ${name}` }).toBe(true);
      await stop(page, `after the ${name} button`);
    }
    expect(await logText(page)).toContain('docker rm product-service');
    // Removed: focus is on Create (the next thing to do).
    await expect.poll(() => focusInfo(page).then((f) => f.name), SETTLE).toBe('Create');
    await page.keyboard.press('Enter');
    await expectStatus(page, 'product-service', 'created');
    // The new container has a new panel: focus moves to its first enabled command (Start).
    await expect.poll(() => focusInfo(page).then((f) => f.name), { ...SETTLE, message: 'focus after Create' }).toBe('Start');
    await stop(page, 'after Create');
    await pressButton(page, 'Force remove');
    await expectStatus(page, 'product-service', 'removed');
    expect(await logText(page)).toContain('docker rm -f product-service');

    // 6. Inspect and the state chart's transitions, on api-gateway.
    await tabTo(page, (f) => f.container !== null, 'back to the canvas', { back: true, max: 40 });
    await arrowTo(page, 'api-gateway');
    await press(page, 'Enter', 'select api-gateway');
    await pressButton(page, 'Inspect');
    await page.locator('.inspect-panel').waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: 'Inspect' }).getAttribute('aria-expanded')).toBe('true');
    await stop(page, 'Inspect open');
    await tabTo(page, (f) => f.tag === 'button' && f.name.startsWith('Fire docker pause'), 'the chart transition "docker pause"');
    await page.keyboard.press('Enter');
    await expectStatus(page, 'api-gateway', 'paused');
    await expect.poll(() => page.locator('.lc-state.is-current').getAttribute('aria-label')).toContain('paused');

    // 7. Leaving the canvas: from the last container, Tab goes on to the next control.
    // Shift+Tab back from the side panel lands on the last container in Tab order.
    const last = await tabTo(page, (f) => f.container !== null, 'back to the canvas', { back: true, max: 80 });
    expect(last.container).toBe('rabbitmq');
    const next = await press(page, 'Tab', 'Tab out of the last container');
    expect(next.container).toBeNull();
    expect(next.what).not.toBe('(nothing)');
    const outside = await tabTo(page, (f) => f.tag === 'button' && !f.name.startsWith('Zoom') && f.name !== 'Fit View', 'the first control after the canvas', { max: 6 });
    expect(await page.evaluate(() => document.activeElement?.closest('.workspace__canvas') === null)).toBe(true);
    expect(outside.visibleBy).not.toBeNull();
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, 'keyboard-journey.txt'), `${stops.length} focus stops, each with a visible focus indicator:\n${stops.join('\n')}\n`);
  });

  it('steps a replayed docker events log (pasted with the keyboard)', async () => {
    const page = await open('?theme=dark');
    await tabTo(page, button('Paste events log'), 'Paste events log');
    await page.keyboard.press('Enter');
    const textarea = page.getByRole('dialog').locator('textarea');
    await textarea.waitFor({ state: 'visible' });
    await expect.poll(() => textarea.evaluate((el) => el === document.activeElement)).toBe(true);
    await stop(page, 'textarea in the dialog');
    const log = [
      '2026-01-01T00:00:00.000000000Z container create aa11bb22cc33 (image=redis:7, name=cache)',
      '2026-01-01T00:00:01.000000000Z container start aa11bb22cc33 (image=redis:7, name=cache)',
      '2026-01-01T00:00:02.000000000Z container pause aa11bb22cc33 (image=redis:7, name=cache)',
      '2026-01-01T00:00:03.000000000Z container unpause aa11bb22cc33 (image=redis:7, name=cache)',
    ].join('\n');
    await page.keyboard.insertText(log);
    await pressButton(page, 'Replay');
    await page.getByRole('button', { name: 'Step', exact: true }).waitFor({ state: 'visible' });
    await pressButton(page, 'Step');
    await expect.poll(() => page.locator('[data-container="cache"]').getAttribute('data-status'), SETTLE).toBe('created');
    await stop(page, 'after Step');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-container="cache"]').getAttribute('data-status'), SETTLE).toBe('running');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-container="cache"]').getAttribute('data-status'), SETTLE).toBe('paused');
    await stop(page, 'after three steps');
  });
});

describe.skipIf(!HAS_EMBED_PAGE)('keyboard-only on the embed page', () => {
  it('steps a story with the keys and the buttons; Escape hands focus back', async () => {
    const page = await open('embed.html?story=typical-flow&controls=compact&theme=dark', { width: 1000, height: 620 });
    const caption = page.locator('.cl-caption');
    const next = await tabTo(page, (f) => f.tag === 'button' && /Next step/.test(f.name), 'Next step');
    expect(next.visibleBy).not.toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(() => caption.getAttribute('data-step'), SETTLE).toBe('1');
    await stop(page, 'after Next step');
    await expectStatus(page, 'order-service', 'removed');
    // → takes the next step while focus is in the widget.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caption.getAttribute('data-step'), SETTLE).toBe('2');
    await expectStatus(page, 'order-service', 'created');
    await stop(page, 'after ArrowRight');
    // Escape hands the keyboard back to the page around the embed (a deck).
    await page.keyboard.press('Escape');
    await expect.poll(() => focusInfo(page).then((f) => f.none), SETTLE).toBe(true);
  });
});

describe.skipIf(!HAS_ELEMENT)('keyboard-only through the <container-lifecycle> element', () => {
  it('Tab enters the widget, arrows move between containers, a command runs, and Tab leaves it to the next control', async () => {
    const { page } = await session.open({ width: 1100, height: 800 });
    await openElementPage(page, { theme: 'light', controls: 'full' });
    await containerNode(page, 'order-service').waitFor({ state: 'visible' });
    await tabTo(page, (f) => f.what.startsWith('a "Text before the widget"'), 'the link before the widget', { max: 3 });
    const first = await tabTo(page, (f) => f.container !== null, 'the first container inside the element', { max: 40 });
    expect(first.inElement).toBe(true);
    await arrowTo(page, 'order-service');
    await press(page, 'Enter', 'select order-service in the element');
    await expect.poll(() => containerNode(page, 'order-service').getAttribute('data-selected')).toBe('true');
    await pressButton(page, 'Pause');
    await expectStatus(page, 'order-service', 'paused');
    // Pause is now disabled: focus stays in the widget, on the next enabled command.
    await expect.poll(() => focusInfo(page).then((f) => f.inElement && !f.none), { ...SETTLE, message: 'focus kept in the element after Pause' }).toBe(true);
    await stop(page, 'after Pause in the element');
    // Tab all the way out: the next focusable element after the widget.
    const after = await tabTo(page, (f) => !f.inElement, 'out of the element', { max: 80 });
    expect(after.what).toBe('button "After the widget"');
  });
});
