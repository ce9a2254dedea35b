/**
 * The current simulated time (Unix ms), refreshed every real second while `ticking`
 * (no timer otherwise). Reads the session's simulation clock, so uptimes follow the
 * speed control and stop when it is paused.
 */
import { useContext, useEffect, useState } from 'react';
import { SessionContext } from '../session/sessionContext';

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
