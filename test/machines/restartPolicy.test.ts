/**
 * Restart policies and the restart manager's back-off (docs/docker-behaviour.md §4), on the
 * actor's `SimulatedClock`.
 */
import { describe, expect, it } from 'vitest';
import { nextRestartDelay, parseRestartPolicy, type ContainerInput, type RestartPolicy } from '../../machines';
import { createContainer, type Container } from './containerDriver';

const START = ['network connect', 'start'];
const CRASH = { type: 'exit', exitCode: 1 } as const;

/** Crashes the running container and checks the policy start comes exactly `delayMs` later. */
function expectBackoff(container: Container, delayMs: number): void {
  container.send(CRASH);
  expect(container.inspect().Status).toBe('restarting');
  expect(container.advance(delayMs - 1)).toEqual([]);
  expect(container.advance(1)).toEqual(START);
}

function running(restartPolicy: RestartPolicy, process?: ContainerInput['process']): Container {
  const container = createContainer({ restartPolicy, process });
  container.send({ type: 'start' });
  return container;
}

const count = (container: Container, action: string) => container.messages.filter((m) => m.Action === action).length;

describe('§4 back-off', () => {
  it('doubles from 100 ms on each crash and is capped at 60 s', () => {
    const container = running('always');

    for (const delayMs of [100, 200, 400, 800, 1600, 3200, 6400, 12_800, 25_600, 51_200, 60_000, 60_000]) {
      expectBackoff(container, delayMs);
    }

    expect(container.snapshot().context.restartCount).toBe(12);
  });

  it('resets to 100 ms after a run of at least 10 s', () => {
    const container = running('always');
    expectBackoff(container, 100);
    expectBackoff(container, 200);
    expectBackoff(container, 400);

    container.advance(10_000);

    expectBackoff(container, 100);
  });

  it('keeps doubling after a run of 9.999 s', () => {
    const container = running('always');
    expectBackoff(container, 100);
    expectBackoff(container, 200);

    container.advance(9_999);

    expectBackoff(container, 400);
  });

  it('starts again at 100 ms after a manual start (the restart manager is recreated)', () => {
    const container = running('always');
    expectBackoff(container, 100);
    expectBackoff(container, 200);
    container.send(CRASH);
    container.send({ type: 'stop' });

    container.send({ type: 'start' });

    expectBackoff(container, 100);
  });

  it('starts again at 100 ms after `docker restart`', () => {
    const container = running('always');
    expectBackoff(container, 100);
    expectBackoff(container, 200);

    container.send({ type: 'restart' });

    expectBackoff(container, 100);
  });

  it.each([
    [0, 0, 100],
    [100, 0, 200],
    [51_200, 0, 60_000],
    [60_000, 0, 60_000],
    [800, 9_999, 1_600],
    [800, 10_000, 100],
  ])('nextRestartDelay(%i ms, ran %i ms) = %i ms', (previous, ran, next) => {
    expect(nextRestartDelay(previous, ran)).toBe(next);
  });
});

describe('§4 decision per policy', () => {
  it.each([
    ['no', 0, 'exited'],
    ['no', 1, 'exited'],
    ['always', 0, 'restarting'],
    ['always', 1, 'restarting'],
    ['unless-stopped', 0, 'restarting'],
    ['unless-stopped', 1, 'restarting'],
    ['on-failure', 0, 'exited'],
    ['on-failure', 1, 'restarting'],
    ['on-failure:3', 0, 'exited'],
    ['on-failure:3', 137, 'restarting'],
  ] as Array<[RestartPolicy, number, string]>)('%s, process exits %i → %s', (policy, exitCode, status) => {
    const container = running(policy);

    const events = container.send({ type: 'exit', exitCode });

    expect(events).toEqual(['network disconnect', `die exitCode=${exitCode}`]);
    expect(container.inspect().Status).toBe(status);
    expect(container.snapshot().context.restartCount).toBe(status === 'restarting' ? 1 : 0);
  });

  it.each(['always', 'unless-stopped', 'on-failure'] as RestartPolicy[])('%s restarts after an OOM kill (137)', (policy) => {
    const container = running(policy);

    container.send({ type: 'oom' });

    expect(container.inspect().Status).toBe('restarting');
    expect(container.advance(100)).toEqual(START);
  });

  it('on-failure:3 gives exactly 3 restarts, then exited with RestartCount 3 (4 starts, 4 dies)', () => {
    const container = running('on-failure:3');

    for (let run = 0; run < 4; run++) {
      container.send(CRASH);
      container.advance(60_000);
    }

    expect(container.inspect()).toMatchObject({ Status: 'exited', ExitCode: 1 });
    expect(container.snapshot().context.restartCount).toBe(3);
    expect(count(container, 'start')).toBe(4);
    expect(count(container, 'die')).toBe(4);
    expect(count(container, 'restart')).toBe(0);
  });

  it('on-failure with exit 0 does not restart: exited, RestartCount 0, no second start', () => {
    const container = running('on-failure');

    container.send({ type: 'exit', exitCode: 0 });
    const later = container.advance(60_000);

    expect(later).toEqual([]);
    expect(container.inspect()).toMatchObject({ Status: 'exited', ExitCode: 0 });
    expect(container.snapshot().context.restartCount).toBe(0);
  });

  it('the policy start emits `network connect, start` and no `restart`; RestartCount counts it', () => {
    const container = running('always');
    container.send(CRASH);

    const events = container.advance(100);

    expect(events).toEqual(START);
    expect(container.inspect()).toMatchObject({ Status: 'running', ExitCode: 0 });
    expect(container.snapshot().context.restartCount).toBe(1);
  });
});

