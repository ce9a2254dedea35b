import { describe, expect, it } from 'vitest';
import { humanDuration } from '../../../src/model/status/humanDuration';
import { psStatus } from '../../../src/model/status/psStatus';

describe('humanDuration (docker/go-units)', () => {
  it.each([
    [0, 'Less than a second'],
    [1000, '1 second'],
    [59_000, '59 seconds'],
    [60_000, 'About a minute'],
    [120_000, '2 minutes'],
    [3_600_000, 'About an hour'],
    [5 * 3_600_000, '5 hours'],
    [3 * 24 * 3_600_000, '3 days'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('psStatus (docker ps STATUS column)', () => {
  const now = 1_000_000;
  it('words each status as docker ps does', () => {
    expect(psStatus({ status: 'running', exitCode: 0, startedAt: now - 120_000 }, now)).toBe('Up 2 minutes');
    expect(psStatus({ status: 'paused', exitCode: 0, startedAt: now - 300_000 }, now)).toBe('Up 5 minutes (Paused)');
    expect(psStatus({ status: 'exited', exitCode: 137, startedAt: now - 1 }, now)).toBe('Exited (137)');
    expect(psStatus({ status: 'restarting', exitCode: 1, startedAt: now }, now)).toBe('Restarting (1)');
    expect(psStatus({ status: 'created', exitCode: 0, startedAt: null }, now)).toBe('Created');
    expect(psStatus({ status: 'removed', exitCode: 0, startedAt: null }, now)).toBe('Removed');
  });
  it('adds the health status while running', () => {
    expect(psStatus({ status: 'running', exitCode: 0, startedAt: now, health: 'starting' }, now)).toBe('Up Less than a second (health: starting)');
    expect(psStatus({ status: 'running', exitCode: 0, startedAt: now, health: 'healthy' }, now)).toBe('Up Less than a second (healthy)');
  });
});
