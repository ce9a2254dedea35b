/**
 * Where an architecture's containers live: `simulation` (the machines are the daemon) or
 * `live` (a real Docker engine decides; the machines mirror its `docker events`). In live
 * mode the entry point refuses what only the simulation can do: a process's own end
 * (`exit`, `oom`: the crash and OOM buttons), the health-probe knob, `docker update` and
 * `docker rename` (not forwarded to the engine), and the project commands (Compose runs,
 * scaling, create/run), which the user runs in a terminal while the view follows.
 */
import type { ContainerEvent } from '../container/types';

export type ArchitectureMode = 'simulation' | 'live';

/** The reason shown for what live mode refuses. */
export const NOT_LIVE = 'not available in live mode: the view mirrors the Docker engine, which decides this';

const SIMULATION_ONLY: ReadonlySet<string> = new Set(['exit', 'oom', 'probe', 'update', 'rename', 'daemon.restore']);

/** Why `event` is refused in `mode`, or null when the mode allows it. Pure; never throws. */
export function modeRefusal(mode: ArchitectureMode, event: ContainerEvent): string | null {
  if (mode !== 'live') return null;
  const type = (event as { type?: unknown } | null)?.type;
  return typeof type === 'string' && SIMULATION_ONLY.has(type) ? NOT_LIVE : null;
}
