/** Texts of the replay panel: the end-of-replay summary and the skipped-lines summary. */
import { describe, expect, it } from 'vitest';
import { finishedMessage } from '../../../src/features/replay/ReplayPanel';
import { problemsSummary } from '../../../src/features/replay/ReplayProblems';

describe('replay panel texts', () => {
  it('sums up a finished replay', () => {
    expect(finishedMessage(40, 2)).toBe('Replay finished: 40 events, 2 flagged');
    expect(finishedMessage(1, 0)).toBe('Replay finished: 1 event, 0 flagged');
  });

  it('sums up skipped and suspicious lines', () => {
    expect(problemsSummary([{ line: 2, message: 'bad', text: 'x' }])).toBe('1 line was skipped; the other events are replayed.');
    expect(
      problemsSummary([
        { line: 2, message: 'bad', text: 'x' },
        { line: 4, message: 'bad', text: 'y', severity: 'error' },
        { line: 9, message: 'time goes back', text: 'z', severity: 'warning' },
      ]),
    ).toBe('2 lines were skipped and 1 line looks suspicious; the other events are replayed.');
  });
});
