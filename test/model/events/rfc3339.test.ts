import { describe, expect, it } from 'vitest';
import { parseRfc3339Nano, toTimeNano } from '../../../src/model/events/rfc3339';
import { splitAction } from '../../../src/model/events/splitAction';

describe('parseRfc3339Nano', () => {
  it('matches Date.parse to the second for many dates and offsets', () => {
    const samples = [
      '1970-01-01T00:00:00Z',
      '1999-12-31T23:59:59+14:00',
      '2000-02-29T12:00:00-11:30',
      '2016-04-29T15:18:21+05:45',
      '2038-01-19T03:14:08Z',
      '2100-03-01T00:00:00Z',
    ];
    for (const s of samples) {
      const r = parseRfc3339Nano(s);
      expect(r, s).toEqual({ seconds: Date.parse(s) / 1000, nanos: 0 });
    }
  });

  it('keeps all nine fraction digits, pads shorter ones, drops digits below a nanosecond', () => {
    expect(parseRfc3339Nano('2017-01-05T00:36:04.795031609+08:00')).toEqual({ seconds: 1483547764, nanos: 795031609 });
    expect(parseRfc3339Nano('2017-01-05T00:36:04.7+08:00')).toEqual({ seconds: 1483547764, nanos: 700000000 });
    expect(parseRfc3339Nano('2017-01-05T00:36:04.1234567891z')).toEqual({ seconds: 1483576564, nanos: 123456789 });
  });

  it('is before 1970 too', () => {
    expect(parseRfc3339Nano('1969-12-31T23:59:59.5Z')).toEqual({ seconds: -1, nanos: 500000000 });
  });

  it('returns a reason string for invalid input', () => {
    for (const s of ['', 'yesterday', '2017-01-05T00:36:04', '2017-02-30T00:00:00Z', '2017-01-05T00:60:00Z', '2017-01-05T00:00:60Z', '2017-01-05T00:00:00+24:00']) {
      expect(typeof parseRfc3339Nano(s), s).toBe('string');
    }
  });

  it('toTimeNano keeps ordering for 1 ns apart (rounding is monotonic)', () => {
    const a = toTimeNano({ seconds: 1700000000, nanos: 1 });
    const b = toTimeNano({ seconds: 1700000000, nanos: 2 });
    expect(a).toBeLessThanOrEqual(b);
    expect(toTimeNano({ seconds: 1, nanos: 5 })).toBe(1000000005);
  });
});

describe('splitAction', () => {
  it.each([
    ['start', { baseAction: 'start' }],
    ['exec_create: /bin/sh -c a: b', { baseAction: 'exec_create', actionDetail: '/bin/sh -c a: b' }],
    ['health_status: healthy', { baseAction: 'health_status', actionDetail: 'healthy' }],
    ['health_status:', { baseAction: 'health_status', actionDetail: '' }],
  ])('%s', (action, expected) => {
    expect(splitAction(action)).toEqual(expected);
  });
});
