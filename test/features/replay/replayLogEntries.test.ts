/** How the log reads a replayed event's entry: the recorded event, and what the machine did. */
import { describe, expect, it } from 'vitest';
import { replayDetailsFor } from '../../../src/features/log/replayDetails';
import { describeOutcome } from '../../../src/model/replay/describeOutcome';
import { replayEntryCli, replayEntryLine } from '../../../src/model/replay/replay';
import { BASIC, fixture, line, replayOf } from './helpers';

function wordsOf(replay: ReturnType<typeof replayOf>) {
  const details = replayDetailsFor(replay);
  return replay.architecture.getLog().map((entry) => {
    const d = details(entry);
    return d?.outcome ? [entry.cli, describeOutcome(d.event, d.outcome)] : [entry.cli, null];
  });
}

describe('replay entries in the log', () => {
  it('round-trips the heading and its line number', () => {
    const replay = replayOf(fixture(BASIC));
    const event = replay.log.events[4]!;
    expect(replayEntryCli(event)).toBe('# line 5: container die test');
    expect(replayEntryLine('# line 5: container die test')).toBe(5);
    expect(replayEntryLine('docker create --name web alpine')).toBeUndefined();
    expect(replayEntryLine('# dockerd: restart policy started web')).toBeUndefined();
  });

  it('explains each recorded event of the basic lifecycle', () => {
    const replay = replayOf(fixture(BASIC));
    replay.skipToEnd();
    expect(wordsOf(replay)).toEqual([
      // One entry per recorded event, no invented `docker create` command beside it.
      ['# line 1: container create test', { tone: 'applied' }],
      ['# line 2: network connect bridge', { tone: 'info', text: "shown only: network events do not change a container's state" }],
      ['# line 3: container start test', { tone: 'applied' }],
      ['# line 4: container kill test', { tone: 'info', text: 'a signal only: the die event that follows (if any) records the exit' }],
      // The kill before it explains the exit (issue 12).
      ['# line 5: container die test', { tone: 'applied', text: 'killed by signal 15 (exit code 128+15)' }],
      ['# line 6: network disconnect bridge', { tone: 'info', text: "shown only: network events do not change a container's state" }],
      ['# line 7: container stop test', { tone: 'info', text: 'bookkeeping after the die event: no change of state' }],
    ]);
  });

  it('gives the reason of a flagged event, and notes of applied ones', () => {
    const replay = replayOf([line(1, 'start'), line(2, 'unpause'), line(3, 'exec_start: sh'), line(4, 'oom')].join('\n'));
    replay.skipToEnd();
    const words = wordsOf(replay).filter(([cli]) => String(cli).startsWith('# line'));
    expect(words).toEqual([
      ['# line 1: container start web', { tone: 'applied', text: 'web had no create event: created on the fly' }],
      ['# line 2: container unpause web', { tone: 'flagged', text: 'unpause for web with no pause before it (it is running)' }],
      ['# line 3: container exec_start: sh web', { tone: 'info', text: expect.stringContaining('docker exec or a health probe') }],
      ['# line 4: container oom web', { tone: 'info', text: 'the main process dies next if it was the one killed' }],
    ]);
    // The entry itself carries the flag as an error with the reason.
    const flagged = replay.architecture.getLog().find((e) => e.cli.startsWith('# line 2'));
    expect(flagged).toMatchObject({ kind: 'replay', outcome: 'error', message: 'unpause for web with no pause before it (it is running)' });
  });

  it('finds nothing for entries that are not recorded events', () => {
    const replay = replayOf(fixture(BASIC));
    replay.skipToEnd();
    const details = replayDetailsFor(replay);
    const create = replay.architecture.getLog()[0]!;
    expect(details(create)).toBeDefined();
    expect(details({ ...create, cli: 'docker create --name test alpine:latest' })).toBeUndefined();
    expect(details({ ...create, kind: 'command' })).toBeUndefined();
  });

  it('shows each event as recorded: its IDs, network name and attributes, and nothing the log does not have', () => {
    const replay = replayOf(fixture(BASIC));
    replay.skipToEnd();
    const log = replay.architecture.getLog();
    // Exactly one entry per line, each holding that line's event and no other.
    expect(log.map((e) => e.cli)).toEqual(replay.log.events.map((e) => replayEntryCli(e)));
    log.forEach((entry, i) => {
      const recorded = replay.log.events[i]!.message;
      expect(entry.events).toEqual([{ ...recorded, scope: 'local' }]);
    });
    const networkNames = log.flatMap((e) => e.events).filter((m) => m.Type === 'network').map((m) => m.Actor.Attributes.name);
    expect(networkNames).toEqual(['bridge', 'bridge']);
    expect(JSON.stringify(log)).not.toContain('replay_default');
  });
});
