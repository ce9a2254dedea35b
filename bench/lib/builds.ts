/**
 * The production builds the bundle and browser benches share, made once per run into
 * temp dirs (`dist/` is never touched) and removed by `cleanupBuilds()`:
 * - `app`: `vite build` with the repo's vite.config.ts (index.html + embed.html), then
 *   the custom element (vite.element.config.ts) into the same dir, as `npm run build:site`;
 * - `baseline`: bench/baseline (bare React + React Flow);
 * - debug builds (only when asked, for profiles): the app and the baseline unminified, so a
 *   CPU profile names functions and their modules.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Builds {
  app: string;
  baseline: string;
  /** Why the element was not built, or null (then `<app>/container-lifecycle.js` exists). */
  elementError: string | null;
}

let builds: Promise<Builds> | null = null;
let debugBuild: Promise<{ app: string; baseline: string }> | null = null;
const dirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

async function buildAll(repoRoot: string): Promise<Builds> {
  const { build } = await import('vite');
  const app = tempDir('bench-app-');
  const baseline = tempDir('bench-baseline-');
  await build({
    configFile: join(repoRoot, 'vite.config.ts'),
    root: repoRoot,
    logLevel: 'warn',
    build: { outDir: app, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 1e6 },
  });
  let elementError: string | null = null;
  const elementConfig = join(repoRoot, 'vite.element.config.ts');
  if (!existsSync(elementConfig)) elementError = 'vite.element.config.ts not found';
  else {
    try {
      await build({
        configFile: elementConfig,
        root: repoRoot,
        logLevel: 'warn',
        build: { outDir: app, emptyOutDir: false, reportCompressedSize: false, chunkSizeWarningLimit: 1e6 },
      });
      if (!existsSync(join(app, 'container-lifecycle.js'))) elementError = 'the element build wrote no container-lifecycle.js';
    } catch (error) {
      elementError = `element build failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
  }
  await build({
    configFile: join(repoRoot, 'bench/baseline/vite.config.mjs'),
    logLevel: 'warn',
    build: { outDir: baseline, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 1e6 },
  });
  return { app, baseline, elementError };
}

/** The shared builds (built on first call; a failed build rejects every caller). */
export function getBuilds(repoRoot: string): Promise<Builds> {
  builds ??= buildAll(repoRoot);
  return builds;
}

/** The app and the baseline built without minification (function names and module markers kept, for CPU profiles). */
export function getDebugBuilds(repoRoot: string): Promise<{ app: string; baseline: string }> {
  debugBuild ??= (async () => {
    const { build } = await import('vite');
    const app = tempDir('bench-app-debug-');
    const baseline = tempDir('bench-baseline-debug-');
    await build({
      configFile: join(repoRoot, 'vite.config.ts'),
      root: repoRoot,
      logLevel: 'warn',
      build: { outDir: app, emptyOutDir: true, minify: false, sourcemap: true, reportCompressedSize: false, chunkSizeWarningLimit: 1e9 },
    });
    await build({
      configFile: join(repoRoot, 'bench/baseline/vite.config.mjs'),
      logLevel: 'warn',
      build: { outDir: baseline, emptyOutDir: true, minify: false, sourcemap: true, reportCompressedSize: false, chunkSizeWarningLimit: 1e9 },
    });
    return { app, baseline };
  })();
  return debugBuild;
}

export function cleanupBuilds(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  builds = null;
  debugBuild = null;
}
