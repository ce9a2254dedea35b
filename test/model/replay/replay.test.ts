import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedClock } from 'xstate';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';
import { Replay } from '../../../src/model/replay/replay';

const fixtures = resolve(__dirname, '../../fixtures/events');

function replayText(text: string) {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 0, 1));
  const replay = new Replay(parseEventsLog(text), { clock });
  replay.skipToEnd();
  const statuses = Object.fromEntries(replay.architecture.containers.map((c) => [c.name, replay.architecture.status(c.name)]));
  return { replay, statuses };
}

/** Final status of each container in each fixture, read off the logs by hand. */
const expected: Record<string, Record<string, string>> = {
  'docker-cli_events-md__basic_lifecycle.txt': { test: 'exited' },
  'docker-cli_events-md__custom_format.txt': { '2ee349dac409': 'removed' },
  'docker-cli_pr4544__format_json.jsonl': { dreamy_goldstine: 'created' },
  'moby_docs-api-v1.24__events_example.jsonl': { 'my-container': 'removed' },
  'moby_pr26268__format_json.jsonl': { goofy_yonath: 'created' },
};

describe('replaying the fixture logs', () => {
  const files = readdirSync(fixtures).filter((f) => !f.endsWith('.md'));
  it('has an expectation for every fixture', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });
  for (const file of files) {
    it(`${file}: final statuses`, () => {
      const { replay, statuses } = replayText(readFileSync(join(fixtures, file), 'utf8'));
      expect(statuses).toEqual(expected[file]);
      expect(replay.getOutcomes().filter((o) => o.kind === 'flagged')).toEqual([]);
      replay.dispose();
    });
  }
});

describe('replay edge cases', () => {
  const id = 'c'.repeat(64);
  const line = (t: number, action: string, attrs = 'image=alpine, name=web') =>
    `2026-01-01T00:00:${String(t).padStart(2, '0')}.000000000Z container ${action} ${id} (${attrs})`;

  it('flags an unpause with no pause and goes on', () => {
    const { replay, statuses } = replayText([line(1, 'create'), line(2, 'start'), line(3, 'unpause'), line(4, 'pause')].join('\n'));
    expect(replay.getOutcomes().map((o) => o.kind)).toEqual(['applied', 'applied', 'flagged', 'applied']);
    expect(replay.getOutcomes()[2]?.note).toContain('unpause for web with no pause');
    expect(statuses).toEqual({ web: 'paused' });
  });

  it('creates a container first met at start, and says so', () => {
    const { replay, statuses } = replayText([line(1, 'start'), line(2, 'die', 'exitCode=3, image=alpine, name=web')].join('\n'));
    expect(replay.getOutcomes()[0]?.note).toContain('created on the fly');
    expect(statuses).toEqual({ web: 'exited' });
    expect(replay.architecture.containerActor('web')?.getSnapshot().context.exitCode).toBe(3);
  });

  it('applies oom then die as an OOM kill', () => {
    const { replay } = replayText([line(1, 'create'), line(2, 'start'), line(3, 'oom'), line(4, 'die', 'exitCode=137, image=alpine, name=web')].join('\n'));
    const ctx = replay.architecture.containerActor('web')!.getSnapshot().context;
    expect([ctx.exitCode, ctx.oomKilled]).toEqual([137, true]);
  });

  it('flags a die for a container that never started', () => {
    const { replay } = replayText([line(1, 'create'), line(2, 'die', 'exitCode=1, image=alpine, name=web')].join('\n'));
    expect(replay.getOutcomes()[1]).toMatchObject({ kind: 'flagged' });
  });

  it('shows exec and health events without changing state', () => {
    const { replay, statuses } = replayText(
      [line(1, 'create'), line(2, 'start'), line(3, 'exec_create: pg_isready -U postgres'), line(4, 'health_status: healthy')].join('\n'),
    );
    expect(replay.getOutcomes().map((o) => o.kind)).toEqual(['applied', 'applied', 'info', 'info']);
    expect(statuses).toEqual({ web: 'running' });
  });

  it('seeks backwards by rebuilding from the start', () => {
    const { replay } = replayText([line(1, 'create'), line(2, 'start'), line(3, 'pause')].join('\n'));
    replay.seek(2);
    expect(replay.position).toBe(2);
    expect(replay.architecture.status('web')).toBe('running');
    replay.seek(1);
    expect(replay.architecture.status('web')).toBe('created');
  });

  it('logs each recorded event with its line number, and flags in the entry', () => {
    const { replay } = replayText([line(1, 'create'), line(2, 'unpause')].join('\n'));
    const log = replay.architecture.getLog();
    expect(log.map((e) => e.cli)).toEqual(['# line 1: container create web', '# line 2: container unpause web']);
    expect(log[1]).toMatchObject({ outcome: 'error', container: 'web' });
  });
});
