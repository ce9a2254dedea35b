/**
 * The page's one `EventsLogLoading` (picker, drop and `?events=` share it), bound to the
 * page's handlers: a loaded log replaces the session, an error goes to the alert.
 */
import { useLayoutEffect, useState } from 'react';
import type { SessionSource } from '../../model/session/sessionSource';
import { EventsLogLoading } from './eventsLogLoading';

/** One loader for the component's lifetime; the latest `onLoad` / `onError` are called. */
export function useEventsLogLoading(onLoad: (source: SessionSource) => void, onError: (message: string) => void): EventsLogLoading {
  const [loading] = useState(() => new EventsLogLoading({ onLoad, onError }));
  useLayoutEffect(() => loading.setHandlers({ onLoad, onError }), [loading, onLoad, onError]);
  return loading;
}
