/**
 * One engine command, one log entry (issue 15): the real events of a `docker stop`,
 * `docker kill`, `docker rm -f` (typed in a terminal or sent by the page) are one entry
 * headed by the command, like the simulation's, with the real events only, and its die
 * explained by the signal that caused it. The node still moves when each event arrives.
 */
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../machines';
import { SimulationClock } from '../../src/model/clock/simulationClock';
import { explainEntry } from '../../src/model/explain/explanations';
import { SETTLE_MS, type RunTimers } from '../../src/live/commandRuns';
import { earliestTime, LiveMirror } from '../../src/live/liveMirror';
import type { LiveCommandReply, LiveContainer, LiveSettings } from '../../src/live/protocol';

const T0 = Date.UTC(2026, 11, 7, 18, 0, 0);
const ID = 'a'.repeat(64);
const NAME = 'shop-web-1';
const LABELS = { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web', 'com.docker.compose.container-number': '1' };

/** Timers run by hand: `elapse(ms)` fires those due. */
function manualTimers(): RunTimers & { elapse(ms: number): void } {
  let now = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    setTimeout(fn, ms) {
      due.set(next, { at: now + ms, fn });
      return next++;
    },
    clearTimeout(handle) {
      due.delete(handle as number);
    },
    elapse(ms) {
      now += ms;
      for (const [h, t] of [...due].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at > now) continue;
        due.delete(h);
        t.fn();
      }
    },
  };
}

function setup(settings: Partial<LiveSettings> = {}) {
  const web: LiveContainer = {
    id: ID, name: NAME, image: 'local/busybox:1', labels: LABELS, status: 'running', exitCode: 0, oomKilled: false,
    restartCount: 0, restartPolicy: 'no', createdAt: T0, startedAt: T0 + 1000, finishedAt: null, commandable: true, network: 'none',
  };
  const readAt = (T0 + 60_000) * 1e6;
  const timers = manualTimers();
  const mirror = new LiveMirror(
    { allowCommands: true, filter: null, compose: null, commandsPerMinute: 60, ...settings },
    [web],
    readAt,
    new SimulationClock(earliestTime([web], readAt), 1),
    timers,
  );
  let t = T0 + 61_000;
  const event = (action: string, attributes: Record<string, string> = {}) => {
    t += 50;
    return mirror.apply({ Type: 'container', Action: action, Actor: { ID, Attributes: { name: NAME, image: 'local/busybox:1', ...LABELS, ...attributes } }, scope: 'local', time: Math.floor(t / 1000), timeNano: t * 1e6 });
  };
  const log = () => mirror.architecture.getLog().filter((e) => !e.cli.includes('docker ps -a'));
  const actions = (entry: LogEntry) => entry.events.map((e) => [e.Action, e.Actor.Attributes.signal ?? e.Actor.Attributes.exitCode].filter(Boolean).join(' '));
  return { mirror, timers, event, log, actions };
}

