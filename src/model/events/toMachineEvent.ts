/**
 * What a parsed `docker events` event means for a container's lifecycle, as plain data for
 * replay (no XState here; the replay feature turns intents into machine events).
 *
 * Docker sources: container actions `moby:api/types/events/events.go`; attributes
 * `signal` (kill, `moby:daemon/kill.go`) and `exitCode` (die, `moby:daemon/monitor.go`);
 * `health_status: <status>` (`moby:daemon/health.go` `handleProbeResult`). docs/docker-behaviour.md §3.
 */
import { parseSignal } from './signals';
import type { ParsedEvent } from './types';

export type LifecycleIntent =
  | { kind: 'create' }
  | { kind: 'start' }
  | { kind: 'restart' }
  | { kind: 'pause' }
  | { kind: 'unpause' }
  | { kind: 'kill'; signal?: number }
  | { kind: 'die'; exitCode: number }
  | { kind: 'stop' }
  | { kind: 'oom' }
  | { kind: 'destroy' }
  | { kind: 'health'; status: 'healthy' | 'unhealthy' | 'starting' }
  /** exec_*, attach, resize, rename, top, update, commit, copy, export, detach, network/image/volume events: shown in the log, no lifecycle change. */
  | { kind: 'info' };

/** `die` exit code when the event has no (or a non-integer) `exitCode` attribute. */
const UNKNOWN_EXIT_CODE = -1;

/** Actions whose intent carries no data: the intent's kind is the action. */
type PlainKind = 'create' | 'start' | 'restart' | 'pause' | 'unpause' | 'stop' | 'oom' | 'destroy';
const PLAIN: ReadonlySet<string> = new Set<PlainKind>(['create', 'start', 'restart', 'pause', 'unpause', 'stop', 'oom', 'destroy']);

/**
 * Maps one parsed event to a lifecycle intent.
 *
 * - Only `Type === 'container'` events can change a lifecycle; every other type is `info`.
 * - `kill`: `signal` from the `signal` attribute, as a number (`"15"`) or a name
 *   (`"SIGTERM"`, `"TERM"`); omitted when missing or unknown.
 * - `die`: `exitCode` from the `exitCode` attribute (decimal, may be negative);
 *   `UNKNOWN_EXIT_CODE` (-1) when missing or not an integer (e.g. the Key=Value format, which
 *   carries no attributes).
 * - `health_status: healthy|unhealthy|starting` → `health` (Docker emits no event for
 *   `starting`, but a log may say so); any other status → `info`.
 * - Every other action (`exec_create: …`, `attach`, `resize`, `rename`, ...) → `info`.
 *
 * @returns a fresh object (callers may mutate it); never throws.
 */
export function toLifecycleIntent(ev: ParsedEvent): LifecycleIntent {
  if (ev.message.Type !== 'container') return { kind: 'info' };
  const attrs = ev.message.Actor.Attributes;
  switch (ev.baseAction) {
    case 'kill': {
      const signal = parseSignal(attrs.signal);
      return signal === undefined ? { kind: 'kill' } : { kind: 'kill', signal };
    }
    case 'die':
      return { kind: 'die', exitCode: parseExitCode(attrs.exitCode) };
    case 'health_status': {
      const status = ev.actionDetail?.trim();
      return status === 'healthy' || status === 'unhealthy' || status === 'starting'
        ? { kind: 'health', status }
        : { kind: 'info' };
    }
    default:
      return PLAIN.has(ev.baseAction) ? { kind: ev.baseAction as PlainKind } : { kind: 'info' };
  }
}

function parseExitCode(value: string | undefined): number {
  return value !== undefined && /^\s*-?\d+\s*$/.test(value) ? Number(value) : UNKNOWN_EXIT_CODE;
}
