/**
 * The current session: the running `Architecture` and the selection. The app shell
 * provides it; features read it with the hooks in `useSession.ts`.
 */
import { createContext } from 'react';
import type { Architecture } from '../../../machines';
import type { SelectionStore } from './selectionStore';

export interface Session {
  /** The running architecture (replaced, not mutated, on Reset). */
  architecture: Architecture;
  selection: SelectionStore;
}

/** Provided by the app shell (`<SessionContext value={session}>`). */
export const SessionContext = createContext<Session | null>(null);
