/**
 * docs/docker-behaviour.md §2.3 "THE TABLE", row by row: for each source state × command, the
 * resulting `docker inspect` Status and ExitCode, Docker's events in order, and for
 * errors / 304 no-ops the daemon's text (§2.4, v29) with the snapshot left as it was.
 *
 * Network events are listed where the machine emits them: `network connect` before
 * `start`, `network disconnect` before `die` (v23+ order, §2.3 legend and §8 item 4).
 * A paused container's `[unpause]` (§2.3 note, UNVERIFIED) is modelled right after the
 * first signal.
 */
import { describe, expect, it } from 'vitest';
import { commandError, outcomeOf, type ContainerEvent, type ContainerInput, type DockerStatus } from '../../machines';
import { containerIn, ID, NAME, SOURCE_EXIT_CODE, type SourceState } from './containerDriver';

/** What a row expects. */
type Expected =
  /** ok: the command runs. `exitCode` omitted for `removed` (no container left to inspect). */
  | { status: DockerStatus; exitCode?: number; events: string[] }
  /** 304 Not Modified: `commandError` is null, the daemon's text is the 304 message. */
  | { noop: string }
  /** ERR: `commandError` gives the daemon's text. */
  | { error: string };

interface Row {
  command: string;
  event: ContainerEvent;
  expected: Expected;
  input?: Partial<ContainerInput>;
}

const start: ContainerEvent = { type: 'start' };
const stop: ContainerEvent = { type: 'stop' };
const kill: ContainerEvent = { type: 'kill' };
const killTerm: ContainerEvent = { type: 'kill', signal: 'SIGTERM' };
const killHup: ContainerEvent = { type: 'kill', signal: 'SIGHUP' };
const pause: ContainerEvent = { type: 'pause' };
const unpause: ContainerEvent = { type: 'unpause' };
const restart: ContainerEvent = { type: 'restart' };
const rm: ContainerEvent = { type: 'remove' };
const rmForce: ContainerEvent = { type: 'remove', force: true };
const exit0: ContainerEvent = { type: 'exit', exitCode: 0 };
const exit2: ContainerEvent = { type: 'exit', exitCode: 2 };
const oom: ContainerEvent = { type: 'oom' };

// §2.4, v29 wording, with the container's real ID and name.
const ERR = {
  killNotRunning: `cannot kill container: ${NAME}: container ${ID} is not running`,
  pauseNotRunning: `container ${ID} is not running`,
  notPaused: `Container ${ID} is not paused`,
  alreadyPaused: `container ${ID} is already paused`,
  pauseRestarting: `Container ${ID} is restarting, wait until the container is running`,
  startPaused: 'cannot start a paused container, try unpause instead',
  rmRunning: `cannot remove container "${NAME}": container is running: stop the container before removing or force remove`,
  rmRestarting: `cannot remove container "${NAME}": container is restarting: stop the container before removing or force remove`,
  rmPaused: `cannot remove container "${NAME}": container is paused and must be unpaused first`,
};
const ALREADY_RUNNING = 'container is already running';
const ALREADY_STOPPED = 'container is already stopped';
// Process events are not Docker commands; these are the machine's own reasons (no §2.4 text).
const NO_PROCESS = `${NAME} has no running process`;
const FROZEN = `the processes of ${NAME} are frozen (paused) and cannot exit`;
const WAITING = `${NAME} has no process: it is waiting to restart`;

