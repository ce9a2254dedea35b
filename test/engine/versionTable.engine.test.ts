import { describe, expect, it } from 'vitest';
import { eventsToV29 } from './versionTable';

describe('eventsToV29 (the version table applied to a real event sequence)', () => {
  it('puts die after its network disconnect, as v23+ logs them', () => {
    expect(eventsToV29(['kill signal=9', 'die exitCode=137', 'network disconnect bridge', 'stop'])).toEqual([
      'kill signal=9',
      'network disconnect bridge',
      'die exitCode=137',
      'stop',
    ]);
  });

  it('moves an oom logged after its die back before the network disconnect (oomAfterDie)', () => {
    expect(eventsToV29(['start', 'die exitCode=137', 'network disconnect bridge', 'oom'])).toEqual([
      'start',
      'oom',
      'network disconnect bridge',
      'die exitCode=137',
    ]);
    expect(eventsToV29(['start', 'oom', 'die exitCode=137', 'network disconnect bridge'])).toEqual([
      'start',
      'oom',
      'network disconnect bridge',
      'die exitCode=137',
    ]);
  });

  it('leaves an oom of a later run alone', () => {
    expect(eventsToV29(['die exitCode=137', 'start', 'oom'])).toEqual(['die exitCode=137', 'start', 'oom']);
  });
});
