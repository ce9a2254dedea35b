/**
 * Black-box tests of replaying `docker events` logs in the built page (docs/contracts.md §2):
 * `Open events log`, Play / Pause / Step / Skip to end, `data-container` / `data-status`,
 * parse problems, flagged events, `?events=<url>`, paste and drag-and-drop.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appUrl, containerNode, logText, screenshot, statuses, pageSession } from './browser';

const EVENTS = resolve(__dirname, '../fixtures/events');
const OWN = resolve(__dirname, 'fixtures');
/** Where this suite copies its own logs inside the served dist/ (removed afterwards). */
const SERVED = 'e2e-replay-fixtures';
const SETTLE = { timeout: 15_000, interval: 50 };

/** Final status per container after `Skip to end` (same as test/model/replay/replay.test.ts). */
const FINAL: Record<string, Record<string, string>> = {
  'docker-cli_events-md__basic_lifecycle.txt': { test: 'exited' },
  'docker-cli_events-md__custom_format.txt': { '2ee349dac409': 'removed' },
  'docker-cli_pr4544__format_json.jsonl': { dreamy_goldstine: 'created' },
  'moby_docs-api-v1.24__events_example.jsonl': { 'my-container': 'removed' },
  'moby_pr26268__format_json.jsonl': { goofy_yonath: 'created' },
};
const BASIC = 'docker-cli_events-md__basic_lifecycle.txt';

const session = pageSession();
let servedDir: string | undefined;

beforeAll(async () => {
  // The static server serves dist/: put this suite's logs there for ?events=.
  const dist = inject('distDir');
  if (dist) {
    servedDir = join(dist, SERVED);
    mkdirSync(servedDir, { recursive: true });
    for (const f of readdirSync(OWN)) copyFileSync(join(OWN, f), join(servedDir, f));
  }
});
afterAll(async () => {
  if (servedDir) rmSync(servedDir, { recursive: true, force: true });
});

async function open(query = '', viewport = { width: 1400, height: 900 }): Promise<Page> {
  const { page } = await session.open(viewport);
  const response = await page.goto(appUrl(query), { waitUntil: 'load' });
  expect(response?.status(), 'HTTP status of the page').toBe(200);
  return page;
}

/** Opens the default page, waits for its scenario, then loads `file` through `Open events log`. */
async function openWithLog(file: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await open('', viewport);
  await expect.poll(() => page.locator('[data-container]').count(), { ...SETTLE, message: 'default scenario rendered' }).toBe(10);
  await page.getByLabel('Open events log', { exact: true }).setInputFiles(file);
  await controls(page).waitFor({ state: 'visible' });
  await expect.poll(() => page.locator('[data-container]').count(), { ...SETTLE, message: 'replay starts empty' }).toBe(0);
  return page;
}

function controls(page: Page): Locator {
  return page.getByRole('group', { name: 'Replay controls' });
}

function control(page: Page, name: 'Play' | 'Pause' | 'Step' | 'Skip to end'): Locator {
  return controls(page).getByRole('button', { name, exact: true });
}

async function expectStatuses(page: Page, expected: Record<string, string>): Promise<void> {
  await expect.poll(() => statuses(page), { ...SETTLE, message: 'container statuses' }).toEqual(expected);
}

/** Names of container nodes not wholly inside the canvas section. */
async function outsideCanvas(page: Page): Promise<string[]> {
  const canvas = await page.getByRole('region', { name: 'Architecture' }).boundingBox();
  if (!canvas) return ['(no canvas)'];
  const outside: string[] = [];
  for (const node of await page.locator('[data-container]').all()) {
    const box = await node.boundingBox();
    const name = (await node.getAttribute('data-container')) ?? '?';
    if (!box || box.x < canvas.x || box.y < canvas.y || box.x + box.width > canvas.x + canvas.width || box.y + box.height > canvas.y + canvas.height) {
      outside.push(name);
    }
  }
  return outside;
}

async function stepTo(page: Page, expected: Record<string, string>): Promise<void> {
  await control(page, 'Step').click();
  await expectStatuses(page, expected);
}

describe('replaying the fixture logs', () => {
  for (const [file, expected] of Object.entries(FINAL)) {
    it(`${file}: Skip to end gives the final statuses`, async () => {
      const page = await openWithLog(join(EVENTS, file));
      await control(page, 'Skip to end').click();
      await expectStatuses(page, expected);
      const finished = page.getByText(/^Replay finished: \d+ events?, 0 flagged$/);
      await finished.waitFor({ state: 'visible' });
      expect(await control(page, 'Play').isDisabled()).toBe(true);
      expect(await control(page, 'Step').isDisabled()).toBe(true);
      const header = await page.locator('.app-header').innerText();
      expect(header).toContain(file);
      if (file === BASIC) await screenshot(page, 'replay-basic-finished');
    });
  }
});

