import { describe, expect, it } from 'vitest';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';

const ID = '273a26b6855e3875dd8dabdf9232a93e4d5a0548bff8a959e9d5252682fd6f1d';

describe('JSON lines', () => {
  it('legacy-only JSON (pre-1.10): status→Action, id→Actor.ID, from→image, Type container', () => {
    const log = parseEventsLog(
      [
        `{"status":"kill","id":"${ID}","from":"nginx:1.9","time":1439184255}`,
        `{"status":"die","id":"${ID}","from":"nginx:1.9","time":1439184255}`,
        `{"status":"stop","id":"${ID}","from":"nginx:1.9","time":1439184256}`,
      ].join('\n'),
    );
    expect(log.problems).toEqual([]);
    expect(log.format).toBe('json');
    expect(log.events.map((e) => e.message.Action)).toEqual(['kill', 'die', 'stop']);
    expect(log.events[2]?.message).toEqual({
      Type: 'container',
      Action: 'stop',
      Actor: { ID, Attributes: { image: 'nginx:1.9' } },
      time: 1439184256,
      timeNano: 1439184256e9,
    });
  });

  it('legacy image events become Type image', () => {
    const log = parseEventsLog(
      ['{"status":"pull","id":"alpine:latest","time":1461943101}', `{"status":"untag","id":"${ID}","time":1461943102}`].join('\n'),
    );
    expect(log.problems).toEqual([]);
    expect(log.events.map((e) => e.message.Type)).toEqual(['image', 'image']);
  });

  it('modern fields win over legacy ones; Type is used when present', () => {
    const log = parseEventsLog(
      `{"status":"old","id":"legacy","from":"legacy-image","Type":"container","Action":"start","Actor":{"ID":"${ID}","Attributes":{"image":"alpine","name":"x"}},"time":5}`,
    );
    expect(log.events[0]?.message).toEqual({
      Type: 'container',
      Action: 'start',
      Actor: { ID, Attributes: { image: 'alpine', name: 'x' } },
      time: 5,
      timeNano: 5e9,
    });
  });

  it('exec_create action with a suffix, null Attributes, timeNano only', () => {
    const log = parseEventsLog(
      `{"Type":"container","Action":"exec_create: touch /tmp/foobar","Actor":{"ID":"${ID}","Attributes":null},"scope":"local","timeNano":1493888416123456789}`,
    );
    expect(log.problems).toEqual([]);
    const ev = log.events[0]!;
    expect(ev.baseAction).toBe('exec_create');
    expect(ev.actionDetail).toBe('touch /tmp/foobar');
    expect(ev.message.Actor.Attributes).toEqual({});
    expect(ev.message.scope).toBe('local');
    expect(ev.message.time).toBe(1493888416);
    expect(ev.message.timeNano).toBe(Number(1493888416123456789n));
  });

  it('truncated JSON is reported with its line and a column', () => {
    const log = parseEventsLog(`{"Type":"container","Action":"start","Actor":{"ID":"${ID}"},"time":1}\n{"Type":"contai\n{"Type":"container","Action":"stop","Actor":{"ID":"${ID}"},"time":2}`);
    expect(log.events.map((e) => [e.line, e.message.Action])).toEqual([
      [1, 'start'],
      [3, 'stop'],
    ]);
    expect(log.problems).toHaveLength(1);
    expect(log.problems[0]).toMatchObject({ line: 2, text: '{"Type":"contai' });
    expect(log.problems[0]?.message).toMatch(/^invalid JSON/);
    expect(log.problems[0]?.column).toBeGreaterThan(0);
  });

  it.each([
    ['{"Type":"container","Action":42,"Actor":{"ID":"x"}}', /Action/],
    ['{"Type":"container","Action":"die","Actor":{"ID":"x","Attributes":{"exitCode":143}}}', /Actor\.Attributes\.exitCode/],
    ['{"Type":"container","Actor":{"ID":"x"},"time":1}', /missing Action/],
    ['{"Type":"container","Action":"start","time":1}', /missing Actor\.ID/],
    ['{"Type":"container","Action":"start","Actor":{"ID":"x"},"time":"1700000000"}', /time/],
    ['{"Type":"container","Action":"start","Actor":{"ID":"x"},"time":-5}', /time/],
    ['{"Type":"container","Action":"start","Actor":{"ID":"x"},"time":1.5}', /integer/],
    ['["container","start"]', /JSON object/],
  ])('wrong shape %s is a problem naming the field', (line, reason) => {
    const log = parseEventsLog(`\n${line}\n`);
    expect(log.events).toEqual([]);
    // A JSON array is a list of events: one problem per element that is not an event object.
    expect(log.problems).toHaveLength(line.startsWith('[') ? 2 : 1);
    expect(log.problems[0]?.line).toBe(2);
    expect(log.problems[0]?.message).toMatch(reason);
  });
});
