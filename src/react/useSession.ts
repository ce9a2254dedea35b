/**
 * Hooks to read the current session. Each returns the narrowest value it can, so a
 * component re-renders only when what it shows changes.
 */
import { useCallback, useContext, useSyncExternalStore } from 'react';
import { useSelector } from '@xstate/react';
import type { Architecture, ContainerActor, ContainerEntry } from '../../machines';
import { SessionContext, type Session } from './sessionContext';
import type { SelectionStore } from '../model/session/selectionStore';

/** The current session; throws outside the app shell's provider. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionContext value={…}>');
  return session;
}

/** The current `Architecture`. */
export function useArchitecture(): Architecture {
  return useSession().architecture;
}

/** The selection store (to change the selection from an event handler). */
export function useSelection(): SelectionStore {
  return useSession().selection;
}

/** The selected container's name, or null. */
function useSelectedName(): string | null {
  const { selection } = useSession();
  return useSyncExternalStore(selection.subscribe, selection.get, selection.get);
}

/** Whether the container `name` is selected (re-renders only when that answer changes). */
export function useIsSelected(name: string): boolean {
  const { selection } = useSession();
  const get = useCallback(() => selection.get() === name, [selection, name]);
  return useSyncExternalStore(selection.subscribe, get, get);
}

/** Every container slot (changes only when `docker create` puts a new container in a slot). */
export function useContainerEntries(): readonly ContainerEntry[] {
  const architecture = useArchitecture();
  return useSelector(architecture.actor, (s) => s.context.containers);
}

/** The selected container's slot and actor, when a container is selected. */
export function useSelectedContainer(): { entry: ContainerEntry; actor: ContainerActor } | null {
  const architecture = useArchitecture();
  const name = useSelectedName();
  const entries = useContainerEntries();
  const entry = name === null ? undefined : entries.find((e) => e.name === name);
  const actor = entry ? architecture.containerActor(entry.name) : undefined;
  return entry && actor ? { entry, actor } : null;
}
