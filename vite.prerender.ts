/**
 * Build step: the pages' first views as HTML (src/prerender/prerender.tsx, React's static
 * renderer) written into `index.html` and `embed.html` inside `<div id="root">`, which the
 * pages hydrate (src/react/startPage.tsx). So the architecture is on screen before the
 * scripts have loaded. The prerender module is built for Node by Vite itself (same
 * resolution and JSON/CSS handling as the site) into node_modules/.cache and imported.
 *
 * Style attributes: a strict Content-Security-Policy (`style-src 'self'`) ignores them in
 * markup (and reports each one), so each `style="…"` becomes `data-ssr-style="…"` with a
 * rule in a style sheet of the page's own (`assets/prerender-<page>-<hash>.css`); the page
 * moves them back into the elements' styles through the CSSOM (which such a policy allows)
 * before React hydrates. A development build keeps them inline: React's development
 * hydration compares style attributes as text, and the CSSOM writes them its own way.
 *
 * Other views of a page (embed.html's built-in stories, `?story=<id>`): the query string is
 * not known when a static host serves the file, so each is an inert
 * `<template data-prerendered="story=<id>">` after `#root`, and a classic script of ours
 * (`assets/prerender-pick-<hash>.js`: `pickView`, src/prerender/pickView.ts; no inline
 * script, a strict policy forbids them) runs in `<head>` and again after the templates to
 * put the page's own view in `#root` before the module scripts have loaded.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

/** The HTML pages and the function of src/prerender/prerender.tsx that renders each. */
const PAGES = { 'index.html': 'prerenderApp', 'embed.html': 'prerenderEmbed' } as const;
const EMPTY_ROOT = '<div id="root"></div>';

/** A prerendered first view (src/prerender/prerender.tsx). */
interface PrerenderedView {
  search: string;
  html: string;
}

type PrerenderModule = Record<(typeof PAGES)[keyof typeof PAGES], () => Promise<PrerenderedView[]>> & {
  pickView: (doc: Document, search: string) => void;
};

/** While `pickView` has not picked yet: `#root` (maybe another view's markup) stays unpainted. */
const PICK_PENDING_RULE = 'html[data-prerender-pick] #root{visibility:hidden}';

function attributeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function hashed(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

const STYLE_ATTRIBUTE = / style="([^"]*)"/g;

function decodeAttribute(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The markup with its style attributes moved to `data-ssr-style`, and the rules that style them. */
export function extractStyles(markup: string): { markup: string; css: string } {
  const rules = new Map<string, string>();
  const moved = markup.replace(STYLE_ATTRIBUTE, (_, value: string) => {
    const style = decodeAttribute(value);
    const selector = `#root [data-ssr-style="${style.replace(/["\\]/g, (c) => `\\${c}`)}"]`;
    rules.set(selector, `${selector}{${style}}`);
    return ` data-ssr-style="${value}"`;
  });
  return { markup: moved, css: [...rules.values()].join('\n') };
}

export function prerenderPages(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  let inlineStyles = false;
  return {
    name: 'container-lifecycle:prerender',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      inlineStyles = config.mode === 'development';
    },
    async closeBundle() {
      const { build } = await import('vite');
      // Inside node_modules so the bundle's bare imports (react, xstate, …) resolve from it.
      const ssrDir = join(root, 'node_modules/.cache/container-lifecycle-prerender', String(process.pid));
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        build: { ssr: join(root, 'src/prerender/prerender.tsx'), outDir: ssrDir, emptyOutDir: true, minify: false, copyPublicDir: false },
      });
      try {
        const module = (await import(pathToFileURL(join(ssrDir, 'prerender.js')).href)) as PrerenderModule;
        await mkdir(join(outDir, 'assets'), { recursive: true });
        // The view picker as a classic script file (a self-contained function's source text).
        const pickSource = `(${module.pickView.toString()})(document, location.search);\n`;
        const pickName = `assets/prerender-pick-${hashed(pickSource)}.js`;
        let pickWritten = false;
        for (const [pageName, fn] of Object.entries(PAGES) as Array<[keyof typeof PAGES, (typeof PAGES)[keyof typeof PAGES]]>) {
          const file = join(outDir, pageName);
          const html = await readFile(file, 'utf8');
          if (!html.includes(EMPTY_ROOT)) throw new Error(`${pageName} has no ${EMPTY_ROOT} to prerender into`);
          const [first, ...others] = await module[fn]();
          if (!first || first.search !== '') throw new Error(`${fn} did not render the page without parameters first`);
          const views = [first, ...others].map((view) => (inlineStyles ? { search: view.search, markup: view.html, css: '' } : { search: view.search, ...extractStyles(view.html) }));
          const rules = new Set(views.flatMap((view) => view.css.split('\n')).filter(Boolean));
          if (others.length > 0) rules.add(PICK_PENDING_RULE);
          const css = [...rules].join('\n');
          let head = '';
          if (css) {
            const name = `assets/prerender-${pageName.replace(/\.html$/, '')}-${hashed(css)}.css`;
            await writeFile(join(outDir, name), css);
            head += `  <link rel="stylesheet" href="./${name}">\n`;
          }
          let after = '';
          if (others.length > 0) {
            if (!pickWritten) await writeFile(join(outDir, pickName), pickSource);
            pickWritten = true;
            const script = `<script src="./${pickName}"></script>`;
            head += `  ${script}\n`;
            after = views
              .slice(1)
              .map((view) => `\n    <template data-prerendered="${attributeText(view.search)}">${view.markup}</template>`)
              .join('');
            after += `\n    ${script}`;
          }
          let page = html.replace('</head>', `${head}  </head>`);
          page = page.replace(EMPTY_ROOT, `<div id="root" data-prerendered>${views[0]!.markup}</div>`);
          if (after) page = page.replace('</body>', `${after}\n  </body>`);
          await writeFile(file, page);
        }
      } finally {
        await rm(ssrDir, { recursive: true, force: true });
      }
    },
  };
}
