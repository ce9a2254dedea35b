/**
 * Compose durations are Go durations (compose-go validates them with
 * time.ParseDuration): a unit is required, except for "0".
 */
import { describe, expect, it } from 'vitest';
import { durationProblem, parseDuration } from '../../../src/model/compose/durations';

describe('parseDuration', () => {
  it.each([
    ['1m30s', 90_000],
    ['10s', 10_000],
    ['500ms', 500],
    ['2h', 7_200_000],
    ['1.5s', 1500],
    ['1.1s', 1100],
    ['.5s', 500],
    ['1h2m3s4ms', 3_723_004],
    ['100us', 0.1],
    ['100µs', 0.1],
    ['1000000ns', 1],
    ['0', 0],
    ['0s', 0],
    ['+5s', 5000],
    ['-5s', -5000],
    [' 30s ', 30_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['10', 'a bare number has no unit (Go: missing unit)'],
    ['1.5', 'a bare fraction'],
    ['', 'empty'],
    ['s', 'a unit without a number'],
    ['1d', 'days are not a Go unit'],
    ['1S', 'units are case-sensitive'],
    ['10 s', 'no space inside'],
    ['1m30', 'the last part needs a unit too'],
    ['.s', 'a dot is not a number'],
    ['99999999999h', 'overflows int64 nanoseconds'],
  ])('%j is not a duration: %s', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('durationProblem', () => {
  it('explains a missing unit', () => {
    expect(durationProblem('10')).toBe(
      'invalid duration "10": a unit is required, e.g. "10s" (Compose reads durations as Go durations; units ns, us, ms, s, m, h)',
    );
  });

  it('explains anything else', () => {
    expect(durationProblem('ten seconds')).toBe(
      'invalid duration "ten seconds": expected a number followed by a unit (ns, us, ms, s, m, h), e.g. "10s", "1m30s" or "500ms"',
    );
  });
});
