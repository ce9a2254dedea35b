/**
 * Which log entries get the restart-policy note: a crash (a `die` the container did not
 * survive) after which Docker put the container in `restarting`. Known only at the
 * moment the entry is logged (a moment later the back-off is over and it runs again), so
 * entries are marked from `architecture.onLog`, synchronously, while the status is fresh.
 */
import { dockerStatus, type Architecture, type LogEntry } from '../../../machines';

const marked = new WeakSet<LogEntry>();

function diedHere(entry: LogEntry): boolean {
  return entry.container !== undefined && entry.events.some((e) => e.Type === 'container' && e.Action === 'die' && e.Actor.Attributes.name === entry.container);
}

function statusOf(architecture: Architecture, name: string) {
  const snapshot = architecture.containerActor(name)?.getSnapshot();
  return snapshot ? dockerStatus(snapshot) : null;
}

/** Whether `entry` gets the restart-policy note (see {@link trackRestartNotes}). */
export function hasRestartNote(entry: LogEntry): boolean {
  return marked.has(entry);
}

/** Marks `entries` (just logged) whose container died and is now restarting. */
export function markRestartNotes(architecture: Architecture, entries: readonly LogEntry[]): void {
  for (const entry of entries) {
    if (!marked.has(entry) && diedHere(entry) && statusOf(architecture, entry.container ?? '') === 'restarting') marked.add(entry);
  }
}

/**
 * Follows `architecture`'s log and marks each new crash that led to `restarting`. On
 * start, a container already restarting gets the note on its latest `die` entry (e.g. a
 * story that crashed it before the log was shown). Returns the unsubscribe function.
 */
export function trackRestartNotes(architecture: Architecture): () => void {
  const existing = architecture.getLog();
  const seen = new WeakSet<LogEntry>(existing);
  const latestDie = new Map<string, LogEntry>();
  for (const entry of existing) if (diedHere(entry) && entry.container) latestDie.set(entry.container, entry);
  for (const [name, entry] of latestDie) if (statusOf(architecture, name) === 'restarting') marked.add(entry);
  return architecture.onLog((entries) => {
    // The log only grows at its end: the new entries are the unseen ones at the tail.
    const fresh: LogEntry[] = [];
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      if (!entry || seen.has(entry)) break;
      fresh.unshift(entry);
    }
    for (const entry of fresh) seen.add(entry);
    markRestartNotes(architecture, fresh);
  });
}
