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
import { parseJsonLine, parseJsonValue } from './parseJsonLine';
import { looksLikeKeyValueLine, parseKeyValueLine } from './parseKeyValueLine';
import { parseTextLine } from './parseTextLine';
import { countNewlines, scanJsonValue } from './scanJson';
import { splitAction } from './splitAction';
import type { DockerEventMessage, EventsLogProblem, LineResult, ParsedEvent, ParsedEventsLog } from './types';

export type { DockerEventMessage,   ParsedEventsLog } from './types';

/** Options of `parseEventsLog`. Non-positive or non-finite values fall back to the defaults. */
export interface ParseEventsLogOptions {
  /** Maximum input size in UTF-8 bytes. Default 64 MiB. */
  maxBytes?: number;
  /** Maximum number of lines. Default 5 000 000. */
  maxLines?: number;
}

/**
 * Characters Docker allows in a container name (moby `daemon/names` `RestrictedNameChars`,
 * `[a-zA-Z0-9][a-zA-Z0-9_.-]`). Docker's pattern also wants two characters at least; a
 * one-letter name is let through here (hand-written logs and this project's tests use them).
 */
const DOCKER_NAME = /^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Why a container event's `name` is not one Docker can produce, or undefined. */
function invalidNameReason(message: DockerEventMessage): string | undefined {
  if (message.Type !== 'container') return undefined;
  const name = message.Actor.Attributes.name;
  if (name === undefined || DOCKER_NAME.test(name)) return undefined;
  return `name ${JSON.stringify(truncateForProblem(name, 80))} is not a name Docker can produce (container names match [a-zA-Z0-9][a-zA-Z0-9_.-]+): the event is not applied`;
}

/**
 * A resumable parse: `step(deadline)` reads until `deadline()` says stop, so a big log
 * can be read in slices between frames (`parseEventsLogAsync`) with the same result as
 * one call.
 */
interface EventsLogParse {
  /** Reads on; returns true when the whole text is read. */
  step(shouldPause?: () => boolean): boolean;
  /** How far, 0 to 1 (characters read / characters). */
  progress(): number;
  result(): ParsedEventsLog;
}

/**
 * Starts parsing a `docker events` log in any mix of these formats:
 * 1. default text: `2017-01-05T00:36:04.795031609+08:00 container start 0fdb…ff37 (image=alpine:latest, name=test)`;
 * 2. JSON (`--format '{{json .}}'`, `--format json`, raw `/events`), modern and legacy
 *    (`status`/`id`/`from`) fields, validated with zod, in any whitespace layout: one
 *    object per line, objects pretty-printed over several lines (`jq .`), several objects
 *    on one line, or a JSON array of objects;
 * 3. custom `--format` output of `Key=Value` fields (`Type=container  Status=create  ID=…`).
 *
 * Blank lines and lines starting with `#` are skipped silently; `\r\n` endings and a leading
 * BOM are accepted. A container event whose `name` Docker could not have produced
 * (`<script>`) is reported with the reason and left out.
 */
