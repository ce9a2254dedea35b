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
import { assign, enqueueActions, setup, spawnChild, stopChild, type ActorRefFrom } from 'xstate';
import { containerMachine } from '../container/containerMachine';
import { containerEvent } from '../container/dockerEvents';
import { actorNow } from '../container/clock';
import { randomContainerId } from '../container/ids';
import { dockerStatus } from '../container/inspectState';
import type { ContainerEvent, ContainerInput, DockerEventEmitted } from '../container/types';
import { architectureOutcome, overridesPendingStop } from './architectureOutcome';
import { pendingFor, type PendingStop } from './pendingCommand';
import { EMPTY_STOPS, stopOf, withStop, type PendingStops } from './pendingStops';
import type { ArchitectureMode } from './architectureMode';
import type { ComposeAction, ComposeHost } from './composeHost';
import { composeRunMachine } from './composeRunMachine';
import { composeLabels, containerName, networkName } from './naming';
import { isServiceActive } from './profiles';
import { createOutcome, scaleOutcome } from './slotOutcome';
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
   * Stops in their grace period, by container ID (`stopOf(pending, id)`): SIGTERM was
   * sent, the CLI has not returned, Docker still says `running`. Each has a delayed
   * `stop.due` (id `stop:<ID>`). Immutable: a new map per change, old snapshots keep theirs.
   */
  pending: PendingStops;
  /** Simulation (default) or a live engine's mirror: live refuses simulation-only events (`modeRefusal`). */
  mode: ArchitectureMode;
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
   * `docker compose up --scale service=N` (if `scaleOutcome` accepts it): the containers
   * of slots above N are stopped and removed (`rm -f`) and their slots forgotten; the
   * replica count is set; every slot up to N without a container, or whose container was
   * removed, gets a new one (`create`). `start.service` then starts them, as Compose does.
   */
  | { type: 'scale'; service: string; replicas: number }
  /** The start half of `docker compose up` for one service: every container of it that is `created` or `exited`. */
  | { type: 'start.service'; service: string }
  /**
   * `docker rename FROM TO`: the slot's container keeps its ID and state under a new
   * name. The runtime refuses a name in use first (Docker's conflict error).
   */
  | { type: 'rename'; from: string; to: string }
  /**
   * `docker compose <action>`: replaces the Compose run in progress, if any (a new
   * Compose command finds the project as it is), with a new child `compose`
   * (`composeRunMachine`), which waits for its `begin`.
   */
  | { type: 'compose'; action: ComposeAction; host: ComposeHost }
  /** Ends the Compose run in progress, if any, where it is. */
  | { type: 'compose.cancel' };

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
  /** Default `simulation`. */
  mode?: ArchitectureMode;
}

/** A slot to fill: replica `replica` of `service`, with a given container ID (network, labels) or the simulation's. */
interface Slot extends RecordedContainer {
  service: ServiceSpec;
  replica: number;
}

type ContainerRef = ActorRefFrom<typeof containerMachine>;

/** Id of the Compose run's child actor (one at a time). */
export const COMPOSE_RUN = 'compose';

/** Id of the delayed `stop.due` of container `id`. */
const stopTimer = (id: string) => `stop:${id}`;

