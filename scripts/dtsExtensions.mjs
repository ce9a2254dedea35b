#!/usr/bin/env node
/**
 * Gives every relative import in the emitted declarations (dist/lib/types) its full file
 * name, so the types resolve under TypeScript's `NodeNext`/`Node16` as well as `Bundler`:
 * Node-style resolution does not guess extensions, and the sources (bundled by Vite)
 * import without them. `'./spec'` becomes `'./spec.js'`, `'../../machines'` becomes
 * `'../../machines/index.js'`. Side-effect imports (`import './X.css'`, kept by tsc) carry no
 * types and are dropped. Fails on a specifier that matches no emitted file.
 *
 * Usage: node scripts/dtsExtensions.mjs [dir] (default dist/lib/types)
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist/lib/types');
// `from './x'`, `import('./x')`, `import('..')` (declarations keep no other forms).
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;
const SIDE_EFFECT_IMPORT = /^import\s+(['"])[^'"]+\1;?[ \t]*\r?\n/gm;

function withExtension(file, specifier) {
  if (/\.(js|mjs|cjs|json)$/.test(specifier)) return specifier;
  const base = resolve(dirname(file), specifier);
  if (existsSync(`${base}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`;
  throw new Error(`${file}: no declaration for '${specifier}'`);
}

let changed = 0;
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8');
  const next = text.replace(SIDE_EFFECT_IMPORT, '').replace(SPECIFIER, (_, lead, quote, spec) => `${lead}${quote}${withExtension(file, spec)}${quote}`);
  if (next !== text) {
    writeFileSync(file, next);
    changed++;
  }
}
console.log(`dtsExtensions: ${changed} declaration file(s) rewritten under ${root}`);
