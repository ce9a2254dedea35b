/**
 * One line of custom `docker events --format` output written as `Key=Value` fields, e.g.
 * `--format 'Type={{.Type}}  Status={{.Status}}  ID={{.ID}}'` →
 * `Type=container  Status=create  ID=2ee3…1e26`
 * (`docker/cli:docs/reference/commandline/events.md`, "Format the output").
 *
 * Recognised keys (case-insensitive; any order; separated by whitespace):
 * | key | field |
 * |---|---|
 * | `Type` | `Type` (default `'container'`) |
 * | `Action`, `Status` | `Action` (`Action` wins) |
 * | `ID` | `Actor.ID` |
 * | `Image`, `From` | `Actor.Attributes.image` |
 * | `Name` | `Actor.Attributes.name` |
 * | `Scope` | `scope` |
 * | `Time`, `TimeNano` | `time` (Unix s), `timeNano` (Unix ns); integers |
 *
 * A value runs up to the next recognised `Key=`, so an action may contain spaces
 * (`Status=exec_create: /bin/sh -c x`). Without `Time`/`TimeNano` the time is unknown: both
 * are 0 and the file order is the only order.
 */
import type { DockerEventMessage, LineResult } from './types';

const FIELD = /(?:^|\s+)(timenano|time|type|status|action|id|image|from|name|scope)=/gi;

/** True when the line starts with `Word=`, i.e. it can only be the Key=Value form. */
export function looksLikeKeyValueLine(line: string): boolean {
  return /^[A-Za-z][\w.]*=/.test(line);
}

/**
 * Parses one trimmed `Key=Value` line.
 * @returns the message, or a reason with a 1-based column: unknown first key, missing `ID`
 *   or `Status`/`Action`, a multi-word `Type`/`ID`/plain action, or a non-integer time (never throws).
 */
export function parseKeyValueLine(line: string): LineResult {
  const matches = [...line.matchAll(FIELD)];
  if (matches.length === 0 || matches[0]?.index !== 0) {
    const key = /^[^=]*/.exec(line)?.[0] ?? '';
    return { ok: false, reason: `unknown field "${key}" (expected Type, Status, Action, ID, Image, From, Name, Scope, Time, TimeNano)`, column: 1 };
  }
  const fields = new Map<string, string>();
  matches.forEach((m, k) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = matches[k + 1]?.index ?? line.length;
    fields.set((m[1] as string).toLowerCase(), line.slice(start, end).trim());
  });

  const action = fields.get('action') || fields.get('status');
  const id = fields.get('id');
  if (!action) return { ok: false, reason: 'missing Status= or Action= field' };
  if (!id) return { ok: false, reason: 'missing ID= field' };
  const type = fields.get('type') || 'container';
  for (const [name, value] of [['Type', type], ['ID', id]] as const) {
    if (/\s/.test(value)) return { ok: false, reason: `${name} "${value.slice(0, 40)}" has spaces (unknown Key= field?)` };
  }
  if (!action.includes(': ') && /\s/.test(action)) {
    return { ok: false, reason: `action "${action.slice(0, 40)}" has spaces (unknown Key= field?)` };
  }

  const time = parseUnixInteger(fields.get('time'));
  const timeNano = parseUnixInteger(fields.get('timenano'));
  if (time === null) return { ok: false, reason: `Time "${fields.get('time') ?? ''}" is not a Unix time in seconds` };
  if (timeNano === null) return { ok: false, reason: `TimeNano "${fields.get('timenano') ?? ''}" is not a Unix time in nanoseconds` };

  const attributes: Record<string, string> = {};
  const image = fields.get('image') || fields.get('from');
  if (image) attributes.image = image;
  const name = fields.get('name');
  if (name) attributes.name = name;

  const message: DockerEventMessage = {
    Type: type,
    Action: action,
    Actor: { ID: id, Attributes: attributes },
    time: time ?? (timeNano !== undefined ? Math.floor(timeNano / 1e9) : 0),
    timeNano: timeNano ?? (time !== undefined ? time * 1e9 : 0),
  };
  const scope = fields.get('scope');
  if (scope) message.scope = scope;
  return { ok: true, message };
}

/** `undefined` when absent, `null` when present but not a non-negative integer. */
function parseUnixInteger(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : null;
}
