/**
 * The generated busy-host log (test/fixtures/generatedEventsLog.ts) replays to the
 * statuses the generator's own model predicts, with nothing flagged: the log is one the
 * app must take as Docker's. (The 50 000-event version runs in the browser test and the
 * bench; this one is small enough for the unit suite.)
 */
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';
import { Replay } from '../../../src/model/replay/replay';
import { busyHostLog } from '../../fixtures/generatedEventsLog';

describe('a generated busy-host log', () => {
  it('is deterministic, about 150 bytes an event, with exactly the events asked for', () => {
    const a = busyHostLog({ events: 2000, containers: 50 });
    expect(busyHostLog({ events: 2000, containers: 50 })).toEqual(a);
    expect(a.text.split('\n').filter(Boolean)).toHaveLength(2000);
    expect(a.text.length / 2000).toBeGreaterThan(120);
    expect(a.text.length / 2000).toBeLessThan(180);
    expect(busyHostLog({ events: 2000, containers: 50, seed: 3 }).text).not.toBe(a.text);
  });

  it('replays to the final statuses of its own model, nothing flagged or unread', () => {
    const { text, finalStatus } = busyHostLog({ events: 5000, containers: 100 });
    const log = parseEventsLog(text);
    expect(log.problems).toEqual([]);
    expect(log.events).toHaveLength(5000);
    const clock = new SimulatedClock();
    const replay = new Replay(log, { clock });
    replay.skipToEnd();
    const flagged = replay.getOutcomes().filter((o) => o.kind === 'flagged');
    expect(flagged).toEqual([]);
    const statuses = Object.fromEntries(replay.architecture.containers.map((c) => [c.name, replay.architecture.status(c.name)]));
    expect(statuses).toEqual(finalStatus);
    // The mix is a real one: every status is reached by some container.
    expect(new Set(Object.values(finalStatus))).toEqual(new Set(['running', 'paused', 'exited', 'removed']));
    replay.dispose();
  });
});
