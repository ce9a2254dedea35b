/** The architecture's log entries, re-read after each change (`architecture.onLog`). */
import { useCallback, useSyncExternalStore } from 'react';
import type { Architecture, LogEntry } from '../../../machines';

/** Every log entry so far, oldest first (the array is replaced on each change). */
export function useLog(architecture: Architecture): readonly LogEntry[] {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const unsubscribe = architecture.onLog(onChange);
      return () => {
        unsubscribe();
      };
    },
    [architecture],
  );
  const get = useCallback(() => architecture.getLog(), [architecture]);
  return useSyncExternalStore(subscribe, get, get);
}
