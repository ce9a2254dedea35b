/**
 * Real `docker events` logs recorded from an engine (test/fixtures/engine, see SOURCES.md)
 * replay to the `docker ps -a` recorded with them: same containers, same state, same exit code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerStatus, inspectState } from '../../../machines';
import { explainEntry } from '../../../src/model/explain/explanations';
import { replayOf } from '../../features/replay/helpers';

const DIR = resolve(__dirname, '../../fixtures/engine');
const read = (file: string) => readFileSync(resolve(DIR, file), 'utf8');

/** `docker ps -a` rows: name, State, and the exit code in `Exited (N) …`. */
const expected = read('scenario.ps.txt')
  .trim()
  .split('\n')
  .map((row) => {
    const [name, state, status] = row.split('\t') as [string, string, string];
    const exit = /^Exited \((\d+)\)/.exec(status);
    return { name, state, exitCode: exit ? Number(exit[1]) : undefined };
  });

describe.each(['scenario.events.txt', 'scenario.events.jsonl'])('replaying %s', (file) => {
  const text = read(file);

  it('ends with the statuses and exit codes of the recorded docker ps -a', () => {
    const replay = replayOf(text);
    replay.skipToEnd();

    expect(expected.length).toBeGreaterThan(0);
    for (const row of expected) {
      const actor = replay.architecture.containerActor(row.name);
      expect(actor, row.name).toBeDefined();
      const snapshot = actor!.getSnapshot();
      expect(`${row.name} ${dockerStatus(snapshot)}`).toBe(`${row.name} ${row.state}`);
      if (row.exitCode !== undefined) expect(`${row.name} ${inspectState(snapshot).ExitCode}`).toBe(`${row.name} ${row.exitCode}`);
    }
    replay.dispose();
  });

  it('a container the log removed is removed; nothing is flagged', () => {
    const replay = replayOf(text);
    replay.skipToEnd();

    expect(dockerStatus(replay.architecture.containerActor('engine-rec-health')!.getSnapshot())).toBe('removed');
    expect(replay.getOutcomes().filter((o) => o.kind === 'flagged')).toEqual([]);
    replay.dispose();
  });
});

describe('a recorded log applies only what it records (issue 12)', () => {
  const text = read('scenario.events.jsonl');

  it("each container has the log's own ID and the network the log connected it to", () => {
    const replay = replayOf(text);
    replay.skipToEnd();
    const created = replay.log.events.filter((e) => e.message.Type === 'container' && e.message.Action === 'create');
    expect(created.length).toBeGreaterThan(3);
    for (const { message } of created) {
      const name = message.Actor.Attributes.name!;
      // Found by the log's ID (a rename later keeps it).
      const entry = replay.architecture.containers.find((c) => c.id === message.Actor.ID);
      expect(entry, `${name} has the log's ID`).toBeDefined();
      const context = replay.architecture.containerActor(entry!.name)!.getSnapshot().context;
      expect(`${name} ${context.id} ${context.network}`).toBe(`${name} ${message.Actor.ID} bridge`);
      expect(context.labels).not.toHaveProperty('com.docker.compose.project');
    }
    replay.dispose();
  });

  it('shows only recorded events: the network name is the log\u2019s, no event is made up', () => {
    const replay = replayOf(text);
    replay.skipToEnd();
    const shown = replay.architecture.getLog().flatMap((e) => e.events);
    const recorded = replay.log.events.map((e) => e.message).filter((m) => m.Type === 'container' || m.Type === 'network');
    expect(shown).toEqual(recorded.map((m) => ({ ...m, scope: 'local' })));
    expect(new Set(shown.filter((m) => m.Type === 'network').map((m) => m.Actor.Attributes.name))).toEqual(new Set(['bridge']));
    replay.dispose();
  });

  it('explains a die by the signal recorded before it: exit 0 after SIGTERM is a graceful shutdown', () => {
    const replay = replayOf(text);
    replay.skipToEnd();
    const log = replay.architecture.getLog();
    const outcomes = replay.getOutcomes();
    const titleOfDie = (name: string, exitCode: string) => {
      const index = replay.log.events.findIndex((e) => e.message.Action === 'die' && e.message.Actor.Attributes.name === name && e.message.Actor.Attributes.exitCode === exitCode);
      expect(index, `${name} die ${exitCode}`).toBeGreaterThanOrEqual(0);
      return explainEntry(log[index]!, { signalBefore: outcomes[index]!.signal })?.title;
    };
    // sh traps TERM and exits 0; sleep as PID 1 under --init dies of it (143); sh ignoring TERM gets SIGKILL (137).
    expect(titleOfDie('engine-rec-traps', '0')).toBe('Graceful shutdown after SIGTERM');
    expect(titleOfDie('engine-rec-init', '143')).toBe('Ended by SIGTERM');
    expect(titleOfDie('engine-rec-ignores', '137')).toBe('Killed by SIGKILL');
    // A crash with no signal before it stays a crash.
    expect(titleOfDie('engine-rec-crash', '3')).toBe('The process exited by itself');
    replay.dispose();
  });
});
