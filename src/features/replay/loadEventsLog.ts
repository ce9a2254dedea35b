/**
 * From text (a file, a paste, a fetched URL) to a replay session source, with the
 * messages a reader sees when that fails. Pure except `readEventsFile` / `fetchEventsLog`,
 * which only read and hand the text on.
 */
import { checkOrdering } from '../../model/events/ordering';
import { DEFAULT_MAX_BYTES, utf8Length } from '../../model/events/limits';
import { parseEventsLog } from '../../model/events/parseEventsLog';
import type { EventsLogProblem, ParsedEventsLog } from '../../model/events/types';
import type { SessionSource } from '../../model/session/sessionSource';

/** Largest log accepted, in bytes (the parser's own limit). */
export const MAX_LOG_BYTES = DEFAULT_MAX_BYTES;

export type LoadResult = { ok: true; source: Extract<SessionSource, { kind: 'replay' }> } | { ok: false; error: string };

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

/** Parse problems and ordering warnings together, in line order. */
function withWarnings(log: ParsedEventsLog): ParsedEventsLog {
  const warnings = checkOrdering(log.events);
  if (warnings.length === 0) return log;
  const problems: EventsLogProblem[] = [...log.problems, ...warnings].sort((a, b) => a.line - b.line);
  return { ...log, problems };
}

/**
 * Parses `text` into a replay source titled `title`. Fails (with a message for a
 * `role="alert"`) when the text is too large or holds no event at all; malformed lines
 * alone do not fail: they travel in `source.log.problems`.
 */
export function eventsLogSource(text: string, title: string): LoadResult {
  const tooBig = sizeError(utf8Length(text), `The events log "${title}"`);
  if (tooBig) return { ok: false, error: tooBig };
  const log = withWarnings(parseEventsLog(text));
  if (log.events.length === 0) {
    const skipped = log.problems.filter((p) => p.severity !== 'warning');
    const first = skipped[0];
    const why =
      skipped.length === 0
        ? 'it is empty'
        : `none of its lines could be read (line ${first!.line}: ${first!.message}${skipped.length > 1 ? `; ${skipped.length - 1} more` : ''})`;
    return {
      ok: false,
      error: `"${title}" is not a docker events log: ${why}. Expected the output of docker events, as text or with --format '{{json .}}'.`,
    };
  }
  return { ok: true, source: { kind: 'replay', log, title } };
}

/** Reads a `File` (picker or drop), refusing one over the limit before reading it. */
export async function readEventsFile(file: Pick<File, 'name' | 'size' | 'text'>): Promise<LoadResult> {
  const tooBig = sizeError(file.size, `The file "${file.name}"`);
  if (tooBig) return { ok: false, error: tooBig };
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return { ok: false, error: `Could not read "${file.name}": ${err instanceof Error ? err.message : String(err)}` };
  }
  return eventsLogSource(text, file.name);
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

/**
 * Fetches the log at `url` (same origin, or a server that allows CORS) and parses it.
 * Network errors, HTTP errors and oversize bodies become messages; never throws except
 * for an abort (its `AbortError` is passed on so the caller can ignore it).
 */
export async function fetchEventsLog(url: URL, fetchImpl: typeof fetch = fetch, signal?: AbortSignal): Promise<LoadResult> {
  const title = titleOfUrl(url);
  let response: Response;
  try {
    response = await fetchImpl(url.href, { signal: signal ?? null, credentials: 'same-origin' });
  } catch (err) {
    if (signal?.aborted) throw err;
    const sameOrigin = typeof location !== 'undefined' && url.origin === location.origin;
    return {
      ok: false,
      error: `Could not load the events log from ${url.href}${sameOrigin ? '' : ' (a server on another origin must allow it with CORS)'}: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  if (!response.ok) {
    return { ok: false, error: `Could not load the events log from ${url.href}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.` };
  }
  const declared = Number(response.headers.get('content-length'));
  const tooBig = Number.isFinite(declared) ? sizeError(declared, `The events log at ${url.href}`) : null;
  if (tooBig) return { ok: false, error: tooBig };
  const text = await response.text();
  return eventsLogSource(text, title);
}