const TABLE: Record<SourceState, Row[]> = {
  created: [
    { command: 'start', event: start, expected: { status: 'running', exitCode: 0, events: ['network connect', 'start'] } },
    { command: 'stop', event: stop, expected: { noop: ALREADY_STOPPED } },
    { command: 'kill', event: kill, expected: { error: ERR.killNotRunning } },
    { command: 'kill -s SIGTERM', event: killTerm, expected: { error: ERR.killNotRunning } },
    { command: 'kill -s SIGHUP', event: killHup, expected: { error: ERR.killNotRunning } },
    { command: 'pause', event: pause, expected: { error: ERR.pauseNotRunning } },
    { command: 'unpause', event: unpause, expected: { error: ERR.notPaused } },
    {
      command: 'restart',
      event: restart,
      expected: { status: 'running', exitCode: 0, events: ['network connect', 'start', 'restart'] },
    },
    { command: 'rm', event: rm, expected: { status: 'removed', events: ['destroy'] } },
    { command: 'rm -f', event: rmForce, expected: { status: 'removed', events: ['destroy'] } },
    { command: 'exit 0', event: exit0, expected: { error: NO_PROCESS } },
    { command: 'oom', event: oom, expected: { error: NO_PROCESS } },
  ],
  running: [
    { command: 'start', event: start, expected: { noop: ALREADY_RUNNING } },
    {
      command: 'stop',
      event: stop,
      expected: { status: 'exited', exitCode: 143, events: ['kill signal=15', 'network disconnect', 'die exitCode=143', 'stop'] },
    },
    {
      command: 'kill',
      event: kill,
      expected: { status: 'exited', exitCode: 137, events: ['kill signal=9', 'network disconnect', 'die exitCode=137'] },
    },
    {
      command: 'kill -s SIGTERM',
      event: killTerm,
      expected: { status: 'exited', exitCode: 143, events: ['kill signal=15', 'network disconnect', 'die exitCode=143'] },
    },
    {
      command: 'kill -s SIGHUP (default action: dies, 128+1)',
      event: killHup,
      expected: { status: 'exited', exitCode: 129, events: ['kill signal=1', 'network disconnect', 'die exitCode=129'] },
    },
    {
      command: 'kill -s SIGHUP (PID 1 ignores it: survives)',
      event: killHup,
      input: { process: { onStopSignal: 'ignores' } },
      expected: { status: 'running', exitCode: 0, events: ['kill signal=1'] },
    },
    {
      command: 'kill -s SIGTERM (PID 1 ignores it: survives)',
      event: killTerm,
      input: { process: { onStopSignal: 'ignores' } },
      expected: { status: 'running', exitCode: 0, events: ['kill signal=15'] },
    },
    { command: 'pause', event: pause, expected: { status: 'paused', exitCode: 0, events: ['pause'] } },
    { command: 'unpause', event: unpause, expected: { error: ERR.notPaused } },
    {
      command: 'restart',
      event: restart,
      expected: {
        status: 'running',
        exitCode: 0,
        events: ['kill signal=15', 'network disconnect', 'die exitCode=143', 'stop', 'network connect', 'start', 'restart'],
      },
    },
    {
      command: 'restart (SIGTERM ignored: SIGKILL after the grace period)',
      event: restart,
      input: { process: { onStopSignal: 'ignores' } },
      expected: {
        status: 'running',
        exitCode: 0,
        events: [
          'kill signal=15',
          'kill signal=9',
          'network disconnect',
          'die exitCode=137',
          'stop',
          'network connect',
          'start',
          'restart',
        ],
      },
    },
    { command: 'rm', event: rm, expected: { error: ERR.rmRunning } },
    {
      command: 'rm -f',
      event: rmForce,
      expected: { status: 'removed', events: ['kill signal=9', 'network disconnect', 'die exitCode=137', 'destroy'] },
    },
    {
      command: 'process exits 0',
      event: exit0,
      expected: { status: 'exited', exitCode: 0, events: ['network disconnect', 'die exitCode=0'] },
    },
    {
      command: 'process crashes (exit 2)',
      event: exit2,
      expected: { status: 'exited', exitCode: 2, events: ['network disconnect', 'die exitCode=2'] },
    },
    {
      command: 'process crashes (exit 2), restart policy always',
      event: exit2,
      input: { restartPolicy: 'always' },
      expected: { status: 'restarting', exitCode: 2, events: ['network disconnect', 'die exitCode=2'] },
    },
    {
      command: 'OOM kill',
      event: oom,
      expected: { status: 'exited', exitCode: 137, events: ['oom', 'network disconnect', 'die exitCode=137'] },
    },
    {
      command: 'OOM kill, restart policy always',
      event: oom,
      input: { restartPolicy: 'always' },
      expected: { status: 'restarting', exitCode: 137, events: ['oom', 'network disconnect', 'die exitCode=137'] },
    },
  ],
  paused: [
    { command: 'start', event: start, expected: { error: ERR.startPaused } },
    {
      command: 'stop',
      event: stop,
      expected: {
        status: 'exited',
        exitCode: 143,
        events: ['kill signal=15', 'unpause', 'network disconnect', 'die exitCode=143', 'stop'],
      },
    },
    {
      command: 'kill',
      event: kill,
      // No `unpause` after SIGKILL (issue 14: seen on a real engine; runc thaws for SIGKILL itself).
      expected: { status: 'exited', exitCode: 137, events: ['kill signal=9', 'network disconnect', 'die exitCode=137'] },
    },
    {
      command: 'kill -s SIGTERM',
      event: killTerm,
      expected: { status: 'exited', exitCode: 143, events: ['kill signal=15', 'unpause', 'network disconnect', 'die exitCode=143'] },
    },
    {
      command: 'kill -s SIGHUP (default action: dies, 128+1)',
      event: killHup,
      expected: { status: 'exited', exitCode: 129, events: ['kill signal=1', 'unpause', 'network disconnect', 'die exitCode=129'] },
    },
    {
      command: 'kill -s SIGHUP (PID 1 ignores it: resumed, survives)',
      event: killHup,
      input: { process: { onStopSignal: 'ignores' } },
      expected: { status: 'running', exitCode: 0, events: ['kill signal=1', 'unpause'] },
    },
    { command: 'pause', event: pause, expected: { error: ERR.alreadyPaused } },
    { command: 'unpause', event: unpause, expected: { status: 'running', exitCode: 0, events: ['unpause'] } },
    {
      command: 'restart',
      event: restart,
      expected: {
        status: 'running',
        exitCode: 0,
        events: [
          'kill signal=15',
          'unpause',
          'network disconnect',
          'die exitCode=143',
          'stop',
          'network connect',
          'start',
          'restart',
        ],
      },
    },
    {
      command: 'restart (SIGTERM ignored: SIGKILL after the grace period)',
      event: restart,
      input: { process: { onStopSignal: 'ignores' } },
      expected: {
        status: 'running',
        exitCode: 0,
        events: [
          'kill signal=15',
          'unpause',
          'kill signal=9',
          'network disconnect',
          'die exitCode=137',
          'stop',
          'network connect',
          'start',
          'restart',
        ],
      },
    },
    { command: 'rm', event: rm, expected: { error: ERR.rmPaused } },
    {
      command: 'rm -f',
      event: rmForce,
      // rm -f sends SIGKILL: no `unpause` (issue 14).
      expected: { status: 'removed', events: ['kill signal=9', 'network disconnect', 'die exitCode=137', 'destroy'] },
    },
    { command: 'exit 0 (frozen: n/a)', event: exit0, expected: { error: FROZEN } },
    { command: 'oom (frozen: n/a)', event: oom, expected: { error: FROZEN } },
  ],
  restarting: [
    { command: 'start', event: start, expected: { noop: ALREADY_RUNNING } },
    { command: 'stop', event: stop, expected: { status: 'exited', exitCode: SOURCE_EXIT_CODE, events: ['stop'] } },
    { command: 'kill', event: kill, expected: { status: 'exited', exitCode: SOURCE_EXIT_CODE, events: [] } },
    { command: 'kill -s SIGTERM', event: killTerm, expected: { status: 'exited', exitCode: SOURCE_EXIT_CODE, events: [] } },
    { command: 'kill -s SIGHUP', event: killHup, expected: { status: 'exited', exitCode: SOURCE_EXIT_CODE, events: [] } },
    { command: 'pause', event: pause, expected: { error: ERR.pauseRestarting } },
    { command: 'unpause', event: unpause, expected: { error: ERR.notPaused } },
    {
      command: 'restart',
      event: restart,
      expected: { status: 'running', exitCode: 0, events: ['stop', 'network connect', 'start', 'restart'] },
    },
    { command: 'rm', event: rm, expected: { error: ERR.rmRestarting } },
    { command: 'rm -f', event: rmForce, expected: { status: 'removed', events: ['destroy'] } },
    { command: 'exit 0 (no process)', event: exit0, expected: { error: WAITING } },
    { command: 'oom (no process)', event: oom, expected: { error: WAITING } },
  ],
  exited: [
    { command: 'start', event: start, expected: { status: 'running', exitCode: 0, events: ['network connect', 'start'] } },
    { command: 'stop', event: stop, expected: { noop: ALREADY_STOPPED } },
    { command: 'kill', event: kill, expected: { error: ERR.killNotRunning } },
    { command: 'kill -s SIGTERM', event: killTerm, expected: { error: ERR.killNotRunning } },
    { command: 'kill -s SIGHUP', event: killHup, expected: { error: ERR.killNotRunning } },
    { command: 'pause', event: pause, expected: { error: ERR.pauseNotRunning } },
    { command: 'unpause', event: unpause, expected: { error: ERR.notPaused } },
    {
      command: 'restart',
      event: restart,
      expected: { status: 'running', exitCode: 0, events: ['network connect', 'start', 'restart'] },
    },
    { command: 'rm', event: rm, expected: { status: 'removed', events: ['destroy'] } },
    { command: 'rm -f', event: rmForce, expected: { status: 'removed', events: ['destroy'] } },
    { command: 'exit 0', event: exit0, expected: { error: NO_PROCESS } },
    { command: 'oom', event: oom, expected: { error: NO_PROCESS } },
  ],
};

