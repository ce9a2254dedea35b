/**
 * `inspectState(snapshot)`: `docker inspect` `.State` values per status
 * (docs/docker-behaviour.md §1.4; docs/contracts.md §1).
 */
import { describe, expect, it } from 'vitest';
import { formatDockerTime, ZERO_TIME } from '../../machines';
import { containerIn, createContainer, SOURCE_EXIT_CODE, T0 } from './containerDriver';

/** Unix ms of an RFC 3339 `StartedAt`/`FinishedAt`. */
const ms = (rfc3339: string) => Date.parse(rfc3339);

describe('§1.4 .State per status', () => {
  it('created: nothing running, zero times, no Health', () => {
    const container = createContainer();

    const state = container.inspect();

    expect(state).toEqual({
      Status: 'created',
      Running: false,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: 0,
      ExitCode: 0,
      Error: '',
      StartedAt: '0001-01-01T00:00:00Z',
      FinishedAt: '0001-01-01T00:00:00Z',
    });
    expect('Health' in state).toBe(false);
  });

  it('running: Running, a host Pid, ExitCode 0, StartedAt = the start, FinishedAt zero on the first run', () => {
    const container = createContainer();
    container.advance(1000);

    container.send({ type: 'start' });
    const state = container.inspect();

    expect(state).toMatchObject({ Status: 'running', Running: true, Paused: false, Restarting: false, Dead: false });
    expect(state).toMatchObject({ ExitCode: 0, Error: '', OOMKilled: false, FinishedAt: ZERO_TIME });
    expect(Number.isInteger(state.Pid) && state.Pid > 0).toBe(true);
    expect(ms(state.StartedAt)).toBe(T0 + 1000);
  });

  it('paused: Running and Paused both true, Pid and StartedAt unchanged', () => {
    const container = containerIn('running');
    const running = container.inspect();
    container.advance(5000);

    container.send({ type: 'pause' });
    const state = container.inspect();

    expect(state).toMatchObject({ Status: 'paused', Running: true, Paused: true, Restarting: false, ExitCode: 0 });
    expect(state.Pid).toBe(running.Pid);
    expect(state.StartedAt).toBe(running.StartedAt);
    expect(state.FinishedAt).toBe(ZERO_TIME);
  });

  it('restarting: Running and Restarting true, Pid 0, ExitCode and FinishedAt of the run that just ended', () => {
    const container = createContainer({ restartPolicy: 'always' });
    container.advance(1000);
    container.send({ type: 'start' });
    container.advance(2500);

    container.send({ type: 'exit', exitCode: 7 });
    const state = container.inspect();

    expect(state).toMatchObject({ Status: 'restarting', Running: true, Paused: false, Restarting: true, Pid: 0, ExitCode: 7 });
    expect(ms(state.StartedAt)).toBe(T0 + 1000);
    expect(ms(state.FinishedAt)).toBe(T0 + 3500);
  });

  it('exited: nothing running, Pid 0, last exit code, last start and exit times', () => {
    const container = createContainer();
    container.advance(1000);
    container.send({ type: 'start' });
    container.advance(4000);

    container.send({ type: 'exit', exitCode: SOURCE_EXIT_CODE });
    const state = container.inspect();

    expect(state).toMatchObject({ Status: 'exited', Running: false, Paused: false, Restarting: false, Pid: 0 });
    expect(state.ExitCode).toBe(SOURCE_EXIT_CODE);
    expect(ms(state.StartedAt)).toBe(T0 + 1000);
    expect(ms(state.FinishedAt)).toBe(T0 + 5000);
  });

  it("removed: Status 'removed' (docs/contracts.md §1), nothing running", () => {
    const container = containerIn('running');

    container.send({ type: 'remove', force: true });

    expect(container.inspect()).toMatchObject({ Status: 'removed', Running: false, Paused: false, Restarting: false, Pid: 0 });
  });

  it.each(['created', 'running', 'paused', 'restarting', 'exited'] as const)('%s: Dead false, Error ""', (source) => {
    const state = containerIn(source).inspect();

    expect(state.Dead).toBe(false);
    expect(state.Error).toBe('');
  });
});

