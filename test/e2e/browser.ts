/**
 * Browser helpers for the e2e suite: Debian's Chromium driven by playwright-core
 * (never a downloaded browser), page-error collection, screenshots, and small
 * contract-level queries (accessible description of a control, log text).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Frame, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';


export const RESULTS_DIR = resolve('test-results');

/** Base URL of the served `dist/` (with a trailing slash). */
function baseUrl(): string {
  return inject('baseUrl') ?? process.env.E2E_BASE_URL ?? '';
}

/** A URL of the app page: `appUrl('?scenario=nope')`, `appUrl('embed.html')`. */
export function appUrl(pathAndQuery = ''): string {
  return new URL(pathAndQuery, baseUrl()).href;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions (`pageerror`) and `console.error` messages, as text. */
  errors: string[];
  close(): Promise<void>;
}

/** Console errors that are not the app's fault (none known yet; keep this list short). */
const IGNORED_CONSOLE_ERRORS: RegExp[] = [];

function describeConsole(msg: ConsoleMessage): string {
  const loc = msg.location();
  const where = loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
  return `console.error: ${msg.text()}${where}`;
}

/** Starts recording page errors and console errors of `page` into `errors`. */
function collectErrors(page: Page, errors: string[] = []): string[] {
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = describeConsole(msg);
    if (IGNORED_CONSOLE_ERRORS.some((re) => re.test(text))) return;
    errors.push(text);
  });
  page.on('crash', () => errors.push('page crashed'));
  return errors;
}

/** A fresh context + page at the given viewport, with error collection on. */
export async function openPage(browser: Browser, viewport = { width: 1400, height: 900 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'no-preference' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = collectErrors(page);
  return { page, context, errors, close: () => context.close() };
}

/** Saves a full-viewport PNG under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/**
 * The accessible description of an element as the contract defines it: the text of the
 * elements named by `aria-describedby`, plus its `title`.
 */
export async function describedBy(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const parts: string[] = [];
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    for (const id of ids) {
      const ref = el.ownerDocument.getElementById(id);
      if (ref?.textContent) parts.push(ref.textContent.trim());
    }
    const title = el.getAttribute('title');
    if (title) parts.push(title.trim());
    return parts.join(' | ');
  });
}

/** `[data-container="<name>"]` */
export function containerNode(page: Page, name: string): Locator {
  return page.locator(`[data-container="${name}"]`);
}

/** The action button named exactly `name` (Start, Stop, Kill, Pause, ...). */
export function action(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

/**
 * The event history (`role="log"`) text, whitespace-collapsed: its rendered text
 * (`innerText`), then its full `textContent`, so that outcomes folded away in a closed
 * `<details>` still count as being in the log.
 */
export async function logText(page: Page): Promise<string> {
  const log = page.getByRole('log');
  const [shown, all] = await log.evaluate((el) => [(el as HTMLElement).innerText, el.textContent ?? '']);
  return `${shown}\n${all}`.replace(/\s+/g, ' ');
}

/**
 * Waits until the first view's `docker compose up -d` is over (README "What you are
 * seeing"): container nodes are drawn and none is still `created` (the default scenario's
 * up takes about 2 simulated seconds). For tests that start from the running platform.
 */
export async function untilComposeUp(root: Page | Frame | FrameLocator | Locator, timeout = 30_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const drawn = await root.locator('[data-container]').count();
        const created = await root.locator('[data-container][data-status="created"]').count();
        return drawn > 0 && created === 0;
      },
      { timeout, interval: 100, message: 'the first view\'s docker compose up is over (no container still created)' },
    )
    .toBe(true);
}

/** `{ name: status }` for every `[data-container]` on the page. */
export async function statuses(page: Page): Promise<Record<string, string | null>> {
  return page.locator('[data-container]').evaluateAll((els) =>
    Object.fromEntries(els.map((el) => [el.getAttribute('data-container') ?? '', el.getAttribute('data-status')])),
  );
}

/** One Chromium per test file and one page per test (see `pageSession`). */
export interface PageSession {
  /** The file's browser (launched in `beforeAll`). */
  readonly browser: Browser;
  /** The page opened by the running test, if any. */
  readonly current: OpenedPage | undefined;
  /** Opens the test's page; after the test it is closed and must have raised no error. */
  open(viewport?: { width: number; height: number }): Promise<OpenedPage>;
  /** Closes the test's page early (without the error check). */
  closeCurrent(): Promise<void>;
}

/**
 * Registers, at the top level of a test file: launch Chromium once, close it at the end,
 * and after each test close its page and assert it logged no page or console error.
 */
export function pageSession(): PageSession {
  let browser: Browser | undefined;
  let current: OpenedPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const opened = current;
    current = undefined;
    if (!opened) return;
    const errors = [...opened.errors];
    await opened.close();
    expect(errors, 'page errors / console errors').toEqual([]);
  });
  return {
    get browser() {
      if (!browser) throw new Error('pageSession: the browser starts in beforeAll');
      return browser;
    },
    get current() {
      return current;
    },
    async open(viewport) {
      current = await openPage(this.browser, viewport);
      return current;
    },
    async closeCurrent() {
      await current?.close();
      current = undefined;
    },
  };
}
