/** The status drawn on an edge to a group of replicas. */
import { describe, expect, it } from 'vitest';
import { aggregateStatus } from '../../../src/features/architecture/useTargetStatus';

describe('edge status of a replica group', () => {
  it('is live while any replica runs, else the best status', () => {
    expect(aggregateStatus(['exited', 'running', 'paused'])).toEqual({ status: 'running', running: 1 });
    expect(aggregateStatus(['exited', 'paused'])).toEqual({ status: 'paused', running: 0 });
    expect(aggregateStatus(['removed', 'exited'])).toEqual({ status: 'exited', running: 0 });
    expect(aggregateStatus([])).toEqual({ status: 'removed', running: 0 });
  });
});
