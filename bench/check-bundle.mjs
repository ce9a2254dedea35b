#!/usr/bin/env node
// CI size guard: gzip -9 sizes of the built site in dist/ (after `vite build` and the
// element build, which `npm test` runs) against the figures recorded in
// bench/bundle-budget.json. Fails (exit 1) ONLY on a gross regression: a figure more than
// `tolerance` (20 %) over its record. Smaller figures, new figures and missing files are
// reported, never failed. Exit 2 when there is nothing to check (no dist/).
//
//   node bench/check-bundle.mjs            check dist/
//   node bench/check-bundle.mjs --record   write the current figures as the new record
//   node bench/check-bundle.mjs --dist=DIR check another build
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guardFigures } from './lib/pageSizes.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const dist = resolve(args.find((a) => a.startsWith('--dist='))?.slice('--dist='.length) ?? join(repoRoot, 'dist'));
const budgetFile = join(repoRoot, 'bench/bundle-budget.json');
const kib = (b) => (b / 1024).toFixed(1);

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bundle guard: ${dist}/index.html not found; build first (npm run build:site). Nothing checked.`);
  process.exit(2);
}
const now = guardFigures(dist);

if (args.includes('--record')) {
  const previous = existsSync(budgetFile) ? JSON.parse(readFileSync(budgetFile, 'utf8')) : {};
  const record = {
    about:
      'gzip -9 bytes of the built site, recorded by `node bench/check-bundle.mjs --record` after `npm run build:site`. ' +
      'CI (`.ci/run`) fails when a figure grows more than `tolerance` over its record. Re-record on purpose when a size change is intended.',
    tolerance: previous.tolerance ?? 0.2,
    recordedAt: new Date().toISOString(),
    figures: now,
  };
  writeFileSync(budgetFile, JSON.stringify(record, null, 2) + '\n');
  for (const [name, bytes] of Object.entries(now)) console.log(`${name.padEnd(44)} ${kib(bytes).padStart(8)} KiB`);
  console.log(`recorded in ${budgetFile}`);
  process.exit(0);
}

if (!existsSync(budgetFile)) {
  console.error(`bundle guard: ${budgetFile} not found (record it with --record). Nothing checked.`);
  process.exit(2);
}
const { figures: recorded, tolerance = 0.2 } = JSON.parse(readFileSync(budgetFile, 'utf8'));
const rows = [];
let failed = 0;
for (const name of new Set([...Object.keys(recorded), ...Object.keys(now)])) {
  const was = recorded[name];
  const is = now[name];
  let verdict;
  if (was === undefined) verdict = 'new (not recorded)';
  else if (is === undefined) verdict = 'missing in this build (not checked)';
  else if (is > was * (1 + tolerance)) {
    verdict = `FAIL (> +${Math.round(tolerance * 100)} %)`;
    failed++;
  } else verdict = 'ok';
  const change = was !== undefined && is !== undefined ? `${is >= was ? '+' : ''}${(((is - was) / was) * 100).toFixed(1)} %` : '';
  rows.push([name, was === undefined ? '—' : kib(was), is === undefined ? '—' : kib(is), change, verdict]);
}
const head = ['figure (gzip -9)', 'recorded KiB', 'now KiB', 'change', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
console.log([line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n'));
console.log(
  failed === 0
    ? `bundle guard: ok (every figure within +${Math.round(tolerance * 100)} % of bench/bundle-budget.json)`
    : `bundle guard: ${failed} figure(s) more than ${Math.round(tolerance * 100)} % over the record in bench/bundle-budget.json`,
);
process.exit(failed === 0 ? 0 : 1);
