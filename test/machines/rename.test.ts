/**
 * `docker rename` (issue 14: real logs contain `container rename … (name=NEW, oldName=/OLD)`):
 * same container, ID and state, new name; event `rename` (moby `daemon/rename.go`).
 */
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { commandError, containerMachine, createArchitecture, inspectState, type DockerEventMessage } from '../../machines';

function container() {
  const clock = new SimulatedClock();
  clock.set(Date.UTC(2026, 11, 7));
  const actor = createActor(containerMachine, { input: { name: 'web', image: 'nginx' }, clock });
  const events: DockerEventMessage[] = [];
  actor.on('docker.event', ({ message }) => events.push(message));
  return { actor: actor.start(), events };
}

describe('rename in the container machine', () => {
  it('keeps the ID and state, takes the new name and emits rename with oldName=/OLD', () => {
    const { actor, events } = container();
    actor.send({ type: 'start' });
    const { id } = actor.getSnapshot().context;
    actor.send({ type: 'rename', name: 'frontend' });

    expect(actor.getSnapshot().context).toMatchObject({ id, name: 'frontend' });
    expect(inspectState(actor.getSnapshot()).Status).toBe('running');
    expect(events.at(-1)).toMatchObject({ Action: 'rename', Actor: { ID: id, Attributes: { name: 'frontend', oldName: '/web' } } });
  });

  it.each([
    ['', 'Neither old nor new names may be empty'],
    ['web', 'Renaming a container with the same name as its current name'],
    ['-bad', 'Invalid container name (-bad), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed'],
  ])('refuses %j: %s', (name, message) => {
    const { actor } = container();
    expect(commandError(actor.getSnapshot(), { type: 'rename', name })).toBe(message);
    expect(actor.getSnapshot().can({ type: 'rename', name })).toBe(false);
  });
});

describe('rename in the architecture', () => {
  const spec = {
    project: 'p',
    services: ['api', 'db'].map((name) => ({
      name,
      image: 'nginx',
      containerName: name,
      replicas: 1,
      restartPolicy: 'no' as const,
      dependsOn: [],
      profiles: [],
      ports: [],
      expose: [],
      networks: ['default'],
      environment: {},
    })),
    networks: ['default'],
    volumes: [],
    activeProfiles: [],
  };

  it('the container answers to its new name only', () => {
    const arch = createArchitecture(spec, { clock: new SimulatedClock(), up: true });
    const id = arch.containerActor('api')!.getSnapshot().context.id;
    const entry = arch.rename('api', 'api2');

    expect(entry.outcome).toBe('ok');
    expect(entry.events.map((e) => e.Action)).toEqual(['rename']);
    expect(arch.containerActor('api')).toBeUndefined();
    expect(arch.containerActor('api2')!.getSnapshot().context).toMatchObject({ id, name: 'api2' });
    expect(arch.send('api2', { type: 'stop' }).outcome).toBe('ok');
    arch.stop();
  });

  it('refuses a name in use, with Docker conflict text', () => {
    const arch = createArchitecture(spec, { clock: new SimulatedClock(), up: true });
    const entry = arch.rename('api', 'db');

    expect(entry.outcome).toBe('error');
    expect(entry.message).toMatch(/^Error when allocating new name: Conflict\. The container name "\/db" is already in use by container "[0-9a-f]{64}"/);
    arch.stop();
  });
});
