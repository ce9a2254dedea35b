/**
 * What live mode does not do, and why, in one place: the buttons, the state chart and
 * the page's refusals all read it. The bridge forwards only Docker's start, stop, kill,
 * pause, unpause, restart and rm (`LIVE_COMMANDS`); what else the simulation can do is
 * decided by the engine (a process's exit, an OOM kill, a health probe) or is a command
 * the bridge does not send (`docker update`, `docker rename`).
 */
import type { ContainerEvent } from '../../machines';

/** The general reason, for commands with no more specific one (compose, scale, create, run). */
export const NOT_LIVE = 'live mode: not sent; the view mirrors your Docker engine, which decides this';

const BRIDGE_SENDS = 'the bridge sends only start, stop, kill, pause, unpause, restart and rm';

/** Why live mode does not offer `type` (null: it is a command the bridge sends). */
export function notLiveReason(type: ContainerEvent['type']): string | null {
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
