/**
 * Which log entries get the restart-policy note: a crash (a `die` the container did not
 * survive) after which Docker put the container in `restarting`. That is known only at
 * the moment the entry is logged (a moment later the back-off is over and it runs
 * again), so the runtime records it in the entry (`LogEntry.statusAfter`).
 */
import type { LogEntry } from '../../../../machines';

function diedHere(entry: LogEntry): boolean {
  return entry.container !== undefined && entry.events.some((e) => e.Type === 'container' && e.Action === 'die' && e.Actor.Attributes.name === entry.container);
}

/** Whether `entry` gets the restart-policy note. */
export function hasRestartNote(entry: LogEntry): boolean {
  return entry.statusAfter === 'restarting' && diedHere(entry);
}
