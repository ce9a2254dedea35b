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
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

/** The HTML pages and the function of src/prerender/prerender.tsx that renders each. */
const PAGES = { 'index.html': 'prerenderApp', 'embed.html': 'prerenderEmbed' } as const;
const EMPTY_ROOT = '<div id="root"></div>';

type PrerenderModule = Record<(typeof PAGES)[keyof typeof PAGES], () => Promise<string>>;

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
        for (const [pageName, fn] of Object.entries(PAGES) as Array<[keyof typeof PAGES, keyof PrerenderModule]>) {
          const file = join(outDir, pageName);
          const html = await readFile(file, 'utf8');
          if (!html.includes(EMPTY_ROOT)) throw new Error(`${pageName} has no ${EMPTY_ROOT} to prerender into`);
          let view = await module[fn]();
          let page = html;
          if (!inlineStyles) {
            const styled = extractStyles(view);
            view = styled.markup;
            const name = `assets/prerender-${pageName.replace(/\.html$/, '')}-${createHash('sha256').update(styled.css).digest('hex').slice(0, 8)}.css`;
            await mkdir(join(outDir, 'assets'), { recursive: true });
            await writeFile(join(outDir, name), styled.css);
            page = page.replace('</head>', `  <link rel="stylesheet" href="./${name}">\n  </head>`);
          }
          await writeFile(file, page.replace(EMPTY_ROOT, `<div id="root" data-prerendered>${view}</div>`));
        }
      } finally {
        await rm(ssrDir, { recursive: true, force: true });
      }
    },
  };
}
