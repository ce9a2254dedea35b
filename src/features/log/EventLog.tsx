/**
 * The event history (`role="log"`): newest at the bottom, following new entries unless
 * the reader scrolled up. Renders at most the last 300 entries.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useArchitecture, useSession } from '../../model/session/useSession';
import { useLearn } from '../learn/LearnContext';
import { LearnToggle } from '../learn/LearnToggle';
import { useRestartNotes } from '../learn/useRestartNotes';
import { visibleEntries } from './healthExecFilter';
import { LogEntryView } from './LogEntryView';
import { replayDetailsFor } from './replayDetails';
import { useLog } from './useLog';
import './EventLog.css';

/** Most entries rendered. */
export const LOG_RENDER_LIMIT = 300;

/** The log panel. */
export function EventLog() {
  const architecture = useArchitecture();
  const { replay } = useSession();
  // Before useLog: a crash is marked for the restart-policy note before its entry renders.
  useRestartNotes(architecture);
  const [learn] = useLearn();
  const entries = useLog(architecture);
  // Entries are new objects after a replay seeks backwards, so memoized entries re-read this.
  const replayDetails = useMemo(() => (replay ? replayDetailsFor(replay) : undefined), [replay]);
  // Health-check probes (exec_create/exec_start/exec_die) are hidden unless asked for.
  const [showExec, setShowExec] = useState(false);
  const shown = visibleEntries(entries, showExec);
  const visible = shown.length > LOG_RENDER_LIMIT ? shown.slice(-LOG_RENDER_LIMIT) : shown;
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  const nameOfId = useCallback((id: string) => architecture.containers.find((c) => c.id === id)?.name, [architecture]);

  const onScroll = () => {
    const el = scroller.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  };

  const last = visible.at(-1)?.seq;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [last]);

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
        <ol className="event-log__list">
          {visible.map((entry) => (
            <LogEntryView key={entry.seq} entry={entry} nameOfId={nameOfId} replayDetails={replayDetails} learn={learn} />
          ))}
        </ol>
      </div>
    </section>
  );
}
