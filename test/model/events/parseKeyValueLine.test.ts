import { describe, expect, it } from 'vitest';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';

const ID = '2ee349dac409e97974ce8d01b70d250b85e0ba8189299c126a87812311951e26';

describe('custom --format Key=Value lines', () => {
  it('reads Type, Status, ID, Image/From, Name in any order and case', () => {
    const log = parseEventsLog(`name=web  ID=${ID}  Status=start  Type=container  From=nginx:alpine`);
    expect(log.problems).toEqual([]);
    expect(log.format).toBe('text');
    expect(log.events[0]?.message).toEqual({
      Type: 'container',
      Action: 'start',
      Actor: { ID, Attributes: { image: 'nginx:alpine', name: 'web' } },
      time: 0,
      timeNano: 0,
    });
  });

  it('Action wins over Status; actions with ": " may contain spaces; Type defaults to container', () => {
    const log = parseEventsLog(`Status=exec_create  Action=exec_create: /bin/sh -c echo hi  ID=${ID}`);
    expect(log.problems).toEqual([]);
    expect(log.events[0]?.message.Type).toBe('container');
    expect(log.events[0]?.baseAction).toBe('exec_create');
    expect(log.events[0]?.actionDetail).toBe('/bin/sh -c echo hi');
  });

  it('optional Time / TimeNano fields give the time', () => {
    const log = parseEventsLog(`Type=container Action=die ID=${ID} Time=1700000000 TimeNano=1700000000123456789 Scope=local`);
    expect(log.problems).toEqual([]);
    expect(log.events[0]?.message).toMatchObject({ time: 1700000000, timeNano: Number(1700000000123456789n), scope: 'local' });
  });

  it.each([
    [`Foo=bar ID=${ID} Status=start`, /unknown field "Foo"/],
    [`Type=container Status=start`, /missing ID/],
    [`Type=container ID=${ID}`, /missing Status/],
    [`Type=container Status=start Foo=bar ID=${ID}`, /has spaces/],
    [`Type=container Status=start ID=${ID} Time=yesterday`, /Time/],
  ])('%s is a problem', (line, reason) => {
    const log = parseEventsLog(line);
    expect(log.events).toEqual([]);
    expect(log.problems).toHaveLength(1);
    expect(log.problems[0]?.line).toBe(1);
    expect(log.problems[0]?.message).toMatch(reason);
  });
});
