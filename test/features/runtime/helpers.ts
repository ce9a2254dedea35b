/** A scenario architecture on a simulated clock, for the runtime feature's tests. */
import { SimulatedClock } from 'xstate';
import { createArchitecture, ecommerceScenario, type Architecture, type ArchitectureSpec, type HealthcheckSpec } from '../../../machines';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

export interface Simulated {
  architecture: Architecture;
  clock: SimulatedClock;
  /** Advances simulated time by `ms` and lets daemon log entries (grouped per microtask) land. */
  advance(ms: number): Promise<void>;
  snapshot(name: string): NonNullable<ReturnType<NonNullable<ReturnType<Architecture['containerActor']>>['getSnapshot']>>;
}

/** The e-commerce scenario with exactly these health checks (none on the other services). */
export function withHealthchecks(checks: Record<string, HealthcheckSpec>, spec: ArchitectureSpec = ecommerceScenario): ArchitectureSpec {
  return {
    ...spec,
    services: spec.services.map(({ healthcheck: _drop, ...s }) => {
      const check = checks[s.name];
      return check ? { ...s, healthcheck: check } : s;
    }),
  };
}

export function simulate(spec: ArchitectureSpec = ecommerceScenario): Simulated {
  const clock = new SimulatedClock();
  clock.set(T0);
  const architecture = createArchitecture(spec, { clock });
  return {
    architecture,
    clock,
    async advance(ms) {
      clock.increment(ms);
      await Promise.resolve();
      await Promise.resolve();
    },
    snapshot(name) {
      const actor = architecture.containerActor(name);
      if (!actor) throw new Error(`no container ${name}`);
      return actor.getSnapshot();
    },
  };
}