describe('§1.4 fields across runs', () => {
  it('the Pid changes on every start (manual start, restart, restart policy) and survives pause/unpause', () => {
    const container = createContainer({ restartPolicy: 'always' });
    const pids: number[] = [];
    container.send({ type: 'start' });
    pids.push(container.inspect().Pid);
    container.send({ type: 'pause' });
    container.send({ type: 'unpause' });
    const afterUnpause = container.inspect().Pid;
    container.send({ type: 'stop' });
    container.send({ type: 'start' });
    pids.push(container.inspect().Pid);
    container.send({ type: 'restart' });
    pids.push(container.inspect().Pid);
    container.send({ type: 'exit', exitCode: 1 });
    container.advance(100);
    pids.push(container.inspect().Pid);

    expect(afterUnpause).toBe(pids[0]);
    expect(new Set(pids).size).toBe(4);
    expect(pids.every((pid) => pid > 0)).toBe(true);
  });

  it('StartedAt is the latest start; FinishedAt keeps the previous exit while running again', () => {
    const container = createContainer();
    container.advance(1000);
    container.send({ type: 'start' });
    container.advance(1000);
    container.send({ type: 'stop' });
    container.advance(1000);

    container.send({ type: 'start' });
    const state = container.inspect();

    expect(state.Status).toBe('running');
    expect(ms(state.StartedAt)).toBe(T0 + 3000);
    expect(ms(state.FinishedAt)).toBe(T0 + 2000);
  });

  it('`docker restart` records the stop phase: FinishedAt = StartedAt = the restart time', () => {
    const container = containerIn('running');
    container.advance(10_000);

    container.send({ type: 'restart' });
    const state = container.inspect();

    expect(ms(state.StartedAt)).toBe(container.clock.now());
    expect(ms(state.FinishedAt)).toBe(container.clock.now());
  });

  it('ExitCode is reset to 0 by start and by restart', () => {
    const started = containerIn('exited');
    const restarted = containerIn('exited');

    started.send({ type: 'start' });
    restarted.send({ type: 'restart' });

    expect(started.inspect().ExitCode).toBe(0);
    expect(restarted.inspect().ExitCode).toBe(0);
  });

  it('OOMKilled is true after an OOM kill and reset by the next start', () => {
    const container = containerIn('running');

    container.send({ type: 'oom' });
    const killed = container.inspect();
    container.send({ type: 'start' });

    expect(killed).toMatchObject({ Status: 'exited', OOMKilled: true, ExitCode: 137 });
    expect(container.inspect()).toMatchObject({ Status: 'running', OOMKilled: false, ExitCode: 0 });
  });

  it('OOMKilled stays true through restarting and is reset by the policy start', () => {
    const container = containerIn('running', { restartPolicy: 'always' });

    container.send({ type: 'oom' });
    const restarting = container.inspect();
    container.advance(100);

    expect(restarting).toMatchObject({ Status: 'restarting', OOMKilled: true, ExitCode: 137 });
    expect(container.inspect()).toMatchObject({ Status: 'running', OOMKilled: false, ExitCode: 0 });
  });

  it('OOMKilled is not set by other deaths (kill, stop, crash)', () => {
    const killed = containerIn('running');
    const stopped = containerIn('running');
    const crashed = containerIn('running');

    killed.send({ type: 'kill' });
    stopped.send({ type: 'stop' });
    crashed.send({ type: 'exit', exitCode: 137 });

    expect([killed, stopped, crashed].map((c) => c.inspect().OOMKilled)).toEqual([false, false, false]);
  });
});

describe('§1.4 time format (Go `time.RFC3339Nano`)', () => {
  it('the zero time is 0001-01-01T00:00:00Z', () => {
    expect(ZERO_TIME).toBe('0001-01-01T00:00:00Z');
    expect(formatDockerTime(null)).toBe('0001-01-01T00:00:00Z');
  });

  it('StartedAt is RFC 3339 UTC with at most 9 fraction digits', () => {
    const container = createContainer();
    container.advance(1250);

    container.send({ type: 'start' });

    expect(container.inspect().StartedAt).toMatch(/^2026-11-29T12:00:01(\.\d{1,9})?Z$/);
    expect(ms(container.inspect().StartedAt)).toBe(T0 + 1250);
  });

  // Regression (found by this file, fixed in machines/): Go's RFC3339Nano layout
  // ".999999999" drops trailing zeros, so Docker prints …01.25Z, not …01.250000000Z
  // (docs/docker-behaviour.md §1.4 "Format(time.RFC3339Nano)"; also why the zero time has no fraction).
  it('StartedAt drops trailing fraction zeros like Go (…01.25Z, …02Z)', () => {
    const container = createContainer();
    container.advance(1250);
    container.send({ type: 'start' });
    const first = container.inspect().StartedAt;
    container.send({ type: 'stop' });
    container.advance(750);

    container.send({ type: 'start' });

    expect(first).toBe('2026-11-29T12:00:01.25Z');
    expect(container.inspect().StartedAt).toBe('2026-11-29T12:00:02Z');
  });
});
