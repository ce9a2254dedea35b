import { describe, expect, it } from 'vitest';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';
import { parseSignal } from '../../../src/model/events/signals';
import { toLifecycleIntent } from '../../../src/model/events/toMachineEvent';

const ID = '0fdb48addc82871eb34eb23a847cfd033dedd1a0a37bef2e6d9eb3870fc7ff37';
const intentOf = (line: string) => {
  const log = parseEventsLog(line);
  expect(log.problems).toEqual([]);
  return toLifecycleIntent(log.events[0]!);
};
const container = (action: string, attrs = 'name=web') => `2024-01-01T00:00:00Z container ${action} ${ID} (${attrs})`;

describe('toLifecycleIntent', () => {
  it.each(['create', 'start', 'restart', 'pause', 'unpause', 'stop', 'oom', 'destroy'] as const)('%s', (action) => {
    expect(intentOf(container(action))).toEqual({ kind: action });
  });

  it.each([
    ['signal=15', 15],
    ['signal=9', 9],
    ['signal=SIGTERM', 15],
    ['signal=TERM', 15],
    ['signal=sigkill', 9],
    ['signal=HUP', 1],
  ])('kill with %s', (attr, signal) => {
    expect(intentOf(container('kill', `name=web, ${attr}`))).toEqual({ kind: 'kill', signal });
  });

  it('kill without a (known) signal has no signal', () => {
    expect(intentOf(container('kill'))).toEqual({ kind: 'kill' });
    expect(intentOf(container('kill', 'name=web, signal=SIGNOPE'))).toEqual({ kind: 'kill' });
  });

  it('die exit code from the exitCode attribute; missing or bad → -1', () => {
    expect(intentOf(container('die', 'exitCode=137, name=web'))).toEqual({ kind: 'die', exitCode: 137 });
    expect(intentOf(container('die', 'exitCode=0, name=web'))).toEqual({ kind: 'die', exitCode: 0 });
    expect(intentOf(container('die'))).toEqual({ kind: 'die', exitCode: -1 });
    expect(intentOf(container('die', 'exitCode=abc, name=web'))).toEqual({ kind: 'die', exitCode: -1 });
  });

  it('health_status: healthy / unhealthy / starting', () => {
    expect(intentOf(container('health_status: healthy'))).toEqual({ kind: 'health', status: 'healthy' });
    expect(intentOf(container('health_status: unhealthy'))).toEqual({ kind: 'health', status: 'unhealthy' });
    expect(intentOf(container('health_status: starting'))).toEqual({ kind: 'health', status: 'starting' });
    expect(intentOf(container('health_status: confused'))).toEqual({ kind: 'info' });
  });

  it.each([
    'exec_create: /bin/sh -c pg_isready',
    'exec_start: /bin/sh -c pg_isready',
    'exec_die',
    'attach',
    'detach',
    'resize',
    'rename',
    'top',
    'update',
    'commit',
    'copy',
    'export',
    'toString',
  ])('%s is info', (action) => {
    expect(intentOf(container(action))).toEqual({ kind: 'info' });
  });

  it('non-container events are info, even with a lifecycle-like action', () => {
    expect(intentOf(`2024-01-01T00:00:00Z network create netid (name=front)`)).toEqual({ kind: 'info' });
    expect(intentOf(`2024-01-01T00:00:00Z volume destroy data`)).toEqual({ kind: 'info' });
    expect(intentOf(`{"status":"pull","id":"alpine:latest","time":1}`)).toEqual({ kind: 'info' });
  });
});

describe('parseSignal', () => {
  it.each([
    ['15', 15],
    ['9', 9],
    ['SIGTERM', 15],
    ['TERM', 15],
    ['sigint', 2],
    [' USR1 ', 10],
    ['SIGRTMIN', 34],
    ['RTMIN+2', 36],
    ['SIGRTMAX-1', 63],
  ])('%s → %d', (input, n) => {
    expect(parseSignal(input)).toBe(n);
  });
  it.each([undefined, '', '0', '65', 'NOPE', 'RTMIN+40', '-9'])('%s → undefined', (input) => {
    expect(parseSignal(input)).toBeUndefined();
  });
});
