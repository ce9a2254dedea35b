/**
 * The replay panel (Play, Pause, Step, Skip to end, the scrubber) in its own chunk: it is
 * shown only once a `docker events` log is loaded, which loads the events parser's chunk
 * first anyway. Render `lazyReplayPanel.Component` under a `Suspense`.
 */
import { preloadable } from '../../react/loadLater';

export const lazyReplayPanel = preloadable(() => import('./ReplayPanel').then((m) => m.ReplayPanel));
