/**
 * The session's simulated time (Unix ms), refreshed every `intervalMs` of real time
 * while `active` (no timer otherwise). For countdowns that must move smoothly at any
 * speed (a stop's grace period, a restart back-off); uptimes use the coarser `useTickingText`.
 * A speed change re-reads the clock at once (Paused freezes the countdown).
 */
import { useContext, useEffect, useState } from 'react';
import { SessionContext } from './sessionContext';

export function useSimNow(active: boolean, intervalMs = 100): number {
  const clock = useContext(SessionContext)?.clock;
  const [now, setNow] = useState(() => (clock ? clock.now() : Date.now()));
  useEffect(() => {
    const read = () => setNow(clock ? clock.now() : Date.now());
    read();
    if (!active) return;
    const timer = window.setInterval(read, intervalMs);
    const unsubscribe = clock?.subscribe(read);
    return () => {
      window.clearInterval(timer);
      unsubscribe?.();
    };
  }, [active, clock, intervalMs]);
  return now;
}
