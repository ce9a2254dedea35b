/**
 * Snapshot-level questions the UI and tests ask before sending: would Docker accept this
 * command, and if not, why. Both defer to `commandOutcome` (the daemon's rules).
 */
import { commandHint, commandOutcome, commandSubject, type CommandOutcome } from './commandOutcome';
import { dockerStatus, type ContainerSnapshot } from './inspectState';
import type { ContainerEvent } from './types';

function subjectOf(snapshot: ContainerSnapshot) {
  return commandSubject(snapshot.context, dockerStatus(snapshot));
}

/**
 * The daemon's error text for `event` in `snapshot`'s state (v29 wording, without the
 * CLI's `Error response from daemon: ` prefix), or `null` when Docker accepts it,
 * including 304 no-ops (docs/contracts.md §1). Pure; never throws.
 */
export function commandError(snapshot: ContainerSnapshot, event: ContainerEvent): string | null {
  const outcome = commandOutcome(subjectOf(snapshot), event);
  return outcome.kind === 'error' ? outcome.message : null;
}

/** The full answer: `ok`, `no-op` (304, with Docker's text) or `error` (HTTP status + text). */
export function outcomeOf(snapshot: ContainerSnapshot, event: ContainerEvent): CommandOutcome {
  return commandOutcome(subjectOf(snapshot), event);
}

/** Why a control for `event` is disabled, in Docker's terms; `null` when it is enabled. */
export function disabledReason(snapshot: ContainerSnapshot, event: ContainerEvent): string | null {
  return commandHint(subjectOf(snapshot), event);
}
