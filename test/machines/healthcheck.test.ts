/**
 * Health checks (docs/docker-behaviour.md §5): `State.Health` per lifecycle state, the probe
 * schedule, FailingStreak/retries, start period, and the exec_* / health_status events.
 * The `probe` event is the simulation knob that makes the probe command pass or fail.
 */
import { describe, expect, it } from 'vitest';
import { HEALTH_DEFAULTS, normaliseHealthcheck, type HealthcheckSpec } from '../../machines';
import { createContainer, type Container } from './containerDriver';

const TEST = 'pg_isready -U postgres';
const PROBE_EVENTS = [`exec_create: ${TEST}`, `exec_start: ${TEST}`];
const passed = [...PROBE_EVENTS, 'exec_die exitCode=0'];
const failed = [...PROBE_EVENTS, 'exec_die exitCode=1'];

function started(spec: Partial<HealthcheckSpec> = {}): Container {
  const container = createContainer({ healthcheck: { test: TEST, ...spec } });
  container.send({ type: 'start' });
  return container;
}

const health = (container: Container) => container.inspect().Health;

describe('§5 Health in inspect', () => {
  it('is absent without a health check, in every state', () => {
    const container = createContainer();

    const states = [container.inspect()];
    container.send({ type: 'start' });
    states.push(container.inspect());
    container.send({ type: 'stop' });
    states.push(container.inspect());

    expect(states.map((s) => 'Health' in s)).toEqual([false, false, false]);
  });

  it('is absent on a created container that never started', () => {
    const container = createContainer({ healthcheck: { test: TEST } });

    expect('Health' in container.inspect()).toBe(false);
  });

  it('is `starting`, FailingStreak 0, empty Log right after start; no event for `starting`', () => {
    const container = createContainer({ healthcheck: { test: TEST } });

    const events = container.send({ type: 'start' });

    expect(events).toEqual(['network connect', 'start']);
    expect(health(container)).toEqual({ Status: 'starting', FailingStreak: 0, Log: [] });
  });
});

describe('§5 probes', () => {
  it('the first probe runs after the 30 s default interval; a pass makes it healthy with one event', () => {
    const container = started();

    const early = container.advance(29_999);
    const events = container.advance(1);

    expect(early).toEqual([]);
    expect(events).toEqual([...passed, 'health_status: healthy']);
    expect(health(container)).toMatchObject({ Status: 'healthy', FailingStreak: 0 });
  });

  it('health_status is emitted only on a change', () => {
    const container = started({ intervalMs: 1000 });
    container.advance(1000);

    const second = container.advance(1000);

    expect(second).toEqual(passed);
  });

  it('healthy → unhealthy only after `retries` consecutive failures (default 3)', () => {
    const container = started({ intervalMs: 1000 });
    container.advance(1000);
    container.send({ type: 'probe', result: 'fail' });

    const first = container.advance(1000);
    const second = container.advance(1000);
    const afterTwo = health(container);
    const third = container.advance(1000);

    expect([first, second]).toEqual([failed, failed]);
    expect(afterTwo).toMatchObject({ Status: 'healthy', FailingStreak: 2 });
    expect(third).toEqual([...failed, 'health_status: unhealthy']);
    expect(health(container)).toMatchObject({ Status: 'unhealthy', FailingStreak: 3 });
  });

  it('a success after unhealthy: healthy, FailingStreak 0, event', () => {
    const container = started({ intervalMs: 1000, retries: 1 });
    container.send({ type: 'probe', result: 'fail' });
    container.advance(1000);
    container.send({ type: 'probe', result: 'pass' });

    const events = container.advance(1000);

    expect(events).toEqual([...passed, 'health_status: healthy']);
    expect(health(container)).toMatchObject({ Status: 'healthy', FailingStreak: 0 });
  });

  it('inside the start period: probes every start-interval and failures are not counted', () => {
    const container = started({ intervalMs: 30_000, startPeriodMs: 10_000, startIntervalMs: 2_000 });
    container.send({ type: 'probe', result: 'fail' });

    const probes = [2_000, 2_000, 2_000, 2_000].map((ms) => container.advance(ms));

    expect(probes).toEqual([failed, failed, failed, failed]);
    expect(health(container)).toMatchObject({ Status: 'starting', FailingStreak: 0 });
  });

  it('a success inside the start period ends it: healthy, then the normal interval', () => {
    const container = started({ intervalMs: 30_000, startPeriodMs: 60_000, startIntervalMs: 2_000 });

    const first = container.advance(2_000);
    const quiet = container.advance(29_999);
    const next = container.advance(1);

    expect(first).toEqual([...passed, 'health_status: healthy']);
    expect(quiet).toEqual([]);
    expect(next).toEqual(passed);
  });

  it('Log keeps the last 5 results with Docker field names', () => {
    const container = started({ intervalMs: 1000 });

    for (let i = 0; i < 7; i++) container.advance(1000);
    const log = health(container)?.Log ?? [];

    expect(log).toHaveLength(5);
    expect(Object.keys(log[0] ?? {}).sort()).toEqual(['End', 'ExitCode', 'Output', 'Start']);
    expect(Date.parse(log[4]?.Start ?? '')).toBe(container.clock.now());
  });

  it('exec events carry a 64-hex execID; exec_die its exitCode', () => {
    const container = started({ intervalMs: 1000 });
    const from = container.messages.length;

    container.advance(1000);
    const [create, start, die] = container.messages.slice(from);

    expect(create?.Actor.Attributes.execID).toMatch(/^[0-9a-f]{64}$/);
    expect(start?.Actor.Attributes.execID).toBe(create?.Actor.Attributes.execID);
    expect(die?.Actor.Attributes).toMatchObject({ execID: create?.Actor.Attributes.execID, exitCode: '0' });
  });
});

