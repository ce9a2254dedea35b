/**
 * An embed's saves without reading them back: the save's format, `#state=` links
 * (base64url of the JSON), the localStorage key and writes. Light on purpose: every embed
 * loads it at start. Reading a save back validates it with the machines' zod schema
 * (`persistence.ts`), a chunk of its own, loaded only when there is a save to read.
 * Pure, except for the storage passed in.
 */
import type { SavedArchitecture } from '../../machines';
import type { EmbedOptions } from './embedParams';

export const EMBED_SAVE_FORMAT = 'container-lifecycle/embed';
export const EMBED_SAVE_VERSION = 1;
/** Longest `#state=` link accepted or made, characters (100 kB). */
export const MAX_STATE_LINK_CHARS = 100_000;
export const HASH_PREFIX = '#state=';

/** What an embed saves. */
export interface EmbedSave {
  format: typeof EMBED_SAVE_FORMAT;
  version: typeof EMBED_SAVE_VERSION;
  /** Story position (steps applied) when the save was made; absent without a story. */
  storyPosition?: number;
  architecture: SavedArchitecture;
}

export type ReadSaveResult = { ok: true; save: EmbedSave } | { ok: false; error: string };

/** Wraps an architecture save. */
export function makeEmbedSave(architecture: SavedArchitecture, storyPosition: number | null): EmbedSave {
  const save: EmbedSave = { format: EMBED_SAVE_FORMAT, version: EMBED_SAVE_VERSION, architecture };
  if (storyPosition !== null) save.storyPosition = storyPosition;
  return save;
}

/** The friendly sentence for a save that could not be read. */
export function restoreProblem(where: 'link' | 'storage', error: string): string {
  const what = where === 'link' ? 'The state in this link' : 'The saved state of this embed';
  return `${what} could not be restored (${error}). Showing the architecture from the start instead.`;
}

// ---------------------------------------------------------------- links

/** UTF-8 text → base64url (no padding). */
export function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url → UTF-8 text; null when it is not base64url. */
export function fromBase64Url(encoded: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) return null;
  try {
    const padded = encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** `#state=…` for a save, or why not (too large for a link). */
export function encodeStateHash(save: EmbedSave): { ok: true; hash: string } | { ok: false; error: string } {
  const hash = HASH_PREFIX + toBase64Url(JSON.stringify(save));
  if (hash.length > MAX_STATE_LINK_CHARS) {
    return {
      ok: false,
      error: `This state is too large to share as a link (${Math.ceil(hash.length / 1000)} kB; the limit is ${MAX_STATE_LINK_CHARS / 1000} kB). Reset, or share fewer changes.`,
    };
  }
  return { ok: true, hash };
}

/** `base` (a page URL) with the state in its hash. */
export function stateLink(base: string, hash: string): string {
  const url = new URL(base);
  url.hash = hash.slice(1);
  return url.href;
}

// ---------------------------------------------------------------- storage

/** The part of `Storage` used (localStorage in a page, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function fnv1a(text: string, seed = 0x811c9dc5): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The localStorage key of an embed: derived from the page (origin + path) and what the
 * embed shows (scenario, compose file, story), plus a scope when there is one (a custom
 * element's `id`, the page framing the embed page). Presentation options (theme,
 * controls, …) do not change it.
 */
export function storageKey(page: string, options: Pick<EmbedOptions, 'scenario' | 'compose' | 'story'>, scope?: string | null): string {
  let pageKey = page;
  try {
    const url = new URL(page);
    pageKey = url.origin + url.pathname;
  } catch {
    // Not a URL: use as is.
  }
  const story = options.story ? (options.story.kind === 'builtin' ? options.story.id : options.story.url) : '';
  const canonical = JSON.stringify([pageKey, options.scenario, options.compose ?? '', story, scope ?? '']);
  return `container-lifecycle:embed:${fnv1a(canonical)}${fnv1a(canonical, 0x9747b28c)}`;
}

/** Writes a save; false when storage refused (full, disabled). */
export function writeSave(storage: KeyValueStorage | null, key: string, save: EmbedSave): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(save));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the save under `key`. */
export function clearSave(storage: KeyValueStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Storage unavailable: nothing saved either.
  }
}

/** `window.localStorage`, or null where reading it throws (sandboxed frames, disabled storage). */
export function browserStorage(win: { localStorage?: Storage } | undefined): KeyValueStorage | null {
  try {
    return win?.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Whether a location hash carries a state (`#state=…`), valid or not. */
export function isStateHash(hash: string): boolean {
  return hash.startsWith(HASH_PREFIX);
}

/** Whether there is a save under `key` (valid or not); false when storage is unavailable. */
export function hasSave(storage: KeyValueStorage | null, key: string): boolean {
  try {
    return storage?.getItem(key) != null;
  } catch {
    return false;
  }
}
