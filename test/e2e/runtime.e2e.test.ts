/**
 * Docker runtime depth, in the built page: the speed control, `docker stop` shown as it
 * happens (SIGTERM, grace-period countdown on the simulation clock, status still
 * `running`, then 137 or 143), restart policies and a crash loop, health checks and the
 * log's exec-event filter, and the lazily loaded inspect panel (host PID per start).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { action, appUrl, containerNode, logText, screenshot, pageSession, untilComposeUp } from './browser';

const SETTLE = { timeout: 30_000, interval: 50 };

const session = pageSession();

async function open(viewport = { width: 1400, height: 900 }, { settled = true } = {}): Promise<Page> {
  const { page } = await session.open(viewport);
  const response = await page.goto(appUrl(''), { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await expect.poll(() => page.locator('[data-container]').count(), SETTLE).toBe(10);
  // Every test here starts from the running platform; setting the speed to Paused before the
  // first view's up is over would leave containers in created (the clock is what runs the up).
  if (settled) await untilComposeUp(page);
  return page;
}

function speed(page: Page, label: 'Paused' | '1×' | '5×' | '20×') {
  return page.getByRole('group', { name: 'Simulation speed' }).getByRole('button', { name: label, exact: true });
}

async function setSpeed(page: Page, label: 'Paused' | '1×' | '5×' | '20×'): Promise<void> {
  await speed(page, label).click();
  await expect.poll(() => speed(page, label).getAttribute('aria-pressed'), SETTLE).toBe('true');
}

async function select(page: Page, name: string): Promise<void> {
  await containerNode(page, name).click();
  await expect.poll(() => containerNode(page, name).getAttribute('data-selected'), SETTLE).toBe('true');
  await action(page, 'Stop').waitFor({ state: 'visible' });
}

async function expectStatus(page: Page, name: string, status: string): Promise<void> {
  await expect.poll(() => containerNode(page, name).getAttribute('data-status'), { ...SETTLE, message: `data-status of ${name}` }).toBe(status);
}

const nodeText = async (page: Page, name: string) => ((await containerNode(page, name).innerText()) ?? '').replace(/\s+/g, ' ');

/** The host PID shown by the inspect panel (`PID 1 inside; host PID N`), or null. */
async function hostPid(page: Page): Promise<string | null> {
  const el = page.locator('[data-host-pid]');
  return (await el.count()) > 0 ? el.first().getAttribute('data-host-pid') : null;
}

/** A field's value as docker inspect gives it (without the panel's "simulated" note). */
async function inspectField(page: Page, field: string): Promise<string> {
  const dd = page.locator(`.inspect-panel [data-field="${field}"] dd`).first();
  const value = dd.locator('[data-value]');
  return ((await value.count()) > 0 ? await value.innerText() : await dd.innerText()).trim();
}

describe('simulation speed', () => {
  it('is a group of toggle buttons Paused, 1×, 5×, 20×; one pressed at a time', async () => {
    const page = await open();
    const group = page.getByRole('group', { name: 'Simulation speed' });
    const labels = await group.getByRole('button').allInnerTexts();
    expect(labels.map((l) => l.trim())).toEqual(['Paused', '1×', '5×', '20×']);
    expect(await speed(page, '1×').getAttribute('aria-pressed')).toBe('true');
    await setSpeed(page, '20×');
    for (const other of ['Paused', '1×', '5×'] as const) expect(await speed(page, other).getAttribute('aria-pressed')).toBe('false');
  });
});

