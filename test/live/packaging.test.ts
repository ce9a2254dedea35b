/**
 * `npx container-lifecycle live` runs from the published package: the bin (one bundled
 * file with dockerode inside) and the built site it serves must be in it, and dockerode
 * must stay out of what a machine-only consumer installs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  bin?: Record<string, string>;
  files?: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  scripts?: Record<string, string>;
};

/** Whether npm's `files` (plain paths, as this package writes them) publish `path`. */
const published = (path: string) => (pkg.files ?? []).some((f) => path === f || path.startsWith(`${f.replace(/\/$/, '')}/`));

describe('the live bridge in the package', () => {
  it('has the bin, built into dist/bridge/cli.js', () => {
    expect(pkg.bin?.['container-lifecycle']).toBe('dist/bridge/cli.js');
    expect(pkg.scripts?.['build:bridge']).toContain('vite.bridge.config.ts');
  });

  it('publishes the bin and the site it serves (live.html and its assets)', () => {
    for (const path of ['dist/bridge/cli.js', 'dist/live.html', 'dist/assets/x.js']) expect(published(path), path).toBe(true);
  });

  it('keeps dockerode out of the installed dependencies (it is bundled into the bin)', () => {
    for (const deps of [pkg.dependencies, pkg.peerDependencies, pkg.optionalDependencies]) {
      expect(Object.keys(deps ?? {})).not.toContain('dockerode');
    }
  });
});
