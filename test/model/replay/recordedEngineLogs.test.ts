/**
 * Real `docker events` logs recorded from an engine (test/fixtures/engine, see SOURCES.md)
 * replay to the `docker ps -a` recorded with them: same containers, same state, same exit code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerStatus, inspectState } from '../../../machines';
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
