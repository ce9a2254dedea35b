/**
 * `commandError(snapshot, event)` (docs/contracts.md §1): Docker's error text for a command in
 * a state, `null` when Docker accepts it (including 304 no-ops). Pure; never throws.
 * Texts: docs/docker-behaviour.md §2.3 / §2.4 (v29).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commandError,
  commandOutcome,
  disabledReason,
  outcomeOf,
  type ContainerEvent,
  type ContainerInput,
  type DockerStatus,
  type RestartPolicy,
} from '../../machines';
import { COMMANDS, containerIn, ID, NAME, SOURCE_STATES, type Container, type SourceState } from './containerDriver';

type State = SourceState | 'removed';
const STATES: readonly State[] = [...SOURCE_STATES, 'removed'];

/** A container in `state`; `removed` is an exited container after `docker rm`. */
function containerAt(state: State, input: Partial<ContainerInput> = {}): Container {
  if (state !== 'removed') return containerIn(state, input);
  const container = containerIn('exited', input);
  container.send({ type: 'remove' });
  return container;
}


/** Any well-typed event, with odd but type-correct values (bad signals, exit codes, timeouts). */
const anyEvent: fc.Arbitrary<ContainerEvent> = fc.oneof(
  fc.constantFrom<ContainerEvent>({ type: 'start' }, { type: 'pause' }, { type: 'unpause' }, { type: 'oom' }, { type: 'daemon.restore' }),
  fc.record({ type: fc.constant('stop' as const), timeoutSeconds: fc.option(fc.integer({ min: -2, max: 30 }), { nil: undefined }) }),
  fc.record({ type: fc.constant('restart' as const), timeoutSeconds: fc.option(fc.integer({ min: -2, max: 30 }), { nil: undefined }) }),
  fc.record({
    type: fc.constant('kill' as const),
    signal: fc.option(fc.oneof(fc.constantFrom('SIGTERM', 'TERM', 'sigkill', '15', '0', '65', 'NOPE', ''), fc.string()), {
      nil: undefined,
    }),
  }),
  fc.record({ type: fc.constant('remove' as const), force: fc.option(fc.boolean(), { nil: undefined }) }),
  fc.record({ type: fc.constant('exit' as const), exitCode: fc.oneof(fc.integer({ min: -300, max: 300 }), fc.double()) }),
  fc.record({ type: fc.constant('probe' as const), result: fc.constantFrom('pass' as const, 'fail' as const) }),
  fc.record({
    type: fc.constant('update' as const),
    restartPolicy: fc.constantFrom('no', 'always', 'on-failure:2', 'always:3', 'sometimes') as fc.Arbitrary<RestartPolicy>,
  }),
);

