/**
 * Whether a CSS media query matches, following changes. On the server and while a
 * prerendered page hydrates it answers `serverValue` (what the build's prerender assumed),
 * then the page's own answer (React re-renders once after hydrating, without a mismatch).
 */
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string, serverValue: boolean): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const get = () => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : serverValue);
  return useSyncExternalStore(subscribe, get, () => serverValue);
}
