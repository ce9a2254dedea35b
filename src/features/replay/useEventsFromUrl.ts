/**
 * The `?events=<url>` parameter (docs/contracts.md §2): fetches the log once on mount and
 * replays it, through the page's loader (progress bar, Cancel). Errors go to the page's
 * `role="alert"`; the architecture on screen stays.
 */
import { useEffect, useEffectEvent, useMemo } from 'react';
import { eventsUrlFromSearch, loadEventsLogParser, parserLoadError, titleOfUrl } from './eventsLogInput';
import type { EventsLogLoading } from './eventsLogLoading';

/**
 * Loads the log named by `search` (default: the page's query string), relative to `pageUrl`
 * (default: the page's; the build's prerender has no page and no `events=`).
 */
export function useEventsFromUrl(
  loading: Pick<EventsLogLoading, 'run'>,
  onError: (message: string) => void,
  search: string = typeof window === 'undefined' ? '' : window.location.search,
  pageUrl: string = typeof window === 'undefined' ? 'http://localhost/' : window.location.href,
): void {
  // The latest handlers, without restarting the load when they change.
  const failed = useEffectEvent(onError);
  const start = useEffectEvent((url: URL) =>
    loading.run(titleOfUrl(url), null, async ({ signal, onProgress }) => {
      let parser;
      try {
        parser = await loadEventsLogParser();
      } catch (cause) {
        return { ok: false, error: parserLoadError(cause) };
      }
      return parser.fetchEventsLog(url, fetch, signal, onProgress);
    }),
  );
  const target = useMemo(() => eventsUrlFromSearch(search, pageUrl), [search, pageUrl]);

  useEffect(() => {
    if (target === null) return;
    if ('error' in target) {
      failed(target.error);
      return;
    }
    // StrictMode mounts twice: the first load is cancelled and ignored.
    return start(target.url);
  }, [target]);
}
