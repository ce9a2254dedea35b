/**
 * The architecture actor's `docker compose create`: every slot of every active service
 * gets a container in one step (one spawn batch), in spec order, each with a `create`
 * event; `create` for one slot replaces that slot's container in place.
 */
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { architectureMachine, createArchitecture, ecommerceScenario, type ArchitectureSpec, type DockerEventEmitted } from '../../machines';

const spec: ArchitectureSpec = {
  ...ecommerceScenario,
  // Three replicas of one service (named <project>-<service>-<n>: no container_name with replicas).
  services: ecommerceScenario.services.map((s) => {
    if (s.name !== 'order-service') return s;
    const { containerName: _unused, ...rest } = s;
    return { ...rest, replicas: 3 };
  }),
};

function startRecording() {
  const actor = createActor(architectureMachine, { input: { spec }, clock: new SimulatedClock() });
  const created: string[] = [];
  actor.on('docker.event', ({ message }: DockerEventEmitted) => {
    if (message.Action === 'create') created.push(message.Actor.Attributes.name!);
  });
  actor.start();
  return { actor, created };
}

describe('architecture actor: compose create', () => {
  it('spawns one child per replica, in spec order, with one create event each', () => {
    const { actor, created } = startRecording();
    const { containers } = actor.getSnapshot().context;
    const expected = spec.services.flatMap((s) => Array.from({ length: s.replicas }, (_, i) => `${s.name}#${i + 1}`));
    expect(containers.map((c) => `${c.service}#${c.replica}`)).toEqual(expected);
    expect(created).toEqual(containers.map((c) => c.name));
    // Each child actor's id is its container ID, and its context names the container.
    for (const c of containers) {
      const child = actor.getSnapshot().children[c.id];
      expect(child?.getSnapshot().context.name).toBe(c.name);
      expect(child?.getSnapshot().value).toBe('created');
    }
    expect(Object.keys(actor.getSnapshot().children)).toHaveLength(containers.length);
  });

  it('creates the whole batch in one microstep (a create event per container copied XState children N times: O(N²))', () => {
    const microsteps: string[] = [];
    const actor = createActor(architectureMachine, {
      input: { spec },
      clock: new SimulatedClock(),
      inspect: (e) => {
        if (e.type === '@xstate.microstep' && e.actorRef === actor && e.event.type === 'create') microsteps.push(e.event.type);
      },
    });
    actor.start();
    const { containers } = actor.getSnapshot().context;
    expect(containers.length).toBeGreaterThan(10);
    expect(microsteps).toEqual([]);
    // The inspection does see a `create` microstep: one slot at a time after start.
    actor.getSnapshot().children[containers[0]!.id]!.send({ type: 'remove' });
    actor.send({ type: 'create', service: containers[0]!.service });
    expect(microsteps).toEqual(['create']);
  });

  it('create on a removed slot replaces that slot in place (same position, new ID, old actor gone)', () => {
    const arch = createArchitecture(spec, { clock: new SimulatedClock(), up: false });
    const before = arch.containers.map((c) => c.name);
    const old = arch.containers.find((c) => c.service === 'order-service' && c.replica === 2)!;
    arch.send(old.name, { type: 'remove' });
    arch.create('order-service', 2);
    const after = arch.containers;
    expect(after.map((c) => c.name)).toEqual(before);
    const replaced = after.find((c) => c.service === 'order-service' && c.replica === 2)!;
    expect(replaced.id).not.toBe(old.id);
    expect(arch.actor.getSnapshot().children[old.id]).toBeUndefined();
    expect(arch.status(replaced.name)).toBe('created');
    arch.stop();
  });
});
