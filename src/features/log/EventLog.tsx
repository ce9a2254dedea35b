/**
 * The event history (`role="log"`): newest at the bottom, following new entries unless
 * the reader scrolled up. Renders at most the last 300 entries. The panel and its
 * `role="log"` element render at once; the entries (`LogEntries`, with the Learn
 * explanations) are a chunk of their own, shown once the canvas is painted.
 */
import { Suspense, useRef, useState } from 'react';
import { AfterIdle, preloadable } from '../../react/loadLater';
import { LearnToggle } from './learn/LearnToggle';
import './EventLog.css';

const lazyEntries = preloadable(() => import('./LogEntries').then((m) => m.LogEntries));
const LogEntries = lazyEntries.Component;

/** Starts loading the log's entries (they are shown once the page is idle). */
export const preloadLogEntries = lazyEntries.preload;

/** The log panel. */
export function EventLog() {
  // Health-check probes (exec_create/exec_start/exec_die) are hidden unless asked for.
  const [showExec, setShowExec] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  const onScroll = () => {
    const el = scroller.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  return (
    <section className="event-log" aria-labelledby="event-log-title">
      <div className="event-log__head">
        <h2 id="event-log-title" className="event-log__title">
          Event log <span className="event-log__hint">docker CLI and docker events</span>
        </h2>
        <label className="event-log__toggle">
          <input type="checkbox" checked={showExec} onChange={(e) => setShowExec(e.currentTarget.checked)} />
          Show health-check exec events
        </label>
        <LearnToggle className="event-log__learn" />
      </div>
      {/* role="log" is implicitly a polite live region; the LiveAnnouncer speaks instead, once per change. */}
      <div ref={scroller} className="event-log__scroller" role="log" aria-label="Event log" aria-live="off" tabIndex={0} onScroll={onScroll}>
        <AfterIdle>
          <Suspense fallback={null}>
            <LogEntries showExec={showExec} scrollerRef={scroller} followingRef={following} />
          </Suspense>
        </AfterIdle>
      </div>
    </section>
  );
}
