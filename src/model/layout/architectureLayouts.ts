/**
 * The layout of the architecture on screen, without loading the layout engine at start:
 * the built-in scenarios' layouts are precomputed (`builtinLayouts.json`, written and
 * checked by `test/model/layout/builtinLayouts.test.ts`), and `layoutArchitecture.ts`
 * (dagre) is a chunk of its own, loaded for any other spec (a compose file, a replay, a
 * scale). The loaders of those start it early (`preloadLayoutEngine`), so the canvas
 * seldom waits for it; when it must, the canvas suspends (`src/react/useLayoutReady.ts`).
 */
import type { ArchitectureSpec } from '../../../machines';
import builtin from './builtinLayouts.json';
import type { ArchitectureLayout } from './layoutGeometry';

type LayoutEngine = typeof import('./layoutArchitecture');

let engine: LayoutEngine | null = null;
let loading: Promise<LayoutEngine> | null = null;

/** The layout engine (dagre), loaded once. */
export function loadLayoutEngine(): Promise<LayoutEngine> {
  loading ??= import('./layoutArchitecture').then(
    (module) => (engine = module),
    (cause: unknown) => {
      loading = null; // a failed chunk load (offline) may be retried
      throw cause;
    },
  );
  return loading;
}

/** Starts loading the layout engine (for a spec about to be shown); never rejects. */
export function preloadLayoutEngine(): void {
  loadLayoutEngine().catch(() => undefined);
}

/** JSON with every object's keys sorted: equal specs give equal text whatever their keys' order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A key naming a spec's content (64 bits of FNV-1a over its canonical JSON). */
export function specKey(spec: ArchitectureSpec): string {
  const text = canonicalJson(spec);
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x9747b28c);
}

const BUILTIN = new Map(Object.entries((builtin as unknown as { layouts: Record<string, ArchitectureLayout> }).layouts));
const keys = new WeakMap<ArchitectureSpec, string>();

/** The precomputed layout of `spec` (a built-in scenario, as is), or null. */
export function precomputedLayout(spec: ArchitectureSpec): ArchitectureLayout | null {
  let key = keys.get(spec);
  if (key === undefined) keys.set(spec, (key = specKey(spec)));
  return BUILTIN.get(key) ?? null;
}

/** Whether `architectureLayout(spec)` can answer now (precomputed, or the engine is loaded). */
export function layoutReady(spec: ArchitectureSpec): boolean {
  return engine !== null || precomputedLayout(spec) !== null;
}

/** The layout of `spec`: precomputed, else computed by the layout engine, which must be loaded (`layoutReady`). */
export function architectureLayout(spec: ArchitectureSpec): ArchitectureLayout {
  const ready = precomputedLayout(spec);
  if (ready) return ready;
  if (!engine) throw new Error('the layout engine is not loaded (wait for loadLayoutEngine())');
  return engine.layoutArchitecture(spec);
}