function startParseEventsLog(text: string, options?: ParseEventsLogOptions): EventsLogParse {
  const events: ParsedEvent[] = [];
  const problems: EventsLogProblem[] = [];
  if (typeof text !== 'string') {
    const log: ParsedEventsLog = { format: 'empty', events, problems: [{ line: 1, message: 'input is not text', text: '' }] };
    return { step: () => true, progress: () => 1, result: () => log };
  }
  const maxBytes = limitOrDefault(options?.maxBytes, DEFAULT_MAX_BYTES);
  const maxLines = limitOrDefault(options?.maxLines, DEFAULT_MAX_LINES);

  let sawJson = false;
  let sawText = false;
  let bytes = 0;
  let lineNo = 1;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** Where the current line starts (after a BOM). */
  let lineStart = pos;
  let done = false;

  const lineEnd = (from: number) => {
    const nl = text.indexOf('\n', from);
    return nl === -1 ? text.length : nl;
  };
  const lineText = (from: number) => text.slice(from, lineEnd(from)).replace(/\r$/, '');

  const accept = (line: number, result: LineResult, shown: () => string, column?: number) => {
    if (result.ok) {
      const bad = invalidNameReason(result.message);
      if (bad) {
        problems.push({ line, message: bad, text: truncateForProblem(shown()) });
        return;
      }
      events.push({ line, message: result.message, ...splitAction(result.message.Action) });
    } else {
      const problem: EventsLogProblem = { line, message: result.reason, text: truncateForProblem(shown()) };
      const col = result.column ?? column;
      if (col !== undefined) problem.column = col;
      problems.push(problem);
    }
  };

  /** Limits on what was read up to `end` (lines up to `endLine`); false when one is crossed. */
  const withinLimits = (start: number, end: number, endLine: number): boolean => {
    if (endLine > maxLines) {
      problems.push({ line: maxLines + 1, message: `the log has more than ${maxLines} lines; stopped here`, text: truncateForProblem(lineText(start)) });
      return false;
    }
    const chunk = end - start;
    const chunkBytes = chunk * 3 <= maxBytes - bytes ? chunk : utf8Length(text.slice(start, end));
    if (bytes + chunkBytes > maxBytes) {
      problems.push({ line: lineNo, message: `the log is larger than ${maxBytes} bytes; stopped here`, text: truncateForProblem(lineText(start)) });
      return false;
    }
    bytes += chunkBytes;
    return true;
  };

  /** One JSON value at `start` (an object, or an array of objects); false to stop. */
  const readJson = (start: number): boolean => {
    sawJson = true;
    const first = lineStart;
    const end = scanJsonValue(text, start);
    const startLine = lineNo;
    if (end === -1) {
      // Unterminated: report it where it starts and go on with the next line.
      const stop = lineEnd(start);
      if (!withinLimits(start, stop, lineNo)) return false;
      const indent = start - first;
      accept(startLine, parseJsonLine(text.slice(start, stop).trim()), () => lineText(first));
      const last = problems.at(-1);
      if (last && last.line === startLine && last.column !== undefined) last.column += indent;
      pos = stop;
      return true;
    }
    const newlines = countNewlines(text, start, end);
    if (!withinLimits(start, end, lineNo + newlines)) return false;
    if (text.charCodeAt(start) === 0x5b /* [ */) readArray(start, end);
    else {
      accept(startLine, parseChunk(text.slice(start, end)), () => lineText(first));
      const last = problems.at(-1);
      if (last && last.line === startLine && last.column !== undefined && newlines === 0) last.column += start - first;
    }
    lineNo += newlines;
    if (newlines > 0) lineStart = text.lastIndexOf('\n', end - 1) + 1;
    pos = end;
    return true;
  };

  /** The elements of a JSON array, each with its own line. */
  const readArray = (start: number, end: number) => {
    let p = start + 1;
    let line = lineNo;
    for (;;) {
      while (p < end - 1 && /[\s,]/.test(text[p]!)) {
        if (text.charCodeAt(p) === 0x0a) line++;
        p++;
      }
      if (p >= end - 1) return;
      const c = text[p];
      const itemEnd = c === '{' || c === '[' ? scanJsonValue(text, p) : nextSeparator(p, end);
      const stop = itemEnd === -1 || itemEnd > end - 1 ? end - 1 : itemEnd;
      const from = p;
      accept(line, parseChunk(text.slice(from, stop)), () => lineText(from));
      line += countNewlines(text, from, stop);
      p = stop;
    }
  };

  const nextSeparator = (from: number, end: number) => {
    for (let i = from; i < end - 1; i++) if (text[i] === ',' || text[i] === '\n') return i;
    return end - 1;
  };

  const step = (shouldPause: () => boolean = () => false): boolean => {
    let count = 0;
    while (!done) {
      if ((++count & 0xff) === 0 && shouldPause()) return false;
      // Blank space between values and lines.
      while (pos < text.length) {
        const c = text.charCodeAt(pos);
        if (c === 0x0a) {
          lineNo++;
          lineStart = pos + 1;
        } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) break;
        pos++;
      }
      if (pos >= text.length) {
        done = true;
        break;
      }
      const c = text[pos];
      if (c === '{' || c === '[') {
        if (!readJson(pos)) done = true;
        continue;
      }
      const start = lineStart < pos && text.lastIndexOf('\n', pos - 1) < lineStart ? lineStart : pos;
      const stop = lineEnd(start);
      if (!withinLimits(start, Math.min(stop + 1, text.length), lineNo)) {
        done = true;
        break;
      }
      pos = stop;
      const content = text.slice(start, stop).replace(/\r$/, '');
      const trimmed = content.trim();
      if (trimmed.startsWith('#')) continue;
      sawText = true;
      const indent = content.length - content.trimStart().length;
      const result = parseLine(trimmed);
      accept(lineNo, result, () => content, undefined);
      const last = problems.at(-1);
      if (!result.ok && last && last.line === lineNo && result.column !== undefined) last.column = result.column + indent;
    }
    return true;
  };

  return {
    step,
    progress: () => (done || text.length === 0 ? 1 : pos / text.length),
    result: () => ({ format: sawJson && sawText ? 'mixed' : sawJson ? 'json' : sawText ? 'text' : 'empty', events, problems }),
  };
}