describe.each(Object.keys(TABLE) as SourceState[])('§2.3 from %s', (source) => {
  it.each(TABLE[source])('$command', ({ event, expected, input }) => {
    // Arrange
    const container = containerIn(source, input);
    const before = container.snapshot();
    const canBefore = before.can(event);
    const errorBefore = commandError(before, event);
    const outcomeBefore = outcomeOf(before, event);

    // Act
    const events = container.send(event);

    // Assert
    const after = container.snapshot();
    if ('status' in expected) {
      expect(canBefore).toBe(true);
      expect(errorBefore).toBeNull();
      expect(outcomeBefore).toEqual({ kind: 'ok' });
      expect(events).toEqual(expected.events);
      expect(container.inspect().Status).toBe(expected.status);
      if (expected.exitCode !== undefined) expect(container.inspect().ExitCode).toBe(expected.exitCode);
    } else {
      expect(canBefore).toBe(false);
      expect(events).toEqual([]);
      expect(after.value).toEqual(before.value);
      expect(after.context).toEqual(before.context);
      if ('noop' in expected) {
        expect(errorBefore).toBeNull();
        expect(outcomeBefore).toEqual({ kind: 'no-op', httpStatus: 304, message: expected.noop });
      } else {
        expect(errorBefore).toBe(expected.error);
        expect(outcomeBefore).toMatchObject({ kind: 'error', message: expected.error });
      }
    }
  });
});

