import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BYTES } from '../../../src/model/events/limits';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';

const ID = '0fdb48addc82871eb34eb23a847cfd033dedd1a0a37bef2e6d9eb3870fc7ff37';
const textLine = (action: string, attrs = 'image=alpine, name=web') =>
  `2024-01-01T00:00:00.000000000Z container ${action} ${ID} (${attrs})`;
const jsonLine = (action: string, t = 1704067200) =>
  JSON.stringify({ Type: 'container', Action: action, Actor: { ID, Attributes: { name: 'web' } }, time: t, timeNano: t * 1e9 });

describe('parseEventsLog', () => {
  it('empty input, blank lines and comments give format empty and nothing else', () => {
    expect(parseEventsLog('')).toEqual({ format: 'empty', events: [], problems: [] });
    expect(parseEventsLog('\n  \n# a comment\n   # indented comment\r\n')).toEqual({ format: 'empty', events: [], problems: [] });
  });

  it('blank and comment lines are skipped silently and do not shift line numbers', () => {
    const log = parseEventsLog(['# docker events', '', textLine('create'), '   ', '# pause next', textLine('pause')].join('\n'));
    expect(log.problems).toEqual([]);
    expect(log.format).toBe('text');
    expect(log.events.map((e) => [e.line, e.message.Action])).toEqual([
      [3, 'create'],
      [6, 'pause'],
    ]);
  });

  it('mixed JSON and text lines', () => {
    const log = parseEventsLog([jsonLine('create'), textLine('start'), 'Type=container  Status=pause  ID=' + ID].join('\n'));
    expect(log.problems).toEqual([]);
    expect(log.format).toBe('mixed');
    expect(log.events.map((e) => e.message.Action)).toEqual(['create', 'start', 'pause']);
  });

  it('malformed lines are reported with their line numbers and the other lines still parse', () => {
    const lines = [
      textLine('create'), // 1
      'garbage text that is not an event', // 2
      jsonLine('start'), // 3
      '{"Type":"contai', // 4
      '{"Type":"container","Action":"stop","Actor":"not-an-object"}', // 5
      `2024-13-01T00:00:00Z container stop ${ID} (name=web)`, // 6
      textLine('kill', 'name=web, signal=15'), // 7
      'Type=container  Status=die', // 8 (no ID)
      `   2024-01-01T00:00:00Z container die ${ID} extra words`, // 9
    ];
    const log = parseEventsLog(lines.join('\n'));
    expect(log.format).toBe('mixed');
    expect(log.events.map((e) => [e.line, e.message.Action])).toEqual([
      [1, 'create'],
      [3, 'start'],
      [7, 'kill'],
    ]);
    expect(log.problems.map((p) => p.line)).toEqual([2, 4, 5, 6, 8, 9]);
    for (const p of log.problems) {
      expect(p.text).toBe(lines[p.line - 1]);
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.severity).toBeUndefined();
    }
    expect(log.problems.find((p) => p.line === 5)?.message).toMatch(/Actor/);
    expect(log.problems.find((p) => p.line === 6)?.message).toMatch(/bad timestamp/);
    expect(log.problems.find((p) => p.line === 8)?.message).toMatch(/ID=/);
  });

  it('problem columns count leading whitespace', () => {
    const log = parseEventsLog(`    2024-99-01T00:00:00Z container start ${ID}`);
    expect(log.problems[0]?.column).toBe(5);
  });

  it('the problem text is truncated to 200 characters', () => {
    const long = 'x'.repeat(500);
    const log = parseEventsLog(long);
    expect(log.problems[0]?.text).toBe('x'.repeat(200));
  });

  it('a leading BOM is ignored', () => {
    const log = parseEventsLog('\uFEFF' + textLine('create'));
    expect(log.problems).toEqual([]);
    expect(log.events).toHaveLength(1);
  });

  it('never throws on odd input', () => {
    expect(() => parseEventsLog(undefined as unknown as string)).not.toThrow();
    expect(parseEventsLog(42 as unknown as string).problems).toHaveLength(1);
    expect(() => parseEventsLog('{"__proto__":{"x":1}}\n' + textLine('start', '__proto__=x, name=y'))).not.toThrow();
    const log = parseEventsLog(textLine('start', '__proto__=x, name=y'));
    expect(Object.getPrototypeOf(log.events[0]?.message.Actor.Attributes)).toBe(Object.prototype);
    expect(Object.keys(log.events[0]!.message.Actor.Attributes)).toEqual(['__proto__', 'name']);
  });

  describe('size limits', () => {
    it('maxLines: a problem at the first line beyond the limit, events before it kept', () => {
      const log = parseEventsLog([textLine('create'), textLine('start'), textLine('pause')].join('\n'), { maxLines: 2 });
      expect(log.events.map((e) => e.message.Action)).toEqual(['create', 'start']);
      expect(log.problems).toHaveLength(1);
      expect(log.problems[0]).toMatchObject({ line: 3 });
      expect(log.problems[0]?.message).toMatch(/more than 2 lines/);
    });

    it('maxBytes counts UTF-8 bytes including newlines', () => {
      const line = textLine('start'); // ASCII
      const two = `${line}\n${line}\n`;
      expect(parseEventsLog(two, { maxBytes: two.length }).problems).toEqual([]);
      const log = parseEventsLog(two, { maxBytes: two.length - 1 });
      expect(log.events).toHaveLength(1);
      expect(log.problems[0]).toMatchObject({ line: 2 });
      expect(log.problems[0]?.message).toMatch(/larger than/);
      // 'é' is 2 bytes in UTF-8
      const accented = textLine('start', 'image=café');
      expect(parseEventsLog(accented, { maxBytes: accented.length }).problems).toHaveLength(1);
      expect(parseEventsLog(accented, { maxBytes: accented.length + 1 }).problems).toEqual([]);
    });

    it('default limit is at least 50 MB (a 50 000-event day of a busy host, pretty-printed too)', () => {
      expect(DEFAULT_MAX_BYTES).toBeGreaterThanOrEqual(50_000_000);
    });

    it('input over the limit produces a problem and stops', () => {
      const line = textLine('start');
      const count = 1000;
      const log = parseEventsLog(Array.from({ length: count }, () => line).join('\n'), { maxBytes: 500 * (line.length + 1) });
      expect(log.problems).toHaveLength(1);
      expect(log.problems[0]?.message).toMatch(/larger than \d+ bytes/);
      expect(log.events.length).toBe(log.problems[0]!.line - 1);
      expect(log.events.length).toBe(500);
    });

    it('more than maxLines lines produces a problem and stops', () => {
      const log = parseEventsLog('\n'.repeat(101) + textLine('start'), { maxLines: 100 });
      expect(log.events).toEqual([]);
      expect(log.problems).toHaveLength(1);
      expect(log.problems[0]).toMatchObject({ line: 101 });
    });

    it('invalid limits fall back to the defaults', () => {
      const log = parseEventsLog(textLine('start'), { maxBytes: -1, maxLines: Number.NaN });
      expect(log.problems).toEqual([]);
      expect(log.events).toHaveLength(1);
    });
  });
});
