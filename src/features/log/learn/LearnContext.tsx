/**
 * The "Learn" setting for React: `useLearn()` reads it (and changes it), `LearnProvider`
 * sets it for a subtree. Without a provider (the app page) the setting is ON by default
 * and remembered in localStorage (`?learn=0` turns it off for a visit). An embed wraps its
 * widget in `<LearnProvider learn={options.learn}>` so `learn=0` (URL parameter, element
 * attribute or React prop) starts it OFF; the reader can still toggle it, unremembered.
 */
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { browserLearnStorage, createAppLearnStore, createLearnStore, type LearnStore } from './learnStore';

const LearnContext = createContext<LearnStore | null>(null);

let appStore: LearnStore | null = null;

/** The app page's store (created on first use). */
function defaultLearnStore(): LearnStore {
  appStore ??= createAppLearnStore();
  return appStore;
}

/** The store in effect here: the nearest provider's, else the app page's. */
function useLearnStore(): LearnStore {
  return useContext(LearnContext) ?? defaultLearnStore();
}

/** `[on, setOn]`: whether explanations show, and a setter (re-renders every reader). */
export function useLearn(): readonly [boolean, (on: boolean) => void] {
  const store = useLearnStore();
  const on = useSyncExternalStore(store.subscribe, store.get, store.get);
  return [on, store.set] as const;
}

/** Props of {@link LearnProvider}. */
export interface LearnProviderProps {
  /**
   * Explanations on (true) or off (false): an embed's `learn` option. Changing it later
   * (an attribute or prop change) applies it. Default true.
   */
  learn?: boolean;
  /** Remember the reader's toggle in localStorage (a remembered choice then wins over `learn`). Default false. */
  persist?: boolean;
  /** Use this store instead of making one (e.g. one an embed controller owns). */
  store?: LearnStore;
  children?: ReactNode;
}

/** Sets the Learn setting for everything inside it. */
export function LearnProvider({ learn = true, persist = false, store: given, children }: LearnProviderProps) {
  const [own] = useState(() => createLearnStore({ initial: learn, storage: persist ? browserLearnStorage() : null }));
  const store = given ?? own;
  // Apply later changes of `learn` (not the first value: a remembered choice may have won).
  const first = useRef(learn);
  useEffect(() => {
    if (first.current === learn) return;
    first.current = learn;
    store.set(learn);
  }, [learn, store]);
  return <LearnContext value={store}>{children}</LearnContext>;
}
