/** The session store publishes a replay's new architecture when it seeks backwards. */
import { describe, expect, it } from 'vitest';
import { createSessionStore } from '../../../src/app/sessionStore';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';
import { Replay } from '../../../src/model/replay/replay';
import { scenarios } from '../../../machines';
import { BASIC, fixture } from './helpers';

function replayStore() {
  const store = createSessionStore({ kind: 'spec', spec: scenarios.ecommerce!, title: 'E-commerce' });
  const log = parseEventsLog(fixture(BASIC));
  store.load({ kind: 'replay', log, title: BASIC, start: (clock) => new Replay(log, { clock }) });
  let notified = 0;
  store.subscribe(() => notified++);
  return { store, notifications: () => notified };
}

describe('session store and replay', () => {
  it('starts with the replay architecture, empty', () => {
    const { store } = replayStore();
    const { session } = store.get();
    expect(session.replay).not.toBeNull();
    expect(session.architecture).toBe(session.replay!.architecture);
    expect(session.architecture.containers).toEqual([]);
    store.get().session.architecture.stop();
  });

  it('stepping forward keeps the same architecture and session', () => {
    const { store, notifications } = replayStore();
    const before = store.get();
    before.session.replay!.step();
    before.session.replay!.step();
    expect(store.get()).toBe(before);
    expect(notifications()).toBe(0);
    expect(store.get().session.architecture.status('test')).toBe('created');
  });

  it('seeking backwards publishes the rebuilt architecture, same generation and selection', () => {
    const { store, notifications } = replayStore();
    const before = store.get();
    const replay = before.session.replay!;
    before.session.selection.select('test');
    replay.skipToEnd();
    replay.seek(3);
    const after = store.get();
    expect(after).not.toBe(before);
    expect(after.generation).toBe(before.generation);
    expect(after.session.architecture).toBe(replay.architecture);
    expect(after.session.architecture).not.toBe(before.session.architecture);
    expect(after.session.architecture.status('test')).toBe('running');
    expect(after.session.selection).toBe(before.session.selection);
    expect(after.session.selection.get()).toBe('test');
    expect(notifications()).toBe(1);
    // A reset of the replay itself is followed too.
    replay.reset();
    expect(store.get().session.architecture).toBe(replay.architecture);
    expect(store.get().session.architecture.containers).toEqual([]);
  });

  it('Reset and load start a new replay; the old one is no longer followed', () => {
    const { store } = replayStore();
    const old = store.get().session.replay!;
    store.reset();
    const fresh = store.get();
    expect(fresh.session.replay).not.toBe(old);
    expect(fresh.session.replay!.position).toBe(0);
    fresh.session.replay!.skipToEnd();
    fresh.session.replay!.seek(1);
    expect(store.get().session.architecture).toBe(fresh.session.replay!.architecture);
    store.load({ kind: 'spec', spec: scenarios.ecommerce!, title: 'E-commerce' });
    expect(store.get().session.replay).toBeNull();
    expect(store.get().session.architecture.containers).toHaveLength(10);
    store.get().session.architecture.stop();
  });
});
