/**
 * The architecture actor: owns one `containerMachine` child per container (`spawnChild`),
 * so a command goes to one child and re-renders one node. It holds which container
 * stands in each service slot (service + replica) and emits the `create` event that
 * `docker create` / `docker compose up` produce (the container machine itself starts in
 * `created`, as after `docker create`).
 *
 * Every command for a container comes in as `command` (see `Architecture.send`). A
 * `docker stop`/`docker restart` of a live process takes Docker's time: SIGTERM, then the
 * grace period, then SIGKILL (moby `daemon/stop.go`). Docker's status stays `running`
 * meanwhile, so the container machine is told only when the CLI would return: the
 * architecture keeps the stop in `pending` and a delayed `stop.due` on its own clock
 * (the simulation clock) delivers it.
 */
import { assign, enqueueActions, setup, stopChild, type ActorRefFrom } from 'xstate';
import { containerMachine } from '../container/containerMachine';
import { containerEvent } from '../container/dockerEvents';
import { actorNow } from '../container/clock';
import { randomContainerId } from '../container/ids';
import { dockerStatus } from '../container/inspectState';
import type { ContainerEvent, ContainerInput, DockerEventEmitted } from '../container/types';
import { architectureOutcome, overridesPendingStop } from './architectureOutcome';
import { pendingFor, type PendingCommand } from './pendingCommand';
import { composeLabels, containerName, networkName } from './naming';
import { isServiceActive } from './profiles';
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
  /**
   * Stops in their grace period, by container ID: SIGTERM was sent, the CLI has not
   * returned, Docker still says `running`. Each has a delayed `stop.due` (id `stop:<ID>`).
   */
  pending: Readonly<Record<string, PendingStop>>;
  /**
   * Counts changes of `pending`, which is updated in place: copying it per command would
   * cost O(stops in flight) (thousands at 10 000 containers when the clock stands still).
   * Whoever shows `pending` watches this number.
   */
  pendingVersion: number;
}

/** A stop in its grace period; `startCount` tells a later run of the same container from this one. */
export interface PendingStop extends PendingCommand {
  startCount: number;
}

/** What the architecture emits besides Docker's events: where a timed command's log entry begins and ends. */
export type TimedCommandEmitted =
  /** A pending stop's grace period is over: its Docker events follow, then `command.completed`. */
  | { type: 'command.completing'; id: string; name: string; command: ContainerEvent }
  | { type: 'command.completed'; id: string }
  /** A pending stop ended without being delivered (SIGKILL, `rm -f`, the process died by itself). */
  | { type: 'command.dropped'; id: string };

export type ArchitectureEvent =
  /** A Docker command (or process event) for the container whose ID is `id`. */
  | { type: 'command'; id: string; command: ContainerEvent }
  /** A pending stop's grace period is over (delayed, raised by the machine itself). */
  | { type: 'stop.due'; id: string }
  /** Adds a service to the spec (a replay meets a container it has not seen). */
  | { type: 'addService'; service: ServiceSpec }
  /** `docker create` for a slot of `service` (replaces a removed container in that slot). */
  | ({ type: 'create'; service: string; replica?: number } & RecordedContainer)
  /**
   * `docker compose up --scale service=N`: sets the replica count, creates the new
   * slots' containers and forgets the slots above N (their containers must already be
   * removed; the runtime stops and removes them first, as Compose does).
   */
  | { type: 'scale'; service: string; replicas: number }
  /**
   * `docker rename FROM TO`: the slot's container keeps its ID and state under a new
   * name. The runtime refuses a name in use first (Docker's conflict error).
   */
  | { type: 'rename'; from: string; to: string };

/**
 * What a container seen on a real engine or in a `docker events` log already has (a
 * replay or a live mirror creates it with these): its 64-hex ID, the network it joins
 * (`bridge`, `none`, `shop_default`) and its labels. Each defaults to the simulation's
 * own: a random ID, the project's network (`<project>_<network>`), Compose's labels.
 */
export interface RecordedContainer {
  id?: string | undefined;
  network?: string | undefined;
  labels?: Record<string, string> | undefined;
}

export interface ArchitectureInput {
  spec: ArchitectureSpec;
  /** Create every active service's containers on start (default true); false starts empty (replay). */
  createContainers?: boolean;
}

