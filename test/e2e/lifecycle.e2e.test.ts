/**
 * Black-box lifecycle tests of the built page (docs/contracts.md §2, §3): container nodes,
 * selection, action buttons with Docker's reasons, the event log, `?scenario=` errors.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { action, appUrl, containerNode, describedBy, logText, screenshot, statuses, pageSession, untilComposeUp } from './browser';

const CONTAINERS = [
  'load-balancer',
  'frontend-1',
  'frontend-2',
  'api-gateway',
  'product-service',
  'order-service',
  'payment-service',
  'postgres',
  'redis',
  'rabbitmq',
];
const ACTIONS = ['Start', 'Stop', 'Kill', 'Pause', 'Unpause', 'Restart', 'Remove', 'Force remove'];
/** Status changes may be animated; api-gateway's stop waits out a (possibly simulated) 10 s grace. */
const SETTLE = { timeout: 30_000, interval: 100 };

const session = pageSession();

async function open(query = '', viewport = { width: 1400, height: 900 }): Promise<Page> {
  const { page } = await session.open(viewport);
  const response = await page.goto(appUrl(query), { waitUntil: 'load' });
  expect(response?.status(), 'HTTP status of the page').toBe(200);
  await expect.poll(() => page.locator('[data-container]').count(), { ...SETTLE, message: 'container nodes rendered' }).toBe(CONTAINERS.length);
  // The first view is a docker compose up in dependency order (firstView.e2e.test.ts): these tests start once it is over.
  await untilComposeUp(page);
  return page;
}

async function expectStatus(page: Page, name: string, status: string): Promise<void> {
  await expect
    .poll(() => containerNode(page, name).getAttribute('data-status'), { ...SETTLE, message: `data-status of ${name}` })
    .toBe(status);
}

async function select(page: Page, name: string): Promise<void> {
  await containerNode(page, name).click();
  await expect
    .poll(() => containerNode(page, name).getAttribute('data-selected'), { ...SETTLE, message: `${name} selected` })
    .toBe('true');
  // The actions for the selected container are real <button>s.
  await action(page, 'Stop').waitFor({ state: 'visible' });
}

async function press(page: Page, name: string): Promise<void> {
  const button = action(page, name);
  expect(await button.isDisabled(), `${name} should be enabled (reason: ${await describedBy(button).catch(() => '?')})`).toBe(false);
  await button.click();
}

async function expectDisabled(page: Page, name: string, reason: RegExp): Promise<void> {
  const button = action(page, name);
  await expect.poll(() => button.isDisabled(), { ...SETTLE, message: `${name} disabled` }).toBe(true);
  const text = await describedBy(button);
  expect(text, `${name}'s reason (aria-describedby text or title)`).toMatch(reason);
}

async function expectLogContains(page: Page, ...needles: string[]): Promise<void> {
  for (const needle of needles) {
    await expect.poll(() => logText(page), { ...SETTLE, message: `log contains "${needle}"` }).toContain(needle);
  }
}

/**
 * The text of the smallest element inside role="log" whose text has all of `needles`
 * (one command's entry: its CLI line and outcome), whitespace-collapsed.
 */
async function logEntry(page: Page, needles: string[]): Promise<string> {
  return page.getByRole('log').evaluate((log, needles) => {
    let best: string | null = null;
    for (const el of [log, ...Array.from(log.querySelectorAll('*'))]) {
      const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
      if (needles.every((n) => text.includes(n)) && (best === null || text.length <= best.length)) best = text;
    }
    return (best ?? '').replace(/\s+/g, ' ');
  }, needles);
}

