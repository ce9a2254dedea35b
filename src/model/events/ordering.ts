/**
 * Sanity checks on the order of a parsed `docker events` log. Warnings only: nothing is
 * reordered or dropped, replay follows the file order.
 *
 * Expected orders: docs/docker-behaviour.md §3.3 (from `moby:daemon/*.go` and compose
 * `pkg/compose/monitor.go`).
 */
import { containerKey } from './containerKey';
import { truncateForProblem } from './limits';
import type { EventsLogProblem, ParsedEvent } from './types';

/**
 * Returns warnings (`severity: 'warning'`), in file order, for:
 *
 * 1. **Time going backwards**: an event whose `timeNano` (Unix ns) is earlier than the previous
 *    timed event's. Events with time 0 (unknown, e.g. the Key=Value format) are skipped. Usual
 *    causes: logs of several hosts or runs concatenated, or lines sorted by hand. Equal times
 *    are fine (Docker stamps each event separately; `stop` and `die` may come in either order).
 * 2. **Suspicious sequences of one container** (container events, keyed by `containerKey`):
 *    - any event other than `create` after that container's `destroy` (a new container may
 *      reuse the name, so `create` starts over);
 *    - a second `create` with no `destroy` in between (Docker refuses a duplicate name);
 *    - `die` after `die` with no `start` in between (each run dies once; a policy restart
 *      emits `start` before the next `die`).
 *    A log that starts mid-life (e.g. with `die`) is not suspicious: `docker events` shows only
 *    events since it was started or `--since`.
 *
 * @param events parsed events in file order (from `parseEventsLog`).
 * @returns warnings; `text` is a summary `<Type> <Action> <Actor.ID>` (the raw line is not kept).
 *   Empty for an empty list. Never throws.
 */
export function checkOrdering(events: readonly ParsedEvent[]): EventsLogProblem[] {
  const problems: EventsLogProblem[] = [];
  let previousTimed: ParsedEvent | undefined;
  const containers = new Map<string, ContainerTrack>();

  for (const ev of events) {
    if (ev.message.timeNano > 0) {
      if (previousTimed && ev.message.timeNano < previousTimed.message.timeNano) {
        const seconds = (previousTimed.message.timeNano - ev.message.timeNano) / 1e9;
        warn(problems, ev, `time goes backwards by ${seconds.toFixed(6)} s: earlier than line ${previousTimed.line} (${summary(previousTimed)}); the log may be out of order`);
      }
      previousTimed = ev;
    }
    if (ev.message.Type === 'container') checkSequence(problems, containers, ev);
  }
  return problems;
}

interface ContainerTrack {
  createdAt?: number;
  destroyedAt?: number;
  lastDieAt?: number;
}

function checkSequence(problems: EventsLogProblem[], containers: Map<string, ContainerTrack>, ev: ParsedEvent): void {
  const key = containerKey(ev.message);
  const track = containers.get(key) ?? {};
  containers.set(key, track);
  const action = ev.baseAction;

  if (action === 'create') {
    if (track.createdAt !== undefined && track.destroyedAt === undefined) {
      warn(problems, ev, `second create of ${key} without destroy since line ${track.createdAt}`);
    }
    containers.set(key, { createdAt: ev.line });
    return;
  }
  if (track.destroyedAt !== undefined) {
    warn(problems, ev, `${action} of ${key} after its destroy at line ${track.destroyedAt}`);
    return;
  }
  if (action === 'destroy') track.destroyedAt = ev.line;
  else if (action === 'start') track.lastDieAt = undefined;
  else if (action === 'die') {
    if (track.lastDieAt !== undefined) warn(problems, ev, `die of ${key} without a start since the die at line ${track.lastDieAt}`);
    track.lastDieAt = ev.line;
  }
}

function warn(problems: EventsLogProblem[], ev: ParsedEvent, message: string): void {
  problems.push({ line: ev.line, message, text: truncateForProblem(summary(ev)), severity: 'warning' });
}

function summary(ev: ParsedEvent): string {
  return `${ev.message.Type} ${ev.message.Action} ${ev.message.Actor.ID}`;
}
