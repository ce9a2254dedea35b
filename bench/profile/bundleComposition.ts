/**
 * What the bundle bench's bytes are: builds the site (minified, as shipped, plus source
 * maps) and the element into a temp dir, then attributes every byte of each page's
 * initial JS (and of the element's) to its source module through the source map, grouped
 * by package (react-dom, @xyflow/react, zod, …) or by src/<area>/<feature>. "gzip" is each
 * group's code gzipped on its own (an estimate: the parts do not add up to the whole).
 * Usage: node bench/profile.mjs bundleComposition
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeMappings } from '../browser/profileStorm';
import { moduleSizes, pageSizes } from '../lib/pageSizes.mjs';

function group(path: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return nm[1]!;
  const m = /(?:^|\/)(src|machines)\/(.+)$/.exec(path);
  if (!m) return path.replace(/^\0/, '') || '(unmapped)';
  const parts = m[2]!.split('/');
  return [m[1], ...parts.slice(0, Math.min(m[1] === 'src' ? 2 : 1, parts.length - 1))].join('/');
}

/** bytes of `file` (a minified chunk) per source group, via `<file>.map`. */
function composition(file: string): Map<string, string[]> {
  const code = readFileSync(file, 'utf8').split('\n');
  // Rolldown writes its shared runtime helpers (`rolldown-runtime-*.js`) without a map.
  if (!existsSync(`${file}.map`)) return new Map([[/rolldown-runtime/.test(file) ? '(rolldown runtime)' : '(no source map)', code]]);
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const lines = decodeMappings(map.mappings);
  const parts = new Map<string, string[]>();
  const add = (g: string, text: string) => {
    if (!text) return;
    const list = parts.get(g) ?? [];
    list.push(text);
    parts.set(g, list);
  };
  code.forEach((line, i) => {
    const l = lines[i];
    if (!l || l.cols.length === 0) {
      add('(unmapped)', line);
      return;
    }
    add('(unmapped)', line.slice(0, l.cols[0]));
    for (let k = 0; k < l.cols.length; k++) add(group(map.sources[l.src[k]!] ?? ''), line.slice(l.cols[k], l.cols[k + 1] ?? line.length));
  });
  return parts;
}

export async function run(_: number, outDir: string): Promise<void> {
  const repoRoot = join(outDir, '../../..');
  const { build } = await import('vite');
  const dir = mkdtempSync(join(tmpdir(), 'bench-composition-'));
  try {
    await build({ configFile: join(repoRoot, 'vite.config.ts'), root: repoRoot, logLevel: 'error', build: { outDir: dir, emptyOutDir: true, sourcemap: true, reportCompressedSize: false, chunkSizeWarningLimit: 1e9 } });
    await build({ configFile: join(repoRoot, 'vite.element.config.ts'), root: repoRoot, logLevel: 'error', build: { outDir: dir, emptyOutDir: false, sourcemap: true, reportCompressedSize: false, chunkSizeWarningLimit: 1e9 } });
    const targets: Array<[string, string[]]> = [];
    for (const html of ['index.html', 'embed.html']) {
      const p = pageSizes(dir, html);
      if (p) targets.push([`${html} (initial JS, ${(p.initial.js.gzip / 1024).toFixed(1)} KiB gzip)`, p.initial.files.filter((f) => /\.m?js$/.test(f.file)).map((f) => join(dir, f.file))]);
    }
    const el = moduleSizes(dir, 'container-lifecycle.js');
    if (el) targets.push([`container-lifecycle.js (initial JS, ${(el.initial.js.gzip / 1024).toFixed(1)} KiB gzip)`, el.initial.files.map((f) => join(dir, f.file))]);
    for (const [title, files] of targets) {
      const all = new Map<string, string[]>();
      for (const f of files) for (const [g, texts] of composition(f)) all.set(g, [...(all.get(g) ?? []), ...texts]);
      const rows = [...all].map(([g, texts]) => {
        const text = texts.join('');
        return { g, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
      });
      const total = rows.reduce((a, r) => a + r.raw, 0);
      console.log(`\n${title}: raw KiB / gzip KiB (alone) / share of raw`);
      for (const r of rows.sort((a, b) => b.raw - a.raw).slice(0, 22)) {
        console.log(`  ${(r.raw / 1024).toFixed(1).padStart(7)} ${(r.gzip / 1024).toFixed(1).padStart(7)} ${((100 * r.raw) / total).toFixed(1).padStart(5)}%  ${r.g}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
