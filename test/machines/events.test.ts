/**
 * Emitted Docker events have the `docker events --format '{{json .}}'` shape
 * (docs/docker-behaviour.md §3.2, docs/contracts.md §1): `{ type: 'docker.event', message }`.
 */
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { containerMachine, type DockerEventEmitted, type DockerEventMessage } from '../../machines';
import { containerIn, createContainer, ID, IMAGE, NAME, T0 } from './containerDriver';

const HEX64 = /^[0-9a-f]{64}$/;
const LABELS = { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'order-service', tier: 'backend' };

/** Every container event of one full lifecycle: start, kill -s HUP (survives), pause, stop, restart, crash, OOM, rm -f. */
function fullLifecycle(): DockerEventMessage[] {
  const container = createContainer({ labels: LABELS, process: { onStopSignal: 'ignores' } });
  container.send({ type: 'start' });
  container.send({ type: 'kill', signal: 'SIGHUP' });
  container.send({ type: 'pause' });
  container.send({ type: 'stop' });
  container.send({ type: 'restart' });
  container.send({ type: 'exit', exitCode: 1 });
  container.send({ type: 'start' });
  container.send({ type: 'oom' });
  container.send({ type: 'start' });
  container.send({ type: 'remove', force: true });
  return container.messages;
}

describe('§3.2 message shape', () => {
  it('`start` is exactly the v29 JSON shape (no legacy status/id/from fields)', () => {
    const container = createContainer();
    container.advance(1500);

    container.send({ type: 'start' });
    const start = container.messages.find((m) => m.Action === 'start');

    expect(start).toStrictEqual({
      Type: 'container',
      Action: 'start',
      Actor: { ID, Attributes: { name: NAME, image: IMAGE } },
      scope: 'local',
      time: Math.floor((T0 + 1500) / 1000),
      timeNano: (T0 + 1500) * 1_000_000,
    });
  });

  it('is emitted through XState `emit` as { type: "docker.event", message }', () => {
    const clock = new SimulatedClock();
    clock.set(T0);
    const actor = createActor(containerMachine, { input: { name: NAME, image: IMAGE, id: ID }, clock });
    const emitted: DockerEventEmitted[] = [];
    actor.on('docker.event', (event) => emitted.push(event));
    actor.start();
    const before = emitted.length;

    actor.send({ type: 'pause' }); // rejected: nothing emitted
    actor.send({ type: 'start' });

    expect(emitted.slice(before).map((e) => e.type)).toEqual(['docker.event', 'docker.event']);
    expect(emitted.slice(before).map((e) => `${e.message.Type} ${e.message.Action}`)).toEqual(['network connect', 'container start']);
  });

  it('every message of a full lifecycle is JSON-serialisable, scope local, with a 64-hex Actor.ID', () => {
    const messages = fullLifecycle();

    expect(messages.length).toBeGreaterThan(20);
    for (const message of messages) {
      expect(Object.keys(message).sort()).toEqual(['Action', 'Actor', 'Type', 'scope', 'time', 'timeNano']);
      expect(JSON.parse(JSON.stringify(message))).toEqual(message);
      expect(message.scope).toBe('local');
      expect(message.Actor.ID).toMatch(HEX64);
      expect(['container', 'network']).toContain(message.Type);
    }
  });

  it('a container without an `id` input gets a random 64-hex ID, the same on every event', () => {
    const clock = new SimulatedClock();
    const actor = createActor(containerMachine, { input: { name: NAME, image: IMAGE }, clock });
    const ids = new Set<string>();
    actor.on('docker.event', ({ message }) => {
      if (message.Type === 'container') ids.add(message.Actor.ID);
    });
    actor.start();

    actor.send({ type: 'start' });
    actor.send({ type: 'stop' });

    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(HEX64);
    expect(actor.getSnapshot().context.id).toBe([...ids][0]);
  });
});

describe('creation', () => {
  it('starting the actor emits no event: `create` is emitted by whoever creates the container', () => {
    const container = createContainer();

    expect(container.messages).toEqual([]);
    expect(container.inspect().Status).toBe('created');
  });
});

