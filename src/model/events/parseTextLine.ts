/**
 * One line of `docker events` default output:
 * `<RFC3339Nano time> <Type> <Action> <Actor.ID> (k=v, k=v, ...)`.
 *
 * Docker source: `docker/cli:cli/command/system/events.go` `prettyPrintEvent`. The time is
 * omitted when the event has neither `timeNano` nor `time`; the `(...)` block is omitted
 * when the actor has no attributes.
 */
import { keysAreSorted, parseAttributes } from './parseAttributes';
import { looksLikeTimestamp, parseRfc3339Nano, toTimeNano } from './rfc3339';
import type { LineResult } from './types';

/** Event types (`moby:api/types/events/events.go`), accepted as the first word of a line that has no time. */
const KNOWN_TYPES = new Set([
  'builder', 'config', 'container', 'daemon', 'image', 'network', 'node', 'plugin', 'secret', 'service', 'volume',
]);
const TYPE_WORD = /^[A-Za-z][\w-]*$/;

interface Head {
  action: string;
  id: string;
}

/**
 * Parses one trimmed, non-empty default-format line.
 *
 * - The time may be absent only when the line starts with a known event type (Docker prints
 *   no time for an event whose times are 0); `time`/`timeNano` are then 0.
 * - The action is one word, or, when its first word ends with `:` (`exec_create:`,
 *   `health_status:`), everything between the type and the last word before the attributes
 *   block; that last word is `Actor.ID`.
 * - When the action text itself contains `" (k="`, several `" ("` could open the attributes
 *   block: the leftmost one whose contents have balanced parentheses and keys in Docker's
 *   sorted order wins; failing that, balanced beats sorted, and the leftmost that parses is last.
 *
 * @returns the message, or a reason with a 1-based column (never throws).
 */
export function parseTextLine(line: string): LineResult {
  let cursor = 0;
  let time = 0;
  let timeNano = 0;
  const first = tokenAt(line, 0);
  if (looksLikeTimestamp(first.text)) {
    const instant = parseRfc3339Nano(first.text);
    if (typeof instant === 'string') return { ok: false, reason: `bad timestamp "${first.text}": ${instant}`, column: 1 };
    time = instant.seconds;
    timeNano = toTimeNano(instant);
    cursor = first.end;
  } else if (!KNOWN_TYPES.has(first.text)) {
    return {
      ok: false,
      reason: 'not a docker events line: expected an RFC 3339 time, a JSON object, or Key=Value fields',
      column: 1,
    };
  }

  const type = tokenAt(line, cursor);
  if (type.text === '') return { ok: false, reason: 'missing event type after the time', column: line.length + 1 };
  if (!TYPE_WORD.test(type.text)) return { ok: false, reason: `"${type.text}" is not an event type`, column: type.start + 1 };

  const restStart = skipSpace(line, type.end);
  const rest = line.slice(restStart);
  if (rest === '') return { ok: false, reason: 'missing action and actor ID', column: line.length + 1 };

  const parsed = splitRest(rest);
  if (typeof parsed === 'string') return { ok: false, reason: parsed, column: restStart + 1 };
  return {
    ok: true,
    message: {
      Type: type.text,
      Action: parsed.action,
      Actor: { ID: parsed.id, Attributes: parsed.attributes },
      time,
      timeNano,
    },
  };
}

/** Splits `<Action> <Actor.ID> [(attributes)]`. */
function splitRest(rest: string): (Head & { attributes: Record<string, string> }) | string {
  let firstReason: string | undefined;
  if (rest.endsWith(')')) {
    let best: { score: number; value: Head & { attributes: Record<string, string> } } | undefined;
    for (let j = rest.indexOf(' ('); j > 0; j = rest.indexOf(' (', j + 1)) {
      const inner = rest.slice(j + 2, -1);
      const head = splitHead(rest.slice(0, j));
      const attrs = parseAttributes(inner);
      if (typeof head === 'string' || typeof attrs === 'string') {
        firstReason ??= typeof head === 'string' ? head : `bad attributes block: ${attrs as string}`;
        continue;
      }
      // Docker's block has sorted keys and, in practice, balanced parentheses; a "(" inside
      // the action text opens a candidate that fails one or both. Ties go to the leftmost.
      const score = (parenthesesBalanced(inner) ? 2 : 0) + (keysAreSorted(attrs.keys) ? 1 : 0);
      if (!best || score > best.score) best = { score, value: { ...head, attributes: attrs.attributes } };
    }
    if (best) return best.value;
  }
  const head = splitHead(rest);
  if (typeof head === 'string') return firstReason ?? head;
  return { ...head, attributes: {} };
}

function parenthesesBalanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** `<Action> <Actor.ID>` where Action is one word unless its first word ends with `:`. */
function splitHead(head: string): Head | string {
  const trimmed = head.trim();
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words[0] === '') return 'missing actor ID after the action';
  const firstWord = words[0] as string;
  const id = words[words.length - 1] as string;
  if (firstWord.endsWith(':')) {
    return { action: trimmed.slice(0, trimmed.length - id.length).trimEnd(), id };
  }
  if (words.length > 2) {
    return `unexpected text "${words.slice(2).join(' ').slice(0, 40)}" after actor ID "${words[1] as string}" (an action without ": " is one word)`;
  }
  return { action: firstWord, id };
}

function skipSpace(s: string, from: number): number {
  let i = from;
  while (i < s.length && /\s/.test(s[i] as string)) i++;
  return i;
}

/** The whitespace-delimited word starting at or after `from`. */
function tokenAt(s: string, from: number): { text: string; start: number; end: number } {
  const start = skipSpace(s, from);
  let end = start;
  while (end < s.length && !/\s/.test(s[end] as string)) end++;
  return { text: s.slice(start, end), start, end };
}
