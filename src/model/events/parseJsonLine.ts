/**
 * One JSON event line, modern or legacy, normalised to `DockerEventMessage`.
 * Shapes: see `eventJsonSchema.ts` (docs/docker-behaviour.md §3.2).
 */
import { eventJsonSchema, type EventJson } from './eventJsonSchema';
import type { DockerEventMessage, LineResult } from './types';

/** Image actions (`docker/cli` events docs); a legacy event with one of these and no `from` is an image event. */
const IMAGE_ONLY_ACTIONS = new Set(['delete', 'import', 'load', 'pull', 'push', 'save', 'tag', 'untag']);

/**
 * Parses one trimmed line that starts with `{` (or `[`).
 *
 * Normalisation (modern fields win when both are present):
 * - `Action` ← `Action`, else legacy `status`.
 * - `Actor.ID` ← `Actor.ID`, else legacy `id`. `Actor.Attributes` ← `Actor.Attributes` (null → `{}`),
 *   plus `image` ← legacy `from` when `image` is missing.
 * - `Type` ← `Type`; else (legacy-only line) `'container'`, unless there is no `from` and the
 *   action is an image action (`pull`, `tag`, `delete`, ...) or `id` looks like an image
 *   reference (`alpine:latest`, `sha256:…`, `library/x`), which gives `'image'`.
 * - `time` (Unix s) ← `time`, else `floor(timeNano / 1e9)`, else 0; `timeNano` (Unix ns) ←
 *   `timeNano`, else `time × 1e9`, else 0.
 *
 * @returns the message, or a reason: invalid JSON (with the 1-based column when the engine
 *   reports a position), not an object, or the zod issues of a wrong shape (never throws).
 */
export function parseJsonLine(line: string): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(detail);
    return {
      ok: false,
      reason: `invalid JSON: ${detail}`,
      ...(pos ? { column: Number(pos[1]) + 1 } : {}),
    };
  }
  return parseJsonValue(value);
}

/**
 * One already parsed JSON value (an object of a pretty-printed log, an element of a JSON
 * array), validated and normalised as `parseJsonLine` does.
 */
export function parseJsonValue(value: unknown): LineResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: `expected a JSON object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` };
  }
  const result = eventJsonSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    return { ok: false, reason: `not a docker event: ${issues}` };
  }
  return { ok: true, message: normalise(result.data) };
}

function normalise(ev: EventJson): DockerEventMessage {
  const action = ev.Action || (ev.status as string);
  const id = ev.Actor?.ID || (ev.id as string);
  const attributes: Record<string, string> = { ...(ev.Actor?.Attributes ?? {}) };
  if (ev.from !== undefined && attributes.image === undefined) attributes.image = ev.from;

  const time = ev.time ?? (ev.timeNano !== undefined ? Math.floor(ev.timeNano / 1e9) : 0);
  const timeNano = ev.timeNano ?? time * 1e9;
  const message: DockerEventMessage = {
    Type: ev.Type || legacyType(ev, action, id),
    Action: action,
    Actor: { ID: id, Attributes: attributes },
    time,
    timeNano,
  };
  if (ev.scope !== undefined) message.scope = ev.scope;
  return message;
}

/** Type of a legacy-only event: the daemon back-fills `from` only for container events (`backFillLegacy`). */
function legacyType(ev: EventJson, action: string, id: string): string {
  if (ev.from !== undefined) return 'container';
  if (IMAGE_ONLY_ACTIONS.has(action) || looksLikeImageReference(id)) return 'image';
  return 'container';
}

/** `alpine:latest`, `sha256:…`, `library/alpine`, `x@sha256:…`; container ids are bare hex. */
function looksLikeImageReference(id: string): boolean {
  return /[:/@]/.test(id);
}
