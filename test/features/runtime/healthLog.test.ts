/**
 * Health checks in the log: probes add `exec_create/exec_start/exec_die` every interval;
 * the log hides them by default (daemon entries with only exec events disappear) and
 * always keeps `health_status` changes. Uses a spec with one health check (postgres)
 * so the probe schedule is easy to follow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inspectState, type LogEntry } from '../../../machines';
import { isExecEvent, visibleEntries, withoutExecEvents } from '../../../src/features/log/healthExecFilter';
import { healthIcon, healthPsText } from '../../../src/model/runtime/healthText';
import { psStatus } from '../../../src/model/status/psStatus';
import { simulate, withHealthchecks, type Simulated } from './helpers';

const PG = 'pg_isready -U shop -d shop';

let sim: Simulated | undefined;
afterEach(() => {
  sim?.architecture.stop();
  sim = undefined;
});

const actions = (entries: readonly LogEntry[]) => entries.flatMap((e) => e.events.map((m) => m.Action));

describe('health-check exec events in the log', () => {
  it('hides probe-only daemon entries, keeps health_status, shows all when asked', async () => {
    sim = simulate(withHealthchecks({ postgres: { test: PG, intervalMs: 5_000, retries: 2 } }));
    const startLength = sim.architecture.getLog().length;
    await sim.advance(5_000); // first probe passes: starting → healthy
    await sim.advance(5_000); // passes again: no status change
    sim.architecture.send('postgres', { type: 'probe', result: 'fail' });
    await sim.advance(5_000); // fails (streak 1)
    await sim.advance(5_000); // fails (streak 2 = retries): unhealthy

    const log = sim.architecture.getLog().slice(startLength);
    expect(actions(log).filter((a) => a.startsWith('exec_create'))).toHaveLength(4);
    expect(inspectState(sim.snapshot('postgres')).Health).toMatchObject({ Status: 'unhealthy', FailingStreak: 2 });

    const hidden = visibleEntries(log, false);
    expect(actions(hidden).some((a) => a.startsWith('exec_'))).toBe(false);
    expect(actions(hidden).filter((a) => a.startsWith('health_status'))).toEqual(['health_status: healthy', 'health_status: unhealthy']);
    // Two probes changed nothing: their entries are gone; the knob's entry stays.
    expect(hidden.map((e) => e.cli)).toEqual([
      `# dockerd: health check on postgres: ${PG}`,
      '# postgres: health probe now fails (exit 1)',
      `# dockerd: health check on postgres: ${PG}`,
    ]);
    expect(hidden[0]?.hiddenExec).toBe(3);

    expect(visibleEntries(log, true)).toBe(log);
  });

  it('keeps command entries (and their other events) even when exec events are removed from them', () => {
    const base: LogEntry = { seq: 1, time: 0, kind: 'replay', cli: '# line 3: exec_create', outcome: 'ok', events: [] };
    const exec = { Type: 'container', Action: 'exec_create: ls', Actor: { ID: 'x', Attributes: {} }, scope: 'local', time: 0, timeNano: 0 } as const;
    const die = { ...exec, Action: 'die' };
    const replayed = { ...base, events: [exec] };
    expect(withoutExecEvents(replayed)).toMatchObject({ events: [], hiddenExec: 1 });
    expect(withoutExecEvents({ ...base, kind: 'daemon', events: [exec, die] })?.events.map((e) => e.Action)).toEqual(['die']);
    expect(withoutExecEvents({ ...base, kind: 'daemon', events: [exec] })).toBeNull();
    const plain = { ...base, events: [die] };
    expect(withoutExecEvents(plain)).toBe(plain);
    // Cached per entry: memoized rows keep their identity.
    expect(withoutExecEvents(replayed)).toBe(withoutExecEvents(replayed));
    expect(isExecEvent({ ...exec, Type: 'network' })).toBe(false);
  });
});

describe('health wording', () => {
  it('matches docker ps', () => {
    expect(['starting', 'healthy', 'unhealthy'].map((s) => healthPsText(s as 'starting'))).toEqual([
      '(health: starting)',
      '(healthy)',
      '(unhealthy)',
    ]);
    expect(psStatus({ status: 'running', exitCode: 0, startedAt: 0, health: 'starting' }, 5_000)).toBe('Up 5 seconds (health: starting)');
    expect(new Set(['starting', 'healthy', 'unhealthy'].map((s) => healthIcon(s as 'healthy').d)).size).toBe(3);
  });
});
