/**
 * The architecture actor: owns one `containerMachine` child per container (`spawnChild`),
 * so a command goes to one child and re-renders one node. It holds which container
 * stands in each service slot (service + replica) and emits the `create` event that
 * `docker create` / `docker compose up` produce (the container machine itself starts in
 * `created`, as after `docker create`).
 */
import { assign, enqueueActions, setup, stopChild } from 'xstate';
import { containerMachine } from '../container/containerMachine';
import { containerEvent } from '../container/dockerEvents';
import { actorNow } from '../container/clock';
import { randomContainerId } from '../container/ids';
import type { DockerEventEmitted } from '../container/types';
import { composeLabels, containerName, isServiceActive, networkName } from './naming';
import type { ArchitectureSpec, ServiceSpec } from './spec';

/** One container in the architecture: the child actor's id is the container ID. */
export interface ContainerEntry {
  /** 64-hex container ID, also the child actor's id. */
  id: string;
  name: string;
  service: string;
  /** 1-based replica number within the service. */
  replica: number;
}

export interface ArchitectureContext {
  spec: ArchitectureSpec;
  /** Current container of every slot, in spec order (a removed one stays until replaced). */
  containers: ContainerEntry[];
  /** Whether the containers were created on start (false for a replay, which creates them as the log does). */
  autoCreate: boolean;
}

export type ArchitectureEvent =
  /** Adds a service to the spec (a replay meets a container it has not seen). */
  | { type: 'addService'; service: ServiceSpec }
  /** `docker create` for a slot of `service` (replaces a removed container in that slot). */
  | { type: 'create'; service: string; replica?: number; id?: string }
  /**
   * `docker compose up --scale service=N`: sets the replica count, creates the new
   * slots' containers and forgets the slots above N (their containers must already be
   * removed; the runtime stops and removes them first, as Compose does).
   */
  | { type: 'scale'; service: string; replicas: number };

export interface ArchitectureInput {
  spec: ArchitectureSpec;
  /** Create every active service's containers on start (default true); false starts empty (replay). */
  createContainers?: boolean;
}

export const architectureMachine = setup({
  types: {
    context: {} as ArchitectureContext,
    events: {} as ArchitectureEvent,
    input: {} as ArchitectureInput,
    emitted: {} as DockerEventEmitted,
  },
  actors: { container: containerMachine },
  actions: {
    /** Creates one container per replica of every active service (`docker compose create`). */
    createAll: enqueueActions(({ context, enqueue }) => {
      if (!context.autoCreate) return;
      for (const service of context.spec.services) {
        if (!isServiceActive(context.spec, service)) continue;
        for (let replica = 1; replica <= service.replicas; replica++) {
          enqueue.raise({ type: 'create', service: service.name, replica });
        }
      }
    }),
    addService: assign({
      spec: ({ context, event }) =>
        event.type === 'addService' && !context.spec.services.some((s) => s.name === event.service.name)
          ? { ...context.spec, services: [...context.spec.services, event.service] }
          : context.spec,
    }),
    scaleService: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'scale') return;
      const service = context.spec.services.find((s) => s.name === event.service);
      if (!service || service.containerName !== undefined) return;
      const replicas = Math.max(0, Math.floor(event.replicas));
      const dropped = context.containers.filter((c) => c.service === service.name && c.replica > replicas);
      for (const entry of dropped) enqueue(stopChild(entry.id));
      enqueue.assign({
        spec: ({ context: c }) => ({
          ...c.spec,
          services: c.spec.services.map((s) => (s.name === service.name ? { ...s, replicas } : s)),
        }),
        containers: ({ context: c }) => c.containers.filter((e) => !dropped.includes(e)),
      });
      const existing = new Set(context.containers.filter((c) => c.service === service.name).map((c) => c.replica));
      for (let replica = 1; replica <= replicas; replica++) {
        if (!existing.has(replica)) enqueue.raise({ type: 'create', service: service.name, replica });
      }
    }),
    createContainer: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'create') return;
      const service = context.spec.services.find((s) => s.name === event.service);
      if (!service) return;
      const replica = event.replica ?? 1;
      const id = event.id ?? randomContainerId();
      const name = containerName(context.spec, service, replica);
      const previous = context.containers.find((c) => c.service === service.name && c.replica === replica);
      if (previous) enqueue(stopChild(previous.id));
      const labels = composeLabels(context.spec.project, service.name, replica);
      enqueue.spawnChild('container', {
        id,
        input: {
          id,
          name,
          image: service.image,
          restartPolicy: service.restartPolicy,
          healthcheck: service.healthcheck,
          process: service.process,
          labels,
          network: networkName(context.spec.project, service.networks[0] ?? 'default'),
        },
      });
      const entry: ContainerEntry = { id, name, service: service.name, replica };
      enqueue.assign({
        containers: ({ context: c }) =>
          previous ? c.containers.map((e) => (e === previous ? entry : e)) : [...c.containers, entry],
      });
      enqueue.emit({
        type: 'docker.event',
        message: containerEvent({ id, name, image: service.image, labels }, 'create', actorNow(self)),
      });
    }),
  },
}).createMachine({
  id: 'architecture',
  context: ({ input }) => ({ spec: input.spec, containers: [], autoCreate: input.createContainers !== false }),
  entry: 'createAll',
  on: {
    create: { actions: 'createContainer' },
    scale: { actions: 'scaleService' },
    addService: { actions: 'addService' },
  },
});

