/**
 * Bundle bench: gzip -9 size of what each page of the built site loads first (its HTML's
 * scripts, module preloads and style sheets, plus every chunk they import statically;
 * lazy chunks apart), versus a bare React + React Flow page (bench/baseline, React
 * Flow's stylesheet) built in the same run with the same Vite. Pages: the app
 * (index.html), the embed page (embed.html) and the custom element
 * (container-lifecycle.js and the chunks it imports statically, styles inlined for its
 * shadow root; its `import()` chunks beside it are lazy), each when present.
 * Builds come from bench/lib/builds.ts (temp dirs; `dist/` is not touched).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { figure, type Figure } from '../lib/measure';
import { assetsSizes, moduleSizes, pageSizes, type FileSet } from '../lib/pageSizes.mjs';
import type { Builds } from '../lib/builds';

/** Why the bundle bench cannot run yet, or null when it can. */
export function bundleBenchBlocker(repoRoot: string): string | null {
  if (!existsSync(join(repoRoot, 'src/app/main.tsx'))) return 'src/app/main.tsx does not exist yet (UI not landed)';
  if (!existsSync(join(repoRoot, 'index.html'))) return 'index.html does not exist yet';
  return null;
}

/** Budget of each page's gzip JS+CSS against the bare page. */
const BUNDLE_BUDGET = { op: '<=', limit: 1.15 } as const;
/** Budget of the custom element's initial JS (what a deck loads with its one script tag) against the bare page. */
const ELEMENT_BUDGET = { op: '<=', limit: 1.5 } as const;

export function runBundleSize(builds: Builds): { figures: Figure[]; detail: Record<string, unknown>; skipped: Array<{ id: string; reason: string }> } {
  const kib = (b: number) => b / 1024;
  const base = pageSizes(builds.baseline, 'index.html');
  if (!base) throw new Error('the baseline build has no index.html');
  const b = base.initial;
  const baseTotal = b.js.gzip + b.css.gzip;
  const group = '4. Bundle';
  const figures: Figure[] = [];
  const skipped: Array<{ id: string; reason: string }> = [];
  const lazyNote = (lazy: FileSet) => (lazy.files.length ? `; lazy chunks not counted: ${lazy.files.map((f) => `${f.file.replace(/^assets\//, '')} ${kib(f.gzip).toFixed(1)} KiB`).join(', ')}` : '');

  // The floor: the bare page plus xstate and the machines running compose up (bench/baseline/floor.ts),
  // what a page that runs the machine at its first view weighs at the least.
  const floorPage = pageSizes(builds.baseline, 'floor.html');
  const floor = floorPage ? floorPage.initial.js.gzip + floorPage.initial.css.gzip : null;
  const floorNote = floor === null ? '' : `; floor (bare page + xstate + the machines) ${kib(floor).toFixed(1)} KiB = ${(floor / baseTotal).toFixed(2)}×`;
  if (floorPage && floor !== null) {
    figures.push(
      figure({
        id: 'bundle.gzip.floor',
        group,
        label: 'floor: bare page + xstate + machines, gzip -9',
        unit: 'KiB',
        value: kib(floor),
        baseline: kib(baseTotal),
        baselineLabel: 'bare React + React Flow page (JS+CSS)',
        budget: null,
        note: `bench/baseline/floor.html: the bare page plus createArchitecture(ecommerce, { up: true }) from machines/, same Vite: ${floorPage.initial.files.map((f) => f.file.replace(/^assets\//, '')).join(', ')}`,
      }),
    );
  } else skipped.push({ id: 'bundle.gzip.floor', reason: 'the baseline build has no floor.html' });

  const app = pageSizes(builds.app, 'index.html');
  if (app) {
    const a = app.initial;
    figures.push(
      figure({
        id: 'bundle.gzip.total',
        group,
        label: 'app page JS+CSS, gzip -9',
        unit: 'KiB',
        value: kib(a.js.gzip + a.css.gzip),
        baseline: kib(baseTotal),
        baselineLabel: 'bare React + React Flow page (JS+CSS)',
        budget: BUNDLE_BUDGET,
        note: `index.html and its static imports: ${a.files.map((f) => f.file.replace(/^assets\//, '')).join(', ')}${floorNote}${lazyNote(app.lazy)}`,
      }),
      figure({ id: 'bundle.gzip.js', group, label: 'app page JS, gzip -9', unit: 'KiB', value: kib(a.js.gzip), baseline: kib(b.js.gzip), baselineLabel: 'bare page JS', budget: null }),
      figure({ id: 'bundle.gzip.css', group, label: 'app page CSS, gzip -9', unit: 'KiB', value: kib(a.css.gzip), baseline: kib(b.css.gzip), baselineLabel: 'bare page CSS', budget: null }),
    );
  }
  const embed = pageSizes(builds.app, 'embed.html');
  if (embed) {
    const e = embed.initial;
    figures.push(
      figure({
        id: 'bundle.gzip.embed',
        group,
        label: 'embed page JS+CSS, gzip -9',
        unit: 'KiB',
        value: kib(e.js.gzip + e.css.gzip),
        baseline: kib(baseTotal),
        baselineLabel: 'bare React + React Flow page (JS+CSS)',
        budget: BUNDLE_BUDGET,
        note: `embed.html and its static imports: ${e.files.map((f) => f.file.replace(/^assets\//, '')).join(', ')}${floorNote}${lazyNote(embed.lazy)}`,
      }),
    );
  } else skipped.push({ id: 'bundle.gzip.embed', reason: 'the build has no embed.html' });
  const element = builds.elementError ? null : moduleSizes(builds.app, 'container-lifecycle.js');
  if (element) {
    const el = element.initial;
    figures.push(
      figure({
        id: 'bundle.gzip.element',
        group,
        label: 'element container-lifecycle.js (initial), gzip -9',
        unit: 'KiB',
        value: kib(el.js.gzip + el.css.gzip),
        baseline: kib(baseTotal),
        baselineLabel: 'bare React + React Flow page (JS+CSS)',
        budget: ELEMENT_BUDGET,
        note: `container-lifecycle.js and its static imports (React, React Flow, the machines, the styles inlined for the shadow root): ${el.files.map((f) => f.file).join(', ')}${lazyNote(element.lazy)}`,
      }),
    );
  } else skipped.push({ id: 'bundle.gzip.element', reason: builds.elementError ?? 'container-lifecycle.js not built' });
  const all = assetsSizes(builds.app);
  if (all) {
    figures.push(
      figure({
        id: 'bundle.gzip.allAssets',
        group,
        label: 'all assets/*.js+css of the site, gzip -9',
        unit: 'KiB',
        value: kib(all.js.gzip + all.css.gzip),
        baseline: kib(baseTotal),
        baselineLabel: 'bare React + React Flow page (JS+CSS)',
        budget: null,
        note: 'both pages and their lazy chunks, shared chunks counted once (what this figure measured before per-page figures)',
      }),
    );
  }
  return { figures, detail: { app, embed, element, allAssets: all, baseline: base, floor: floorPage, elementError: builds.elementError }, skipped };
}
