/**
 * The daemon's answer to a command for one container of the architecture: the
 * container's own answer (`commandOutcome`), and, while a `docker stop`/`docker restart`
 * of it is still in its grace period, the one rule the architecture adds. The
 * architecture machine acts only on `ok`, and `Architecture.send` logs this answer: both
 * ask this function, so what is logged and what happens cannot disagree.
 */
import { cliLine } from '../container/cli';
import { outcomeOf } from '../container/commandError';
import type { CommandOutcome } from '../container/commandOutcome';
import type { ContainerSnapshot } from '../container/inspectState';
import type { ContainerEvent } from '../container/types';
import { modeRefusal, type ArchitectureMode } from './architectureMode';
import type { PendingCommand } from './pendingCommand';

/**
 * Whether `event` goes ahead during a pending stop: `docker kill` and `docker rm -f` act at
 * once (SIGKILL ends the grace period), and the process may exit or be OOM-killed by itself.
 */
export function overridesPendingStop(event: ContainerEvent): boolean {
  return event.type === 'kill' || (event.type === 'remove' && event.force === true) || event.type === 'exit' || event.type === 'oom';
}

/**
 * The answer to `event` for the container named `name` (`snapshot` undefined: there is
 * none), with `pending` the stop in progress for it, if any, in `mode` (live mode refuses
 * what only the simulation does, see `modeRefusal`). Pure; never throws.
 */
export function architectureOutcome(
  snapshot: ContainerSnapshot | undefined,
  pending: PendingCommand | undefined,
  name: string,
  event: ContainerEvent,
  mode: ArchitectureMode = 'simulation',
): CommandOutcome {
  if (!snapshot) return { kind: 'error', httpStatus: 404, message: `No such container: ${name}` };
  const refusal = modeRefusal(mode, event);
  if (refusal !== null) return { kind: 'error', httpStatus: 409, message: refusal };
  if (pending && typeof event?.type === 'string' && !overridesPendingStop(event)) {
    return { kind: 'error', httpStatus: 409, message: `${cliLine(name, pending.event)} is still in progress` };
  }
  return outcomeOf(snapshot, event);
}