/** A slot to fill: replica `replica` of `service`, with a given container ID (network, labels) or the simulation's. */
interface Slot extends RecordedContainer {
  service: ServiceSpec;
  replica: number;
}

type ContainerRef = ActorRefFrom<typeof containerMachine>;

/** Id of the delayed `stop.due` of container `id`. */
const stopTimer = (id: string) => `stop:${id}`;

/** Sets (or, with `undefined`, deletes) the pending stop of container `id`, in place; the new `pendingVersion`. */
function setPending(context: ArchitectureContext, id: string, stop: PendingStop | undefined): number {
  const pending = context.pending as Record<string, PendingStop>;
  if (stop) pending[id] = stop;
  else delete pending[id];
  return (context.pendingVersion ?? 0) + 1;
}

/** The spawn function XState hands an `assign` (the part used here). */
type Spawn = (src: 'container', options: { id: string; input: ContainerInput }) => unknown;

/** What `docker create` of a batch of slots does, for `enqueueActions` to carry out. */
interface SlotPlan {
  /** Actor ids of the containers being replaced (their slots get new containers). */
  stop: string[];
  /** Spawns the children and returns the new `containers`; run inside one `assign`. */
  spawnAll: (context: ArchitectureContext, spawn: Spawn) => ContainerEntry[];
  /** One `create` event per new container, in slot order. */
  events: DockerEventEmitted[];
}

/**
 * `docker create` for each slot: replaces the slot's previous container (stopping its
 * actor), spawns a `containerMachine` child whose id is the container ID, and emits
 * `create` in slot order. Meant for one `assign` per batch, so `children` and
 * `containers` are copied once, not once per container.
 */
function planSlots(context: ArchitectureContext, slots: readonly Slot[], now: number): SlotPlan {
  const slotKey = (service: string, replica: number) => `${service}\u0000${replica}`;
  const current = new Map(context.containers.map((c) => [slotKey(c.service, c.replica), c]));
  const planned = slots.map(({ service, replica, id = randomContainerId(), network, labels: given }) => {
    const previous = current.get(slotKey(service.name, replica));
    const labels = given ?? composeLabels(context.spec.project, service.name, replica);
    const entry: ContainerEntry = { id, name: containerName(context.spec, service, replica), service: service.name, replica };
    current.set(slotKey(service.name, replica), entry);
    return { service, labels, entry, previous, network };
  });
  return {
    stop: planned.flatMap((p) => (p.previous ? [p.previous.id] : [])),
    spawnAll: (c, spawn) => {
      for (const { service, labels, entry, network } of planned) {
        spawn('container', {
          id: entry.id,
          input: {
            id: entry.id,
            name: entry.name,
            image: service.image,
            restartPolicy: service.restartPolicy,
            healthcheck: service.healthcheck,
            process: service.process,
            labels,
            network: network ?? networkName(c.spec.project, service.networks[0] ?? 'default'),
          },
        });
      }
      const replaced = new Map(planned.flatMap((p) => (p.previous ? [[p.previous, p.entry] as const] : [])));
      const containers = replaced.size ? c.containers.map((e) => replaced.get(e) ?? e) : [...c.containers];
      for (const p of planned) if (!p.previous) containers.push(p.entry);
      return containers;
    },
    events: planned.map(({ service, labels, entry }) => ({
      type: 'docker.event',
      message: containerEvent({ id: entry.id, name: entry.name, image: service.image, labels }, 'create', now),
    })),
  };
}

