/**
 * Saving an embed's state: per embed in localStorage (a revisited slide shows the same
 * state) and in a link (`#state=` + base64url of the JSON). The save wraps
 * `Architecture.save()` with the story position; reading validates it with
 * `parseSavedArchitecture` (zod), so a corrupted or old save is refused with a reason.
 * Pure, except for the storage passed in.
 *
 * The readers are here; the rest (format, links, storage key, writes) is in `saves.ts`,
 * re-exported. The embed loads this module (and zod with it) only when it has a save to
 * read (`EmbedController`: a `#state=` link, or its localStorage entry).
 */
import { parseSavedArchitecture } from '../../machines/architecture/persistence';
import {
  EMBED_SAVE_FORMAT,
  EMBED_SAVE_VERSION,
  fromBase64Url,
  HASH_PREFIX,
  makeEmbedSave,
  MAX_STATE_LINK_CHARS,
  type EmbedSave,
  type KeyValueStorage,
  type ReadSaveResult,
} from './saves';

export * from './saves';

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

/** Reads a location hash: null when it has no `#state=`, else the save or why it is refused. */
export function readStateHash(hash: string): ReadSaveResult | null {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  const encoded = hash.slice(HASH_PREFIX.length);
  if (encoded.length > MAX_STATE_LINK_CHARS) return { ok: false, error: `the link is too long (over ${MAX_STATE_LINK_CHARS / 1000} kB)` };
  const text = fromBase64Url(encoded);
  if (text === null) return { ok: false, error: 'the link is damaged (not base64url)' };
  return readEmbedSave(text);
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