describe('a command typed in a terminal, seen through its events', () => {
  it('docker stop (kill SIGTERM, die 0, stop): one entry headed by the command, explained as a graceful stop', () => {
    const { mirror, timers, event, log, actions } = setup();
    event('kill', { signal: '15' });
    expect(log()).toEqual([]);
    event('die', { exitCode: '0' });
    // The node moves at the die; the entry waits for the rest of the command.
    expect(mirror.status(NAME)).toBe('exited');
    event('stop');
    timers.elapse(SETTLE_MS);
    const entries = log();
    expect(entries.map((e) => e.cli)).toEqual([expect.stringMatching(/^# 18:01:01\.0\d\d engine: docker stop shop-web-1$/)]);
    expect(actions(entries[0]!)).toEqual(['kill 15', 'die 0', 'stop']);
    expect(explainEntry(entries[0]!)?.title).toBe('docker stop: graceful');
    expect(entries[0]!.events.every((e) => e.Actor.ID === ID)).toBe(true);
  });

  it('docker stop of a process that ignores SIGTERM: SIGKILL after the grace period (137)', () => {
    const { timers, event, log, actions } = setup();
    event('kill', { signal: '15' });
    timers.elapse(10_000);
    event('kill', { signal: '9' });
    event('die', { exitCode: '137' });
    event('stop');
    timers.elapse(SETTLE_MS);
    expect(log().map((e) => [e.cli.replace(/^# \S+ /, '# '), actions(e)])).toEqual([['# engine: docker stop shop-web-1', ['kill 15', 'kill 9', 'die 137', 'stop']]]);
    expect(explainEntry(log()[0]!)?.title).toBe('docker stop: SIGKILL after the grace period');
  });

  it('kill signal=15 then die exitCode=0 (docker kill -s TERM): a graceful shutdown, not a finished job', () => {
    const { timers, event, log } = setup();
    event('kill', { signal: '15' });
    event('die', { exitCode: '0' });
    timers.elapse(SETTLE_MS);
    const [entry] = log();
    expect(entry!.cli).toMatch(/engine: docker kill -s SIGTERM shop-web-1$/);
    expect(explainEntry(entry!)?.title).toBe('Graceful shutdown after SIGTERM');
  });

  it('docker rm -f (kill SIGKILL, die 137, destroy) is complete at its destroy', () => {
    const { mirror, event, log, actions } = setup();
    event('kill', { signal: '9' });
    event('die', { exitCode: '137' });
    event('destroy');
    expect(mirror.status(NAME)).toBe('removed');
    expect(log().map((e) => [e.cli.replace(/^# \S+ /, '# '), actions(e)])).toEqual([['# engine: docker rm -f shop-web-1', ['kill 9', 'die 137', 'destroy']]]);
    expect(explainEntry(log()[0]!)?.title).toBe('docker rm -f');
  });

  it('a pause is its own entry, with the real event only (no network event the engine did not send)', () => {
    const { event, log, actions } = setup();
    event('pause');
    event('unpause');
    event('kill', { signal: '9' });
    event('die', { exitCode: '137' });
    event('start');
    expect(log().map((e) => actions(e))).toEqual([['pause'], ['unpause']]);
    // The run of the kill ends by time: its die and the start after it are in it.
    const text = JSON.stringify(log());
    expect(text).not.toMatch(/_default|network/);
  });
});

describe('a command sent by the page', () => {
  function connect(mirror: LiveMirror) {
    const replies: Array<(reply: LiveCommandReply) => void> = [];
    mirror.architecture.connect({
      send: () => new Promise((resolve) => replies.push(resolve)),
      refusal: () => null,
      stopTimeout: () => undefined,
      onFlight: () => undefined,
    });
    return replies;
  }

  it('Stop: one entry `docker stop NAME` with the engine\u2019s kill, die and stop, written once Docker answered', async () => {
    const { mirror, event, log, actions } = setup();
    const replies = connect(mirror);
    mirror.architecture.send(NAME, { type: 'stop' });
    event('kill', { signal: '15' });
    event('kill', { signal: '9' });
    event('die', { exitCode: '137' });
    event('stop');
    expect(mirror.status(NAME)).toBe('exited');
    expect(log()).toEqual([]);
    replies[0]!({ ok: true, status: 204, tookMs: 10_040 });
    await Promise.resolve();
    await Promise.resolve();
    const entries = log();
    expect(entries.map((e) => [e.cli, e.kind, actions(e)])).toEqual([['docker stop shop-web-1', 'command', ['kill 15', 'kill 9', 'die 137', 'stop']]]);
    expect(explainEntry(entries[0]!)?.title).toBe('docker stop: SIGKILL after the grace period');
  });

  it("Docker's refusal is Docker's error; the bridge's refusal is not", async () => {
    const { mirror, log } = setup();
    const replies = connect(mirror);
    mirror.architecture.send(NAME, { type: 'start' });
    replies[0]!({ ok: false, status: 500, message: 'OCI runtime create failed', by: 'docker' });
    mirror.architecture.send(NAME, { type: 'pause' });
    replies[1]!({ ok: false, status: 429, message: 'too many commands', by: 'bridge' });
    await new Promise((r) => setTimeout(r, 0));
    expect(log().map((e) => [e.cli, e.outcome, e.refusedBy ?? 'docker', e.message])).toEqual([
      ['docker start shop-web-1', 'error', 'docker', 'OCI runtime create failed'],
      ['docker pause shop-web-1', 'error', 'bridge', 'too many commands'],
    ]);
    expect(explainEntry(log()[1]!)).toBeNull();
  });

  it('a simulation-only event is refused by the page with the reason, not as a daemon error', () => {
    const { mirror, log } = setup();
    connect(mirror);
    const entry = mirror.architecture.send(NAME, { type: 'exit', exitCode: 1 });
    expect(entry).toMatchObject({ outcome: 'error', refusedBy: 'page', message: 'live mode: the engine decides when a process exits' });
    expect(log()).toHaveLength(1);
    expect(mirror.status(NAME)).toBe('running');
  });
});
