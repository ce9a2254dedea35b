import { describe, expect, it } from 'vitest';
import { containerIdOf, containerKey, shortId } from '../../../src/model/events/containerKey';
import { parseEventsLog, type DockerEventMessage } from '../../../src/model/events/parseEventsLog';

const ID = '0fdb48addc82871eb34eb23a847cfd033dedd1a0a37bef2e6d9eb3870fc7ff37';
const msg = (Attributes: Record<string, string>, ID_ = ID, Type = 'container'): DockerEventMessage => ({
  Type,
  Action: 'start',
  Actor: { ID: ID_, Attributes },
  time: 0,
  timeNano: 0,
});

describe('shortId', () => {
  it("is docker's 12-character short ID", () => {
    expect(shortId(ID)).toBe('0fdb48addc82');
    expect(shortId(ID)).toHaveLength(12);
  });
  it('drops an algorithm prefix first (moby stringid.TruncateID)', () => {
    expect(shortId(`sha256:${ID}`)).toBe('0fdb48addc82');
  });
  it('leaves shorter ids unchanged', () => {
    expect(shortId('0fdb...ff37')).toBe('0fdb...ff37');
    expect(shortId('0fdb48addc82')).toBe('0fdb48addc82');
    expect(shortId('')).toBe('');
  });
});

describe('containerKey', () => {
  it('is the name attribute when present', () => {
    expect(containerKey(msg({ image: 'alpine', name: 'order-service' }))).toBe('order-service');
  });
  it('falls back to the short ID when the name is absent or empty', () => {
    expect(containerKey(msg({ image: 'alpine' }))).toBe('0fdb48addc82');
    expect(containerKey(msg({ name: '' }))).toBe('0fdb48addc82');
  });
  it('works on parsed lines without attributes (legacy JSON, Key=Value)', () => {
    const log = parseEventsLog(`{"status":"die","id":"${ID}","time":1}\nType=container Status=start ID=${ID}`);
    expect(log.events.map((e) => containerKey(e.message))).toEqual(['0fdb48addc82', '0fdb48addc82']);
  });
});

describe('containerIdOf', () => {
  it('is Actor.ID for container events and the container attribute for network events', () => {
    expect(containerIdOf(msg({ name: 'x' }))).toBe(ID);
    expect(containerIdOf(msg({ container: ID, name: 'bridge', type: 'bridge' }, 'netid', 'network'))).toBe(ID);
    expect(containerIdOf(msg({ name: 'alpine' }, 'alpine:latest', 'image'))).toBeUndefined();
  });
});
