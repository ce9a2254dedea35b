/** Hooks over the compose controller and the architecture's compose progress. */
import { useCallback, useSyncExternalStore } from 'react';
import type { Architecture, ComposeProgress } from '../../../machines';
import type { ComposeController, ComposeState } from './composeController';

/** The controller's state (re-renders on every change of it). */
export function useComposeState(controller: ComposeController): ComposeState {
  return useSyncExternalStore(controller.subscribe, controller.get, controller.get);
}

/** The current or last compose run's progress on `architecture` (null before any). */
export function useComposeProgress(architecture: Architecture): ComposeProgress | null {
  const subscribe = useCallback((onChange: () => void) => architecture.onCompose(onChange), [architecture]);
  const get = useCallback(() => architecture.getComposeProgress(), [architecture]);
  return useSyncExternalStore(subscribe, get, get);
}
