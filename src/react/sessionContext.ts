/**
 * The current session: the running `Architecture`, its simulation clock, the selection,
 * and (for a replayed log) the replay. The app shell provides it; features read it with
 * the hooks in `useSession.ts`.
 */
import { createContext } from 'react';
import type { Architecture } from '../../machines';
import type { SimulationClock } from '../model/clock/simulationClock';
import type { Replay } from '../model/replay/replay';
import type { SelectionStore } from '../model/session/selectionStore';
import type { SessionSource } from '../model/session/sessionSource';

export interface Session {
  /** The running architecture (replaced, not mutated, on Reset or load). */
  architecture: Architecture;
  /** Drives every actor's timers; its speed is the page's speed control. */
  clock: SimulationClock;
  selection: SelectionStore;
  /** What the architecture was built from. */
  source: SessionSource;
  /**
   * Present when `source.kind === 'replay'`. A replay replaces its architecture when it seeks
   * backwards; the session store then publishes a new `Session` (same generation) whose
   * `architecture` is the replay's, so `architecture` above is always `replay.architecture`.
   */
  replay: Replay | null;
}

/** Provided by the app shell (`<SessionContext value={session}>`). */
export const SessionContext = createContext<Session | null>(null);
