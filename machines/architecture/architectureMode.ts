/**
 * Where an architecture's containers live: `simulation` (the machines are the daemon) or
 * `live` (a real Docker engine decides; the machines mirror its `docker events`). What live
 * mode refuses, and why, lives here once: the entry point (`architectureOutcome`), the live
 * page's send, its buttons, state chart and restart-policy form all ask `modeRefusal`.
 * The live bridge forwards only Docker's start, stop, kill, pause, unpause, restart and rm;
 * a process's own end (`exit`, `oom`), the health probe and the daemon's timers are the
 * engine's; `docker update` / `docker rename` are not sent; the project commands (Compose
 * runs, scaling, create/run) are run by the user in a terminal while the view follows.
 */
import type { ContainerEvent } from '../container/types';

export type ArchitectureMode = 'simulation' | 'live';

/** The general reason, for commands with no more specific one (scale, create, run). */
export const NOT_LIVE = 'live mode: not sent; the view mirrors your Docker engine, which decides this';

/** The reason for a Compose action in live mode. */
export const COMPOSE_NOT_LIVE = `${NOT_LIVE}; run docker compose in a terminal and watch the view follow`;

const BRIDGE_SENDS = 'the bridge sends only start, stop, kill, pause, unpause, restart and rm';

/** Why live mode refuses an event of type `type`, or null (a command the bridge sends). */
function notLiveReason(type: unknown): string | null {
  switch (type) {
    case 'exit':
    case 'oom':
      return 'live mode: the engine decides when a process exits';
    case 'probe':
      return 'live mode: the engine runs the health check';
    case 'update':
      return `live mode: docker update is not sent (${BRIDGE_SENDS}); change the restart policy in a terminal`;
    case 'rename':
      return `live mode: docker rename is not sent (${BRIDGE_SENDS})`;
    case 'daemon.restore':
      return 'live mode: the engine keeps its own timers';
    default:
      return null;
  }
}

/** Why `event` is refused in `mode`, or null when the mode allows it. Pure; never throws. */
export function modeRefusal(mode: ArchitectureMode, event: ContainerEvent): string | null {
  if (mode !== 'live') return null;
  return notLiveReason((event as { type?: unknown } | null)?.type);
}
