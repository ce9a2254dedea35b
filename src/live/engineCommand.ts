/**
 * Which real events make up one engine command, and which command a run of events
 * stands for when it was typed elsewhere (seen only through its events). Pure.
 *
 * moby's order (docs/docker-behaviour.md §3): `docker stop` = kill (SIGTERM), [kill
 * (SIGKILL) after the grace period], die, stop; `docker restart` = the stop's events, then
 * start, restart; `docker kill` = kill, die; `docker rm -f` = kill (SIGKILL), die, destroy.
 */
import { signalName } from '../../machines';
import { parseSignal } from '../model/events/signals';
import type { ParsedEvent } from '../model/events/types';
import type { LiveCommandName } from './protocol';

/** SIGTERM and SIGKILL: the kills that begin a stop, restart, kill or rm -f. */
const COMMAND_SIGNALS = new Set([9, 15]);

/** Whether `event`, with no command from the page in flight, begins a command's run of events. */
export function opensCommand(event: ParsedEvent): boolean {
  return event.baseAction === 'kill' && COMMAND_SIGNALS.has(parseSignal(event.message.Actor.Attributes.signal) ?? 9);
}

/** Whether `event` can be part of a command's run (a health probe's exec or result never is). */
export function joinsCommand(event: ParsedEvent): boolean {
  return !event.baseAction.startsWith('exec_') && event.baseAction !== 'health_status';
}

/** The event a page command's run ends with (after Docker answered). */
const LAST_EVENT: Record<LiveCommandName, string> = {
  start: 'start',
  stop: 'stop',
  restart: 'restart',
  kill: 'die',
  pause: 'pause',
  unpause: 'unpause',
  remove: 'destroy',
};

/**
 * Whether the run is complete once `event` is in it. `command`: the page's command, or
 * null for one typed elsewhere, which ends at `destroy` or `restart`; its `stop` (a
 * restart's start may follow) and `die` (a stop's `stop` may follow) are settled by time.
 */
export function endsCommand(command: LiveCommandName | null, event: ParsedEvent): boolean {
  if (command) return event.baseAction === LAST_EVENT[command];
  return event.baseAction === 'destroy' || event.baseAction === 'restart';
}

/** The CLI line of a command typed elsewhere, from its events: `docker stop web`, `docker kill -s SIGTERM web`. */
export function inferredCommand(name: string, events: readonly ParsedEvent[]): string {
  const actions = new Set(events.map((e) => e.baseAction));
  const signals = events.filter((e) => e.baseAction === 'kill').map((e) => parseSignal(e.message.Actor.Attributes.signal) ?? 9);
  if (actions.has('destroy')) return `docker rm -f ${name}`;
  if (actions.has('restart')) return `docker restart ${name}`;
  if (actions.has('stop')) return `docker stop ${name}`;
  const first = signals[0];
  if (first === undefined || first === 9) return `docker kill ${name}`;
  return `docker kill -s ${signalName(first)} ${name}`;
}
