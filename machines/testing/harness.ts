/**
 * A small harness that makes user tests read like the lesson:
 *
 *   const t = createTestArchitecture();
 *   t.send('order-service', { type: 'pause' });
 *   t.expectStatus('order-service', 'paused');
 *
 * Framework-agnostic: assertions throw `Error` with a readable message, so it works in
 * Vitest, Jest, node:test or a plain script. Time is a `SimulatedClock` you advance.
 */
import { SimulatedClock } from 'xstate';
import { inspectState, type InspectState } from '../container/inspectState';
import type { ContainerEvent, DockerEventMessage, DockerStatus } from '../container/types';
import type { LogEntry } from '../architecture/architectureLog';
import { createArchitecture, type Architecture } from '../architecture/architectureRuntime';
import type { ArchitectureSpec } from '../architecture/spec';
import { ecommerceScenario } from '../scenarios/ecommerce';

export interface TestArchitecture {
  architecture: Architecture;
  clock: SimulatedClock;
  /** Sends a command to a container by name; returns its log entry. */
  send(name: string, event: ContainerEvent): LogEntry;
  /** `docker inspect .State` of a container. Throws when there is no such container. */
  inspect(name: string): InspectState;
  /** Throws unless the container's Docker status is `status`. */
  expectStatus(name: string, status: DockerStatus): void;
  /** Throws unless the last command's outcome is an error containing `text`. */
  expectError(entry: LogEntry, text: string): void;
  /** Advances the simulated clock by `ms` (fires restart back-offs) and flushes daemon log entries. */
  advance(ms: number): Promise<void>;
  /** Every Docker event so far, optionally for one container, in order. */
  events(name?: string): DockerEventMessage[];
  /** Stops every actor. */
  stop(): void;
}

/**
 * Starts `spec` (default: the e-commerce platform, all running) on a `SimulatedClock`
 * set to `startTime` (Unix ms, default 2026-01-01T00:00:00Z).
 */
export function createTestArchitecture(
  spec: ArchitectureSpec = ecommerceScenario,
  options: { up?: boolean; startTime?: number } = {},
): TestArchitecture {
  const clock = new SimulatedClock();
  clock.set(options.startTime ?? Date.UTC(2026, 0, 1));
  const architecture = createArchitecture(spec, { clock, up: options.up ?? true });

  const inspect = (name: string): InspectState => {
    const actor = architecture.containerActor(name);
    if (!actor) {
      const known = architecture.containers.map((c) => c.name).join(', ');
      throw new Error(`No such container: ${name} (containers: ${known})`);
    }
    return inspectState(actor.getSnapshot());
  };

  return {
    architecture,
    clock,
    send: (name, event) => architecture.send(name, event),
    inspect,
    expectStatus(name, status) {
      const actual = inspect(name).Status;
      if (actual !== status) throw new Error(`expected ${name} to be ${status}, but it is ${actual}`);
    },
    expectError(entry, text) {
      if (entry.outcome !== 'error' || !entry.message?.includes(text)) {
        throw new Error(`expected "${entry.cli}" to fail with "${text}", got ${entry.outcome}: ${entry.message ?? '(no message)'}`);
      }
    },
    async advance(ms) {
      clock.increment(ms);
      await Promise.resolve();
    },
    events(name) {
      const all = architecture.getLog().flatMap((entry) => entry.events);
      if (name === undefined) return all;
      const id = architecture.containerActor(name)?.getSnapshot().context.id;
      return all.filter((m) => m.Actor.Attributes.name === name || (id !== undefined && m.Actor.Attributes.container === id));
    },
    stop: () => architecture.stop(),
  };
}