describe('never throws; agrees with can() and send()', () => {
  it('for any state × any well-typed event: a string or null, null whenever can() is true, rejected sends change nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATES), anyEvent, (state, event) => {
        const container = containerAt(state);
        const before = container.snapshot();

        const error = commandError(before, event);
        const can = before.can(event);
        // A removed container's actor is done: XState drops (and warns about) any event sent to it.
        const events = before.status === 'done' ? [] : container.send(event);

        expect(error === null || (typeof error === 'string' && error.length > 0)).toBe(true);
        if (can) expect(error).toBeNull();
        if (error !== null) expect(can).toBe(false);
        if (!can) {
          expect(events).toEqual([]);
          expect(container.snapshot().value).toEqual(before.value);
          expect(container.snapshot().context).toEqual(before.context);
        }
        expect(container.snapshot().status).not.toBe('error');
      }),
      { numRuns: 300 },
    );
  });

  it('can() is exactly "the daemon answers ok", and send() acts exactly then (the guards ask commandOutcome)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATES), fc.oneof(anyEvent, fc.constantFrom(...COMMANDS)), (state, event) => {
        const container = containerAt(state);
        const before = container.snapshot();
        const ok = outcomeOf(before, event).kind === 'ok';
        expect(before.can(event)).toBe(ok);
        expect(commandError(before, event) === null).toBe(outcomeOf(before, event).kind !== 'error');
        if (before.status === 'done') return;
        const events = container.send(event);
        const after = container.snapshot();
        const changed = events.length > 0 || after.value !== before.value || after.context !== before.context;
        // `daemon.restore` re-arms a timer (the back-off, the health monitor): nothing in the snapshot moves.
        if ((event as { type: string }).type !== 'daemon.restore') expect(changed).toBe(ok);
      }),
      { numRuns: 500 },
    );
  });

  it.each(STATES)('%s: disabledReason() is null exactly when can() is true, for every command', (state) => {
    const snapshot = containerAt(state).snapshot();

    for (const event of COMMANDS) {
      expect({ event, disabled: disabledReason(snapshot, event) !== null }).toEqual({ event, disabled: !snapshot.can(event) });
    }
  });

  // Regression (found by this file, fixed in machines/): docs/contracts.md §1 "Pure; never throws".
  // Events can arrive untyped (postMessage, docs/contracts.md §5); they used to throw a TypeError.
  it.each([
    ['an unknown type', { type: 'bogus' }, 'unknown command: bogus'],
    ['no type', {}, 'unknown command: null'],
    ['a numeric signal', { type: 'kill', signal: 15 }, 'Invalid signal: 15'],
    ['a null signal', { type: 'kill', signal: null }, 'Invalid signal: null'],
  ])('junk (%s) is answered, not thrown; can() is false and nothing changes', (_, junk, message) => {
    const container = containerAt('running');
    const event = junk as unknown as ContainerEvent;

    const error = commandError(container.snapshot(), event);
    const can = container.snapshot().can(event);
    // XState itself crashes an actor sent an event without a string `type`: callers
    // (postMessage, docs/contracts.md §5) must check that before `send`.
    const events = typeof event.type === 'string' ? container.send(event) : [];

    expect(error).toBe(message);
    expect(can).toBe(false);
    expect(events).toEqual([]);
    expect(container.snapshot().status).toBe('active');
  });
});

