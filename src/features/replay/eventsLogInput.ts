/**
 * What the events-log loader checks before parsing (size, the `?events=` URL) and the
 * small helpers of its messages. Light on purpose: the pages import it at start; the
 * parser (`loadEventsLog.ts`) is loaded with the first log.
 */
import { DEFAULT_MAX_BYTES } from '../../model/events/limits';
import { preloadLayoutEngine } from '../../model/layout/architectureLayouts';

/** Largest log accepted, in bytes (the parser's own limit). */
export const MAX_LOG_BYTES = DEFAULT_MAX_BYTES;

/** `5.0 MB`, `812 KB`, `97 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** The message for a log over the limit, or null when `bytes` is fine. */
export function sizeError(bytes: number, what: string): string | null {
  if (bytes <= MAX_LOG_BYTES) return null;
  return `${what} is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_LOG_BYTES)}. Cut it down (for example with docker events --since/--until, or --filter container=NAME) and try again.`;
}

/**
 * The `?events=` URL parameter resolved against the page's URL, or an error. Only http(s)
 * is fetched. `null` when the parameter is absent or empty.
 */
export function eventsUrlFromSearch(search: string, pageUrl: string): { url: URL } | { error: string } | null {
  const raw = new URLSearchParams(search).get('events');
  if (raw === null || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw, pageUrl);
  } catch {
    return { error: `The events= URL parameter "${raw}" is not a valid URL.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: `The events= URL parameter must be an http(s) URL, not ${url.protocol}` };
  }
  return { url };
}

/** The file name at the end of a URL's path, for a title (`events.jsonl`), else the host. */
export function titleOfUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1);
  try {
    return last ? decodeURIComponent(last) : url.host;
  } catch {
    return last ?? url.host;
  }
}

let parser: Promise<typeof import('./loadEventsLog')> | null = null;

/** The events-log parser (`loadEventsLog.ts`), loaded once on first use (its own chunk), with the layout engine a replay needs. */
export function loadEventsLogParser(): Promise<typeof import('./loadEventsLog')> {
  preloadLayoutEngine();
  parser ??= import('./loadEventsLog').catch((cause: unknown) => {
    parser = null; // a failed chunk load (offline) may be retried
    throw cause;
  });
  return parser;
}

/** The message for a parser chunk that did not load. */
export function parserLoadError(cause: unknown): string {
  return `The events log reader could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}.`;
}
