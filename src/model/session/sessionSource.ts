/**
 * Where a session's architecture comes from. Reset rebuilds from the same source, so a
 * loaded compose file resets to its freshly-`up` state and a replay to its first event.
 */
import type { ArchitectureSpec, SavedArchitecture } from '../../../machines';
import type { ParsedEventsLog } from '../events/types';
import type { Replay } from '../replay/replay';
import type { SimulationClock } from '../clock/simulationClock';

export type SessionSource =
  /** A built-in scenario or a parsed compose file, brought up by `docker compose up -d` on the simulation clock (`composeUp`). */
  | { kind: 'spec'; spec: ArchitectureSpec; title: string }
  /**
   * A `docker events` log replayed through the machines (starts empty). `start` makes its
   * `Replay` on a clock: the replay model comes with the log's parser (a lazy chunk), not
   * with the page.
   */
  | { kind: 'replay'; log: ParsedEventsLog; title: string; start: (clock: SimulationClock) => Replay }
  /** A validated save (localStorage or a shared link); Reset goes back to `fallback`. */
  | { kind: 'restore'; saved: SavedArchitecture; title: string; fallback: ArchitectureSpec };
