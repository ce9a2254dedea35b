/**
 * True while React renders on the server (the build's prerender) or hydrates that markup;
 * false in every other render. For parts that wait for a measurement on the client but
 * must be in the prerendered first view (then hydrate as rendered, and measure after).
 */
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

export function useHydrating(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => false,
    () => true,
  );
}
