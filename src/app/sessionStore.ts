/**
 * Owns the running session outside React (so StrictMode's double renders never create a
 * second architecture) and replaces it: on Reset (same source, fresh state) and on
 * `load` (a compose file, a replayed log, a restored save). The old session's actors and
 * clock are stopped first. The selected container name survives when it still exists.
 */
import { createArchitecture } from '../../machines';
import { composeUp } from '../model/session/composeUp';
import { SimulationClock } from '../model/clock/simulationClock';
import type { Replay } from '../model/replay/replay';
import { createSelectionStore } from '../model/session/selectionStore';
import type { Session } from '../react/sessionContext';
import type { SessionSource } from '../model/session/sessionSource';

export interface SessionState {
  session: Session;
  /** Increments on every Reset or load (used as a React key to remount per-session state). */
  generation: number;
}

export interface SessionStore {
  get(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Stops the current architecture and starts a fresh one from the same source. */
  reset(): void;
  /** Replaces the session with one built from `source`. */
  load(source: SessionSource): void;
}

function newSession(source: SessionSource, selected: string | null, speed: number): Session {
  const clock = new SimulationClock(Date.now(), speed);
  clock.run();
  let replay: Replay | null = null;
  let architecture;
  switch (source.kind) {
    case 'spec':
      architecture = composeUp(source.spec, { clock });
      break;
    case 'replay':
      replay = source.start(clock);
      architecture = replay.architecture;
      break;
    case 'restore':
      architecture = createArchitecture(source.saved.spec, { clock, restore: source.saved });
      break;
  }
  const keep = selected !== null && architecture.containerActor(selected) ? selected : null;
  return { architecture, clock, selection: createSelectionStore(keep), source, replay };
}

function stopSession(session: Session): void {
  session.replay?.dispose();
  session.architecture.stop();
  session.clock.halt();
}

/** A store whose first session is built from `source`. */
export function createSessionStore(source: SessionSource): SessionStore {
  let state: SessionState = { session: newSession(source, null, 1), generation: 0 };
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  // A replay builds a new architecture when it seeks backwards (or resets): publish it as
  // the session's, so every reader of the store (React or not) follows. Same generation:
  // the page is not remounted (the scrubber keeps focus; the selection and speed stay).
  // The old replay's listeners are cleared by its `dispose()` when the session is replaced.
  const followReplay = () => {
    const { replay } = state.session;
    replay?.subscribe(() => {
      if (state.session.replay !== replay || state.session.architecture === replay.architecture) return;
      state = { ...state, session: { ...state.session, architecture: replay.architecture } };
      notify();
    });
  };
  followReplay();
  const replace = (next: SessionSource) => {
    const { session } = state;
    stopSession(session);
    // A restored save resets to the scenario it was saved from, not to the save.
    const fresh: SessionSource = next.kind === 'restore' && next === session.source ? { kind: 'spec', spec: next.fallback, title: next.title } : next;
    state = { session: newSession(fresh, session.selection.get(), session.clock.speed), generation: state.generation + 1 };
    followReplay();
    notify();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reset: () => replace(state.session.source),
    load: (next) => replace(next),
  };
}
