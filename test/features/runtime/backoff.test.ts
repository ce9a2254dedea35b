/**
 * A crash-looping container: `restarting`, RestartCount, and the next policy start
 * computed from `finishedAt` + `restartDelayMs` on the simulated clock (100 ms doubling).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dockerStatus } from '../../../machines';
import { backoffText, nextStartAt, nextStartText } from '../../../src/model/runtime/restartBackoff';
import { simulate, type Simulated } from './helpers';

let sim: Simulated | undefined;
afterEach(() => {
  sim?.architecture.stop();
  sim = undefined;
});

function facts(s: Simulated, name: string) {
  const snapshot = s.snapshot(name);
  return { status: dockerStatus(snapshot), finishedAt: snapshot.context.finishedAt, restartDelayMs: snapshot.context.restartDelayMs };
}

describe('next back-off', () => {
  it('is null unless restarting', () => {
    expect(nextStartAt({ status: 'running', finishedAt: 5, restartDelayMs: 100 })).toBeNull();
    expect(nextStartText({ status: 'exited', finishedAt: 5, restartDelayMs: 100 }, 6)).toBeNull();
    expect(nextStartAt({ status: 'restarting', finishedAt: null, restartDelayMs: 100 })).toBeNull();
  });

  it('counts down from the exit, then says starting… once due', () => {
    const f = { status: 'restarting' as const, finishedAt: 1_000, restartDelayMs: 400 };
    expect(nextStartAt(f)).toBe(1_400);
    expect(nextStartText(f, 1_000)).toBe('next start in 400 ms');
    expect(nextStartText(f, 1_250)).toBe('next start in 150 ms');
    expect(nextStartText(f, 1_400)).toBe('starting…');
    expect(backoffText(400)).toBe('back-off 400 ms');
    expect(backoffText(1600)).toBe('back-off 1.6 s');
  });

  it('follows a crash loop under `always`: 100, 200, 400 ms, RestartCount 1, 2, 3', async () => {
    sim = simulate();
    const { architecture } = sim;
    architecture.send('redis', { type: 'update', restartPolicy: 'always' });
    const seen: Array<[string, number, string | null]> = [];
    for (let i = 0; i < 3; i++) {
      architecture.send('redis', { type: 'exit', exitCode: 1 });
      const f = facts(sim, 'redis');
      seen.push([f.status, sim.snapshot('redis').context.restartCount, nextStartText(f, sim.clock.now())]);
      await sim.advance(f.restartDelayMs);
      expect(dockerStatus(sim.snapshot('redis'))).toBe('running');
    }
    expect(seen).toEqual([
      ['restarting', 1, 'next start in 100 ms'],
      ['restarting', 2, 'next start in 200 ms'],
      ['restarting', 3, 'next start in 400 ms'],
    ]);
  });

  it('Paused speed freezes the countdown: nothing moves until time advances', async () => {
    sim = simulate();
    sim.architecture.send('redis', { type: 'update', restartPolicy: 'on-failure:2' });
    sim.architecture.send('redis', { type: 'exit', exitCode: 3 });
    const f = facts(sim, 'redis');
    // No increment = a paused clock.
    expect(nextStartText(f, sim.clock.now())).toBe('next start in 100 ms');
    expect(dockerStatus(sim.snapshot('redis'))).toBe('restarting');
    await sim.advance(50);
    expect(nextStartText(facts(sim, 'redis'), sim.clock.now())).toBe('next start in 50 ms');
    await sim.advance(50);
    expect(dockerStatus(sim.snapshot('redis'))).toBe('running');
  });
});
