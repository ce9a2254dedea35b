/**
 * What a running `docker compose <action>` is doing to one service right now, for the
 * node badge ("starting…", "waiting"). Subscribes to the architecture's compose
 * progress and returns primitives, so a node re-renders only when its answer changes.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { ComposeProgress } from '../../../machines';
import { useArchitecture } from '../../react/useSession';

/** The badge word for an active service, and what it waits for (empty when it does not wait). */
export interface ComposeActivity {
  word: string;
  waitingFor: string;
}

const VERB: Record<ComposeProgress['action'], string> = {
  up: 'starting…',
  start: 'starting…',
  restart: 'restarting…',
  stop: 'stopping…',
  down: 'removing…',
  pause: 'pausing…',
  unpause: 'unpausing…',
  kill: 'killing…',
};

/** `word\u0000waitingFor` for `service` in `progress`, or '' when the service is not active. Pure. */
export function composeActivityKey(progress: ComposeProgress | null, service: string): string {
  if (!progress || progress.status !== 'running') return '';
  const slot = progress.active.find((a) => a.service === service);
  if (!slot) return '';
  return slot.waitingFor ? `waiting\u0000${slot.waitingFor}` : `${VERB[progress.action]}\u0000`;
}

/** The compose activity of `service`, or null when no compose run acts on it now. */
export function useComposeActivity(service: string): ComposeActivity | null {
  const architecture = useArchitecture();
  const subscribe = useCallback((onChange: () => void) => architecture.onCompose(onChange), [architecture]);
  const get = useCallback(() => composeActivityKey(architecture.getComposeProgress(), service), [architecture, service]);
  const key = useSyncExternalStore(subscribe, get, get);
  if (!key) return null;
  const [word = '', waitingFor = ''] = key.split('\u0000');
  return { word, waitingFor };
}
