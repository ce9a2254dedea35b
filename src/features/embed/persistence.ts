/**
 * Saving an embed's state: per embed in localStorage (a revisited slide shows the same
 * state) and in a link (`#state=` + base64url of the JSON). The save wraps
 * `Architecture.save()` with the story position; reading validates it with
 * `parseSavedArchitecture` (zod), so a corrupted or old save is refused with a reason.
 * Pure, except for the storage passed in.
 */
import { parseSavedArchitecture, type SavedArchitecture } from '../../../machines';
import type { EmbedOptions } from './embedParams';

export const EMBED_SAVE_FORMAT = 'container-lifecycle/embed';
export const EMBED_SAVE_VERSION = 1;
/** Longest `#state=` link accepted or made, characters (100 kB). */
export const MAX_STATE_LINK_CHARS = 100_000;
const HASH_PREFIX = '#state=';

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

/** Reads a save (JSON text or a parsed value). Never throws. */
export function readEmbedSave(input: unknown): ReadSaveResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (cause) {
      return { ok: false, error: `the saved state is not valid JSON (${cause instanceof Error ? cause.message : String(cause)})` };
    }
  }
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'the saved state is not an object' };
  const head = value as Partial<Record<keyof EmbedSave, unknown>>;
  if (head.format !== EMBED_SAVE_FORMAT) return { ok: false, error: `not a saved embed state (format ${JSON.stringify(head.format) ?? 'missing'})` };
  if (head.version !== EMBED_SAVE_VERSION) {
    return { ok: false, error: `saved by embed format version ${JSON.stringify(head.version)}; this version reads ${EMBED_SAVE_VERSION}` };
  }
  const position = head.storyPosition;
  if (position !== undefined && (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position > 10_000)) {
    return { ok: false, error: 'the saved story position is not a whole number' };
  }
  const architecture = parseSavedArchitecture(head.architecture);
  if (!architecture.ok) return { ok: false, error: architecture.error };
  return { ok: true, save: makeEmbedSave(architecture.saved, position ?? null) };
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

/** Reads a location hash: null when it has no `#state=`, else the save or why it is refused. */
export function readStateHash(hash: string): ReadSaveResult | null {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  const encoded = hash.slice(HASH_PREFIX.length);
  if (encoded.length > MAX_STATE_LINK_CHARS) return { ok: false, error: `the link is too long (over ${MAX_STATE_LINK_CHARS / 1000} kB)` };
  const text = fromBase64Url(encoded);
  if (text === null) return { ok: false, error: 'the link is damaged (not base64url)' };
  return readEmbedSave(text);
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

/** Reads the save under `key`: null when there is none (or storage is unavailable). */
export function loadSave(storage: KeyValueStorage | null, key: string): ReadSaveResult | null {
  if (!storage) return null;
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return null;
  }
  return text === null ? null : readEmbedSave(text);
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
