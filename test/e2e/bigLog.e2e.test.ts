/**
 * A busy host's day of `docker events` (issue 17): 50 000 events over 500 containers,
 * about 7.5 MB, generated here (test/fixtures/generatedEventsLog.ts) with the generator's
 * own model of each container's status. Loaded through `Open events log`, it shows a
 * progress bar that advances while the page keeps drawing frames; Cancel keeps the
 * architecture on screen; `Skip to end` gives the statuses the generator predicts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, pageSession, statuses, untilComposeUp } from './browser';
import { busyHostLog, type BusyHostLog } from '../fixtures/generatedEventsLog';

const SETTLE = { timeout: 90_000, interval: 250 };
const NAME = 'busy-host.log';
const session = pageSession();
let log: BusyHostLog;
let dir: string;
let file: string;

beforeAll(() => {
  log = busyHostLog({ events: 50_000, containers: 500 });
  dir = mkdtempSync(join(tmpdir(), 'bring-biglog-'));
  file = join(dir, NAME);
  writeFileSync(file, log.text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function openDefault(): Promise<Page> {
  const { page } = await session.open({ width: 1400, height: 900 });
  await page.goto(appUrl());
  await expect.poll(() => page.locator('[data-container]').count(), { ...SETTLE, message: 'default scenario rendered' }).toBe(10);
  await untilComposeUp(page);
  return page;
}

/**
 * Samples the progress bar on every animation frame from now on (in the page): the values
 * seen, and how many frames ran while the bar was shown. A page frozen by the parse would
 * draw no frame, so see no value between the first and the last.
 */
async function sampleProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    const w = window as unknown as { __progress: { values: number[]; frames: number; max: number; stop: boolean } };
    w.__progress = { values: seen, frames: 0, max: 0, stop: false };
    const tick = () => {
      const bar = document.querySelector<HTMLProgressElement>('progress');
      if (bar) {
        w.__progress.frames++;
        w.__progress.max = bar.max;
        if (bar.hasAttribute('value') && seen.at(-1) !== bar.value) seen.push(bar.value);
      }
      if (!w.__progress.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

function progressSeen(page: Page) {
  return page.evaluate(() => (window as unknown as { __progress: { values: number[]; frames: number; max: number } }).__progress);
}

describe('a 50 000-event log (7.5 MB, 500 containers)', () => {
  it('the generated log is the size of a busy host’s day', () => {
    expect(log.text.split('\n').filter(Boolean)).toHaveLength(50_000);
    expect(log.text.length).toBeGreaterThan(7_000_000);
    expect(log.text.length).toBeLessThan(8_500_000);
    expect(Object.keys(log.finalStatus)).toHaveLength(500);
  });

  it('Cancel while it loads keeps the architecture on screen', async () => {
    const page = await openDefault();
    const before = await statuses(page);
    await page.getByLabel('Open events log', { exact: true }).setInputFiles(file);
    const bar = page.getByRole('progressbar', { name: `Reading ${NAME}` });
    await bar.waitFor({ state: 'visible' });
    // The loader's row re-renders as chunks arrive: click Cancel until the bar is gone (if the
    // load finished instead, the replay controls below would be on screen).
    const cancel = page.getByRole('group', { name: 'Loading an events log' }).getByRole('button', { name: 'Cancel' });
    await expect
      .poll(async () => {
        // A DOM click: the row moves while the first view's compose strip settles, and
        // Playwright's hit test then lands on <html> (the button is on screen: screenshot).
        if ((await bar.count()) > 0) await cancel.dispatchEvent('click', undefined, { timeout: 2_000 }).catch(() => undefined);
        return bar.count();
      }, SETTLE)
      .toBe(0);
    // Longer than the parse takes: nothing arrives late.
    await page.waitForTimeout(3000);
    expect(await page.getByRole('group', { name: 'Replay controls' }).count()).toBe(0);
    expect(await statuses(page)).toEqual(before);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows a progress bar that advances, then Skip to end gives every container its final status', async () => {
    const page = await openDefault();
    await sampleProgress(page);
    await page.getByLabel('Open events log', { exact: true }).setInputFiles(file);
    const controls = page.getByRole('group', { name: 'Replay controls' });
    await controls.waitFor({ state: 'visible', timeout: SETTLE.timeout });
    const progress = await progressSeen(page);
    // Bytes of the log (its text is ASCII), read in slices the page drew frames between.
    expect(progress.max).toBe(log.text.length);
    expect(progress.values.length, `progress values seen: ${progress.values.join(', ')}`).toBeGreaterThanOrEqual(3);
    expect([...progress.values].sort((a, b) => a - b)).toEqual(progress.values);
    expect(progress.values[0]).toBeLessThan(progress.max / 2);
    expect(progress.frames).toBeGreaterThan(progress.values.length);
    await expect.poll(() => page.getByRole('progressbar').count(), SETTLE).toBe(0);

    await controls.getByRole('button', { name: 'Skip to end', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Replay finished' }).textContent(), SETTLE).toMatch(/^Replay finished: 50000 events, 0 flagged$/);
    await expect.poll(async () => Object.keys(await statuses(page)).length, { ...SETTLE, message: 'every container drawn' }).toBe(500);
    expect(await statuses(page)).toEqual(log.finalStatus);
  });
});
