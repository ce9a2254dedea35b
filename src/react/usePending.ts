/**
 * The timed command in progress for one container (`Architecture.send`, kept in the architecture machine), or
 * undefined. Re-renders only when that container's pending record starts or ends.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { PendingCommand } from '../../machines';
import { useArchitecture } from './useSession';

export function usePending(name: string): PendingCommand | undefined {
  const architecture = useArchitecture();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const unsubscribe = architecture.onPending(onChange);
      return () => {
        unsubscribe();
      };
    },
    [architecture],
  );
  const get = useCallback(() => architecture.getPending().get(name), [architecture, name]);
  return useSyncExternalStore(subscribe, get, get);
}
