/**
 * The README's "Testing with the machine" examples, verbatim, so the docs stay true.
 * If you change one here, change it in README.md too.
 */
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import {
  containerMachine,
  inspectState,
  commandError,
  createTestArchitecture,
  lifecyclePaths,
  transitionContainer,
  initialContainerSnapshot,
  type DockerEventMessage,
} from '../../machines';

describe('README: Testing with the machine', () => {
  it('drives one container on a simulated clock', () => {
    const clock = new SimulatedClock();
    clock.set(Date.UTC(2026, 0, 1));
    const actor = createActor(containerMachine, {
      input: { name: 'api', image: 'shop/api:1', restartPolicy: 'on-failure:2' },
      clock,
    });
    const events: DockerEventMessage[] = [];
    actor.on('docker.event', ({ message }) => events.push(message));
    actor.start();

    actor.send({ type: 'start' });
    actor.send({ type: 'exit', exitCode: 1 }); // the process crashes
    expect(inspectState(actor.getSnapshot()).Status).toBe('restarting');

    clock.increment(100); // first back-off: 100 ms
    expect(inspectState(actor.getSnapshot())).toMatchObject({ Status: 'running', Running: true });
    expect(actor.getSnapshot().context.restartCount).toBe(1);
    expect(events.map((e) => e.Action)).toEqual(['connect', 'start', 'disconnect', 'die', 'connect', 'start']);
  });

  it("explains Docker's refusals", () => {
    const actor = createActor(containerMachine, { input: { name: 'db', image: 'postgres:16' } }).start();
    actor.send({ type: 'start' });
    actor.send({ type: 'pause' });
    expect(actor.getSnapshot().can({ type: 'remove' })).toBe(false);
    expect(commandError(actor.getSnapshot(), { type: 'remove' })).toBe(
      'cannot remove container "db": container is paused and must be unpaused first',
    );
  });

  it('reads like the lesson with the harness', async () => {
    const t = createTestArchitecture(); // the e-commerce platform, all running
    t.send('order-service', { type: 'pause' });
    t.expectStatus('order-service', 'paused');
    t.expectError(t.send('order-service', { type: 'start' }), 'cannot start a paused container');
    t.send('api-gateway', { type: 'stop' }); // PID 1 ignores SIGTERM: still running…
    t.expectStatus('api-gateway', 'running');
    await t.advance(10_000); // …until the 10 s grace period ends: SIGKILL, 137
    t.expectStatus('api-gateway', 'exited');
    expect(t.inspect('api-gateway').ExitCode).toBe(137);
    t.stop();
  });

  it('gives test paths to replay against your own UI or CLI', () => {
    const paths = lifecyclePaths(); // one shortest path per reachable state
    const toPaused = paths.find((p) => p.target === 'paused');
    expect(toPaused?.steps.map((s) => s.event.type)).toEqual(['start', 'pause']);
  });

  it('works without actors', () => {
    const created = initialContainerSnapshot({ name: 'web', image: 'nginx:alpine' }, { now: 0 });
    const { snapshot, events } = transitionContainer(created, { type: 'start' }, { now: 1000 });
    expect(inspectState(snapshot).Status).toBe('running');
    expect(events.map((e) => e.Action)).toEqual(['connect', 'start']);
  });
});
