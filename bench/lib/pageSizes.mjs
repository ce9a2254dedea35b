// Per-page bundle sizes of a built site (plain ESM, no dependencies): used by the bundle
// bench (bench/suites/bundleSize.ts) and by the CI size guard (bench/check-bundle.mjs).
//
// A page's **initial** files are what its HTML loads (`<script src>`, `modulepreload`,
// `stylesheet`) plus every JS chunk those import statically (followed through the
// minified `import … from"./x.js"` / `import"./x.js"` statements). Chunks reached only
// through `import("./x.js")` are the page's **lazy** files (loaded on first use).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip -9 size of a file, bytes. */
export function gzipSize(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

const STATIC_IMPORT = /(?:^|[;}\s)])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.m?js)["'`]/g;
// Vite writes dynamic imports with any quote (rolldown: backticks).
const DYNAMIC_IMPORT = /import\(\s*["'`](\.{1,2}\/[^"'`]+\.m?js)["'`]\s*\)/g;
const HTML_REF = /<(script|link)\b[^>]*?\b(?:src|href)=["']([^"']+)["'][^>]*>/gi;

function refsOfHtml(html) {
  const refs = [];
  for (const m of html.matchAll(HTML_REF)) {
    const tag = m[0];
    const url = m[2];
    if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) continue;
    if (m[1].toLowerCase() === 'link' && !/rel=["']?(?:modulepreload|stylesheet)/i.test(tag)) continue;
    refs.push(url.replace(/^\.\//, '').replace(/^\//, '').split(/[?#]/)[0]);
  }
  return refs;
}

function importsOf(file, pattern) {
  const text = readFileSync(file, 'utf8');
  const out = [];
  for (const m of text.matchAll(pattern)) out.push(normalize(join(dirname(file), m[1])));
  return out;
}

function total(root, files) {
  const list = [...files].sort().map((f) => ({ file: relative(root, f), raw: readFileSync(f).length, gzip: gzipSize(f) }));
  const sum = (ext) => list.filter((f) => ext.test(f.file)).reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { js: sum(/\.m?js$/), css: sum(/\.css$/), files: list };
}

/** `{ initial, lazy }` of the files in `roots` (what a page or a script loads first) and what they import. */
function closure(root, roots) {
  const initial = new Set();
  const queue = roots.filter((f) => existsSync(f));
  while (queue.length) {
    const f = queue.shift();
    if (initial.has(f)) continue;
    initial.add(f);
    if (/\.m?js$/.test(f)) for (const dep of importsOf(f, STATIC_IMPORT)) if (existsSync(dep) && !initial.has(dep)) queue.push(dep);
  }
  const lazy = new Set();
  const lazyQueue = [...initial].filter((f) => /\.m?js$/.test(f)).flatMap((f) => importsOf(f, DYNAMIC_IMPORT));
  while (lazyQueue.length) {
    const f = lazyQueue.shift();
    if (initial.has(f) || lazy.has(f) || !existsSync(f)) continue;
    lazy.add(f);
    lazyQueue.push(...importsOf(f, STATIC_IMPORT), ...importsOf(f, DYNAMIC_IMPORT));
  }
  return { initial: total(root, initial), lazy: total(root, lazy) };
}

/**
 * Sizes of one HTML page of the built site in `root`: `{ initial, lazy }`, each
 * `{ js: {raw, gzip}, css: {raw, gzip}, files: [{file, raw, gzip}] }`. Null when the
 * page is not there.
 */
export function pageSizes(root, htmlFile) {
  const htmlPath = join(root, htmlFile);
  if (!existsSync(htmlPath)) return null;
  return closure(root, refsOfHtml(readFileSync(htmlPath, 'utf8')).map((r) => join(root, r)));
}

/**
 * Sizes of one module script (the custom element, `container-lifecycle.js`) as a page that
 * holds only `<script type="module" src>` of it loads it: `{ initial, lazy }` as for a page
 * (the file and every chunk it imports statically; `import()` chunks are lazy). Null when missing.
 */
export function moduleSizes(root, file) {
  const path = join(root, file);
  if (!existsSync(path)) return null;
  return closure(root, [path]);
}

/** Every `assets/*.js` and `assets/*.css` of the build, whichever page uses them. */
export function assetsSizes(root) {
  const dir = join(root, 'assets');
  if (!existsSync(dir)) return null;
  return total(root, readdirSync(dir).filter((n) => /\.(m?js|css)$/.test(n)).map((n) => join(dir, n)));
}

/**
 * The figures the CI guard records and checks, gzip bytes: the app page's and the embed
 * page's initial JS and CSS, the element's initial JS (its file and static imports), and
 * all of `assets/*.js` (lazy chunks included).
 * Figures whose files are missing are left out.
 */
export function guardFigures(root) {
  const out = {};
  const app = pageSizes(root, 'index.html');
  if (app) {
    out['app page JS (index.html, initial)'] = app.initial.js.gzip;
    out['app page CSS (index.html, initial)'] = app.initial.css.gzip;
  }
  const embed = pageSizes(root, 'embed.html');
  if (embed) {
    out['embed page JS (embed.html, initial)'] = embed.initial.js.gzip;
    out['embed page CSS (embed.html, initial)'] = embed.initial.css.gzip;
  }
  const element = moduleSizes(root, 'container-lifecycle.js');
  if (element) out['element (container-lifecycle.js, initial)'] = element.initial.js.gzip;
  const assets = assetsSizes(root);
  if (assets) out['all assets/*.js (lazy chunks included)'] = assets.js.gzip;
  return out;
}
