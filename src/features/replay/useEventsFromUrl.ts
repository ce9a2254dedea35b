/**
 * The `?events=<url>` parameter (docs/contracts.md §2): fetches the log once on mount and
 * replays it. Errors go to the page's `role="alert"`; the architecture on screen stays.
 */
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
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
  // The latest handlers, without restarting the load when they change.
  const loaded = useEffectEvent(onLoad);
  const failed = useEffectEvent(onError);
  // The search whose load has finished (or failed): the progress message is derived from it.
  const [settled, setSettled] = useState<string | null>(null);
  const target = useMemo(() => eventsUrlFromSearch(search, window.location.href), [search]);

  useEffect(() => {
    if (target === null) return;
    if ('error' in target) {
      failed(target.error);
      return;
    }
    const controller = new AbortController();
    loadEventsLogParser()
      .then(({ fetchEventsLog }) => fetchEventsLog(target.url, fetch, controller.signal))
      .then((result) => {
        if (controller.signal.aborted) return;
        if (result.ok) loaded(result.source);
        else failed(result.error);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        failed(`Could not load the events log from ${target.url.href}: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        if (!controller.signal.aborted) setSettled(search);
      });
    // StrictMode mounts twice: the first fetch is aborted and ignored.
    return () => controller.abort();
  }, [search, target]);

  return target !== null && 'url' in target && settled !== search ? `Loading the events log from ${target.url.href}…` : null;
}
