/**
 * Bundle bench: gzip size of the built app's JS + CSS (`vite build` with the repo's
 * vite.config.ts) versus a bare React + React Flow page (bench/baseline, 500 static
 * nodes, React Flow's stylesheet) built in the same run with the same Vite. Both go
 * to temp dirs; `dist/` is not touched.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from '../lib/measure';

interface Sizes {
  jsRaw: number;
  jsGzip: number;
  cssRaw: number;
  cssGzip: number;
  files: Array<{ file: string; raw: number; gzip: number }>;
}

function sizesOf(dir: string): Sizes {
  const sizes: Sizes = { jsRaw: 0, jsGzip: 0, cssRaw: 0, cssGzip: 0, files: [] };
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(m?js|css)$/.test(name)) {
        const buf = readFileSync(p);
        const gz = gzipSync(buf, { level: 9 }).length;
        sizes.files.push({ file: p.slice(dir.length + 1), raw: buf.length, gzip: gz });
        if (name.endsWith('.css')) {
          sizes.cssRaw += buf.length;
          sizes.cssGzip += gz;
        } else {
          sizes.jsRaw += buf.length;
          sizes.jsGzip += gz;
        }
      }
    }
  };
  walk(dir);
  return sizes;
}

/** Why the bundle bench cannot run yet, or null when it can. */
export function bundleBenchBlocker(repoRoot: string): string | null {
  if (!existsSync(join(repoRoot, 'src/app/main.tsx'))) return 'src/app/main.tsx does not exist yet (UI not landed)';
  if (!existsSync(join(repoRoot, 'index.html'))) return 'index.html does not exist yet';
  return null;
}

export async function runBundleSize(repoRoot: string): Promise<{ figures: Figure[]; detail: Record<string, unknown> }> {
  const { build } = await import('vite');
  const appOut = mkdtempSync(join(tmpdir(), 'bench-app-'));
  const baseOut = mkdtempSync(join(tmpdir(), 'bench-baseline-'));
  try {
    await build({
      configFile: join(repoRoot, 'vite.config.ts'),
      root: repoRoot,
      logLevel: 'warn',
      build: { outDir: appOut, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 1e6 },
    });
    await build({
      configFile: join(repoRoot, 'bench/baseline/vite.config.mjs'),
      logLevel: 'warn',
      build: { outDir: baseOut, emptyOutDir: true, chunkSizeWarningLimit: 1e6 },
    });
    const app = sizesOf(appOut);
    const base = sizesOf(baseOut);
    const kib = (b: number) => b / 1024;
    return {
      figures: [
        figure({
          id: 'bundle.gzip.total',
          group: '4. Bundle',
          label: 'app JS+CSS, gzip -9',
          unit: 'KiB',
          value: kib(app.jsGzip + app.cssGzip),
          baseline: kib(base.jsGzip + base.cssGzip),
          baselineLabel: 'bare React + React Flow page (500 static nodes)',
          budget: null,
        }),
        figure({
          id: 'bundle.gzip.js',
          group: '4. Bundle',
          label: 'app JS, gzip -9',
          unit: 'KiB',
          value: kib(app.jsGzip),
          baseline: kib(base.jsGzip),
          baselineLabel: 'bare page JS',
          budget: null,
        }),
        figure({
          id: 'bundle.gzip.css',
          group: '4. Bundle',
          label: 'app CSS, gzip -9',
          unit: 'KiB',
          value: kib(app.cssGzip),
          baseline: kib(base.cssGzip),
          baselineLabel: 'bare page CSS',
          budget: null,
        }),
      ],
      detail: { app, baseline: base },
    };
  } finally {
    rmSync(appOut, { recursive: true, force: true });
    rmSync(baseOut, { recursive: true, force: true });
  }
}
