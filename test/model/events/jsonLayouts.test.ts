/** JSON events in any whitespace layout: one per line, pretty-printed (`jq .`), concatenated, a JSON array. */
import { describe, expect, it } from 'vitest';
import { parseEventsLog, parseEventsLogAsync } from '../../../src/model/events/parseEventsLog';

const ID = '0fdb48addc82871eb34eb23a847cfd033dedd1a0a37bef2e6d9eb3870fc7ff37';
const event = (action: string, name = 'web', time = 1) => ({
  Type: 'container',
  Action: action,
  Actor: { ID, Attributes: { image: 'nginx', name } },
  scope: 'local',
  time,
  timeNano: time * 1e9,
});
const actions = (text: string) => parseEventsLog(text).events.map((e) => `${e.line}:${e.message.Action}`);

describe('JSON layouts', () => {
  const three = [event('create'), event('start'), event('die')];

  it('pretty-printed objects over several lines (docker events --format json | jq .)', () => {
    const text = three.map((e) => JSON.stringify(e, null, 2)).join('\n');
    const log = parseEventsLog(text);
    expect(log.problems).toEqual([]);
    expect(log.format).toBe('json');
    // Each event's line is where its object starts.
    const height = JSON.stringify(three[0], null, 2).split('\n').length;
    expect(actions(text)).toEqual([`1:create`, `${1 + height}:start`, `${1 + 2 * height}:die`]);
  });

  it('concatenated objects, several on one line and across lines', () => {
    const text = `${JSON.stringify(three[0])}${JSON.stringify(three[1])}  ${JSON.stringify(three[2], null, 1)}`;
    expect(actions(text)).toEqual(['1:create', '1:start', '1:die']);
  });

  it('a JSON array of events, pretty-printed or not', () => {
    expect(actions(JSON.stringify(three))).toEqual(['1:create', '1:start', '1:die']);
    const pretty = JSON.stringify(three, null, 2);
    const log = parseEventsLog(pretty);
    expect(log.problems).toEqual([]);
    expect(log.events.map((e) => e.message.Action)).toEqual(['create', 'start', 'die']);
    expect(log.events[1]!.line).toBeGreaterThan(log.events[0]!.line);
  });

  it('a broken object in a pretty-printed log is reported at its line; the others are kept', () => {
    const good = JSON.stringify(three[0], null, 2);
    const text = `${good}\n{\n  "Type": "container",\n  "Action": "start",,\n}\n${JSON.stringify(three[2])}`;
    const log = parseEventsLog(text);
    expect(log.events.map((e) => e.message.Action)).toEqual(['create', 'die']);
    expect(log.problems).toHaveLength(1);
    expect(log.problems[0]!.line).toBe(good.split('\n').length + 1);
    expect(log.problems[0]!.message).toMatch(/^invalid JSON/);
  });

  it('an object left open at the end is one problem, not a lost log', () => {
    const log = parseEventsLog(`${JSON.stringify(three[0])}\n{"Type": "container",\n`);
    expect(log.events).toHaveLength(1);
    expect(log.problems).toHaveLength(1);
    expect(log.problems[0]!.line).toBe(2);
  });

  it('a name Docker cannot produce is flagged with the reason and not applied', () => {
    const log = parseEventsLog(JSON.stringify(event('create', '<script>alert(1)</script>')));
    expect(log.events).toEqual([]);
    expect(log.problems[0]!.message).toBe(
      'name "<script>alert(1)</script>" is not a name Docker can produce (container names match [a-zA-Z0-9][a-zA-Z0-9_.-]+): the event is not applied',
    );
  });

  it('the sliced parse gives the same result, with progress up to 1', async () => {
    const text = Array.from({ length: 3000 }, (_, i) => JSON.stringify(event(i % 2 ? 'stop' : 'start', `c${i % 50}`, i + 1), null, 2)).join('\n');
    const progress: number[] = [];
    const log = await parseEventsLogAsync(text, { onProgress: (p) => progress.push(p), sliceMs: 1 });
    expect(log).toEqual(parseEventsLog(text));
    expect(log.events).toHaveLength(3000);
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });
});