describe('invalid input', () => {
  it.each(SOURCE_STATES)('%s: `kill -s NOPE` → Invalid signal: NOPE, can() false, nothing changes', (state) => {
    const container = containerAt(state);
    const before = container.snapshot();
    const event: ContainerEvent = { type: 'kill', signal: 'NOPE' };

    const error = commandError(before, event);
    const events = container.send(event);

    expect(error).toBe('Invalid signal: NOPE');
    expect(outcomeOf(before, event)).toMatchObject({ kind: 'error', httpStatus: 400 });
    expect(before.can(event)).toBe(false);
    expect(events).toEqual([]);
    expect(container.snapshot().context).toEqual(before.context);
  });

  it.each(['0', '65', 'SIGFOO', '-9'])('`kill -s %s` is an invalid signal', (signal) => {
    const snapshot = containerAt('running').snapshot();

    expect(commandError(snapshot, { type: 'kill', signal })).toBe(`Invalid signal: ${signal}`);
    expect(snapshot.can({ type: 'kill', signal })).toBe(false);
  });

  it.each(['SIGTERM', 'TERM', 'sigterm', '15'])('`kill -s %j` is SIGTERM', (signal) => {
    const container = containerAt('running');

    expect(commandError(container.snapshot(), { type: 'kill', signal })).toBeNull();
    expect(container.send({ type: 'kill', signal })[0]).toBe('kill signal=15');
  });

  it.each([256, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('exit code %d is rejected by can() and changes nothing', (exitCode) => {
    const container = containerAt('running');
    const before = container.snapshot();

    const can = before.can({ type: 'exit', exitCode });
    const error = commandError(before, { type: 'exit', exitCode });
    const events = container.send({ type: 'exit', exitCode });

    expect(can).toBe(false);
    expect(error).toBe(`invalid exit code: ${exitCode} (0 to 255)`);
    expect(events).toEqual([]);
    expect(container.snapshot().value).toEqual(before.value);
    expect(container.inspect().ExitCode).toBe(0);
  });

  it.each([0, 255])('exit code %i is accepted', (exitCode) => {
    const container = containerAt('running');

    expect(container.snapshot().can({ type: 'exit', exitCode })).toBe(true);
    expect(container.send({ type: 'exit', exitCode })).toEqual(['network disconnect', `die exitCode=${exitCode}`]);
  });
});

describe('304 Not Modified is not an error', () => {
  it.each([
    ['running', { type: 'start' }, 'container is already running'],
    ['restarting', { type: 'start' }, 'container is already running'],
    ['created', { type: 'stop' }, 'container is already stopped'],
    ['exited', { type: 'stop' }, 'container is already stopped'],
    ['removed', { type: 'remove', force: true }, `No such container: ${NAME}`],
  ] as Array<[State, ContainerEvent, string]>)('%s × %j → null (304 "%s")', (state, event, message) => {
    const snapshot = containerAt(state).snapshot();

    expect(commandError(snapshot, event)).toBeNull();
    expect(outcomeOf(snapshot, event)).toEqual({ kind: 'no-op', httpStatus: 304, message });
    expect(snapshot.can(event)).toBe(false);
  });
});

describe('removed: the container no longer exists', () => {
  it.each(COMMANDS.filter((e) => !(e.type === 'remove' && e.force) && e.type !== 'kill'))(
    '%j → No such container, can() false',
    (event) => {
      const snapshot = containerAt('removed').snapshot();

      expect(commandError(snapshot, event)).toBe(`No such container: ${NAME}`);
      expect(snapshot.can(event)).toBe(false);
    },
  );

  // Issue 14, found by the differential suite against a real engine: the kill route wraps
  // the backend's 404 like any other error (moby `postContainersKill`: "cannot kill container: %s").
  it.each(COMMANDS.filter((e) => e.type === 'kill'))('%j → cannot kill container: NAME: No such container: NAME', (event) => {
    const snapshot = containerAt('removed').snapshot();

    expect(commandError(snapshot, event)).toBe(`cannot kill container: ${NAME}: No such container: ${NAME}`);
    expect(outcomeOf(snapshot, event)).toMatchObject({ kind: 'error', httpStatus: 404 });
    expect(snapshot.can(event)).toBe(false);
  });

  it('`rm -f` → null: the CLI ignores a missing container', () => {
    expect(commandError(containerAt('removed').snapshot(), { type: 'remove', force: true })).toBeNull();
  });

  // Regression (found by this file, fixed in machines/): `probe` and `update` were root-level
  // transitions, so can() stayed true in the final `removed` state while commandError said
  // "No such container" (docs/contracts.md §1: can() is true exactly for commands that change something).
  it('the health `probe` knob is not enabled on a removed container', () => {
    const snapshot = containerAt('removed', { healthcheck: { test: 'true' } }).snapshot();
    const event: ContainerEvent = { type: 'probe', result: 'fail' };

    expect(commandError(snapshot, event)).toBe(`No such container: ${NAME}`);
    expect(snapshot.can(event)).toBe(false);
  });

  it('`docker update --restart` is not enabled on a removed container', () => {
    const snapshot = containerAt('removed').snapshot();
    const event: ContainerEvent = { type: 'update', restartPolicy: 'always' };

    expect(commandError(snapshot, event)).toBe(`No such container: ${NAME}`);
    expect(snapshot.can(event)).toBe(false);
  });
});

describe('dead / removing (§2.3; not reachable in the machine, answered by commandOutcome)', () => {
  const subject = (status: DockerStatus) => ({ status, id: ID, name: NAME });

  it.each([
    ['dead', { type: 'start' }, 'error', 'container is marked for removal and cannot be started'],
    ['dead', { type: 'stop' }, 'no-op', 'container is already stopped'],
    ['dead', { type: 'kill' }, 'error', `cannot kill container: ${NAME}: container ${ID} is not running`],
    ['dead', { type: 'pause' }, 'error', `container ${ID} is not running`],
    ['dead', { type: 'unpause' }, 'error', `Container ${ID} is not paused`],
    ['dead', { type: 'restart' }, 'error', `Cannot restart container ${NAME}: container is marked for removal and cannot be started`],
    ['removing', { type: 'remove' }, 'error', `removal of container ${NAME} is already in progress`],
    ['removing', { type: 'start' }, 'error', 'container is marked for removal and cannot be started'],
  ] as Array<[DockerStatus, ContainerEvent, string, string]>)('%s × %j → %s "%s"', (status, event, kind, message) => {
    expect(commandOutcome(subject(status), event)).toMatchObject({ kind, message });
  });

  it.each([{ type: 'remove' }, { type: 'remove', force: true }] as ContainerEvent[])('dead × %j is accepted (cleanup retried)', (event) => {
    expect(commandOutcome(subject('dead'), event)).toEqual({ kind: 'ok' });
  });
});
