/**
 * For the log of a replayed `docker events` log: the recorded event and replay outcome
 * behind a `# line N: …` entry (see `replayEntryCli`), so the entry can show the recorded
 * time and why the event changed something, nothing, or was flagged.
 */
import type { LogEntry } from '../../../machines';
import type { ParsedEvent } from '../../model/events/types';
import type { ReplayOutcome } from '../../model/replay/applyEvent';
import { replayEntryLine, type Replay } from '../../model/replay/replay';

/** What the log knows about one recorded event's entry. */
export interface ReplayEntryDetails {
  event: ParsedEvent;
  /** Undefined only if the entry is read before the replay stored the outcome. */
  outcome?: ReplayOutcome;
}

/** Looks up the recorded event behind a log entry (undefined for any other entry). */
export type ReplayDetailsOf = (entry: LogEntry) => ReplayEntryDetails | undefined;

/** A lookup for `replay`'s entries (index built once per replay). */
export function replayDetailsFor(replay: Pick<Replay, 'log' | 'getOutcomes'>): ReplayDetailsOf {
  const indexOfLine = new Map<number, number>();
  replay.log.events.forEach((event, index) => indexOfLine.set(event.line, index));
  return (entry) => {
    if (entry.kind !== 'replay') return undefined;
    const line = replayEntryLine(entry.cli);
    const index = line === undefined ? undefined : indexOfLine.get(line);
    const event = index === undefined ? undefined : replay.log.events[index];
    if (!event || index === undefined) return undefined;
    const outcome = replay.getOutcomes()[index];
    return outcome ? { event, outcome } : { event };
  };
}
