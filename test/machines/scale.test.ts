/**
 * Scaling and create/run are the architecture machine's behaviour (`scale`, `create`,
 * `start.service` events, checked by `slotOutcome`); `Architecture` only forwards them
 * and logs one entry per command with every Docker event it caused.
 */
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { architectureMachine, createArchitecture, ecommerceScenario, type ArchitectureSpec } from '../../machines';

const spec: ArchitectureSpec = {
  ...ecommerceScenario,
  services: ecommerceScenario.services.map((s) => {
    if (s.name !== 'order-service') return s;
    const { containerName: _unused, ...rest } = s;
    return { ...rest, replicas: 3 };
  }),
};
const actions = (events: ReadonlyArray<{ Action: string; Actor: { Attributes: Record<string, string | undefined> } }>) =>
  events.map((e) => `${e.Action} ${e.Actor.Attributes.name ?? ''}`.trim());

describe('scale (docker compose up -d --scale)', () => {
  it('down to 1: replicas 2 and 3 are stopped and removed in the same entry, and their slots forgotten', () => {
    const arch = createArchitecture(spec, { clock: new SimulatedClock() });
    const entry = arch.scale('order-service', 1);
    expect(entry.outcome).toBe('ok');
    expect(arch.containers.filter((c) => c.service === 'order-service').map((c) => c.replica)).toEqual([1]);
    const seen = actions(entry.events);
    for (const n of [2, 3]) {
      expect(seen).toContain(`die ecommerce-order-service-${n}`);
      expect(seen).toContain(`destroy ecommerce-order-service-${n}`);
    }
    expect(arch.spec.services.find((s) => s.name === 'order-service')?.replicas).toBe(1);
    arch.stop();
  });

  it('up to 4: a removed slot is created again and every new container is started, in that one entry', () => {
    const arch = createArchitecture(spec, { clock: new SimulatedClock() });
    arch.send('ecommerce-order-service-2', { type: 'remove', force: true });
    const entry = arch.scale('order-service', 4);
    const seen = actions(entry.events).filter((a) => a.startsWith('create') || a.startsWith('start'));
    expect(seen).toEqual(['create ecommerce-order-service-2', 'create ecommerce-order-service-4', 'start ecommerce-order-service-2', 'start ecommerce-order-service-4']);
    for (const n of [1, 2, 3, 4]) expect(arch.status(`ecommerce-order-service-${n}`)).toBe('running');
    arch.stop();
  });

  it('the machine itself refuses what Compose refuses (container_name, bad counts): nothing changes', () => {
    const actor = createActor(architectureMachine, { input: { spec }, clock: new SimulatedClock() }).start();
    const before = actor.getSnapshot().context;
    const named = spec.services.find((s) => s.containerName !== undefined)!;
    actor.send({ type: 'scale', service: named.name, replicas: 2 });
    actor.send({ type: 'scale', service: 'order-service', replicas: -1 });
    actor.send({ type: 'scale', service: 'order-service', replicas: 1.5 });
    actor.send({ type: 'scale', service: 'nope', replicas: 1 });
    expect(actor.getSnapshot().context).toBe(before);
    actor.stop();
  });
});

describe('create / run of a slot', () => {
  it('run of a removed slot: create then start in one entry; run again is a name conflict and creates nothing', () => {
    const arch = createArchitecture(spec, { clock: new SimulatedClock() });
    const old = arch.containerActor('ecommerce-order-service-2')!.id;
    arch.send('ecommerce-order-service-2', { type: 'remove', force: true });
    const run = arch.run('order-service', 2);
    expect(actions(run.events).filter((a) => !a.startsWith('connect'))).toEqual(['create ecommerce-order-service-2', 'start ecommerce-order-service-2']);
    const id = arch.containerActor('ecommerce-order-service-2')!.id;
    expect(id).not.toBe(old);
    const again = arch.run('order-service', 2);
    expect(again.outcome).toBe('error');
    expect(again.message).toContain(`is already in use by container "${id}"`);
    expect(arch.containerActor('ecommerce-order-service-2')!.id).toBe(id);
    arch.stop();
  });

  it('the machine itself refuses create on a slot whose container still exists', () => {
    const actor = createActor(architectureMachine, { input: { spec }, clock: new SimulatedClock() }).start();
    const before = actor.getSnapshot().context.containers;
    actor.send({ type: 'create', service: 'order-service', replica: 2 });
    expect(actor.getSnapshot().context.containers).toBe(before);
    actor.stop();
  });
});
