/**
 * The entries of the event history, newest at the bottom (at most the last 300), with the
 * Learn explanations and the replay details. The part of `EventLog` that weighs: a chunk
 * of its own (`EventLog` renders it lazily, once the canvas is painted). Follows new
 * entries (scrolls its log to the bottom) unless the reader scrolled up.
 */
import { useCallback, useLayoutEffect, useMemo, type RefObject } from 'react';
import { useArchitecture, useSession } from '../../react/useSession';
import { useLearn } from './learn/LearnContext';
import { explanationsFor } from './learn/LogExplanation';
import { visibleEntries } from './healthExecFilter';
import { LogEntryView } from './LogEntryView';
import { replayDetailsFor } from './replayDetails';
import { useLog } from './useLog';

/** Most entries rendered. */
const LOG_RENDER_LIMIT = 300;

export interface LogEntriesProps {
  /** Show the health-check probes (exec_create/exec_start/exec_die). */
  showExec: boolean;
  /** The scrolling `role="log"` element. */
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** Whether the reader is at the bottom (then new entries scroll into view). */
  followingRef: RefObject<boolean>;
}

export function LogEntries({ showExec, scrollerRef, followingRef }: LogEntriesProps) {
  const architecture = useArchitecture();
  const { replay } = useSession();
  // Before useLog: a crash is marked for the restart-policy note before its entry renders.
  const [learn] = useLearn();
  const entries = useLog(architecture);
  // Entries are new objects after a replay seeks backwards, so memoized entries re-read this.
  const replayDetails = useMemo(() => (replay ? replayDetailsFor(replay) : undefined), [replay]);
  const shown = visibleEntries(entries, showExec);
  const visible = shown.length > LOG_RENDER_LIMIT ? shown.slice(-LOG_RENDER_LIMIT) : shown;

  // An explanation is told once per run: three containers turning healthy together get one
  // "Health check." lesson under the first, not three identical ones.
  const repeats = learn ? repeatedExplanations(visible) : null;

  const nameOfId = useCallback((id: string) => architecture.containers.find((c) => c.id === id)?.name, [architecture]);

  const last = visible.at(-1)?.seq;
  useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (el && followingRef.current) el.scrollTop = el.scrollHeight;
  }, [last, scrollerRef, followingRef]);

  return (
    <ol className="event-log__list">
      {visible.map((entry) => (
        <LogEntryView key={entry.seq} entry={entry} nameOfId={nameOfId} replayDetails={replayDetails} learn={learn && !repeats?.has(entry.seq)} />
      ))}
    </ol>
  );
}

/** The entries whose explanations are the same as the entry just before them (`seq`s). */
export function repeatedExplanations(entries: readonly Parameters<typeof explanationsFor>[0][]): Set<number> {
  const repeated = new Set<number>();
  let previous = '';
  for (const entry of entries) {
    const key = explanationsFor(entry)
      .map((e) => `${e.title}\u0000${e.text}`)
      .join('\u0001');
    if (key !== '' && key === previous) repeated.add(entry.seq);
    previous = key;
  }
  return repeated;
}