describe('default scenario (e-commerce platform)', () => {
  it('renders the ten containers, all running', async () => {
    const page = await open();
    const all = await statuses(page);
    expect(Object.keys(all).sort()).toEqual([...CONTAINERS].sort());
    for (const name of CONTAINERS) expect(all[name], `data-status of ${name}`).toBe('running');
    // Accessible name of a node includes the container name and its status.
    for (const name of ['order-service', 'postgres']) {
      const node = containerNode(page, name);
      const label = await node.evaluate((el) => {
        const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        const byIds = ids.map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
        return byIds || el.getAttribute('aria-label') || (el as HTMLElement).innerText;
      });
      expect(label).toContain(name);
      expect(label.toLowerCase()).toContain('running');
    }
    await screenshot(page, 'lifecycle-1400x900.png');
  });

  it('a running container: Start is disabled because it is already running; every disabled action says why', async () => {
    const page = await open();
    await select(page, 'order-service');
    await expectDisabled(page, 'Start', /already running/i);
    // Docker accepts these on a running container.
    for (const name of ['Stop', 'Kill', 'Pause', 'Restart', 'Force remove']) {
      expect(await action(page, name).isDisabled(), `${name} enabled on a running container`).toBe(false);
    }
    // Docker rejects `docker unpause` (not paused) and `docker rm` (running, needs -f).
    for (const name of ['Unpause', 'Remove']) {
      const button = action(page, name);
      expect(await button.isDisabled(), `${name} disabled on a running container`).toBe(true);
      expect((await describedBy(button)).length, `${name} has a reason`).toBeGreaterThan(0);
    }
    for (const name of ACTIONS) expect(await action(page, name).count(), `one "${name}" button`).toBe(1);
  });

  it('order-service: Pause → Stop → Remove through the buttons', async () => {
    const page = await open();
    await select(page, 'order-service');

    await press(page, 'Pause');
    await expectStatus(page, 'order-service', 'paused');
    await expectLogContains(page, 'docker pause order-service');
    await expectDisabled(page, 'Start', /unpause/i);
    await expectDisabled(page, 'Remove', /paused/i);

    await press(page, 'Stop');
    await expectStatus(page, 'order-service', 'exited');
    // tini forwards SIGTERM; the Node process dies by the signal: 128 + 15.
    await expectLogContains(page, 'docker stop order-service', 'die exitCode=143');
    expect(await containerNode(page, 'order-service').getAttribute('data-selected')).toBe('true');

    await press(page, 'Remove');
    await expectStatus(page, 'order-service', 'removed');
    await expectLogContains(page, 'docker rm order-service', 'destroy');
    const entry = await logEntry(page, ['docker rm order-service', 'destroy']);
    expect(entry, 'the rm entry shows the destroy event').toContain('destroy');

    // The others were not touched.
    const others = await statuses(page);
    for (const name of CONTAINERS.filter((n) => n !== 'order-service')) expect(others[name], name).toBe('running');
    await screenshot(page, 'lifecycle-order-service-removed.png');
  });

  it('api-gateway ignores SIGTERM: docker stop kills it after the grace period (137)', async () => {
    const page = await open();
    await select(page, 'api-gateway');
    await press(page, 'Stop');
    await expectStatus(page, 'api-gateway', 'exited');
    await expectLogContains(page, 'docker stop api-gateway', 'exitCode=137');
    const entry = await logEntry(page, ['docker stop api-gateway', 'exitCode=137']);
    const kills = [...entry.matchAll(/\bkill\b\D{0,40}?signal=(\d+)/g)].map((m) => m[1]);
    expect(kills, `kill events in "${entry}"`).toEqual(['15', '9']);
    expect(entry).not.toContain('exitCode=143');
  });

  it('?scenario=nope shows an alert and still renders the ten containers', async () => {
    const page = await open('?scenario=nope');
    const alert = page.getByRole('alert');
    await expect.poll(async () => (await alert.count()) > 0 && (await alert.first().innerText()).trim().length > 0, SETTLE).toBe(true);
    const text = (await alert.allInnerTexts()).join(' ');
    expect(text, 'the alert names the bad parameter or value').toMatch(/nope|scenario/i);
    const all = await statuses(page);
    expect(Object.keys(all).sort()).toEqual([...CONTAINERS].sort());
    for (const name of CONTAINERS) expect(all[name], `data-status of ${name}`).toBe('running');
  });

  it('keyboard: focusing a container and pressing Enter selects it', async () => {
    const page = await open();
    const node = containerNode(page, 'postgres');
    await node.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => node.getAttribute('data-selected'), { ...SETTLE, message: 'postgres selected' }).toBe('true');
    expect(await containerNode(page, 'order-service').getAttribute('data-selected')).not.toBe('true');
    await action(page, 'Stop').waitFor({ state: 'visible' });
  });

  it('small viewport (800×500): a container can be selected and its actions reached', async () => {
    const page = await open('', { width: 800, height: 500 });
    await select(page, 'order-service');
    await screenshot(page, 'lifecycle-800x500.png');
    const pause = action(page, 'Pause');
    await pause.scrollIntoViewIfNeeded();
    expect(await pause.isVisible()).toBe(true);
    await screenshot(page, 'lifecycle-800x500-actions.png');
  });
});
