/**
 * The command on `name` that Docker (or the page) just refused, while it is the latest
 * word about that container: the action panel shows it beside the buttons, so a refused
 * keyboard shortcut (`x` on a running container) is seen where the learner looks, not only
 * in the event log (at 800×500 the log is below the fold). Entries written before the
 * panel opened are not shown. Subscribes to the log; returns the entry or null.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Architecture, LogEntry } from '../../../machines';

/** The latest entry about `name` after `afterSeq`, if it is a refused command. Pure. */
export function lastRefusal(log: readonly LogEntry[], name: string, afterSeq: number): LogEntry | null {
  for (let i = log.length - 1; i >= 0; i--) {
    const entry = log[i]!;
    if (entry.seq <= afterSeq) return null;
    if (entry.container !== name) continue;
    return entry.kind === 'command' && entry.outcome === 'error' ? entry : null;
  }
  return null;
}

export function useLastRefusal(architecture: Architecture, name: string): LogEntry | null {
  const opened = useRef<number | null>(null);
  if (opened.current === null) opened.current = architecture.getLog().at(-1)?.seq ?? -1;
  const since = opened.current;
  const subscribe = useCallback((onChange: () => void) => architecture.onLog(onChange), [architecture]);
  const get = useCallback(() => lastRefusal(architecture.getLog(), name, since), [architecture, name, since]);
  return useSyncExternalStore(subscribe, get, get);
}