describe('replay controls', () => {
  it('starts empty with a waiting message and the explainer', async () => {
    const page = await openWithLog(join(EVENTS, BASIC));
    await page.getByText('Waiting for the first container event…').waitFor({ state: 'visible' });
    const panel = await page.locator('.replay-panel').innerText();
    expect(panel).toContain('What you are seeing');
    expect(panel).toContain('Flagged means Docker could not have done that');
    expect(panel).toContain('no event applied yet (0 of 7)');
    const range = page.getByRole('slider', { name: 'Replay position' });
    expect(await range.getAttribute('max')).toBe('7');
    expect(await range.inputValue()).toBe('0');
    expect(await control(page, 'Pause').isDisabled()).toBe(true);
    await screenshot(page, 'replay-empty');
  });

  it('Step applies one event at a time: created → running → exited', async () => {
    const page = await openWithLog(join(EVENTS, BASIC));
    await stepTo(page, { test: 'created' });
    expect(await page.getByText('Waiting for the first container event…').count()).toBe(0);
    await control(page, 'Step').click(); // network connect: no change
    await expect.poll(() => page.getByRole('slider', { name: 'Replay position' }).inputValue(), SETTLE).toBe('2');
    await expectStatuses(page, { test: 'created' });
    await stepTo(page, { test: 'running' });
    await control(page, 'Step').click(); // kill: a signal only
    await expectStatuses(page, { test: 'running' });
    await stepTo(page, { test: 'exited' });
    const where = await page.locator('.replay-scrubber__where').innerText();
    expect(where).toContain('event 5 of 7');
    expect(where).toContain('line 5: container die test');
    expect(where).toContain('2017-01-04 16:36:09.840 UTC');
    const log = await logText(page);
    expect(log).toContain('# line 5: container die test');
    expect(log).toContain('# line 4: container kill test');
    expect(log).toContain('a signal only');
    await screenshot(page, 'replay-step');
  });

  it('the scrubber seeks backwards and forwards, and the canvas follows', async () => {
    const page = await openWithLog(join(EVENTS, BASIC));
    await control(page, 'Skip to end').click();
    await expectStatuses(page, { test: 'exited' });
    const range = page.getByRole('slider', { name: 'Replay position' });
    await range.focus();
    await range.fill('3');
    await expectStatuses(page, { test: 'running' });
    // Keyboard on the scrubber: one event back at a time; focus stays on it.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expectStatuses(page, { test: 'created' });
    expect(await range.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Home');
    await expectStatuses(page, {});
    await page.getByText('Waiting for the first container event…').waitFor({ state: 'visible' });
    await page.keyboard.press('End');
    await expectStatuses(page, { test: 'exited' });
    // The log was rebuilt, not appended to: each line appears once.
    const log = await logText(page);
    expect(log.split('# line 5: container die test').length - 1).toBe(2); // innerText + textContent
  });

  it('Play runs to the end, then Play is disabled and a summary shows', async () => {
    const page = await openWithLog(join(EVENTS, BASIC));
    await page.getByLabel('Replay speed').selectOption({ label: '20×' });
    await control(page, 'Play').click();
    expect(await control(page, 'Pause').isDisabled()).toBe(false);
    await expectStatuses(page, { test: 'exited' });
    await page.getByText('Replay finished: 7 events, 0 flagged').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await control(page, 'Play').isDisabled()).toBe(true);
    expect(await control(page, 'Pause').isDisabled()).toBe(true);
    expect(await page.getByRole('slider', { name: 'Replay position' }).inputValue()).toBe('7');
  });

  it('Pause stops playback; keyboard focus moves between Play and Pause', async () => {
    const page = await openWithLog(join(EVENTS, BASIC));
    await control(page, 'Play').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), SETTLE).toBe('Pause');
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), SETTLE).toBe('Play');
    const at = await page.getByRole('slider', { name: 'Replay position' }).inputValue();
    await page.waitForTimeout(2500);
    expect(await page.getByRole('slider', { name: 'Replay position' }).inputValue()).toBe(at);
    expect(Number(at)).toBeLessThan(7);
  });

  it('as fast as possible plays the whole log', async () => {
    const page = await openWithLog(join(EVENTS, 'moby_docs-api-v1.24__events_example.jsonl'));
    await page.getByLabel('Replay speed').selectOption({ label: 'As fast as possible' });
    await control(page, 'Play').click();
    await page.getByText('Replay finished: 9 events, 0 flagged').waitFor({ state: 'visible' });
    await expectStatuses(page, { 'my-container': 'removed' });
  });
});

