/**
 * What this page does not send, and why: the live page refuses what only the simulation
 * can do (a process's exit, an OOM kill, `docker update`, …; see `src/live/liveOnly.ts`),
 * so its buttons, state chart and restart-policy form show those disabled with the reason
 * instead of offering them. Every other page sends everything (the default).
 */
import { createContext, useContext } from 'react';
import type { ContainerEvent } from '../../machines';

/** Why the page does not send `event`, or null when it does. */
export type PageRefusal = (event: ContainerEvent) => string | null;

const sendsEverything: PageRefusal = () => null;

export const PageRefusalContext = createContext<PageRefusal>(sendsEverything);

/** The page's refusal function (stable per page). */
export function usePageRefusal(): PageRefusal {
  return useContext(PageRefusalContext);
}
