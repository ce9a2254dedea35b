/**
 * One recorded event of a replayed `docker events` log: the original line
 * (`# line 12: container die test`) with its recorded time, then what the machine did:
 * its Docker events, why nothing changed, or why the event was flagged.
 */
import type { ReactNode } from 'react';
import type { LogEntry } from '../../../machines';
import { describeOutcome, type OutcomeWords } from '../../model/replay/describeOutcome';
import type { ReplayEntryDetails } from './replayDetails';

/** Props of {@link ReplayEntryView}. */
export interface ReplayEntryViewProps {
  entry: LogEntry;
  details: ReplayEntryDetails;
  /** The machine's events, rendered by the caller (null when there are none). */
  chips: ReactNode;
}

/** Unix ns → ISO 8601 (UTC) and `HH:MM:SS`; null when the log has no time for the event. */
function recordedTime(timeNano: number): { iso: string; clock: string } | null {
  if (!Number.isFinite(timeNano) || timeNano === 0) return null;
  const d = new Date(Math.floor(timeNano / 1e6));
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  return { iso, clock: iso.slice(11, 19) };
}

function wordsOf(entry: LogEntry, details: ReplayEntryDetails): OutcomeWords {
  if (details.outcome) return describeOutcome(details.event, details.outcome);
  // Read before the replay stored the outcome: the entry itself still says whether it was flagged.
  return entry.outcome === 'error' ? { tone: 'flagged', text: entry.message ?? '' } : { tone: 'applied' };
}

/** A replayed event's entry (same `<li>` shape and classes as the other entries). */
export function ReplayEntryView({ entry, details, chips }: ReplayEntryViewProps) {
  const words = wordsOf(entry, details);
  const time = recordedTime(details.event.message.timeNano);
  return (
    <li
      className={`log-entry log-entry--replay log-entry--${entry.outcome} log-entry--replay-${words.tone}`}
      data-seq={entry.seq}
      data-line={details.event.line}
      data-replay={words.tone}
    >
      <div className="log-entry__line">
        <code className="log-entry__cli log-entry__cli--comment">{entry.cli}</code>
        {words.tone === 'flagged' ? <span className="log-entry__tag log-entry__tag--flagged">flagged</span> : null}
        {time ? (
          <time className="log-entry__time" dateTime={time.iso} title={`recorded at ${time.iso.replace('T', ' ').replace('Z', ' UTC')}`}>
            {time.clock}
          </time>
        ) : null}
      </div>
      {words.tone === 'flagged' ? (
        <p className="log-entry__flag">
          Flagged: {words.text} <span className="log-entry__muted">(Docker could not have done that in this state; the event was skipped)</span>
        </p>
      ) : (
        <>
          {chips}
          {words.text ? <p className="log-entry__muted">{words.text}</p> : null}
        </>
      )}
    </li>
  );
}
