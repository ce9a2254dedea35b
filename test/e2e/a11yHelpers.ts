/**
 * Helpers of the accessibility, keyboard and visual browser tests: axe-core runs (serious
 * and critical violations fail; a summary goes to test-results/a11y-axe.json), the focused
 * element through shadow roots and whether its focus is visible, the pages under test
 * (app, embed page, a host page with the `<container-lifecycle>` element), and whether
 * the embed's files are in the served `dist/` (they are built by other work in progress).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { appUrl, RESULTS_DIR } from './browser';

/** The served `dist/` folder. */
function distDir(): string {
  return inject('distDir') ?? resolve(process.env.E2E_DIST ?? 'dist');
}

/** Whether `file` was built into the served `dist/` (always false when testing a remote E2E_BASE_URL without a local dist). */
function distHas(file: string): boolean {
  return existsSync(join(distDir(), file));
}

export const HAS_EMBED_PAGE = distHas('embed.html');
export const HAS_ELEMENT = distHas('container-lifecycle.js');

export interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Every axe run of this test process, for the report (written after each run). */
const AXE_LOG = join(RESULTS_DIR, 'a11y-axe.json');

function record(label: string, violations: AxeViolationSummary[]): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  let all: Record<string, AxeViolationSummary[]> = {};
  try {
    all = JSON.parse(readFileSync(AXE_LOG, 'utf8')) as Record<string, AxeViolationSummary[]>;
  } catch {
    // First run.
  }
  all[label] = violations;
  writeFileSync(AXE_LOG, `${JSON.stringify(all, null, 2)}\n`);
}

/**
 * Runs axe-core on `page` (open shadow roots included) and returns every violation,
 * recorded under `label`. Use {@link blocking} for the ones that fail a test.
 */
export async function axe(page: Page, label: string): Promise<AxeViolationSummary[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.slice(0, 8).map((n) => n.target.join(' ')),
  }));
  record(label, violations);
  return violations;
}

/** The violations that fail: `serious` and `critical`. */
export function blocking(violations: AxeViolationSummary[]): string[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `[${v.impact}] ${v.id}: ${v.help} — ${v.targets.join(', ')}`);
}

/** What has focus (through open shadow roots), and whether that focus can be seen. */
export interface FocusInfo {
  /** `button "Pause"`, `div[data-container=order-service]`, or `(nothing)`. */
  what: string;
  tag: string;
  name: string;
  container: string | null;
  /** Why the focus is visible (`outline 3px solid`, `box-shadow ring`, `label outline`), or null. */
  visibleBy: string | null;
  /** True when focus is on nothing (body / document). */
  none: boolean;
  /** True when the focused element is inside a `<container-lifecycle>` (shadow root). */
  inElement: boolean;
  /** True when the focused control is disabled (it is about to lose focus). */
  disabled: boolean;
}

/** The focused element and how its focus shows. */
export async function focusInfo(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let inElement = false;
    while (el?.shadowRoot?.activeElement) {
      if (el.tagName.toLowerCase() === 'container-lifecycle') inElement = true;
      el = el.shadowRoot.activeElement;
    }
    if (!el || el === document.body || el === document.documentElement) {
      return { what: '(nothing)', tag: '', name: '', container: null, visibleBy: null, none: true, inElement, disabled: false };
    }
    const html = el as HTMLElement;
    const alpha = (colour: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(colour);
      if (!m?.[1]) return 1;
      const parts = m[1].split(/[ ,/]+/).filter(Boolean);
      return parts.length > 3 ? Number(parts[3]) : 1;
    };
    const ringOf = (node: Element): string | null => {
      const cs = getComputedStyle(node);
      const width = Number.parseFloat(cs.outlineWidth);
      if (cs.outlineStyle !== 'none' && width >= 2 && alpha(cs.outlineColor) > 0.5) return `outline ${cs.outlineWidth} ${cs.outlineStyle}`;
      // A box-shadow ring: a spread of 2px or more (`0 0 0 3px colour`).
      if (cs.boxShadow !== 'none' && /(^|,)\s*(?:rgba?\([^)]*\)\s*)?0px 0px 0px [2-9]/.test(cs.boxShadow)) return 'box-shadow ring';
      return null;
    };
    const rect = html.getBoundingClientRect();
    let visibleBy: string | null = null;
    if (rect.width <= 2 && rect.height <= 2) {
      // A visually hidden control (a file input inside its label): only the label can show the focus.
      const label = html.closest('label') ?? html.parentElement;
      const ring = label ? ringOf(label) : null;
      if (ring) visibleBy = `label ${ring}`;
    } else {
      visibleBy = ringOf(el);
    }
    // The accessible name, near enough: aria-label, else the text without aria-hidden parts (<kbd> hints, icons).
    const visibleText = () => {
      const copy = html.cloneNode(true) as HTMLElement;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      return copy.textContent ?? '';
    };
    const labelled = (html as HTMLInputElement).labels?.[0]?.textContent ?? null;
    const name = (html.getAttribute('aria-label') ?? labelled ?? visibleText()).trim().replace(/\s+/g, ' ').slice(0, 80);
    const container = html.getAttribute('data-container');
    const tag = el.tagName.toLowerCase();
    return {
      what: container ? `${tag}[data-container=${container}]` : `${tag} "${name}"`,
      tag,
      name,
      container,
      visibleBy,
      none: false,
      inElement,
      disabled: (html as HTMLButtonElement).disabled === true,
    };
  });
}

/** A host page for the custom element, served from the site's origin (so the module loads same-origin). */
export async function openElementPage(page: Page, attributes: Record<string, string> = {}): Promise<void> {
  const url = appUrl('a11y-element-host.html');
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`)
    .join('');
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Host page of the container-lifecycle element</title>
    <style>
      body { margin: 0; padding: 12px; font-family: sans-serif; }
      container-lifecycle { margin: 12px 0; }
      a:focus-visible, button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
    </style>
  </head>
  <body>
    <main>
      <h1>A page that embeds the widget</h1>
      <p><a href="#before" id="before">Text before the widget</a></p>
      <container-lifecycle id="widget"${attrs} style="height: 560px"></container-lifecycle>
      <p><button type="button" id="after">After the widget</button></p>
    </main>
    <script type="module" src="container-lifecycle.js"></script>
  </body>
</html>`;
  await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(url, { waitUntil: 'load' });
}
