/**
 * One log entry: the CLI line with a `$ ` prompt (a `#` line for things that happened by
 * themselves), then the outcome: Docker's events as chips, Docker's error in red, or the
 * 304 note for a command that changed nothing.
 */
import { memo } from 'react';
import { formatEventShort, type DockerEventMessage, type LogEntry } from '../../../machines';
import { LogExplanation } from './learn/LogExplanation';
import type { ShownLogEntry } from './healthExecFilter';
import type { ReplayDetailsOf } from './replayDetails';
import { ReplayEntryView } from './ReplayEntryView';
import { errorText } from '../../model/log/errorText';

/** Props of {@link LogEntryView}. */
export interface LogEntryViewProps {
  entry: LogEntry;
  /** Container name for a container ID (network events name containers by ID). */
  nameOfId: (id: string) => string | undefined;
  /** For a replayed log: the recorded event behind a `# line N: …` entry (see `replayDetailsFor`). */
  replayDetails?: ReplayDetailsOf | undefined;
  /** Show what Docker did underneath ("Learn"). Default false. */
  learn?: boolean;
}

/** Entries with more events than this fold them into a `<details>`. */
const FOLD_AFTER = 10;

function timeOf(ms: number): string {
  const d = new Date(ms);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function containerOfEvent(message: DockerEventMessage, nameOfId: LogEntryViewProps['nameOfId']): string {
  const a = message.Actor.Attributes;
  if (message.Type === 'container') return a.name ?? message.Actor.ID.slice(0, 12);
  const id = a.container ?? '';
  return nameOfId(id) ?? id.slice(0, 12);
}

function EventChips({ entry, nameOfId }: LogEntryViewProps) {
  const chips = (
    <ul className="log-entry__events">
      {entry.events.map((message, i) => {
        const container = containerOfEvent(message, nameOfId);
        const other = container !== entry.container;
        return (
          <li key={i} className={`log-event log-event--${message.Type}`} data-action={message.Action}>
            {other ? <span className="log-event__container">{container} </span> : null}
            {formatEventShort(message)}
          </li>
        );
      })}
    </ul>
  );
  if (entry.events.length <= FOLD_AFTER) return chips;
  return (
    <details className="log-entry__fold">
      <summary>{entry.events.length} Docker events</summary>
      {chips}
    </details>
  );
}

function Outcome({ entry, nameOfId }: LogEntryViewProps) {
  // A recorded event the machine could not apply (a live engine's event: no replay details), in the replay's words.
  if (entry.outcome === 'error' && entry.kind === 'replay') {
    return (
      <p className="log-entry__flag">
        Flagged: {entry.message} <span className="log-entry__muted">(Docker could not have done that in this state; the event was skipped)</span>
      </p>
    );
  }
  // Refused before Docker (the live page or its bridge) in their words; a Compose run's end as Compose prints it.
  const error = errorText(entry);
  if (error !== null) {
    return entry.refusedBy ? (
      <p className="log-entry__refused" data-refused-by={entry.refusedBy}>
        {error}
      </p>
    ) : (
      <p className="log-entry__error">{error}</p>
    );
  }
  if (entry.outcome === 'no-op') {
    return (
      <p className="log-entry__noop">
        {entry.container ?? ''} <span className="log-entry__muted">(304 Not Modified: {entry.message})</span>
      </p>
    );
  }
  // Set by the log's health-check filter (healthExecFilter.ts).
  const hiddenExec = (entry as ShownLogEntry).hiddenExec ?? 0;
  if (entry.events.length === 0) return <p className="log-entry__muted">{hiddenExec > 0 ? `${hiddenExec} health-check exec events hidden` : 'no events'}</p>;
  return <EventChips entry={entry} nameOfId={nameOfId} />;
}

function LogEntryViewComponent({ entry, nameOfId, replayDetails, learn = false }: LogEntryViewProps) {
  const details = replayDetails?.(entry);
  if (details) {
    const eventChips = entry.events.length > 0 ? <EventChips entry={entry} nameOfId={nameOfId} /> : null;
    // A recorded event that changed nothing or was flagged is explained by the replay's own words.
    const chips = learn && entry.outcome === 'ok' ? (
      <>
        {eventChips}
        <LogExplanation entry={entry} context={{ signalBefore: details.outcome?.signal }} />
      </>
    ) : (
      eventChips
    );
    return <ReplayEntryView entry={entry} details={details} chips={chips} />;
  }
  const comment = entry.cli.startsWith('#');
  return (
    <li className={`log-entry log-entry--${entry.kind} log-entry--${entry.outcome}`} data-seq={entry.seq}>
      <div className="log-entry__line">
        <code className={comment ? 'log-entry__cli log-entry__cli--comment' : 'log-entry__cli'}>
          {comment ? null : <span className="log-entry__prompt" aria-hidden="true">$ </span>}
          {entry.cli}
        </code>
        {entry.kind === 'daemon' ? <span className="log-entry__tag">daemon</span> : null}
        {/* A replay's own commands (docker create for a recorded create) belong to the recorded line above, which has the recorded time. */}
        {entry.kind === 'replay' ? null : (
          <time className="log-entry__time" dateTime={new Date(entry.time).toISOString()}>
            {timeOf(entry.time)}
          </time>
        )}
      </div>
      <Outcome entry={entry} nameOfId={nameOfId} />
      {learn ? <LogExplanation entry={entry} /> : null}
    </li>
  );
}

/** Memoized: an entry never changes once logged. */
export const LogEntryView = memo(LogEntryViewComponent);