/**
 * Parses a `docker events` log (see `startParseEventsLog` for the formats).
 *
 * @param text the whole log.
 * @param options size limits (bytes of UTF-8, lines).
 * @returns `events` in file order (never sorted by time), each with the 1-based `line`
 *   where it starts, the normalised message and its action split at `': '`; `problems`,
 *   one per rejected event or line (line, column when known, reason, the line truncated
 *   to 200 chars). When a size limit is reached, one more problem is added and parsing
 *   stops there; events before it are kept. Never throws.
 */
export function parseEventsLog(text: string, options?: ParseEventsLogOptions): ParsedEventsLog {
  const parse = startParseEventsLog(text, options);
  parse.step();
  return parse.result();
}

/**
 * `parseEventsLog` in slices of about `sliceMs`, yielding to the event loop between
 * them and reporting `onProgress(0..1)`, so a page stays responsive (and can draw a
 * progress bar) while a 50 MB log is read.
 */
export async function parseEventsLogAsync(
  text: string,
  options: ParseEventsLogOptions & { onProgress?: (fraction: number) => void; sliceMs?: number; signal?: AbortSignal } = {},
): Promise<ParsedEventsLog> {
  const parse = startParseEventsLog(text, options);
  const slice = options.sliceMs ?? 40;
  for (;;) {
    const until = performance.now() + slice;
    if (parse.step(() => performance.now() > until)) break;
    options.onProgress?.(parse.progress());
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
  }
  options.onProgress?.(1);
  return parse.result();
}

/** A JSON object (pretty-printed or not); a parse error's position becomes a column on its first line or a line offset. */
function parseChunk(chunk: string): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(chunk);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(detail);
    if (!at) return { ok: false, reason: `invalid JSON: ${detail}` };
    const offset = Number(at[1]);
    const before = chunk.slice(0, offset);
    const lines = before.split('\n');
    const where = lines.length > 1 ? ` (${lines.length - 1} lines below)` : '';
    return { ok: false, reason: `invalid JSON: ${detail}${where}`, column: (lines.at(-1)?.length ?? 0) + 1 };
  }
  return parseJsonValue(value);
}

/** Dispatches one trimmed, non-empty text line to its format's parser; a thrown error becomes a reason. */
function parseLine(line: string): LineResult {
  try {
    if (looksLikeKeyValueLine(line)) return parseKeyValueLine(line);
    return parseTextLine(line);
  } catch (err) {
    return { ok: false, reason: `internal parser error: ${err instanceof Error ? err.message : String(err)}` };
  }
}
