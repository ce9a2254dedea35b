/**
 * Parser for `docker events` logs (pure: no React, no DOM, no fetch).
 *
 * Docker sources (docs/docker-behaviour.md §3):
 * - default text format: `docker/cli:cli/command/system/events.go` `prettyPrintEvent`;
 * - JSON shape: `moby:api/types/events/events.go` `events.Message`; legacy `status`/`id`/`from`
 *   back-filled by `moby:daemon/server/router/system/system_routes.go` `backFillLegacy`;
 * - custom `--format`: `docker/cli:docs/reference/commandline/events.md` "Format the output".
 */
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, limitOrDefault, truncateForProblem, utf8Length } from './limits';
import { parseJsonLine } from './parseJsonLine';
import { looksLikeKeyValueLine, parseKeyValueLine } from './parseKeyValueLine';
import { parseTextLine } from './parseTextLine';
import { splitAction } from './splitAction';
import type { EventsLogProblem, LineResult, ParsedEvent, ParsedEventsLog } from './types';

export type { DockerEventMessage, EventsLogProblem, ParsedEvent, ParsedEventsLog } from './types';

/** Options of `parseEventsLog`. Non-positive or non-finite values fall back to the defaults. */
export interface ParseEventsLogOptions {
  /** Maximum input size in UTF-8 bytes. Default 5 MB (5 × 1024 × 1024). */
  maxBytes?: number;
  /** Maximum number of lines. Default 100 000. */
  maxLines?: number;
}

/**
 * Parses a `docker events` log, one event per line, in any mix of these formats:
 * 1. default text: `2017-01-05T00:36:04.795031609+08:00 container start 0fdb…ff37 (image=alpine:latest, name=test)`;
 *    times with offsets and nanoseconds become exact Unix seconds / nanoseconds;
 * 2. JSON lines (`--format '{{json .}}'`, `--format json`, raw `/events`), modern and legacy
 *    (`status`/`id`/`from`) fields, each line validated with zod;
 * 3. custom `--format` output of `Key=Value` fields (`Type=container  Status=create  ID=…`),
 *    time 0 unless a `Time=`/`TimeNano=` field is given (see `parseKeyValueLine.ts`).
 *
 * Blank lines and lines starting with `#` are skipped silently; `\r\n` endings and a leading
 * BOM are accepted.
 *
 * @param text the whole log.
 * @param options size limits (bytes of UTF-8, lines).
 * @returns `events` in file order (never sorted by time), each with its 1-based `line`, the
 *   normalised message and its action split at `': '`; `problems`, one per rejected line
 *   (line, column when known, reason, the line truncated to 200 chars). When a size limit is
 *   reached, one more problem is added at the first line beyond it and parsing stops there;
 *   events before it are kept. Never throws: a non-string input gives one problem.
 */
export function parseEventsLog(text: string, options?: ParseEventsLogOptions): ParsedEventsLog {
  const events: ParsedEvent[] = [];
  const problems: EventsLogProblem[] = [];
  if (typeof text !== 'string') {
    return { format: 'empty', events, problems: [{ line: 1, message: 'input is not text', text: '' }] };
  }
  const maxBytes = limitOrDefault(options?.maxBytes, DEFAULT_MAX_BYTES);
  const maxLines = limitOrDefault(options?.maxLines, DEFAULT_MAX_LINES);

  let sawJson = false;
  let sawText = false;
  let bytes = 0;
  let lineNo = 0;
  for (let pos = 0; pos < text.length; ) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(pos, end);
    pos = end + 1;
    lineNo++;

    if (lineNo > maxLines) {
      problems.push({ line: lineNo, message: `the log has more than ${maxLines} lines; stopped here`, text: truncateForProblem(raw) });
      break;
    }
    const budget = maxBytes - bytes;
    const lineBytes = raw.length > budget ? Infinity : utf8Length(raw) + (nl === -1 ? 0 : 1);
    if (lineBytes > budget) {
      problems.push({ line: lineNo, message: `the log is larger than ${maxBytes} bytes; stopped here`, text: truncateForProblem(raw) });
      break;
    }
    bytes += lineBytes;

    const content = (lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = content.length - content.trimStart().length;

    const isJson = trimmed.startsWith('{') || trimmed.startsWith('[');
    if (isJson) sawJson = true;
    else sawText = true;

    const result = parseLine(trimmed, isJson);
    if (result.ok) {
      events.push({ line: lineNo, message: result.message, ...splitAction(result.message.Action) });
    } else {
      const problem: EventsLogProblem = { line: lineNo, message: result.reason, text: truncateForProblem(content) };
      if (result.column !== undefined) problem.column = result.column + indent;
      problems.push(problem);
    }
  }

  const format = sawJson && sawText ? 'mixed' : sawJson ? 'json' : sawText ? 'text' : 'empty';
  return { format, events, problems };
}

/** Dispatches one trimmed, non-empty line to its format's parser; a thrown error becomes a reason. */
function parseLine(line: string, isJson: boolean): LineResult {
  try {
    if (isJson) return parseJsonLine(line);
    if (looksLikeKeyValueLine(line)) return parseKeyValueLine(line);
    return parseTextLine(line);
  } catch (err) {
    return { ok: false, reason: `internal parser error: ${err instanceof Error ? err.message : String(err)}` };
  }
}
