/**
 * Owns the running `Architecture` outside React (so StrictMode's double renders never
 * create a second one) and replaces it on Reset: stop the old one, create a fresh one
 * from the same spec. The selected container name survives a Reset.
 */
import { createArchitecture, type ArchitectureSpec } from '../../machines';
import { createSelectionStore } from '../model/session/selectionStore';
import type { Session } from '../model/session/sessionContext';

export interface SessionState {
  session: Session;
  /** Increments on every Reset (used as a React key to remount per-session state). */
  generation: number;
}

export interface SessionStore {
  get(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Stops the current architecture and starts a fresh one. */
  reset(): void;
}

function newSession(spec: ArchitectureSpec, selected: string | null): Session {
  return { architecture: createArchitecture(spec), selection: createSelectionStore(selected) };
}

/** A store whose first session runs `spec`. */
export function createSessionStore(spec: ArchitectureSpec): SessionStore {
  let state: SessionState = { session: newSession(spec, null), generation: 0 };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    reset() {
      const { architecture, selection } = state.session;
      architecture.stop();
      state = { session: newSession(spec, selection.get()), generation: state.generation + 1 };
      for (const listener of [...listeners]) listener();
    },
  };
}
