/**
 * Vitest globalSetup for the e2e suite: serves the BUILT site (`dist/`, written by
 * `vite build` in `npm run test:e2e`) on a free localhost port and hands the base URL
 * to the tests via `provide('baseUrl')` (read it with `inject('baseUrl')`, or use
 * `baseUrl()` from ./browser). Also sets `process.env.E2E_BASE_URL`.
 *
 * Environment:
 * - `E2E_BASE_URL`: test an already running server instead (nothing is served).
 * - `E2E_DIST`: folder to serve (default `dist`).
 * - `E2E_HEADERS`: JSON object of extra response headers for every response
 *   (e.g. '{"Content-Security-Policy":"default-src \'self\'"}'). Tests that need their
 *   own headers can start a second server with `startStaticServer` from ./staticServer.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  mkdirSync(resolve('test-results'), { recursive: true });
  const distDir = resolve(process.env.E2E_DIST ?? 'dist');

  const external = process.env.E2E_BASE_URL;
  if (external) {
    const url = external.endsWith('/') ? external : `${external}/`;
    project.provide('baseUrl', url);
    project.provide('distDir', distDir);
    return async () => {};
  }

  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`e2e: ${join(distDir, 'index.html')} not found. Build first: npm run test:e2e runs "vite build".`);
  }
  const headers = process.env.E2E_HEADERS ? (JSON.parse(process.env.E2E_HEADERS) as Record<string, string>) : undefined;
  const server = await startStaticServer({ root: distDir, headers });
  process.env.E2E_BASE_URL = server.url;
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  console.log(`[e2e] serving ${distDir} at ${server.url}`);
  return async () => {
    delete process.env.E2E_BASE_URL;
    await server.close();
  };
}