describe('§3.2 attributes', () => {
  it('container events carry name, image and every label', () => {
    const messages = fullLifecycle().filter((m) => m.Type === 'container');

    for (const message of messages) {
      expect(message.Actor.Attributes).toMatchObject({ ...LABELS, name: NAME, image: IMAGE });
    }
  });

  it('`name` and `image` win over labels of the same name (moby sets them after copying labels)', () => {
    const container = createContainer({ labels: { name: 'label-name', image: 'label-image' } });

    container.send({ type: 'start' });

    expect(container.messages.at(-1)?.Actor.Attributes).toEqual({ name: NAME, image: IMAGE });
  });

  it('`kill` has `signal` as a decimal string; other actions have no signal', () => {
    const container = containerIn('running', { process: { onStopSignal: 'ignores' } });
    const from = container.messages.length;

    container.send({ type: 'stop' });
    const messages = container.messages.slice(from);

    expect(messages.filter((m) => m.Action === 'kill').map((m) => m.Actor.Attributes)).toEqual([
      { name: NAME, image: IMAGE, signal: '15' },
      { name: NAME, image: IMAGE, signal: '9' },
    ]);
    expect(messages.filter((m) => m.Action !== 'kill').every((m) => !('signal' in m.Actor.Attributes))).toBe(true);
  });

  it('`die` has exitCode and execDuration (whole seconds of the run)', () => {
    const container = createContainer({ labels: { tier: 'backend' } });
    container.send({ type: 'start' });
    container.advance(12_750);

    container.send({ type: 'exit', exitCode: 42 });

    expect(container.messages.at(-1)).toMatchObject({
      Type: 'container',
      Action: 'die',
      Actor: { ID, Attributes: { name: NAME, image: IMAGE, tier: 'backend', exitCode: '42', execDuration: '12' } },
    });
    expect(Object.keys(container.messages.at(-1)?.Actor.Attributes ?? {}).sort()).toEqual([
      'execDuration',
      'exitCode',
      'image',
      'name',
      'tier',
    ]);
  });

  it('`network connect/disconnect`: Type network, Actor = the network, attributes container/name/type, no labels', () => {
    const container = createContainer({ labels: LABELS, network: 'shop_default' });

    container.send({ type: 'start' });
    container.send({ type: 'kill' });
    const network = container.messages.filter((m) => m.Type === 'network');

    expect(network.map((m) => m.Action)).toEqual(['connect', 'disconnect']);
    for (const message of network) {
      expect(message.Actor.ID).toMatch(HEX64);
      expect(message.Actor.ID).not.toBe(ID);
      expect(message.Actor.Attributes).toEqual({ container: ID, name: 'shop_default', type: 'bridge' });
    }
    expect(network[0]?.Actor.ID).toBe(network[1]?.Actor.ID);
  });

  it('the default network is `bridge`', () => {
    const container = containerIn('running');

    expect(container.messages.find((m) => m.Type === 'network')?.Actor.Attributes.name).toBe('bridge');
  });
});

describe('§3.2 times follow the actor clock', () => {
  it('time is Unix seconds and timeNano Unix nanoseconds of the SimulatedClock at each command', () => {
    const container = createContainer();
    const times: number[] = [];

    for (const [wait, event] of [
      [1_250, { type: 'start' }],
      [60_000, { type: 'pause' }],
      [999, { type: 'unpause' }],
      [3_600_000, { type: 'kill' }],
    ] as const) {
      container.advance(wait);
      times.push(container.clock.now());
      container.send(event);
    }

    const byAction = (action: string) => container.messages.find((m) => m.Action === action);
    ['start', 'pause', 'unpause', 'kill'].forEach((action, i) => {
      const now = times[i] ?? NaN;
      expect(byAction(action)?.time).toBe(Math.floor(now / 1000));
      expect(byAction(action)?.timeNano).toBe(now * 1_000_000);
    });
    expect(byAction('start')?.time).toBe(1_795_953_601);
  });

  it('the back-off start is stamped at the time the timer fires', () => {
    const container = createContainer({ restartPolicy: 'always' });
    container.send({ type: 'start' });
    container.advance(5_000);
    container.send({ type: 'exit', exitCode: 1 });

    container.advance(100);

    const start = container.messages.at(-1);
    expect(start?.Action).toBe('start');
    expect(start?.timeNano).toBe((T0 + 5_100) * 1_000_000);
  });

  it('all events of one command share the command time; times never go backwards', () => {
    const container = containerIn('paused');
    container.advance(2_000);
    const from = container.messages.length;

    container.send({ type: 'restart' });

    const nanos = container.messages.map((m) => m.timeNano);
    expect(nanos).toEqual([...nanos].sort((a, b) => a - b));
    expect(container.messages.slice(from).map((m) => m.timeNano)).toEqual(
      Array(8).fill(container.clock.now() * 1_000_000),
    );
  });
});