describe('§4 manual commands vs the policy', () => {
  it('`docker stop` during back-off cancels the pending restart: only `stop`, and the timer never fires', () => {
    const container = running('always');
    container.send(CRASH);

    const events = container.send({ type: 'stop' });
    const later = container.advance(120_000);

    expect(events).toEqual(['stop']);
    expect(later).toEqual([]);
    expect(container.inspect()).toMatchObject({ Status: 'exited', ExitCode: 1 });
  });

  it('`docker kill` during back-off: exited, no events, the timer never fires', () => {
    const container = running('always');
    container.send(CRASH);

    const events = container.send({ type: 'kill' });
    const later = container.advance(120_000);

    expect(events).toEqual([]);
    expect(later).toEqual([]);
    expect(container.inspect()).toMatchObject({ Status: 'exited', ExitCode: 1 });
  });

  it('`docker rm -f` during back-off: only `destroy`, the actor is done, nothing fires later', () => {
    const container = running('always');
    container.send(CRASH);

    const events = container.send({ type: 'remove', force: true });
    const later = container.advance(120_000);

    expect(events).toEqual(['destroy']);
    expect(later).toEqual([]);
    expect(container.snapshot().status).toBe('done');
  });

  it('`docker restart` during back-off: `stop, network connect, start, restart`, RestartCount 0, the old timer never fires', () => {
    const container = running('always');
    expectBackoff(container, 100);
    container.send(CRASH);
    expect(container.snapshot().context.restartCount).toBe(2);

    const events = container.send({ type: 'restart' });
    const later = container.advance(120_000);

    expect(events).toEqual(['stop', 'network connect', 'start', 'restart']);
    expect(later).toEqual([]);
    expect(container.inspect().Status).toBe('running');
    expect(container.snapshot().context.restartCount).toBe(0);
  });

  it('a manual `start` resets RestartCount to 0', () => {
    const container = running('on-failure:1');
    container.send(CRASH);
    container.advance(100);
    container.send(CRASH);
    expect(container.inspect().Status).toBe('exited');
    expect(container.snapshot().context.restartCount).toBe(1);

    container.send({ type: 'start' });

    expect(container.snapshot().context.restartCount).toBe(0);
  });

  it('a manual `restart` of a running container resets RestartCount to 0', () => {
    const container = running('always');
    expectBackoff(container, 100);
    expectBackoff(container, 200);

    container.send({ type: 'restart' });

    expect(container.snapshot().context.restartCount).toBe(0);
  });

  it('on-failure:3 counts again from 0 after a manual restart', () => {
    const container = running('on-failure:3');
    container.send(CRASH);
    container.advance(60_000);
    container.send({ type: 'restart' });

    for (let run = 0; run < 4; run++) {
      container.send(CRASH);
      container.advance(60_000);
    }

    expect(container.inspect().Status).toBe('exited');
    expect(container.snapshot().context.restartCount).toBe(3);
  });

  it.each(['always', 'unless-stopped'] as RestartPolicy[])('`docker stop` of a running %s container: exited, never restarted', (policy) => {
    const container = running(policy);

    const events = container.send({ type: 'stop' });
    const later = container.advance(120_000);

    expect(events).toEqual(['kill signal=15', 'network disconnect', 'die exitCode=143', 'stop']);
    expect(later).toEqual([]);
    expect(container.inspect()).toMatchObject({ Status: 'exited', ExitCode: 143 });
  });

  it('`docker kill` of a running always container: exited 137, never restarted', () => {
    const container = running('always');

    container.send({ type: 'kill' });
    const later = container.advance(120_000);

    expect(later).toEqual([]);
    expect(container.inspect()).toMatchObject({ Status: 'exited', ExitCode: 137 });
  });

  it('`docker kill -s SIGHUP` cancels the restart manager even when the process survives (ExitOnNext)', () => {
    const container = running('always', { onStopSignal: 'ignores' });
    container.send({ type: 'kill', signal: 'SIGHUP' });
    expect(container.inspect().Status).toBe('running');

    container.send(CRASH);
    const later = container.advance(120_000);

    expect(container.inspect().Status).toBe('exited');
    expect(later).toEqual([]);
  });

  it('unless-stopped: a manual start after a manual stop clears it, so a crash restarts again', () => {
    const container = running('unless-stopped');
    container.send({ type: 'stop' });
    container.send({ type: 'start' });

    container.send(CRASH);

    expect(container.inspect().Status).toBe('restarting');
    expect(container.advance(100)).toEqual(START);
  });
});

describe('§4 policy syntax', () => {
  it.each([
    ['no', { name: 'no', maximumRetryCount: 0 }],
    ['', { name: 'no', maximumRetryCount: 0 }],
    ['always', { name: 'always', maximumRetryCount: 0 }],
    ['unless-stopped', { name: 'unless-stopped', maximumRetryCount: 0 }],
    ['on-failure', { name: 'on-failure', maximumRetryCount: 0 }],
    ['on-failure:3', { name: 'on-failure', maximumRetryCount: 3 }],
  ])('%j parses', (policy, parsed) => {
    expect(parseRestartPolicy(policy)).toEqual(parsed);
  });

  it('a retry count is valid only with on-failure (Docker wording)', () => {
    expect(() => parseRestartPolicy('always:3')).toThrow(
      "invalid restart policy: maximum retry count can only be used with 'on-failure'",
    );
  });
});