describe('problems and flags', () => {
  it('shows a malformed line with its line number, dismissibly; the rest replays', async () => {
    const page = await openWithLog(join(OWN, 'replay-malformed.log'));
    const problems = page.getByRole('status', { name: 'Problems in the events log' });
    await problems.waitFor({ state: 'visible' });
    const text = await problems.innerText();
    expect(text).toContain('1 line was skipped');
    expect(text).toContain('Line 2');
    expect(text).toContain('this line is not a docker event');
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'replay-problems');
    await problems.getByRole('button', { name: 'Dismiss' }).click();
    await problems.waitFor({ state: 'detached' });
    await control(page, 'Skip to end').click();
    await expectStatuses(page, { web: 'running' });
  });

  it('flags an unpause with no pause before it, with the reason in the log', async () => {
    const page = await openWithLog(join(OWN, 'replay-flagged.log'));
    await control(page, 'Skip to end').click();
    await expectStatuses(page, { web: 'paused' });
    const log = await logText(page);
    expect(log).toContain('# line 3: container unpause web');
    expect(log).toContain('Flagged: unpause for web with no pause before it (it is running)');
    await page.getByText('Replay finished: 4 events, 1 flagged').waitFor({ state: 'visible' });
    await screenshot(page, 'replay-flagged');
  });

  it('refuses a file that is not an events log, in an alert, and keeps what was on screen', async () => {
    const page = await open();
    await expect.poll(() => page.locator('[data-container]').count(), SETTLE).toBe(10);
    await page.getByLabel('Open events log', { exact: true }).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello\nworld\n') });
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.innerText()).toContain('"notes.txt" is not a docker events log');
    expect(await page.locator('[data-container]').count()).toBe(10);
    expect(await controls(page).count()).toBe(0);
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const page = await open();
    await expect.poll(() => page.locator('[data-container]').count(), SETTLE).toBe(10);
    // Over 50 MB Playwright wants a path, not a buffer.
    const dir = mkdtempSync(join(tmpdir(), 'bring-big-log-'));
    const path = join(dir, 'big.log');
    writeFileSync(path, Buffer.alloc(64 * 1024 * 1024 + 10, 'a'));
    await page.getByLabel('Open events log', { exact: true }).setInputFiles(path);
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.innerText()).toContain('is 64.0 MB; the limit is 64.0 MB');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('other ways in', () => {
  it('?events=<url> loads a log served next to the page', async () => {
    const page = await open(`?events=${SERVED}/replay-url.jsonl`);
    await controls(page).waitFor({ state: 'visible' });
    expect(await page.locator('.app-header').innerText()).toContain('replay-url.jsonl');
    // Containers appear as the log creates them: cache at event 1, web at event 4.
    await stepTo(page, { cache: 'created' });
    await control(page, 'Step').click();
    await control(page, 'Step').click();
    await expectStatuses(page, { cache: 'paused' });
    await stepTo(page, { cache: 'paused', web: 'created' });
    await control(page, 'Skip to end').click();
    await expectStatuses(page, { cache: 'paused', web: 'running' });
    // The canvas lays the new container out and fits both in view.
    await expect.poll(() => outsideCanvas(page), { ...SETTLE, message: 'nodes outside the canvas' }).toEqual([]);
    await screenshot(page, 'replay-url');
  });

  it('?events= with a missing file says so in an alert and keeps the scenario', async () => {
    const page = await open(`?events=${SERVED}/missing.jsonl`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible' });
    expect(await alert.innerText()).toContain('HTTP 404');
    await expect.poll(() => page.locator('[data-container]').count(), SETTLE).toBe(10);
    // The browser itself logs the failed request: expected here, not an app error.
    const errors = session.current!.errors;
    const i = errors.findIndex((e) => e.includes('404') && e.includes('missing.jsonl'));
    if (i >= 0) errors.splice(i, 1);
  });

  it('a pasted log replays', async () => {
    const page = await open();
    await expect.poll(() => page.locator('[data-container]').count(), SETTLE).toBe(10);
    await page.getByRole('button', { name: 'Paste events log' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste a docker events log' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByLabel('Events log, one event per line').fill(readFileSync(join(EVENTS, BASIC), 'utf8'));
    await screenshot(page, 'replay-paste');
    await dialog.getByRole('button', { name: 'Replay' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await control(page, 'Skip to end').click();
    await expectStatuses(page, { test: 'exited' });
  });

  it('a dropped log replays', async () => {
    const page = await open();
    await expect.poll(() => page.locator('[data-container]').count(), SETTLE).toBe(10);
    const text = readFileSync(join(EVENTS, 'docker-cli_pr4544__format_json.jsonl'), 'utf8');
    const dataTransfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'events.jsonl', { type: 'application/x-ndjson' }));
      return dt;
    }, text);
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    await controls(page).waitFor({ state: 'visible' });
    await control(page, 'Skip to end').click();
    await expectStatuses(page, { dreamy_goldstine: 'created' });
  });

  it('fits a narrow screen', async () => {
    const page = await openWithLog(join(EVENTS, BASIC), { width: 390, height: 844 });
    await control(page, 'Step').click();
    await expectStatuses(page, { test: 'created' });
    await screenshot(page, 'replay-narrow');
    await containerNode(page, 'test').scrollIntoViewIfNeeded();
    await containerNode(page, 'test').waitFor({ state: 'visible' });
    await screenshot(page, 'replay-narrow-canvas');
  });

  it('dark theme', async () => {
    const page = await open(`?theme=dark&events=${SERVED}/replay-malformed.log`);
    await controls(page).waitFor({ state: 'visible' });
    await control(page, 'Step').click();
    await control(page, 'Step').click();
    await expectStatuses(page, { web: 'running' });
    await page.getByRole('status', { name: 'Problems in the events log' }).waitFor({ state: 'visible' });
    await screenshot(page, 'replay-dark');
  });
});
