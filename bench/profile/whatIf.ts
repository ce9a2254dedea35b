/**
 * Bench-only what-if patches (runtime monkeypatching inside a worker or a profiling
 * process; machines/ and src/ are never modified). Used by scaleWorker.ts when
 * `workerData.variant` is set, and by profile/scaleWhatIf.ts.
 *   noTimer    — the container machine without `after: probeInterval` on `running.up`
 *                (what arming the health monitor only when a healthcheck exists gives
 *                healthcheck-less containers);
 *   inPlaceLog — Architecture.append pushes in place (trim amortised) instead of copying
 *                the 1000-entry log twice per command;
 *   both       — the two together.
 */
import type { AnyStateMachine } from 'xstate';
import { Architecture, architectureMachine, containerMachine } from '../../machines';

export type Variant = 'shipped' | 'noTimer' | 'inPlaceLog' | 'both';

function withoutProbeTimer(): AnyStateMachine {
  const c = containerMachine.config as Record<string, any>;
  const { after: _after, ...up } = c.states.running.states.up;
  const config = { ...c, states: { ...c.states, running: { ...c.states.running, states: { ...c.states.running.states, up } } } };
  const Ctor = containerMachine.constructor as new (config: unknown, impl: unknown) => AnyStateMachine;
  return new Ctor(config, containerMachine.implementations);
}

export function applyVariant(variant: Variant): void {
  if (variant === 'noTimer' || variant === 'both') {
    (architectureMachine.implementations.actors as Record<string, unknown>).container = withoutProbeTimer();
  }
  if (variant === 'inPlaceLog' || variant === 'both') {
    const proto = Architecture.prototype as unknown as Record<string, unknown>;
    proto.append = function (this: { log: unknown[]; logLimit: number; listeners: Set<(l: unknown) => void> }, entry: unknown) {
      this.log.push(entry);
      if (this.log.length > 2 * this.logLimit) this.log.splice(0, this.log.length - this.logLimit);
      for (const l of this.listeners) l(this.log);
    };
  }
}
