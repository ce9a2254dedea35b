/**
 * THE table of differences between the engine CI runs (Debian's Engine 20.10, API 1.41)
 * and the Engine v29 the machine follows. The differential suite rewrites what the real
 * engine said into v29's form with exactly these entries, counts each use, and fails on
 * any other difference. Each entry names its source.
 */
import type { DockerEventMessage } from '../../machines';

export interface VersionDifference {
  id: string;
  /** What 20.10 does. */
  v20: string;
  /** What v29 does (and the machine). */
  v29: string;
  source: string;
}

export const VERSION_DIFFERENCES = {
  dieBeforeDisconnect: {
    id: 'die-before-disconnect',
    v20: 'logs `die`, then releases the network (`network disconnect`)',
    v29: 'releases the network first: `network disconnect`, then `die`',
    source:
      'moby daemon/monitor.go handleContainerExit: v20.10 calls LogContainerEventWithAttributes(c, "die") before daemon.Cleanup(c); v23.0+ calls Cleanup first (docs/docker-behaviour.md §2.3)',
  },
  noExecDuration: {
    id: 'no-execDuration',
    v20: '`die` carries `exitCode` only',
    v29: '`die` also carries `execDuration` (whole seconds the process ran)',
    source: 'moby daemon/monitor.go handleContainerExit: the attributes map of v20.10 has only "exitCode"; later versions add "execDuration" (docs/docker-behaviour.md §3.2)',
  },
  capitalisedErrors: {
    id: 'capitalised-errors',
    v20: 'error texts start with a capital: `Cannot kill container: …`, `Container <id> is not running`, `Container <id> is already paused`',
    v29: 'the same texts in lower case: `cannot kill container: …`, `container <id> is not running`, `container <id> is already paused`',
    source:
      'moby daemon/server/router/container/container_routes.go postContainersKill ("Cannot kill container: %s" in v20.10, "cannot kill container: %s" in v29) and daemon/kill.go, daemon/pause.go errNotRunning/"Container %s is already paused" (lower-cased in moby v25+, Go error style)',
  },
  removeWording: {
    id: 'rm-live-wording',
    v20: '`You cannot remove a running container <id>. Stop the container before attempting removal or force remove` (paused: `You cannot remove a paused container <id>. Unpause and then stop the container before attempting removal or force remove`)',
    v29: '`cannot remove container "<name>": container is running: stop the container before removing or force remove` (paused: `… container is paused and must be unpaused first`)',
    source: 'moby daemon/delete.go cleanupContainer: v20.10 errors.Errorf("You cannot remove a %s container %s. …"); v29 wording (docs/docker-behaviour.md §2.4)',
  },
  oomAfterDie: {
    id: 'oom-after-die',
    v20: 'an OOM kill is logged as `oom` then `die` most of the time, and as `die` then `oom` when containerd\'s exit event is handled first (seen under load); then `OOMKilled` stays false, since 20.10 takes it from the exit, before the OOM was handled',
    v29: 'the same two events; the machine logs `oom` first, as moby usually does, and sets `OOMKilled` (v24+ set it when the OOM is handled: docs/docker-behaviour.md §1.4)',
    source:
      'not a version difference but a race kept in this table: moby daemon/monitor.go ProcessEvent handles containerd\'s EventOOM ("oom") and EventExit ("die") as two separate events, in the order they arrive (docs/docker-behaviour.md §3)',
  },
  oomKilledKept: {
    id: 'oomkilled-kept',
    v20: '`OOMKilled` stays true after the container is started again',
    v29: '`OOMKilled` is false again after the next start',
    source: 'moby daemon/container/state.go SetRunning: v20.10 does not reset OOMKilled; reset since moby PR #43564 (v24, commit 57d2d6ef62; docs/docker-behaviour.md §1.4)',
  },
} as const satisfies Record<string, VersionDifference>;

export type DifferenceId = keyof typeof VERSION_DIFFERENCES;

/** Counts of each entry's use in a run (for the report). */
export const used: Record<DifferenceId, number> = Object.fromEntries(
  Object.keys(VERSION_DIFFERENCES).map((k) => [k, 0]),
) as Record<DifferenceId, number>;

/**
 * 20.10's error text in v29's words, by the table's text entries; other texts unchanged.
 * `name` is the container's name, needed for the v29 rm wording.
 */
export function errorTextToV29(text: string, name: string): string {
  let out = text;
  const rm = /^You cannot remove a (running|paused|restarting) container ([0-9a-f]{64})\. .*$/.exec(out);
  if (rm) {
    used.removeWording++;
    out =
      rm[1] === 'paused'
        ? `cannot remove container "${name}": container is paused and must be unpaused first`
        : `cannot remove container "${name}": container is ${rm[1]}: stop the container before removing or force remove`;
  }
  const rewrites: Array<[RegExp, string]> = [
    [/^Cannot kill container: /, 'cannot kill container: '],
    [/(^|: )Container ([0-9a-f]{64}) is not running$/, '$1container $2 is not running'],
    [/(^|: )Container ([0-9a-f]{64}) is already paused$/, '$1container $2 is already paused'],
  ];
  for (const [pattern, replacement] of rewrites) {
    if (pattern.test(out)) {
      used.capitalisedErrors++;
      out = out.replace(pattern, replacement);
    }
  }
  return out;
}

/** One event as compared: `die exitCode=3`, `kill signal=15`, `network disconnect bridge`. */
export function eventLine(m: DockerEventMessage): string {
  if (m.Type === 'network') return `network ${m.Action} ${m.Actor.Attributes.name ?? ''}`.trim();
  const a = m.Actor.Attributes;
  return [m.Action, a.signal !== undefined ? `signal=${a.signal}` : '', a.exitCode !== undefined ? `exitCode=${a.exitCode}` : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * A real 20.10 event sequence of one container in v29's order: every `die` directly
 * followed by its `network disconnect` becomes `network disconnect`, `die`.
 */
export function eventsToV29(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    if (out[i]!.startsWith('die') && out[i + 1]!.startsWith('network disconnect')) {
      [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
      used.dieBeforeDisconnect++;
      i++;
    }
  }
  // An `oom` logged after its `die exitCode=137` (no start between) goes back to v29's place:
  // before the `network disconnect` that precedes that die.
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 'oom') continue;
    let j = i - 1;
    while (j >= 0 && !out[j]!.startsWith('start') && out[j] !== 'die exitCode=137') j--;
    if (j < 0 || out[j] !== 'die exitCode=137') continue;
    const at = j > 0 && out[j - 1]!.startsWith('network disconnect') ? j - 1 : j;
    out.splice(i, 1);
    out.splice(at, 0, 'oom');
    used.oomAfterDie++;
  }
  return out;
}

/** The machine's (v29) `die` attributes without `execDuration`, counted once per die. */
export function dieWithoutExecDuration(m: DockerEventMessage): void {
  if (m.Type === 'container' && m.Action === 'die' && m.Actor.Attributes.execDuration !== undefined) used.noExecDuration++;
}