/** The ID of the container holding the name of `service`'s slot `replica`, unless it was removed. */
export function idInUse(context: ArchitectureContext, children: Readonly<Record<string, unknown>>, service: ServiceSpec, replica: number): string | undefined {
  const name = containerName(context.spec, service, replica);
  const entry = context.containers.find((c) => c.name === name);
  const child = entry ? (children[entry.id] as ContainerRef | undefined) : undefined;
  return child && dockerStatus(child.getSnapshot()) !== 'removed' ? entry!.id : undefined;
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
    // The one child with a fixed id; every other child is a container, by container ID.
    children: {} as { compose: 'composeRun' },
  },
  actors: { container: containerMachine, composeRun: composeRunMachine },
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
    scaleService: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'scale' || scaleOutcome(context.spec, event.service, event.replicas).kind !== 'ok') return;
      const service = context.spec.services.find((s) => s.name === event.service)!;
      const replicas = event.replicas;
      const children = self.getSnapshot().children;
      const statusOf = (entry: ContainerEntry) => {
        const child = children[entry.id] as ContainerRef | undefined;
        return child ? dockerStatus(child.getSnapshot()) : undefined;
      };
      // Above N: Compose stops and removes the container, then the slot is gone.
      const dropped = context.containers.filter((c) => c.service === service.name && c.replica > replicas);
      for (const entry of dropped) {
        const status = statusOf(entry);
        if (status === undefined || status === 'removed') continue;
        if (status === 'running' || status === 'paused' || status === 'restarting') enqueue.sendTo(entry.id, { type: 'stop' });
        enqueue.sendTo(entry.id, { type: 'remove', force: true });
      }
      for (const entry of dropped) {
        enqueue(stopChild(entry.id));
        // A stop in its grace period ends with its container: its CLI returns now.
        if (!stopOf(context.pending, entry.id)) continue;
        enqueue.cancel(stopTimer(entry.id));
        enqueue.emit({ type: 'command.dropped', id: entry.id });
      }
      const scaled: ArchitectureSpec = { ...context.spec, services: context.spec.services.map((s) => (s.name === service.name ? { ...s, replicas } : s)) };
      const kept = context.containers.filter((e) => !dropped.includes(e));
      // Up to N: every slot converges to an existing container (a removed one is created again).
      const bySlot = new Map(kept.filter((c) => c.service === service.name).map((c) => [c.replica, c]));
      const slots: Slot[] = [];
      for (let replica = 1; replica <= replicas; replica++) {
        const entry = bySlot.get(replica);
        if (!entry || statusOf(entry) === 'removed') slots.push({ service: { ...service, replicas }, replica });
      }
      const plan = planSlots({ ...context, spec: scaled, containers: kept }, slots, actorNow(self));
      for (const id of plan.stop) enqueue(stopChild(id));
      enqueue.assign({
        spec: scaled,
        pending: ({ context: c }) => dropped.reduce((stops, e) => withStop(stops, e.id, undefined), c.pending),
        containers: ({ context: c, spawn }) => plan.spawnAll({ ...c, spec: scaled, containers: kept }, spawn),
      });
      for (const message of plan.events) enqueue.emit(message);
    }),
    /** Compose starts every container of the service that is not running (containers.go isNotRunning): created or exited. */
    startService: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'start.service') return;
      const children = self.getSnapshot().children;
      for (const entry of context.containers) {
        if (entry.service !== event.service) continue;
        const child = children[entry.id] as ContainerRef | undefined;
        const status = child ? dockerStatus(child.getSnapshot()) : undefined;
        if (status === 'created' || status === 'exited') enqueue.sendTo(entry.id, { type: 'start' });
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
      const pending = stopOf(context.pending, event.id);
      const name = snapshot?.context.name ?? event.id;
      if (!child || !snapshot || architectureOutcome(snapshot, pending, name, event.command, context.mode).kind !== 'ok') return;
      if (pending && overridesPendingStop(event.command)) {
        enqueue.cancel(stopTimer(event.id));
        enqueue.assign({ pending: ({ context: c }) => withStop(c.pending, event.id, undefined) });
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
      const stop: PendingStop = { ...record, id: event.id, startCount: snapshot.context.startCount };
      enqueue.assign({ pending: ({ context: c }) => withStop(c.pending, event.id, stop) });
      enqueue.raise({ type: 'stop.due', id: event.id }, { id: stopTimer(event.id), delay: record.endsAt - record.startedAt });
    }),
    /**
     * The grace period is over: the stop goes to the container, unless the process it was
     * for is gone (it died and maybe started again since: a stop must not hit the next run).
     */
    stopDue: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'stop.due') return;
      const pending = stopOf(context.pending, event.id);
      if (!pending) return;
      enqueue.assign({ pending: ({ context: c }) => withStop(c.pending, event.id, undefined) });
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
      if (!service || createOutcome(context.spec, event.service, event.replica ?? 1, idInUse(context, self.getSnapshot().children, service, event.replica ?? 1)).kind !== 'ok') return;
      const plan = planSlots(context, [{ service, replica: event.replica ?? 1, id: event.id, network: event.network, labels: event.labels }], actorNow(self));
      for (const id of plan.stop) enqueue(stopChild(id));
      enqueue.assign({ containers: ({ context: c, spawn }) => plan.spawnAll(c, spawn) });
      for (const event of plan.events) enqueue.emit(event);
    }),
  },
}).createMachine({
  id: 'architecture',
  context: ({ input }) => ({ spec: input.spec, containers: [], autoCreate: input.createContainers !== false, pending: EMPTY_STOPS, mode: input.mode ?? 'simulation' }),
  entry: 'createAll',
  on: {
    command: { actions: 'command' },
    'stop.due': { actions: 'stopDue' },
    create: { actions: 'createContainer' },
    scale: { actions: 'scaleService' },
    'start.service': { actions: 'startService' },
    addService: { actions: 'addService' },
    rename: { actions: 'renameContainer' },
    compose: {
      actions: [
        stopChild(COMPOSE_RUN),
        spawnChild('composeRun', {
          id: COMPOSE_RUN,
          input: ({ event }) => (event.type === 'compose' ? { action: event.action, host: event.host } : (undefined as never)),
        }),
      ],
    },
    'compose.cancel': { actions: stopChild(COMPOSE_RUN) },
  },
});

