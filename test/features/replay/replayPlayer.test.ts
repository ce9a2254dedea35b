import { describe, expect, it } from 'vitest';
import { MAX_SPEED_SLICE_MS, ReplayPlayer, parseSpeed, REPLAY_SPEEDS } from '../../../src/features/replay/replayPlayer';
import { REPLAY_MAX_GAP_MS } from '../../../src/model/replay/replay';
import { BASIC, fakeTimers, fixture, line, replayOf } from './helpers';

function setup(text = fixture(BASIC), costPerNow = 0) {
  const replay = replayOf(text);
  const timers = fakeTimers(costPerNow);
  const player = new ReplayPlayer(replay, timers);
  let notified = 0;
  const unsubscribe = player.subscribe(() => notified++);
  return { replay, timers, player, notifications: () => notified, unsubscribe };
}

const status = (replay: ReturnType<typeof replayOf>, name: string) => replay.architecture.status(name);

describe('ReplayPlayer', () => {
  it('starts paused at 0 with the log length', () => {
    const { player } = setup();
    expect(player.getState()).toEqual({ playing: false, speed: 1, position: 0, length: 7, done: false, flagged: 0 });
  });

  it('Step applies exactly one event at a time', () => {
    const { player, replay } = setup();
    player.step();
    expect([player.getState().position, status(replay, 'test')]).toEqual([1, 'created']);
    player.step(); // network connect: shown only
    player.step();
    expect([player.getState().position, status(replay, 'test')]).toEqual([3, 'running']);
    player.step(); // kill: a signal only
    player.step();
    expect(status(replay, 'test')).toBe('exited');
  });

  it('Play waits the recorded gaps (capped) and stops at the end', () => {
    const { player, timers, replay } = setup();
    player.play();
    expect(player.getState().playing).toBe(true);
    // No event before the first: a short fixed pause.
    expect(timers.delays).toEqual([300]);
    timers.advance(300);
    expect(player.getState().position).toBe(1);
    // create → network connect: 5.84 s recorded, capped.
    expect(timers.delays.at(-1)).toBe(REPLAY_MAX_GAP_MS);
    timers.advance(REPLAY_MAX_GAP_MS);
    expect(player.getState().position).toBe(2);
    // network connect → start: 91.4 ms.
    expect(timers.delays.at(-1)).toBeCloseTo(91.4, 0);
    timers.advance(60_000);
    expect(player.getState()).toMatchObject({ playing: false, done: true, position: 7 });
    expect(status(replay, 'test')).toBe('exited');
    expect(timers.pending()).toBe(0);
  });

  it('divides the gaps by the speed', () => {
    const { player, timers } = setup();
    player.setSpeed(20);
    player.play();
    timers.advance(15); // 300 / 20
    expect(player.getState().position).toBe(1);
    expect(timers.delays.at(-1)).toBeCloseTo(5843.5 / 20, 0);
  });

  it('a speed change while playing restarts the wait at the new speed', () => {
    const { player, timers } = setup();
    player.play();
    timers.advance(300);
    player.setSpeed(0.5);
    expect(timers.pending()).toBe(1);
    expect(timers.delays.at(-1)).toBe(REPLAY_MAX_GAP_MS);
    player.setSpeed(5);
    expect(timers.pending()).toBe(1);
    expect(timers.delays.at(-1)).toBeCloseTo(5843.5 / 5, 0);
  });

  it('Pause stops the timer and keeps the position', () => {
    const { player, timers } = setup();
    player.play();
    timers.advance(300);
    player.pause();
    expect(player.getState()).toMatchObject({ playing: false, position: 1 });
    expect(timers.pending()).toBe(0);
    timers.advance(60_000);
    expect(player.getState().position).toBe(1);
    player.pause(); // idempotent
    expect(player.getState().playing).toBe(false);
  });

  it('Step and Skip to end pause first', () => {
    const { player, timers } = setup();
    player.play();
    player.step();
    expect(player.getState()).toMatchObject({ playing: false, position: 1 });
    expect(timers.pending()).toBe(0);
    player.play();
    player.skipToEnd();
    expect(player.getState()).toMatchObject({ playing: false, position: 7, done: true });
    expect(timers.pending()).toBe(0);
  });

  it('Play does nothing at the end', () => {
    const { player, timers } = setup();
    player.skipToEnd();
    player.play();
    expect(player.getState().playing).toBe(false);
    expect(timers.pending()).toBe(0);
  });

  it('seeking while playing goes on playing from there; seeking to the end stops', () => {
    const { player, timers, replay } = setup();
    player.play();
    player.seek(3);
    expect(player.getState()).toMatchObject({ playing: true, position: 3 });
    expect(status(replay, 'test')).toBe('running');
    expect(timers.pending()).toBe(1);
    player.seek(1); // backwards: the replay rebuilds
    expect(player.getState()).toMatchObject({ playing: true, position: 1 });
    expect(status(replay, 'test')).toBe('created');
    player.seek(7);
    expect(player.getState()).toMatchObject({ playing: false, done: true });
    expect(timers.pending()).toBe(0);
  });

  it('"as fast as possible" plays in slices without waiting', () => {
    const many = [line(1, 'create'), line(2, 'start')];
    for (let i = 0; i < 100; i++) many.push(line(3, 'exec_create: true'));
    const { player, timers } = setup(many.join('\n'), 1);
    player.setSpeed('max');
    player.play();
    expect(timers.delays).toEqual([0]);
    timers.advance(0);
    // One slice: about MAX_SPEED_SLICE_MS of work (1 ms per clock read here), not everything.
    const afterOne = player.getState().position;
    expect(afterOne).toBeGreaterThan(1);
    expect(afterOne).toBeLessThanOrEqual(MAX_SPEED_SLICE_MS + 1);
    timers.advance(1000);
    expect(player.getState()).toMatchObject({ position: 102, done: true, playing: false });
    expect(timers.delays.every((d) => d === 0)).toBe(true);
  });

  it('counts flagged events, and counts again after going back', () => {
    const { player } = setup([line(1, 'create'), line(2, 'start'), line(3, 'unpause'), line(4, 'die', 'exitCode=0, image=alpine, name=web')].join('\n'));
    player.step();
    player.step();
    expect(player.getState().flagged).toBe(0);
    player.step();
    expect(player.getState().flagged).toBe(1);
    player.skipToEnd();
    expect(player.getState()).toMatchObject({ flagged: 1, done: true, length: 4 });
    player.seek(2);
    expect(player.getState().flagged).toBe(0);
  });

  it('notifies on changes made on the replay directly (e.g. by an embed), and only on changes', () => {
    const { player, replay, notifications, unsubscribe } = setup();
    const before = player.getState();
    expect(player.getState()).toBe(before); // same object while nothing changes
    replay.step();
    expect(player.getState().position).toBe(1);
    expect(notifications()).toBe(1);
    player.pause(); // nothing to pause
    expect(notifications()).toBe(1);
    unsubscribe();
    replay.step();
    expect(notifications()).toBe(1);
  });

  it('offers the five speeds and parses select values', () => {
    expect(REPLAY_SPEEDS.map((s) => s.label)).toEqual(['0.5×', '1×', '5×', '20×', 'As fast as possible']);
    expect(parseSpeed('0.5')).toBe(0.5);
    expect(parseSpeed('20')).toBe(20);
    expect(parseSpeed('max')).toBe('max');
    expect(parseSpeed('nonsense')).toBe(1);
  });
});
