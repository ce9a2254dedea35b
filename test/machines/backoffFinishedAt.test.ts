/**
 * Issue 14, found against a real engine (Engine 20.10, same code in v29): `docker stop` or
 * `docker kill` during the restart back-off moves `FinishedAt` to the exit time containerd
 * recorded. While restarting, FinishedAt is when Docker handled the exit (`SetRestarting`:
 * `time.Now()`); when the cancelled restart manager lets the monitor call
 * `SetStopped(&exitStatus)`, FinishedAt becomes `exitStatus.ExitedAt` (moby
 * `daemon/container/state.go`, `daemon/monitor.go`). Measured: 12.143676 s → 12.105955 s.
 */
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { containerMachine, inspectState, type ContainerEvent } from '../../machines';

const T0 = Date.UTC(2026, 11, 7, 18, 56, 9);

function crashLooping() {
  const clock = new SimulatedClock();
  clock.set(T0);
  const actor = createActor(containerMachine, { input: { name: 'web', image: 'busybox', restartPolicy: 'always' }, clock }).start();
  actor.send({ type: 'start' });
  clock.increment(1000);
  // containerd saw the exit 38 ms before Docker handled it.
  actor.send({ type: 'exit', exitCode: 3, exitedAt: T0 + 962 });
  return { actor, clock };
}

describe('FinishedAt during the restart back-off', () => {
  it('is the time Docker handled the exit while restarting', () => {
    const { actor } = crashLooping();
    const state = inspectState(actor.getSnapshot());

    expect(state.Status).toBe('restarting');
    expect(state.FinishedAt).toBe('2026-12-07T18:56:10Z');
  });

  it.each<ContainerEvent>([{ type: 'stop', timeoutSeconds: 1 }, { type: 'kill' }, { type: 'kill', signal: 'SIGTERM' }])(
    '%j in back-off moves it to the exit time containerd recorded',
    (command) => {
      const { actor, clock } = crashLooping();
      clock.increment(50);
      actor.send(command);
      const state = inspectState(actor.getSnapshot());

      expect(state.Status).toBe('exited');
      expect(state.FinishedAt).toBe('2026-12-07T18:56:09.962Z');
      expect(state.ExitCode).toBe(3);
    },
  );

  it('a process that exits without a restart gets the containerd time at once (SetStopped)', () => {
    const clock = new SimulatedClock();
    clock.set(T0);
    const actor = createActor(containerMachine, { input: { name: 'web', image: 'busybox' }, clock }).start();
    actor.send({ type: 'start' });
    clock.increment(1000);
    actor.send({ type: 'exit', exitCode: 3, exitedAt: T0 + 962 });

    expect(inspectState(actor.getSnapshot()).FinishedAt).toBe('2026-12-07T18:56:09.962Z');
  });

  it('without a recorded exit time, FinishedAt stays the time of the exit event', () => {
    const { actor: plain, clock } = (() => {
      const clock = new SimulatedClock();
      clock.set(T0);
      const actor = createActor(containerMachine, { input: { name: 'web', image: 'busybox', restartPolicy: 'always' }, clock }).start();
      actor.send({ type: 'start' });
      clock.increment(1000);
      actor.send({ type: 'exit', exitCode: 3 });
      return { actor, clock };
    })();
    clock.increment(50);
    plain.send({ type: 'stop' });

    expect(inspectState(plain.getSnapshot()).FinishedAt).toBe('2026-12-07T18:56:10Z');
  });
});
