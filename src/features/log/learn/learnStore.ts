/**
 * Whether the event log explains what Docker did underneath each command ("Learn").
 * A tiny external store (no React): the app's one is ON by default and remembered in
 * localStorage; an embed makes its own, not persisted, from its `learn` option.
 * Pure apart from the storage it is given.
 */

/** localStorage key of the app's setting (`"1"` or `"0"`). */
export const LEARN_STORAGE_KEY = 'container-lifecycle:learn';

/** The part of `Storage` used (localStorage in a page, a Map-backed fake in tests). */
export interface LearnStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The Learn setting: read it, change it, be told when it changes. */
export interface LearnStore {
  get(): boolean;
  set(on: boolean): void;
  subscribe(listener: () => void): () => void;
}

export interface LearnStoreOptions {
  /** Value when nothing is stored. Default true. */
  initial?: boolean;
  /** Where to remember the choice; null (default) remembers nothing. */
  storage?: LearnStorage | null;
  /** Storage key. Default {@link LEARN_STORAGE_KEY}. */
  key?: string;
  /** Wins over the stored value until the first `set` (e.g. a URL parameter). Default none. */
  override?: boolean | null;
}

const TRUE = ['', '1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

/**
 * `learn=0` / `learn=1` (also `true|false|yes|no|on|off`, any case; an empty value is
 * true, like an HTML boolean attribute) → boolean; null when absent or unreadable.
 * Accepts a query string, `URLSearchParams`, or the raw value of the parameter/attribute.
 */
export function parseLearnParam(input: string | URLSearchParams | null | undefined, { raw = false }: { raw?: boolean } = {}): boolean | null {
  if (input === null || input === undefined) return null;
  let value: string | null;
  if (input instanceof URLSearchParams) value = input.get('learn');
  else if (raw) value = input;
  else value = new URLSearchParams(input).get('learn');
  if (value === null) return null;
  const v = value.trim().toLowerCase();
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  return null;
}

function read(storage: LearnStorage | null, key: string): boolean | null {
  if (!storage) return null;
  try {
    const v = storage.getItem(key);
    return v === '1' ? true : v === '0' ? false : null;
  } catch {
    return null;
  }
}

/** A Learn store. Storage errors (private mode, sandboxed frames) are ignored. */
export function createLearnStore({ initial = true, storage = null, key = LEARN_STORAGE_KEY, override = null }: LearnStoreOptions = {}): LearnStore {
  let on = override ?? read(storage, key) ?? initial;
  const listeners = new Set<() => void>();
  return {
    get: () => on,
    set(next) {
      try {
        storage?.setItem(key, next ? '1' : '0');
      } catch {
        // Not remembered; still applied.
      }
      if (next === on) return;
      on = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** `window.localStorage`, or null where there is none or reading it throws. */
export function browserLearnStorage(): LearnStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The app page's store: ON unless the reader turned it off (remembered in localStorage).
 * A `?learn=0|1` in the page URL wins for this visit (not remembered until toggled).
 */
export function createAppLearnStore(search: string = typeof window === 'undefined' ? '' : window.location.search): LearnStore {
  return createLearnStore({ initial: true, storage: browserLearnStorage(), override: parseLearnParam(search) });
}
