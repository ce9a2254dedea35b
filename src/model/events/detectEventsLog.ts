/**
 * Tells a `docker events` log from other text files (a compose file, anything else) by
 * its first meaningful line, so one drop zone can route files to the right loader.
 * Pure: no DOM, no I/O.
 *
 * The three shapes `parseEventsLog` reads (docs/docker-behaviour.md §3.2, §3.4):
 * - JSON lines (`--format '{{json .}}'`): a complete JSON object on the first line with
 *   docker's `Type`/`Action`/`Actor` or legacy `status`/`id` keys;
 * - the default text format: the line starts with an RFC 3339 timestamp
 *   (`2017-01-05T00:35:58.859401177+08:00 container create …`);
 * - custom `--format 'Type={{.Type}} …'` output: the line starts with `Type=`.
 */

/** Only the start of a file is looked at (a long first line is cut here). */
const SNIFF_CHARS = 64 * 1024;

/** `2017-01-05T00:35:58.859401177+08:00 ` (fraction optional, `Z` or an offset). */
const RFC3339_START = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})\s/;

/** Keys that only a docker events message (modern or legacy) has at the top level. */
const EVENT_KEYS = ['Type', 'Action', 'Actor', 'status', 'id', 'timeNano'] as const;

/** Extensions that are never an events log. */
const NOT_A_LOG = /\.(ya?ml|toml|ini|env|md|html?)$/i;

/**
 * The first line that is neither blank nor a `#` comment (a leading BOM is ignored), trimmed;
 * `undefined` when there is none in the first 64 KiB.
 */
export function firstMeaningfulLine(text: string): string | undefined {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\uFEFF/, '');
  for (const raw of head.split('\n')) {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) return line;
  }
  return undefined;
}

function isEventJson(line: string): boolean {
  if (!line.startsWith('{')) return false;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    // A first line cut by the sniff limit, or a JSON log with a broken first line:
    // still a log if it names docker's keys (a pretty-printed compose.json starts with a bare `{`).
    return /^\{\s*"(Type|Action|status|id)"\s*:/.test(line);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return EVENT_KEYS.filter((k) => Object.hasOwn(value, k)).length >= 2;
}

/**
 * True when `text` looks like a `docker events` log: its first non-blank, non-comment line
 * is a JSON event object, starts with an RFC 3339 timestamp, or starts with `Type=`.
 * A `fileName` ending in `.yml`/`.yaml` (or another non-log extension) is never a log.
 *
 * Use it to route a dropped or opened file: `true` → `parseEventsLog`, otherwise treat it
 * as a compose file. It decides by content, so a log saved as `.json` or without an
 * extension is found too; it does not validate the rest of the file.
 *
 * @example detectEventsLog('{"Type":"container","Action":"create",…}') // true
 * @example detectEventsLog('services:\n  web:\n    image: nginx') // false
 */
export function detectEventsLog(text: string, fileName?: string): boolean {
  if (typeof text !== 'string') return false;
  if (fileName !== undefined && NOT_A_LOG.test(fileName)) return false;
  const line = firstMeaningfulLine(text);
  if (line === undefined) return false;
  return isEventJson(line) || RFC3339_START.test(line) || line.startsWith('Type=');
}
