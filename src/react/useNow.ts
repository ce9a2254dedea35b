/**
 * The current simulated time (Unix ms), refreshed every real second while `ticking`
 * (no timer otherwise). Reads the session's simulation clock, so uptimes follow the
 * speed control and stop when it is paused.
 */
import { useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { SessionContext } from './sessionContext';

export function useNow(ticking: boolean): number {
  const clock = useContext(SessionContext)?.clock;
  const read = () => (clock ? clock.now() : Date.now());
  const [now, setNow] = useState(read);
  useEffect(() => {
    setNow(read());
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(read()), 1000);
    return () => window.clearInterval(timer);
    // `read` only depends on `clock`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticking, clock]);
  return now;
}

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
  return useSyncExternalStore(subscribe, get);
}
