/**
 * Which container is selected, by name: a tiny external store, so each node reads only
 * "am I selected?" and a selection change re-renders just the two nodes concerned.
 * Plain TypeScript (no React).
 */

type Listener = () => void;

export interface SelectionStore {
  /** The selected container's name, or null. */
  get(): string | null;
  /** Selects `name` (null clears the selection). */
  select(name: string | null): void;
  /** Calls `listener` after every change; returns an unsubscribe function. */
  subscribe(listener: Listener): () => void;
}

/** A new selection store, optionally with a container already selected. */
export function createSelectionStore(initial: string | null = null): SelectionStore {
  let selected = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => selected,
    select(name) {
      if (name === selected) return;
      selected = name;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
