/**
 * Hiding health-check probes in the log. Every probe emits `exec_create: <cmd>`,
 * `exec_start: <cmd>` and `exec_die` (docs/docker-behaviour.md §3.3), so a container with a
 * 5 s interval floods the history. With exec events hidden: those chips are dropped,
 * `health_status` changes stay, and a daemon entry left with nothing is hidden entirely.
 * Pure; filtered entries are cached per entry so memoized rows keep their identity.
 */
import type { DockerEventMessage, LogEntry } from '../../../machines';

/** A log entry as shown: possibly with some exec events left out. */
export interface ShownLogEntry extends LogEntry {
  /** How many `exec_*` events were left out (0 when none). */
  hiddenExec?: number;
}

/** `exec_create: …`, `exec_start: …`, `exec_die`, `exec_detach`. */
export function isExecEvent(message: DockerEventMessage): boolean {
  return message.Type === 'container' && message.Action.startsWith('exec_');
}

const cache = new WeakMap<LogEntry, ShownLogEntry | null>();

/** `entry` as shown with exec events hidden, or null when nothing of it is left to show. */
export function withoutExecEvents(entry: LogEntry): ShownLogEntry | null {
  const cached = cache.get(entry);
  if (cached !== undefined) return cached;
  let result: ShownLogEntry | null = entry;
  const kept = entry.events.filter((e) => !isExecEvent(e));
  const hidden = entry.events.length - kept.length;
  if (hidden > 0) {
    result = kept.length === 0 && entry.kind === 'daemon' ? null : { ...entry, events: kept, hiddenExec: hidden };
  }
  cache.set(entry, result);
  return result;
}

/** The entries to show: all of them, or without health-check exec events. */
export function visibleEntries(entries: readonly LogEntry[], showExec: boolean): readonly ShownLogEntry[] {
  if (showExec) return entries;
  const shown: ShownLogEntry[] = [];
  for (const entry of entries) {
    const kept = withoutExecEvents(entry);
    if (kept) shown.push(kept);
  }
  return shown;
}
