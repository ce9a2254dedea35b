/**
 * A container's filesystem as overlay2 stacks it: the image's read-only layers, shared by
 * every container of that image, with one thin writable layer on top per container
 * (created by `docker create`, kept while the container exists, deleted by `docker rm`).
 * The simulation knows no real image, so layer count, digests and sizes are SIMULATED,
 * derived from the image name so they are the same on every page load. Pure.
 */
import { fnv1a, hexDigits } from './hash';

export interface ImageLayer {
  /** `sha256:` and 12 hex digits (simulated). */
  digest: string;
  sizeBytes: number;
  /** What the layer holds, in plain words. */
  label: string;
}

export interface WritableLayer {
  /** False once `docker rm` deleted it (the image layers stay). */
  present: boolean;
  /** Bytes written by the container so far (`docker ps -s` SIZE), simulated. */
  sizeBytes: number;
}

/** Base layer of an image, guessed from its name. */
function baseLayer(image: string): { label: string; sizeBytes: number } {
  if (/alpine/i.test(image)) return { label: 'base: Alpine Linux root filesystem', sizeBytes: 7_800_000 };
  if (/^shop\//.test(image)) return { label: 'base: Alpine Linux root filesystem (node:20-alpine)', sizeBytes: 7_800_000 };
  return { label: 'base: Debian bookworm-slim root filesystem', sizeBytes: 74_800_000 };
}

/** What upper layers typically hold: an application image vs an official server image. */
const APP_LABELS = ['packages (RUN apk add)', 'Node.js runtime', 'dependencies (RUN npm ci)', 'configuration files (COPY)', 'application code (COPY)', 'entrypoint script (COPY)'];
const SERVER_LABELS = ['user and group (RUN)', 'packages (RUN apk/apt install)', 'server binaries and libraries', 'configuration files (COPY)', 'data directory setup (RUN)', 'entrypoint script (COPY)'];

/** The image's read-only layers, bottom first: 3 to 7 of them, stable per image name. */
export function imageLayers(image: string): ImageLayer[] {
  const h = fnv1a(image);
  const count = 3 + (h % 5);
  const base = baseLayer(image);
  const layers: ImageLayer[] = [{ digest: `sha256:${hexDigits(`${image}/0`, 12)}`, ...base }];
  for (let i = 1; i < count; i++) {
    const hi = fnv1a(`${image}/${i}`);
    // Mostly small layers, an occasional big one (dependencies), like real images.
    const sizeBytes = hi % 4 === 0 ? 20_000_000 + (hi % 60_000_000) : 4_096 + (hi % 3_000_000);
    const labels = /^shop\//.test(image) ? APP_LABELS : SERVER_LABELS;
    // Keep the typical order (packages low, code and entrypoint high), skipping some.
    const label = labels[Math.min(labels.length - 1, Math.floor(((i - 1) * labels.length) / (count - 1)))] ?? `layer ${i + 1}`;
    layers.push({ digest: `sha256:${hexDigits(`${image}/${i}`, 12)}`, sizeBytes, label });
  }
  return layers;
}

/**
 * The container's writable layer: empty until the first start, then a few kB per start
 * (pid files, logs, temp files; SIMULATED), gone after removal.
 */
export function writableLayer(facts: { id: string; startCount: number; removed: boolean }): WritableLayer {
  if (facts.removed) return { present: false, sizeBytes: 0 };
  if (facts.startCount === 0) return { present: true, sizeBytes: 0 };
  return { present: true, sizeBytes: 2_048 + (fnv1a(facts.id) % 30_000) + facts.startCount * 1_200 };
}
