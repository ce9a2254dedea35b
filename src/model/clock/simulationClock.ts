/**
 * The page's simulation clock: an XState clock (`now`, `setTimeout`, `clearTimeout`)
 * whose time runs at a chosen speed (0 = paused, 1×, 5×, 20×). Every actor of an
 * architecture uses it, so restart back-offs, health-check intervals, stop grace
 * periods and uptimes all follow the speed control. Built on XState's `SimulatedClock`
 * (which fires due timers when advanced), driven by real time.
 */
import { SimulatedClock } from 'xstate';

/** Speeds offered in the UI. */
export const CLOCK_SPEEDS = [0, 1, 5, 20] as const;

type Listener = () => void;

export class SimulationClock extends SimulatedClock {
  private speedValue: number;
  private lastReal: number;
  private driver: ReturnType<typeof setInterval> | null = null;
  private readonly listeners = new Set<Listener>();

  /**
   * @param startTime Unix ms the simulation starts at (default: now).
   * @param speed Initial speed (default 1).
   * @param tickMs Real ms between advances (default 50).
   */
  constructor(startTime = Date.now(), speed = 1, private readonly tickMs = 50) {
    super();
    this.set(startTime);
    this.speedValue = speed;
    this.lastReal = Date.now();
  }

  /** Current speed: simulated ms per real ms. */
  get speed(): number {
    return this.speedValue;
  }

  /** Sets the speed (0 pauses). Time so far is kept. */
  setSpeed(speed: number): void {
    this.advance();
    this.speedValue = Math.max(0, speed);
    this.notify();
  }

  /** Begins advancing with real time. Idempotent. */
  run(): void {
    if (this.driver) return;
    this.lastReal = Date.now();
    this.driver = setInterval(() => this.advance(), this.tickMs);
  }

  /** Stops advancing (timers stay scheduled). */
  halt(): void {
    if (this.driver) clearInterval(this.driver);
    this.driver = null;
  }

  /** Calls `listener` after every speed change. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private advance(): void {
    const real = Date.now();
    const delta = (real - this.lastReal) * this.speedValue;
    this.lastReal = real;
    if (delta > 0) this.increment(delta);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
