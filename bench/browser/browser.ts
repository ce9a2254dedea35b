/**
 * Debian's Chromium through playwright-core (never a downloaded browser), with the
 * flags of the e2e suite, and small statistics helpers of the browser benches.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/chromium';
import { installBenchHooks } from './inPage';

const VIEWPORT = { width: 1280, height: 800 };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface BenchPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
  close(): Promise<void>;
}

export interface PageOptions {
  /** `prefers-reduced-motion` as the page sees it (default: no preference). */
  reducedMotion?: 'reduce' | 'no-preference';
  /** Extra script run before the page's own (what-if experiments). */
  initScript?: string;
}

/** A fresh context (cold caches, empty storage) with the bench hooks installed before any page script. */
export async function openPage(browser: Browser, expectVisible = 0, options: PageOptions = {}): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, reducedMotion: options.reducedMotion ?? 'no-preference' });
  context.setDefaultTimeout(60_000);
  await context.addInitScript(installBenchHooks, { expectVisible });
  if (options.initScript) await context.addInitScript({ content: options.initScript });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('crash', () => errors.push('page crashed'));
  return { page, context, errors, close: () => context.close() };
}

/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