export const architectureMachine = setup({
  types: {
    context: {} as ArchitectureContext,
    events: {} as ArchitectureEvent,
    input: {} as ArchitectureInput,
    emitted: {} as DockerEventEmitted | TimedCommandEmitted,
  },
  actors: { container: containerMachine },
  actions: {
    /**
     * Creates one container per replica of every active service (`docker compose create`),
     * all in one step: one copy of `children` and `containers` for the whole batch, where
     * a `create` event per slot would copy both once per container (O(N²) at 10 000).
     */
    createAll: enqueueActions(({ context, enqueue, self }) => {
      if (!context.autoCreate) return;
      const slots: Array<{ service: ServiceSpec; replica: number }> = [];
      for (const service of context.spec.services) {
        if (!isServiceActive(context.spec, service)) continue;
        for (let replica = 1; replica <= service.replicas; replica++) slots.push({ service, replica });
      }
      const plan = planSlots(context, slots, actorNow(self));
      for (const id of plan.stop) enqueue(stopChild(id));
      enqueue.assign({ containers: ({ context: c, spawn }) => plan.spawnAll(c, spawn) });
      for (const event of plan.events) enqueue.emit(event);
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
    /**
     * A command for one container, if Docker accepts it (`architectureOutcome`): a
     * stop/restart of a live process becomes pending; `kill`, `rm -f` or the process's
     * own end during a pending stop cancel it; anything else goes to the container now.
     */
    command: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'command') return;
      const child = self.getSnapshot().children[event.id] as ContainerRef | undefined;
      const snapshot = child?.getSnapshot();
      const pending = context.pending[event.id];
      const name = snapshot?.context.name ?? event.id;
      if (!child || !snapshot || architectureOutcome(snapshot, pending, name, event.command).kind !== 'ok') return;
      if (pending && overridesPendingStop(event.command)) {
        enqueue.cancel(stopTimer(event.id));
        enqueue.assign({ pendingVersion: ({ context: c }) => setPending(c, event.id, undefined) });
        enqueue.sendTo(child, event.command);
        enqueue.emit({ type: 'command.dropped', id: event.id });
        return;
      }
      const status = dockerStatus(snapshot);
      const record = status === 'running' || status === 'paused' ? pendingFor(name, snapshot.context, event.command, actorNow(self)) : null;
      if (!record) {
        enqueue.sendTo(child, event.command);
        return;
      }
      const stop: PendingStop = { ...record, startCount: snapshot.context.startCount };
      enqueue.assign({ pendingVersion: ({ context: c }) => setPending(c, event.id, stop) });
      enqueue.raise({ type: 'stop.due', id: event.id }, { id: stopTimer(event.id), delay: record.endsAt - record.startedAt });
    }),
    /**
     * The grace period is over: the stop goes to the container, unless the process it was
     * for is gone (it died and maybe started again since: a stop must not hit the next run).
     */
    stopDue: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'stop.due') return;
      const pending = context.pending[event.id];
      if (!pending) return;
      enqueue.assign({ pendingVersion: ({ context: c }) => setPending(c, event.id, undefined) });
      const child = self.getSnapshot().children[event.id] as ContainerRef | undefined;
      const snapshot = child?.getSnapshot();
      const status = snapshot ? dockerStatus(snapshot) : undefined;
      const sameRun = snapshot?.context.startCount === pending.startCount && (status === 'running' || status === 'paused');
      if (!child || !sameRun) {
        enqueue.emit({ type: 'command.dropped', id: event.id });
        return;
      }
      enqueue.emit({ type: 'command.completing', id: event.id, name: pending.container, command: pending.event });
      enqueue.sendTo(child, pending.event);
      enqueue.emit({ type: 'command.completed', id: event.id });
    }),
    renameContainer: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'rename') return;
      const entry = context.containers.find((c) => c.name === event.from);
      if (!entry) return;
      const to = event.to.replace(/^\//, '');
      enqueue.sendTo(entry.id, { type: 'rename', name: to });
      enqueue.assign({ containers: ({ context: c }) => c.containers.map((e) => (e === entry ? { ...e, name: to } : e)) });
    }),
    createContainer: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'create') return;
      const service = context.spec.services.find((s) => s.name === event.service);
      if (!service) return;
      const plan = planSlots(context, [{ service, replica: event.replica ?? 1, id: event.id, network: event.network, labels: event.labels }], actorNow(self));
      for (const id of plan.stop) enqueue(stopChild(id));
      enqueue.assign({ containers: ({ context: c, spawn }) => plan.spawnAll(c, spawn) });
      for (const event of plan.events) enqueue.emit(event);
    }),
  },
}).createMachine({
  id: 'architecture',
  context: ({ input }) => ({ spec: input.spec, containers: [], autoCreate: input.createContainers !== false, pending: {}, pendingVersion: 0 }),
  entry: 'createAll',
  on: {
    command: { actions: 'command' },
    'stop.due': { actions: 'stopDue' },
    create: { actions: 'createContainer' },
    scale: { actions: 'scaleService' },
    addService: { actions: 'addService' },
    rename: { actions: 'renameContainer' },
  },
});

