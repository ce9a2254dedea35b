/**
 * The simulation speed (header): Paused, 1×, 5×, 20×. It sets the session clock's speed,
 * which every actor's timers run on, so restart back-offs, health-check intervals, stop
 * grace periods and uptimes all follow it.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { CLOCK_SPEEDS } from '../../model/clock/simulationClock';
import { useSession } from '../../react/useSession';
import './runtime.css';

function speedLabel(speed: number): string {
  return speed === 0 ? 'Paused' : `${speed}×`;
}

/** A group of toggle buttons (`aria-pressed`), one pressed at a time. */
export function SpeedControl() {
  const { clock } = useSession();
  const subscribe = useCallback(
    (onChange: () => void) => {
      const unsubscribe = clock.subscribe(onChange);
      return () => {
        unsubscribe();
      };
    },
    [clock],
  );
  const speed = useSyncExternalStore(subscribe, () => clock.speed, () => clock.speed);
  return (
    <div className="speed-control" role="group" aria-label="Simulation speed">
      <span className="speed-control__label" aria-hidden="true">
        Speed
      </span>
      {CLOCK_SPEEDS.map((s) => (
        <button
          key={s}
          type="button"
          className="speed-control__button"
          aria-pressed={speed === s}
          title={s === 0 ? 'Pause simulated time: timers (back-offs, probes, grace periods) wait' : `Simulated time runs ${s} times as fast as real time`}
          onClick={() => clock.setSpeed(s)}
        >
          {speedLabel(s)}
        </button>
      ))}
    </div>
  );
}
