/**
 * The `?events=<url>` parameter (CONTRACTS.md §2): fetches the log once on mount and
 * replays it. Errors go to the page's `role="alert"`; the architecture on screen stays.
 */
import { useEffect, useRef, useState } from 'react';
import type { SessionSource } from '../../model/session/sessionSource';
import { eventsUrlFromSearch, loadEventsLogParser } from './eventsLogInput';

/**
 * Loads the log named by `search` (default: the page's query string).
 * @returns a progress message while fetching (for a `role="status"`), else null.
 */
export function useEventsFromUrl(
  onLoad: (source: SessionSource) => void,
  onError: (message: string) => void,
  search: string = typeof window === 'undefined' ? '' : window.location.search,
): string | null {
  const handlers = useRef({ onLoad, onError });
  handlers.current = { onLoad, onError };
  const [loading, setLoading] = useState<string | null>(null);

  useEffect(() => {
    const target = eventsUrlFromSearch(search, window.location.href);
    if (target === null) return;
    if ('error' in target) {
      handlers.current.onError(target.error);
      return;
    }
    const controller = new AbortController();
    setLoading(`Loading the events log from ${target.url.href}…`);
    loadEventsLogParser()
      .then(({ fetchEventsLog }) => fetchEventsLog(target.url, fetch, controller.signal))
      .then((result) => {
        if (controller.signal.aborted) return;
        if (result.ok) handlers.current.onLoad(result.source);
        else handlers.current.onError(result.error);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        handlers.current.onError(`Could not load the events log from ${target.url.href}: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(null);
      });
    // StrictMode mounts twice: the first fetch is aborted and ignored.
    return () => controller.abort();
  }, [search]);

  return loading;
}