describe('§2.3 HTTP statuses of the errors (§2.1)', () => {
  it.each([
    ['created', kill, 409],
    ['created', pause, 409],
    ['created', unpause, 500],
    ['running', rm, 409],
    ['paused', start, 409],
    ['paused', pause, 409],
    ['paused', rm, 409],
    ['restarting', pause, 409],
    ['restarting', rm, 409],
    ['exited', unpause, 500],
  ] as Array<[SourceState, ContainerEvent, number]>)('%s × %j → %i', (source, event, httpStatus) => {
    const container = containerIn(source);

    const outcome = outcomeOf(container.snapshot(), event);

    expect(outcome).toMatchObject({ kind: 'error', httpStatus });
  });
});

describe('§2.3 from restarting: the back-off timer', () => {
  it('fires after 100 ms: running, `network connect, start` and no `restart` event', () => {
    const container = containerIn('restarting');

    const before = container.advance(99);
    const events = container.advance(1);

    expect(before).toEqual([]);
    expect(events).toEqual(['network connect', 'start']);
    expect(container.inspect()).toMatchObject({ Status: 'running', ExitCode: 0 });
  });

  it('still fires after a `start` no-op (the pending auto-restart still happens)', () => {
    const container = containerIn('restarting');
    container.send(start);

    const events = container.advance(100);

    expect(events).toEqual(['network connect', 'start']);
    expect(container.inspect().Status).toBe('running');
  });
});

