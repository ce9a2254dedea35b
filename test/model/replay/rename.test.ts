/**
 * Issue 14: a replayed `rename` moves the container to its new name, so the log's later
 * events for the new name reach it (before: ignored, and the new name's events were lost).
 */
import { describe, expect, it } from 'vitest';
import { dockerStatus } from '../../../machines';
import { replayOf } from '../../features/replay/helpers';

const ID = 'c'.repeat(64);
const at = (t: number, action: string, attrs: string) =>
  `2026-01-01T00:00:${String(t).padStart(2, '0')}.000000000Z container ${action} ${ID} (${attrs})`;

describe('replaying rename', () => {
  it('keeps the container (ID, state) under its new name; later events for the new name apply', () => {
    const replay = replayOf(
      [
        at(1, 'create', 'image=alpine, name=old'),
        at(2, 'start', 'image=alpine, name=old'),
        at(3, 'rename', 'image=alpine, name=new, oldName=/old'),
        at(4, 'kill', 'image=alpine, name=new, signal=15'),
        at(5, 'die', 'exitCode=0, image=alpine, name=new'),
      ].join('\n'),
    );
    replay.skipToEnd();

    expect(replay.getOutcomes().map((o) => o.kind)).toEqual(['applied', 'applied', 'applied', 'info', 'applied']);
    const renamed = replay.architecture.containerActor('new');
    expect(renamed).toBeDefined();
    expect(dockerStatus(renamed!.getSnapshot())).toBe('exited');
    expect(renamed!.getSnapshot().context.name).toBe('new');
    expect(replay.architecture.containerActor('old')).toBeUndefined();
    const log = replay.architecture.getLog();
    // The recorded rename is the entry's one event; no `docker rename` command is made up beside it.
    const rename = log.filter((e) => e.events.some((m) => m.Action === 'rename'));
    expect(rename.map((e) => [e.cli, e.events.map((m) => m.Actor.Attributes.oldName)])).toEqual([['# line 3: container rename new', ['/old']]]);
    replay.dispose();
  });

  it('flags a rename of a container the log never had', () => {
    const replay = replayOf(at(1, 'rename', 'image=alpine, name=new, oldName=/ghost'));
    replay.skipToEnd();

    expect(replay.getOutcomes()[0]).toMatchObject({ kind: 'flagged', note: 'rename of ghost, which does not exist' });
    replay.dispose();
  });
});

describe('a die after a recorded kill is explained by its signal (issue 12)', () => {
  it('die exitCode=0 right after kill signal=15 reads as a graceful shutdown, not a finished job', () => {
    const replay = replayOf(
      [
        at(1, 'create', 'image=alpine, name=web'),
        at(2, 'start', 'image=alpine, name=web'),
        at(3, 'kill', 'image=alpine, name=web, signal=15'),
        at(4, 'die', 'exitCode=0, image=alpine, name=web'),
      ].join('\n'),
    );
    replay.skipToEnd();

    expect(replay.getOutcomes()[3]).toMatchObject({ kind: 'applied', note: expect.stringMatching(/^a graceful shutdown: the process handled the SIGTERM/) });
    replay.dispose();
  });

  it('a die with no kill before it has no such note', () => {
    const replay = replayOf([at(1, 'create', 'image=alpine, name=web'), at(2, 'start', 'image=alpine, name=web'), at(3, 'die', 'exitCode=0, image=alpine, name=web')].join('\n'));
    replay.skipToEnd();

    expect(replay.getOutcomes()[2]).toEqual({ kind: 'applied', container: 'web' });
    replay.dispose();
  });
});
