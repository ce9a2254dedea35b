import { describe, expect, it } from 'vitest';
import { checkOrdering } from '../../../src/model/events/ordering';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';

const ID = '0fdb48addc82871eb34eb23a847cfd033dedd1a0a37bef2e6d9eb3870fc7ff37';
const at = (time: string, action: string, attrs = 'name=web') => `${time} container ${action} ${ID} (${attrs})`;

function parse(lines: string[]) {
  const log = parseEventsLog(lines.join('\n'));
  expect(log.problems).toEqual([]);
  return log.events;
}

describe('checkOrdering', () => {
  it('reports a timestamp going backwards as a warning, without reordering', () => {
    const events = parse([
      at('2024-01-01T00:00:01.000000000Z', 'create'),
      at('2024-01-01T00:00:03.000000000Z', 'start'),
      at('2024-01-01T00:00:02.500000000Z', 'pause'),
      at('2024-01-01T00:00:04.000000000Z', 'unpause'),
    ]);
    const before = events.map((e) => e.line);
    const warnings = checkOrdering(events);
    expect(events.map((e) => e.line)).toEqual(before);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 3, severity: 'warning' });
    expect(warnings[0]?.message).toMatch(/backwards by 0\.500000 s/);
    expect(warnings[0]?.message).toMatch(/line 2/);
    expect(warnings[0]?.text).toBe(`container pause ${ID}`);
  });

  it('detects nanosecond-level backward steps across time zones', () => {
    const events = parse([at('2017-01-05T00:36:09.840186338+08:00', 'die'), at('2017-01-04T16:36:09.830268747Z', 'kill', 'name=web, signal=15')]);
    expect(checkOrdering(events).map((w) => w.line)).toEqual([2]);
  });

  it('equal times and unknown (0) times are not warnings', () => {
    const events = parse([
      at('2024-01-01T00:00:01Z', 'create'),
      at('2024-01-01T00:00:01Z', 'start'),
      `Type=container Status=pause ID=${ID}`,
      at('2024-01-01T00:00:02Z', 'unpause'),
    ]);
    expect(checkOrdering(events)).toEqual([]);
  });

  it('flags events after destroy, duplicate create, and die twice without start', () => {
    const events = parse([
      at('2024-01-01T00:00:01Z', 'create'), // 1
      at('2024-01-01T00:00:02Z', 'create'), // 2 duplicate
      at('2024-01-01T00:00:03Z', 'start'), // 3
      at('2024-01-01T00:00:04Z', 'die', 'exitCode=1, name=web'), // 4
      at('2024-01-01T00:00:05Z', 'die', 'exitCode=1, name=web'), // 5 die twice
      at('2024-01-01T00:00:06Z', 'destroy'), // 6
      at('2024-01-01T00:00:07Z', 'start'), // 7 after destroy
      at('2024-01-01T00:00:08Z', 'create'), // 8 name reused: fine
      at('2024-01-01T00:00:09Z', 'start'), // 9 fine
    ]);
    const warnings = checkOrdering(events);
    expect(warnings.map((w) => [w.line, w.severity])).toEqual([
      [2, 'warning'],
      [5, 'warning'],
      [7, 'warning'],
    ]);
    expect(warnings[0]?.message).toMatch(/second create/);
    expect(warnings[1]?.message).toMatch(/without a start/);
    expect(warnings[2]?.message).toMatch(/after its destroy at line 6/);
  });

  it('restart-policy sequences, stop before die, and logs starting mid-life are not suspicious', () => {
    const events = parse([
      at('2024-01-01T00:00:01Z', 'die', 'exitCode=1, name=web'),
      at('2024-01-01T00:00:02Z', 'start'),
      at('2024-01-01T00:00:03Z', 'die', 'exitCode=1, name=web'),
      at('2024-01-01T00:00:04Z', 'start'),
      at('2024-01-01T00:00:05Z', 'kill', 'name=web, signal=15'),
      at('2024-01-01T00:00:06Z', 'stop'),
      at('2024-01-01T00:00:06Z', 'die', 'exitCode=143, name=web'),
      at('2024-01-01T00:00:07Z', 'start', 'name=other'),
      at('2024-01-01T00:00:07Z', 'die', 'exitCode=0, name=other'),
    ]);
    expect(checkOrdering(events)).toEqual([]);
  });

  it('empty list → no warnings', () => {
    expect(checkOrdering([])).toEqual([]);
  });
});
