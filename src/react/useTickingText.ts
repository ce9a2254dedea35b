/**
 * Texts computed from the simulated time (uptimes: `Up 5 minutes`) that refresh while a
 * status ticks, with one shared 1-second timer per clock for every such text on the page.
 */
import { useCallback, useContext, useSyncExternalStore } from 'react';
import { SessionContext } from './sessionContext';

type Tick = () => void;
/** One 1-second timer per clock for every ticking text on the page (not one per node). */
const tickers = new Map<unknown, { listeners: Set<Tick>; timer: ReturnType<typeof setInterval> }>();

function subscribeTicker(key: unknown, listener: Tick): () => void {
  let ticker = tickers.get(key);
  if (!ticker) {
    const listeners = new Set<Tick>();
    const timer = setInterval(() => {
      for (const l of [...listeners]) l();
    }, 1000);
    ticker = { listeners, timer };
    tickers.set(key, ticker);
  }
  ticker.listeners.add(listener);
  return () => {
    ticker.listeners.delete(listener);
    if (ticker.listeners.size === 0) {
      clearInterval(ticker.timer);
      tickers.delete(key);
    }
  };
}

/**
 * A text computed from the simulated time (an uptime), re-rendering its component only
 * when the text itself changes: all such texts share one timer per clock, and `Up 5
 * minutes` re-renders once a minute, not every second.
 */
export function useTickingText(ticking: boolean, compute: (now: number) => string): string {
  const clock = useContext(SessionContext)?.clock;
  const subscribe = useCallback((onChange: () => void) => (ticking ? subscribeTicker(clock ?? 'real', onChange) : () => {}), [ticking, clock]);
  const get = () => compute(clock ? clock.now() : Date.now());
  return useSyncExternalStore(subscribe, get, get);
}
