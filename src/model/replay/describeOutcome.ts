/**
 * Plain words for what replaying one recorded event did, for the log: applied through
 * the machine, shown only, or flagged. Pure.
 */
import type { ParsedEvent } from '../events/types';
import type { ReplayOutcome } from './applyEvent';

/** How a recorded event's log entry reads under its heading. */
export interface OutcomeWords {
  tone: ReplayOutcome['kind'];
  /** A short explanation, or undefined when the machine's events say it all. */
  text?: string;
}

/** Why an `info` event changed nothing, by its action. */
function infoText(event: ParsedEvent): string {
  if (event.message.Type !== 'container') return `shown only: ${event.message.Type} events do not change a container's state`;
  switch (event.baseAction) {
    case 'kill':
      return 'a signal only: the die event that follows (if any) records the exit';
    case 'stop':
      return 'bookkeeping after the die event: no change of state';
    case 'restart':
      return 'bookkeeping after the start event: no change of state';
    case 'exec_create':
    case 'exec_start':
    case 'exec_die':
    case 'exec_detach':
      return 'a process run inside the container (docker exec or a health probe): no change of state';
    case 'health_status':
      return 'a health check result: shown only, the container keeps its state';
    default:
      return 'shown only: this action does not change the container\u2019s state';
  }
}

/**
 * The words under a recorded event's heading.
 * - `flagged`: the note (why Docker could not have done that in that state);
 * - `applied` with a note (created on the fly, forced removal); otherwise the recorded
 *   event shown in the entry says it;
 * - `info`: why it changed nothing (or its note, e.g. an `oom` waiting for its `die`).
 */
export function describeOutcome(event: ParsedEvent, outcome: ReplayOutcome): OutcomeWords {
  switch (outcome.kind) {
    case 'flagged':
      return { tone: 'flagged', text: outcome.note ?? 'not possible in the container\u2019s state' };
    case 'applied':
      return outcome.note ? { tone: 'applied', text: outcome.note } : { tone: 'applied' };
    case 'info':
      return { tone: 'info', text: outcome.note ?? infoText(event) };
  }
}