describe('docker stop takes its time', () => {
  it('api-gateway ignores SIGTERM: still running during the countdown, then Exited (137)', async () => {
    const page = await open();
    await select(page, 'api-gateway');
    await expect.poll(() => page.locator('.stop-status__behaviour').innerText()).toContain('ignores SIGTERM (PID 1 without a handler) → 137 after 10 s');
    await setSpeed(page, '20×');

    // Record every change of the node while the 10 s grace period runs (0.5 s real at 20×).
    await containerNode(page, 'api-gateway').evaluate((el) => {
      const samples: Array<{ pending: string | null; status: string | null; text: string }> = [];
      (window as unknown as { __samples: typeof samples }).__samples = samples;
      const record = () =>
        samples.push({ pending: el.getAttribute('data-pending'), status: el.getAttribute('data-status'), text: (el as HTMLElement).innerText.replace(/\s+/g, ' ') });
      new MutationObserver(record).observe(el, { attributes: true, childList: true, subtree: true, characterData: true });
    });
    await action(page, 'Stop').click();
    await expectStatus(page, 'api-gateway', 'exited');
    expect(await nodeText(page, 'api-gateway')).toContain('Exited (137)');
    const samples = await page.evaluate(() => (window as unknown as { __samples: Array<{ pending: string | null; status: string | null; text: string }> }).__samples);
    const during = samples.filter((s) => s.pending === 'stop');
    expect(during.length, 'samples taken during the grace period').toBeGreaterThan(0);
    for (const sample of during) {
      expect(sample.status, 'Docker keeps the status running during docker stop').toBe('running');
      expect(sample.text).toMatch(/SIGTERM ignored · SIGKILL in \d/);
    }
    await expect.poll(() => logText(page)).toContain('docker stop api-gateway');
    expect(await logText(page)).toContain('exitCode=137');
    await screenshot(page, 'runtime-stop-137.png');

    // Again at 1×, frozen part-way with Paused, to look at it (node, panel, progress).
    await action(page, 'Start').click();
    await expectStatus(page, 'api-gateway', 'running');
    await setSpeed(page, '1×');
    await action(page, 'Stop').click();
    await expect.poll(() => containerNode(page, 'api-gateway').getAttribute('data-pending'), SETTLE).toBe('stop');
    await page.waitForTimeout(2_500);
    await setSpeed(page, 'Paused');
    expect(await containerNode(page, 'api-gateway').getAttribute('data-status')).toBe('running');
    const frozen = await nodeText(page, 'api-gateway');
    expect(frozen).toMatch(/SIGTERM ignored · SIGKILL in [6-8](\.\d)? s/);
    await page.waitForTimeout(300);
    expect(await nodeText(page, 'api-gateway'), 'Paused: the countdown does not move').toBe(frozen);
    const panel = page.getByRole('region', { name: 'docker stop api-gateway in progress' });
    expect(await panel.innerText()).toMatch(/SIGTERM ignored · SIGKILL in/);
    expect(Number(await panel.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeGreaterThan(10);
    await screenshot(page, 'runtime-stop-countdown.png');

    await setSpeed(page, '20×');
    await expectStatus(page, 'api-gateway', 'exited');
    expect(await nodeText(page, 'api-gateway')).toContain('Exited (137)');
  });

  it('order-service dies on SIGTERM: Exited (143) at once, no countdown', async () => {
    const page = await open();
    await select(page, 'order-service');
    await setSpeed(page, '20×');
    await action(page, 'Stop').click();
    await expectStatus(page, 'order-service', 'exited');
    expect(await containerNode(page, 'order-service').getAttribute('data-pending')).toBeNull();
    expect(await nodeText(page, 'order-service')).toContain('Exited (143)');
    await expect.poll(() => logText(page)).toContain('die exitCode=143');
  });

  it('Kill during the grace period cancels the stop and kills at once', async () => {
    const page = await open();
    await select(page, 'payment-service');
    await setSpeed(page, 'Paused');
    await action(page, 'Stop').click();
    await expect.poll(() => containerNode(page, 'payment-service').getAttribute('data-pending'), SETTLE).toBe('stop');
    expect(await containerNode(page, 'payment-service').getAttribute('data-status')).toBe('running');
    await action(page, 'Kill').click();
    await expectStatus(page, 'payment-service', 'exited');
    expect(await containerNode(page, 'payment-service').getAttribute('data-pending')).toBeNull();
    expect(await nodeText(page, 'payment-service')).toContain('Exited (137)');
    expect(await logText(page)).toContain('docker kill payment-service');
    // The stop's CLI returns once the process is gone: logged, with nothing left for it to do.
    await expect.poll(() => logText(page)).toContain('docker stop payment-service');
  });
});

describe('restart policy and crash loop, with inspect', () => {
  it('policy always + Simulate crash → restarting (back-off) → running, RestartCount 1, new host PID', async () => {
    const page = await open();
    await select(page, 'redis');

    await page.getByRole('button', { name: 'Inspect', exact: false }).first().click();
    await expect.poll(() => hostPid(page), SETTLE).toMatch(/^\d+$/);
    const firstPid = await hostPid(page);
    expect(await inspectField(page, 'Pid')).toBe(firstPid);
    expect(await page.locator('[data-field="pid-namespace"] dd').innerText()).toContain(`PID 1 inside; host PID ${firstPid}`);
    expect(await page.locator('[data-field="network-namespace"] dd').innerText()).toMatch(/172\.18\.0\.\d+/);

    await page.getByRole('combobox', { name: 'Restart policy' }).selectOption('always');
    await page.getByRole('button', { name: 'Update policy' }).click();
    await expect.poll(() => logText(page)).toContain('docker update --restart always redis');

    await setSpeed(page, 'Paused');
    await page.getByRole('spinbutton', { name: /Exit code of the simulated crash/ }).fill('3');
    await page.getByRole('button', { name: 'Simulate crash' }).click();
    await expectStatus(page, 'redis', 'restarting');
    const restarting = await nodeText(page, 'redis');
    expect(restarting).toContain('Restarting (3)');
    expect(restarting).toContain('restarts: 1');
    expect(restarting).toContain('next start in 100 ms');
    expect(await inspectField(page, 'Pid')).toBe('0');
    expect(await inspectField(page, 'Restarting')).toBe('true');
    await expect.poll(() => page.locator('.runtime-section__line--backoff').innerText()).toContain('next start in 100 ms');
    await screenshot(page, 'runtime-crash-restarting.png');

    await setSpeed(page, '1×');
    await expectStatus(page, 'redis', 'running');
    // With its health shown, the count moves beside the name (↻ 1, titled RestartCount 1).
    expect(await nodeText(page, 'redis')).toMatch(/restarts: 1|↻ 1/);
    expect(await containerNode(page, 'redis').locator('[title^="RestartCount 1"]').count()).toBe(1);
    await expect.poll(() => hostPid(page), SETTLE).toMatch(/^\d+$/);
    const secondPid = await hostPid(page);
    expect(secondPid).not.toBe(firstPid);
    expect(await inspectField(page, 'RestartCount')).toBe('1');
    await page.locator('.inspect-panel').scrollIntoViewIfNeeded();
    await screenshot(page, 'runtime-inspect.png');
  });
});

describe('health checks', () => {
  it('postgres: (health: starting) → (healthy); Make probe fail → (unhealthy); exec events hidden unless asked', async () => {
    // postgres is started first by the first view's up and reports health: starting until
    // its first probe passes; once the up is over it is already healthy.
    const page = await open(undefined, { settled: false });
    await select(page, 'postgres');
    await expect.poll(() => nodeText(page, 'postgres')).toContain('(health: starting)');
    await setSpeed(page, '20×');
    await expect.poll(() => nodeText(page, 'postgres'), SETTLE).toContain('(healthy)');

    const exec = 'exec_create';
    await expect.poll(() => logText(page)).toContain('health_status: healthy');
    expect(await logText(page)).not.toContain(exec);
    const toggle = page.getByRole('checkbox', { name: 'Show health-check exec events' });
    await toggle.check();
    await expect.poll(() => logText(page)).toContain(exec);
    await toggle.uncheck();
    await expect.poll(() => logText(page)).not.toContain(exec);

    await page.getByRole('button', { name: 'Make probe fail' }).click();
    await expect.poll(() => nodeText(page, 'postgres'), SETTLE).toContain('(unhealthy)');
    await expect.poll(() => logText(page)).toContain('health_status: unhealthy');
    const panel = page.locator('.runtime-facts');
    expect(await panel.innerText()).toMatch(/FailingStreak\s+[3-9]/);
    await setSpeed(page, 'Paused');
    await screenshot(page, 'runtime-health-unhealthy.png');
    await page.getByRole('button', { name: 'Make probe pass' }).click();
    await setSpeed(page, '20×');
    await expect.poll(() => nodeText(page, 'postgres'), SETTLE).toContain('(healthy)');
  });
});
