/**
 * From text (a file, a paste, a fetched URL) to a replay session source, with the
 * messages a reader sees when that fails. Pure except `readEventsFile` / `fetchEventsLog`,
 * which only read and hand the text on. The checks made before parsing live in
 * `eventsLogInput.ts` (re-exported here); the pages load this module with the first log.
 */
import { checkOrdering } from '../../model/events/ordering';
import { utf8Length } from '../../model/events/limits';
import { parseEventsLog, parseEventsLogAsync } from '../../model/events/parseEventsLog';
import type { EventsLogProblem, ParsedEventsLog } from '../../model/events/types';
import { Replay } from '../../model/replay/replay';
import type { SessionSource } from '../../model/session/sessionSource';
import { sizeError, titleOfUrl } from './eventsLogInput';

export { eventsUrlFromSearch, formatBytes, MAX_LOG_BYTES, sizeError, titleOfUrl } from './eventsLogInput';

export type LoadResult = { ok: true; source: Extract<SessionSource, { kind: 'replay' }> } | { ok: false; error: string };

/**
 * How a caller follows and stops a load: `onProgress(0..1)` between slices of the parse
 * (the page stays responsive), `signal` to give up (the promise rejects with its reason).
 */
export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Longest slice of parsing between two yields, ms (default 40). */
  sliceMs?: number;
}

/** Parse problems and ordering warnings together, in line order. */
function withWarnings(log: ParsedEventsLog): ParsedEventsLog {
  const warnings = checkOrdering(log.events);
  if (warnings.length === 0) return log;
  const problems: EventsLogProblem[] = [...log.problems, ...warnings].sort((a, b) => a.line - b.line);
  return { ...log, problems };
}

/** The source, or why the parsed log is not one (no event at all). */
function toResult(log: ParsedEventsLog, title: string): LoadResult {
  const checked = withWarnings(log);
  if (checked.events.length === 0) {
    const skipped = checked.problems.filter((p) => p.severity !== 'warning');
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
  return { ok: true, source: { kind: 'replay', log: checked, title, start: (clock) => new Replay(checked, { clock }) } };
}

/**
 * Parses `text` into a replay source titled `title`. Fails (with a message for a
 * `role="alert"`) when the text is too large or holds no event at all; malformed lines
 * alone do not fail: they travel in `source.log.problems`.
 */
export function eventsLogSource(text: string, title: string): LoadResult {
  const tooBig = sizeError(utf8Length(text), `The events log "${title}"`);
  if (tooBig) return { ok: false, error: tooBig };
  return toResult(parseEventsLog(text), title);
}

/**
 * `eventsLogSource` parsed in slices (`parseEventsLogAsync`), yielding to the event loop
 * between them: same result, with progress and a way to stop. Rejects only when
 * `options.signal` aborts.
 */
export async function eventsLogSourceAsync(text: string, title: string, options: LoadOptions = {}): Promise<LoadResult> {
  const tooBig = sizeError(utf8Length(text), `The events log "${title}"`);
  if (tooBig) return { ok: false, error: tooBig };
  const log = await parseEventsLogAsync(text, options);
  return toResult(log, title);
}

/** Reads a `File` (picker or drop), refusing one over the limit before reading it. */
export async function readEventsFile(file: Pick<File, 'name' | 'size' | 'text'>, options: LoadOptions = {}): Promise<LoadResult> {
  const tooBig = sizeError(file.size, `The events log "${file.name}"`);
  if (tooBig) return { ok: false, error: tooBig };
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    return { ok: false, error: `Could not read "${file.name}": ${err instanceof Error ? err.message : String(err)}` };
  }
  options.signal?.throwIfAborted();
  return eventsLogSourceAsync(text, file.name, options);
}

/**
 * Fetches the log at `url` (same origin, or a server that allows CORS) and parses it.
 * Network errors, HTTP errors and oversize bodies become messages; never throws except
 * for an abort (its `AbortError` is passed on so the caller can ignore it).
 */
export async function fetchEventsLog(url: URL, fetchImpl: typeof fetch = fetch, signal?: AbortSignal, onProgress?: (fraction: number) => void): Promise<LoadResult> {
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
  return eventsLogSourceAsync(text, title, { ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) });
}
