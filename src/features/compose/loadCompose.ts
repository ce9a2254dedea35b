/**
 * The loading pipeline, pure: compose text → `parseCompose` → a session source to load,
 * or the message for a `role="alert"` (then nothing is loaded and the architecture on
 * screen stays as it was). Also the checks made before reading: file size, URL.
 */
import type { ArchitectureSpec } from '../../../machines';
import { parseCompose, type ComposeError } from '../../model/compose/parseCompose';

/** Largest compose file read, bytes (the parser's own limit). */
export const MAX_COMPOSE_BYTES = 1_000_000;

/** A parsed file, ready for `store.load`. */
export interface LoadedCompose {
  ok: true;
  source: { kind: 'spec'; spec: ArchitectureSpec; title: string };
  /** Non-fatal findings of the parser. */
  warnings: string[];
  /** Every profile named in the file, in order of first appearance. */
  profiles: string[];
}

export type ComposeLoadResult = LoadedCompose | { ok: false; message: string };

export interface LoadComposeOptions {
  /** File name or URL: names the project when the file has no `name:`, and prefixes errors. */
  fileName?: string;
  /** Compose `--profile` values. */
  activeProfiles?: readonly string[];
  /** Title shown for the loaded architecture. Default: the file name and project. */
  title?: string;
}

/** `voting.compose.yml: services.web.image: … (line 3, column 12)`. */
export function formatComposeError(error: ComposeError, fileName?: string): string {
  const where = error.line !== undefined ? ` (line ${error.line}, column ${error.column ?? 1})` : '';
  return `${fileName ? `${fileName}: ` : ''}${error.message}${where}`;
}

/** The profiles named by any service of `spec`, in order of first appearance. */
export function profilesOf(spec: ArchitectureSpec): string[] {
  const seen: string[] = [];
  for (const service of spec.services) for (const p of service.profiles) if (!seen.includes(p)) seen.push(p);
  return seen;
}

/** The last path segment of a file name or URL (`https://x/a/compose.yml?x` → `compose.yml`). */
export function baseName(fileName: string): string {
  const path = fileName.split(/[?#]/)[0] ?? '';
  const segments = path.split(/[\\/]/).filter((s) => s !== '');
  return segments.at(-1) ?? fileName;
}

/** Parses `text`; never throws. */
export function loadComposeText(text: string, options: LoadComposeOptions = {}): ComposeLoadResult {
  const { fileName } = options;
  const parsed = parseCompose(text, {
    ...(fileName !== undefined ? { fileName } : {}),
    activeProfiles: [...(options.activeProfiles ?? [])],
    maxBytes: MAX_COMPOSE_BYTES,
  });
  const shown = fileName ? baseName(fileName) : undefined;
  if (!parsed.ok) return { ok: false, message: formatComposeError(parsed.error, shown) };
  const { spec, warnings } = parsed;
  const title = options.title ?? (shown ? `${shown} (project ${spec.project})` : `Compose project ${spec.project}`);
  return { ok: true, source: { kind: 'spec', spec, title }, warnings, profiles: profilesOf(spec) };
}

/** Human size: `980 kB`, `1.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} kB`;
  return `${bytes} bytes`;
}

/** Why a file of `size` bytes is not read, or null when it may be. */
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
