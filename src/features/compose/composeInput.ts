/**
 * What the compose loader checks before parsing (file size, URL, whether a file or text
 * looks like a compose file) and small helpers for its messages. Light on purpose: the
 * page imports it at start; the parser itself (`loadCompose.ts`, with the YAML parser
 * and the compose schema) is loaded with the first compose file.
 */

/** Largest compose file read, bytes (the parser's own limit). */
export const MAX_COMPOSE_BYTES = 1_000_000;

/** The last path segment of a file name or URL (`https://x/a/compose.yml?x` → `compose.yml`). */
export function baseName(fileName: string): string {
  const path = fileName.split(/[?#]/)[0] ?? '';
  const segments = path.split(/[\\/]/).filter((s) => s !== '');
  return segments.at(-1) ?? fileName;
}

/** Human size: `980 kB`, `1.4 MB`. */
function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} bytes`;
}

/** Size of `text` in UTF-8, bytes (what a file of that text weighs). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Why a file (or pasted text) of `size` bytes is not read, or null when it may be: the one message for every way in. */
export function fileSizeError(name: string, size: number, limit = MAX_COMPOSE_BYTES): string | null {
  if (size <= limit) return null;
  return `${name} is ${formatBytes(size)}: compose files over ${formatBytes(limit)} are not loaded here. The architecture on screen is unchanged.`;
}

/** Whether a file's name (or type) says it is YAML. */
export function isComposeFileName(name: string, type = ''): boolean {
  return /\.ya?ml$/i.test(name) || /yaml/i.test(type);
}

/**
 * Whether a text of unknown kind reads like a compose file: a top-level compose key
 * (`services:`, `version:`, `name:`, `networks:`, `volumes:`, `x-…:`) near the start —
 * the same test the events-log drop handler uses to leave a file to us.
 */
export function looksLikeComposeText(text: string): boolean {
  return /^\s*(services|version|name|x-[\w-]+|networks|volumes)\s*:/m.test(text.slice(0, 4096));
}

/**
 * The absolute URL of a `?compose=` value, resolved against the page (so
 * `examples/voting.compose.yml` works from any sub-path), or the reason it is refused.
 */
export function resolveComposeUrl(value: string, base: string): { ok: true; url: string } | { ok: false; message: string } {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, message: 'The compose URL is empty.' };
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return { ok: false, message: `"${trimmed}" is not a valid URL.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, message: `"${trimmed}" is not an http(s) URL (${url.protocol} is not fetched).` };
  }
  return { ok: true, url: url.href };
}