describe('§5 Health by lifecycle state', () => {
  it('paused: forced to unhealthy with no event; no probes while paused', () => {
    const container = started({ intervalMs: 1000 });
    container.advance(1000);

    const events = container.send({ type: 'pause' });
    const whilePaused = container.advance(10_000);

    expect(events).toEqual(['pause']);
    expect(whilePaused).toEqual([]);
    expect(health(container)?.Status).toBe('unhealthy');
  });

  it('after unpause: stays unhealthy until the next successful probe, which emits healthy', () => {
    const container = started({ intervalMs: 1000 });
    container.advance(1000);
    container.send({ type: 'pause' });

    container.send({ type: 'unpause' });
    const afterUnpause = health(container)?.Status;
    const events = container.advance(1000);

    expect(afterUnpause).toBe('unhealthy');
    expect(events).toEqual([...passed, 'health_status: healthy']);
  });

  it('exited and restarting: unhealthy, no event', () => {
    const stopped = started({ intervalMs: 1000 });
    stopped.advance(1000);
    const restarting = createContainer({ restartPolicy: 'always', healthcheck: { test: TEST, intervalMs: 1000 } });
    restarting.send({ type: 'start' });
    restarting.advance(1000);

    const stopEvents = stopped.send({ type: 'stop' });
    const crashEvents = restarting.send({ type: 'exit', exitCode: 1 });

    expect(stopEvents.filter((e) => e.startsWith('health_status'))).toEqual([]);
    expect(crashEvents).toEqual(['network disconnect', 'die exitCode=1']);
    expect(stopped.inspect()).toMatchObject({ Status: 'exited', Health: { Status: 'unhealthy' } });
    expect(restarting.inspect()).toMatchObject({ Status: 'restarting', Health: { Status: 'unhealthy' } });
  });

  it('restarted: back to starting, FailingStreak 0, Log kept', () => {
    const container = started({ intervalMs: 1000, retries: 1 });
    container.send({ type: 'probe', result: 'fail' });
    container.advance(1000);

    container.send({ type: 'restart' });

    expect(health(container)).toMatchObject({ Status: 'starting', FailingStreak: 0 });
    expect(health(container)?.Log).toHaveLength(1);
  });
});

describe('§5 defaults', () => {
  it("Docker's defaults: interval 30 s, timeout 30 s, start period 0, start interval 5 s, retries 3", () => {
    expect(HEALTH_DEFAULTS).toEqual({ intervalMs: 30_000, timeoutMs: 30_000, startPeriodMs: 0, startIntervalMs: 5_000, retries: 3 });
  });

  it('0 means "use the default"; retries ≤ 0 → 3', () => {
    expect(normaliseHealthcheck({ test: TEST, intervalMs: 0, timeoutMs: 0, startIntervalMs: 0, retries: -1 })).toEqual({
      test: TEST,
      intervalMs: 30_000,
      timeoutMs: 30_000,
      startPeriodMs: 0,
      startIntervalMs: 5_000,
      retries: 3,
    });
  });
});
