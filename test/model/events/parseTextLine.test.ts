import { describe, expect, it } from 'vitest';
import { parseEventsLog } from '../../../src/model/events/parseEventsLog';

const ID = '015f2893aa1b2c3d4e5f60718293a4b5c6d7e8f9012345678901234567898c29';

function one(line: string) {
  const log = parseEventsLog(line);
  expect(log.problems).toEqual([]);
  expect(log.events).toHaveLength(1);
  return log.events[0]!;
}

describe('default text format', () => {
  it('exec_create with a command suffix: the action runs up to the last word before " ("', () => {
    const ev = one(`2017-09-02T19:14:00.033560520+02:00 container exec_create: /bin/sh -c pg_isready -U postgres ${ID} (execID=abc, image=postgres:9.6, name=pedantic_heisenberg)`);
    expect(ev.message.Action).toBe('exec_create: /bin/sh -c pg_isready -U postgres');
    expect(ev.baseAction).toBe('exec_create');
    expect(ev.actionDetail).toBe('/bin/sh -c pg_isready -U postgres');
    expect(ev.message.Actor.ID).toBe(ID);
    expect(ev.message.Actor.Attributes).toEqual({ execID: 'abc', image: 'postgres:9.6', name: 'pedantic_heisenberg' });
    expect(ev.message.time).toBe(1504372440);
    expect(ev.message.timeNano).toBe(Number(1504372440033560520n));
  });

  it('health_status: healthy', () => {
    const ev = one(`2017-09-02T19:14:00.165324872+02:00 container health_status: healthy ${ID} (image=postgres:9.6, name=pedantic_heisenberg)`);
    expect(ev.message.Action).toBe('health_status: healthy');
    expect(ev.baseAction).toBe('health_status');
    expect(ev.actionDetail).toBe('healthy');
    expect(ev.message.Actor.ID).toBe(ID);
  });

  it('a command containing " (k=" does not steal the attributes block (Docker sorts keys)', () => {
    const ev = one(`2024-01-01T00:00:00.000000000Z container exec_create: sh -c (X=1 run) ${ID} (image=a, name=b)`);
    expect(ev.message.Action).toBe('exec_create: sh -c (X=1 run)');
    expect(ev.message.Actor).toEqual({ ID, Attributes: { image: 'a', name: 'b' } });
    const lower = one(`2024-01-01T00:00:00Z container exec_start: sh -c (a=1; b=2) ${ID} (execID=e1, image=a, name=b)`);
    expect(lower.message.Action).toBe('exec_start: sh -c (a=1; b=2)');
    expect(lower.message.Actor.Attributes).toEqual({ execID: 'e1', image: 'a', name: 'b' });
  });

  it('a label value containing " (k=" stays in the value when the action is one word or sorted', () => {
    const ev = one(`2024-01-01T00:00:00Z container exec_create: sh ${ID} (desc=see (ref=1), image=a, name=b)`);
    expect(ev.message.Action).toBe('exec_create: sh');
    expect(ev.message.Actor.Attributes).toEqual({ desc: 'see (ref=1)', image: 'a', name: 'b' });
  });

  it('attribute values may contain commas, "=" and parentheses', () => {
    const ev = one(
      `2024-01-01T00:00:00Z container start ${ID} (com.example.desc=a, b and c, com.example.eq=x=y, com.example.p=web (1), image=nginx:alpine, name=web)`,
    );
    expect(ev.message.Actor.Attributes).toEqual({
      'com.example.desc': 'a, b and c',
      'com.example.eq': 'x=y',
      'com.example.p': 'web (1)',
      image: 'nginx:alpine',
      name: 'web',
    });
  });

  it('unsorted hand-written attributes still parse', () => {
    const ev = one(`2024-01-01T00:00:00Z container start ${ID} (name=web, image=nginx)`);
    expect(ev.message.Actor.Attributes).toEqual({ name: 'web', image: 'nginx' });
  });

  it('the attributes block may be missing', () => {
    const ev = one(`2024-01-01T00:00:00Z volume create myvolume`);
    expect(ev.message).toEqual({ Type: 'volume', Action: 'create', Actor: { ID: 'myvolume', Attributes: {} }, time: 1704067200, timeNano: 1704067200e9 });
    expect(ev.actionDetail).toBeUndefined();
  });

  it('a line without a time (Docker omits it when time is 0) starts with a known type; time is 0', () => {
    const ev = one(`container die ${ID} (exitCode=1, name=x)`);
    expect(ev.message.time).toBe(0);
    expect(ev.message.timeNano).toBe(0);
    expect(ev.message.Actor.Attributes.exitCode).toBe('1');
  });

  it('UTC, negative offsets and short fractions convert exactly', () => {
    expect(one(`1970-01-01T00:00:01.000000001Z container start ${ID}`).message.timeNano).toBe(1000000001);
    const neg = one(`2017-01-04T11:36:09.840186338-05:00 container die ${ID} (exitCode=143)`);
    expect(neg.message.time).toBe(1483547769);
    expect(neg.message.timeNano).toBe(Number(1483547769840186338n));
    expect(one(`2024-02-29T23:59:59.5Z container start ${ID}`).message.timeNano).toBe(1709251199.5e9);
  });

  it('extra spaces between fields and \\r\\n endings are accepted', () => {
    const ev = one(`2024-01-01T00:00:00Z  container   start  ${ID} (name=x)\r\n`);
    expect(ev.message.Action).toBe('start');
    expect(ev.message.Actor.ID).toBe(ID);
  });

  it.each([
    [`2017-13-05T00:36:04.795031609+08:00 container start ${ID}`, /month 13/],
    [`2023-02-29T00:00:00Z container start ${ID}`, /day 29/],
    [`2017-01-05T24:00:00Z container start ${ID}`, /hour 24/],
    [`2017-01-05 container start ${ID}`, /RFC 3339/],
    [`2017-01-05T00:36:04.79+08 container start ${ID}`, /RFC 3339/],
  ])('bad timestamp %s is a problem at column 1', (line, reason) => {
    const log = parseEventsLog(line);
    expect(log.events).toEqual([]);
    expect(log.problems).toHaveLength(1);
    expect(log.problems[0]).toMatchObject({ line: 1, column: 1, text: line });
    expect(log.problems[0]?.message).toMatch(/bad timestamp/);
    expect(log.problems[0]?.message).toMatch(reason);
  });

  it.each([
    ['2024-01-01T00:00:00Z', /missing event type/],
    ['2024-01-01T00:00:00Z container', /missing action/],
    ['2024-01-01T00:00:00Z container start', /missing actor ID/],
    [`2024-01-01T00:00:00Z container start ${ID} trailing words`, /unexpected text/],
    ['hello world this is not docker', /not a docker events line/],
  ])('structural fault in %s', (line, reason) => {
    const log = parseEventsLog(line);
    expect(log.events).toEqual([]);
    expect(log.problems[0]?.message).toMatch(reason);
  });
});