describe('§2.2 `docker stop` exit code depends on the process', () => {
  it.each([
    {
      name: "onStopSignal 'exits' (default action): 143",
      process: { onStopSignal: 'exits' as const },
      stop: { type: 'stop' as const },
      exitCode: 143,
      events: ['kill signal=15', 'network disconnect', 'die exitCode=143', 'stop'],
    },
    {
      name: "'graceful', exit 0 within the 10 s grace: 0, SIGTERM only",
      process: { onStopSignal: 'graceful' as const, shutdownMs: 2000, exitCode: 0 },
      stop: { type: 'stop' as const },
      exitCode: 0,
      events: ['kill signal=15', 'network disconnect', 'die exitCode=0', 'stop'],
    },
    {
      name: "'graceful', app code 42 within the grace: 42",
      process: { onStopSignal: 'graceful' as const, shutdownMs: 2000, exitCode: 42 },
      stop: { type: 'stop' as const },
      exitCode: 42,
      events: ['kill signal=15', 'network disconnect', 'die exitCode=42', 'stop'],
    },
    {
      name: "'graceful' 5 s shutdown with `stop -t 1`: SIGKILL after the grace, 137",
      process: { onStopSignal: 'graceful' as const, shutdownMs: 5000, exitCode: 0 },
      stop: { type: 'stop' as const, timeoutSeconds: 1 },
      exitCode: 137,
      events: ['kill signal=15', 'kill signal=9', 'network disconnect', 'die exitCode=137', 'stop'],
    },
    {
      name: "'graceful' 5 s shutdown with `stop -t 5`: finishes in time, 0",
      process: { onStopSignal: 'graceful' as const, shutdownMs: 5000, exitCode: 0 },
      stop: { type: 'stop' as const, timeoutSeconds: 5 },
      exitCode: 0,
      events: ['kill signal=15', 'network disconnect', 'die exitCode=0', 'stop'],
    },
    {
      name: "'graceful' 15 s shutdown with the default 10 s grace: 137",
      process: { onStopSignal: 'graceful' as const, shutdownMs: 15_000, exitCode: 0 },
      stop: { type: 'stop' as const },
      exitCode: 137,
      events: ['kill signal=15', 'kill signal=9', 'network disconnect', 'die exitCode=137', 'stop'],
    },
    {
      name: "'graceful' 15 s shutdown with `stop -t -1` (wait forever): 0",
      process: { onStopSignal: 'graceful' as const, shutdownMs: 15_000, exitCode: 0 },
      stop: { type: 'stop' as const, timeoutSeconds: -1 },
      exitCode: 0,
      events: ['kill signal=15', 'network disconnect', 'die exitCode=0', 'stop'],
    },
    {
      name: "'ignores' (PID 1 without a handler): SIGKILL after the grace, 137",
      process: { onStopSignal: 'ignores' as const },
      stop: { type: 'stop' as const },
      exitCode: 137,
      events: ['kill signal=15', 'kill signal=9', 'network disconnect', 'die exitCode=137', 'stop'],
    },
  ])('$name', ({ process, stop: stopEvent, exitCode, events }) => {
    const container = containerIn('running', { process });

    const emitted = container.send(stopEvent);

    expect(emitted).toEqual(events);
    expect(container.inspect()).toMatchObject({ Status: 'exited', ExitCode: exitCode });
  });

  it("a paused 'ignores' process gets kill 15, unpause, kill 9, then dies 137", () => {
    const container = containerIn('paused', { process: { onStopSignal: 'ignores' } });

    const emitted = container.send(stop);

    expect(emitted).toEqual(['kill signal=15', 'unpause', 'kill signal=9', 'network disconnect', 'die exitCode=137', 'stop']);
    expect(container.inspect()).toMatchObject({ Status: 'exited', ExitCode: 137 });
  });
});
