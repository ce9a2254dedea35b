/**
 * Property-based tests of the lifecycle machines (`machines/`), with fast-check.
 *
 * Random architectures (2–40 services, 1–3 replicas, restart policies incl. `on-failure:N`,
 * stop behaviours exits|graceful|ignores, health checks with small intervals, acyclic
 * `depends_on` with conditions) get random sequences of every Docker command, process
 * events, probe results, clock advances, Compose actions, scaling, create/run and
 * save → parse → restore. After every step (and on every container transition, seen by an
 * XState inspector) the invariants of `checker.ts` must hold; the reference rules are in
 * `oracle.ts`, written from docs/docker-behaviour.md.
 *
 * Volume: the default run executes at least 100 000 commands (counted; asserted and
 * printed in `afterAll`). For a longer local run, scale every `numRuns`:
 *
 *   PROPERTY_RUNS_MULTIPLIER=20 npx vitest run test/property
 *
 * Default sizes: 300 architecture runs × 20–160 steps and 430 single-container runs ×
 * 50–400 steps (≈ 115 000–120 000 commands, ≈ 25 s of CPU).
 *
 * A failure prints fast-check's seed and shrunk counterexample; replay it by passing
 * `{ seed, path }` to that property's `fc.assert` options.
 * Bugs found are reproduced (and fail until fixed) in `knownBugs.test.ts`; the
 * properties skip and count the same symptoms while `KNOWN_BUGS` (catalogue.ts) still
 * detects them.
 *
 * Files: arbitraries.ts (generators), oracle.ts (the doc's rules), checker.ts (the
 * invariants, on every transition), architectureRun.ts (one architecture run),
 * catalogue.ts (event catalogue, known bugs), runs.ts (sizes, counter, simulated time).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import {
  containerMachine,
  dockerStatus,
  HEALTH_DEFAULTS,
  type ContainerInput,
} from '../../machines';
import { archStepArb, containerInputArb, containerStepArb, specArb } from './arbitraries';
import { ArchitectureRun } from './architectureRun';
import { LifecycleChecker } from './checker';
import { advanceClockSync, CommandCounter, runs, RUNS_MULTIPLIER, timeoutMs } from './runs';

/** The floor for the default run; a smaller multiplier lowers it proportionally. */
const MIN_COMMANDS = Math.round(100_000 * Math.min(1, RUNS_MULTIPLIER));
const counter = new CommandCounter();
const startedAt = Date.now();
const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);

afterAll(() => {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`[property] ${counter.report()} in ${seconds} s (PROPERTY_RUNS_MULTIPLIER=${RUNS_MULTIPLIER})`);
  expect(counter.total).toBeGreaterThanOrEqual(MIN_COMMANDS);
});

describe('architecture: random specs × random command sequences', () => {
  it(
    'every step keeps every invariant (commands, process events, time, compose, scale, create/run, save/restore)',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          specArb(40),
          fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
          fc.array(archStepArb, { minLength: 20, maxLength: 160, size: 'max' }),
          async (spec, up, steps) => {
            const run = new ArchitectureRun(spec, up, counter);
            try {
              run.checker.assertClean('construction');
              for (const [i, step] of steps.entries()) {
                await run.step(step);
                await Promise.resolve(); // daemon log entries are appended in a microtask
                run.checkLogComplete(`step ${i}`);
                run.checker.endStep(`step ${i}`);
                run.checker.assertClean(`step ${i} ${JSON.stringify(step)}`);
              }
              run.sweep('end of run');
              run.checker.assertClean('end of run');
            } finally {
              counter.absorb(run.checker.stats);
              run.stop();
            }
          },
        ),
        { numRuns: runs(300) },
      );
    },
    timeoutMs(120_000),
  );
});

/** Docker's defaults for a health check (§5): 0 means default, retries ≤ 0 → 3. */
function expectedHealthcheck(input: ContainerInput) {
  const hc = input.healthcheck;
  if (!hc) return null;
  const pick = (v: number | undefined, d: number) => (v !== undefined && v > 0 ? v : d);
  return {
    test: hc.test,
    intervalMs: pick(hc.intervalMs, 30_000),
    timeoutMs: pick(hc.timeoutMs, 30_000),
    startPeriodMs: pick(hc.startPeriodMs, 0),
    startIntervalMs: pick(hc.startIntervalMs, 5_000),
    retries: pick(hc.retries, 3),
  };
}

describe('one container: every event sent straight to the actor', () => {
  it(
    'can() ⇔ send() changes something ⇔ the daemon accepts; transitionContainer = actor; events and states per §2.3',
    () => {
      expect(HEALTH_DEFAULTS).toEqual({ intervalMs: 30_000, timeoutMs: 30_000, startPeriodMs: 0, startIntervalMs: 5_000, retries: 3 });
      fc.assert(
        fc.property(containerInputArb, fc.array(containerStepArb, { minLength: 50, maxLength: 400, size: 'max' }), (input, steps) => {
          const clock = new SimulatedClock();
          clock.set(T0);
          const checker = new LifecycleChecker(() => clock.now());
          const used = new Set<string>();
          const spawn = () => {
            // `docker run` again after a removal: a new container ID for the same name.
            let id = input.id ?? '0'.repeat(64);
            for (let n = 1; used.has(id); n++) id = `${n.toString(16).padStart(8, '0')}${id.slice(8)}`;
            used.add(id);
            const actor = createActor(containerMachine, { input: { ...input, id }, clock, inspect: checker.observe });
            checker.onMessage({ Type: 'container', Action: 'create', Actor: { ID: id, Attributes: {} }, scope: 'local', time: 0, timeNano: 0 });
            actor.start();
            const c = actor.getSnapshot().context;
            if (JSON.stringify(c.healthcheck) !== JSON.stringify(expectedHealthcheck(input))) {
              checker.fail(`health check ${JSON.stringify(input.healthcheck)} normalised to ${JSON.stringify(c.healthcheck)} (§5 defaults)`);
            }
            return actor;
          };
          let actor = spawn();
          try {
            for (const [i, step] of steps.entries()) {
              counter.add(step.k === 'advance' ? 'advance' : `actor:${step.event.type}`);
              if (step.k === 'advance') {
                advanceClockSync(clock, step.ms);
              } else if (dockerStatus(actor.getSnapshot()) === 'removed') {
                // A removed container accepts nothing (checked on the snapshot); then run a new one.
                checker.checkRemoved(actor.getSnapshot(), `step ${i}`);
                actor.stop();
                actor = spawn();
              } else {
                const before = checker.stats.delivered;
                actor.send(step.event);
                if (checker.stats.delivered !== before + 1) checker.fail(`step ${i}: the inspector saw ${checker.stats.delivered - before} transitions`);
              }
              checker.endStep(`step ${i}`);
              checker.assertClean(`step ${i} ${JSON.stringify(step)}`);
            }
          } finally {
            counter.absorb(checker.stats);
            actor.stop();
          }
        }),
        { numRuns: runs(430) },
      );
    },
    timeoutMs(60_000),
  );
});
