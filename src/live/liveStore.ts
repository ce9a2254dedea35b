/**
 * The live page's session store (the app shell's `SessionStore`): each state read from
 * the engine becomes a new session (a `LiveMirror` on a real-time clock), each real event
 * is applied to the current one. Beside it, the status the banner shows: connected or
 * not and why, what the bridge allows, commands in flight. Plain TypeScript, no React.
 */
import type { ArchitectureSpec } from '../../machines';
import type { SessionStore, SessionState } from '../app/sessionStore';
import { SimulationClock } from '../model/clock/simulationClock';
import { createSelectionStore } from '../model/session/selectionStore';
import type { LiveCommandInFlight } from './liveArchitecture';
import type { LiveConnection } from './liveConnection';
import { earliestTime, LiveMirror } from './liveMirror';
import type { LiveContainer, LiveMessage, LiveSettings } from './protocol';

/** The engine's time runs at 1×: the speed control cannot change it. */
class LiveClock extends SimulationClock {
  override setSpeed(): void {}
}

/** What the banner shows. */
export interface LiveStatus {
  /** `connecting`: no state yet; `live`: following events; `engine-down`: the bridge cannot reach dockerd; `bridge-lost`: the page cannot reach the bridge. */
  state: 'connecting' | 'live' | 'engine-down' | 'bridge-lost';
  /** Why, in plain words (engine-down, bridge-lost). */
  message: string;
  engine: { version: string; apiVersion: string } | null;
  settings: LiveSettings | null;
  containers: number;
  /** Real events the machine flagged as impossible so far (this session). */
  flagged: number;
  flights: readonly LiveCommandInFlight[];
  /** Bumped whenever a container's inspect facts change (see `container`). */
  factsVersion: number;
}

export interface LiveStore extends SessionStore {
  status(): LiveStatus;
  onStatus(listener: () => void): () => void;
  /** Feeds one message from the bridge. */
  receive(message: LiveMessage): void;
  /** The stream to the bridge opened or broke. */
  bridge(open: boolean): void;
  /** Connects commands to the bridge. */
  attach(connection: LiveConnection): void;
  /** The current mirror (null before the first state read). */
  mirror(): LiveMirror | null;
  /** The engine's last `docker inspect` of the container named `name` (health, restart count, policy). */
  container(name: string): LiveContainer | undefined;
}

const EMPTY_SPEC: ArchitectureSpec = { project: 'live', services: [], networks: ['default'], volumes: [], activeProfiles: [] };
const NO_SETTINGS: LiveSettings = { allowCommands: false, filter: null, compose: null, commandsPerMinute: 0 };

export function createLiveStore(): LiveStore {
  let connection: LiveConnection | null = null;
  let mirror: LiveMirror | null = null;
  let containers = new Map<string, LiveContainer>();
  let status: LiveStatus = { state: 'connecting', message: 'connecting to the bridge…', engine: null, settings: null, containers: 0, flagged: 0, flights: [], factsVersion: 0 };
  const listeners = new Set<() => void>();
  const statusListeners = new Set<() => void>();
  const setStatus = (next: Partial<LiveStatus>) => {
    status = { ...status, ...next };
    for (const l of [...statusListeners]) l();
  };

  const build = (settings: LiveSettings, list: readonly LiveContainer[], readAtNano: number, selected: string | null, generation: number): SessionState => {
    const clock = new LiveClock(earliestTime(list, readAtNano), 1);
    const next = new LiveMirror(settings, list, readAtNano, clock);
    clock.run();
    mirror = next;
    next.architecture.connect({
      send: (request) => connection?.command(request) ?? Promise.resolve({ ok: false, status: 0, message: 'not connected', by: 'bridge' as const }),
      refusal: (name) => {
        const s = status.settings;
        if (!s?.allowCommands) return 'read-only: the bridge was started without --allow-commands (nothing was sent)';
        if (status.state !== 'live') return `not sent: ${status.message}`;
        const c = [...containers.values()].find((x) => x.name === name);
        if (c && !c.commandable) return `${name} is outside the bridge's filter (${s.filter ? `label ${s.filter.key}=${s.filter.value}` : 'none'}): not sent`;
        return null;
      },
      stopTimeout: (name) => [...containers.values()].find((x) => x.name === name)?.stopTimeout,
      onFlight: (flights) => setStatus({ flights }),
    });
    const title = settings.compose ? `Live: ${settings.compose.fileName} (project ${settings.compose.project})` : 'Live: your Docker engine';
    const keep = selected !== null && next.architecture.containerActor(selected) ? selected : null;
    return {
      session: { architecture: next.architecture, clock, selection: createSelectionStore(keep), source: { kind: 'spec', spec: next.architecture.spec, title }, replay: null },
      generation,
    };
  };

  const emptyClock = new LiveClock(Date.now(), 1);
  let state: SessionState = {
    session: { architecture: new LiveMirror(NO_SETTINGS, [], Date.now() * 1e6, emptyClock).architecture, clock: emptyClock, selection: createSelectionStore(), source: { kind: 'spec', spec: EMPTY_SPEC, title: 'Live: connecting…' }, replay: null },
    generation: 0,
  };
  const notify = () => {
    for (const l of [...listeners]) l();
  };

  const replaceWith = (message: Extract<LiveMessage, { type: 'snapshot' }>) => {
    const old = state.session;
    const selected = old.selection.get();
    mirror?.stop();
    old.architecture.stop();
    old.clock.halt();
    containers = new Map(message.containers.map((c) => [c.id, c]));
    state = build(message.settings, message.containers, message.readAtNano, selected, state.generation + 1);
    setStatus({ state: 'live', message: '', engine: message.engine, settings: message.settings, containers: message.containers.length, flagged: 0, flights: [] });
    notify();
  };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    /** Reset in live mode: read the engine again. */
    reset: () => connection?.reconnect(),
    /** Files and logs belong to the simulation: the live page keeps mirroring the engine. */
    load: () => setStatus({ message: 'Opening files is for the simulation; this page mirrors your engine (open index.html for the simulation).' }),
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    receive(message) {
      switch (message.type) {
        case 'snapshot':
          replaceWith(message);
          break;
        case 'event': {
          const outcome = mirror?.apply(message.event);
          const actor = message.event.Actor as { ID?: string; Attributes?: Record<string, string> } | undefined;
          // The bridge's filter decision for a new container comes with the next state read;
          // until then a container created live is judged by its labels here.
          if (message.event.Action === 'create' && actor?.ID && status.settings) {
            const s = status.settings;
            const labels = actor.Attributes ?? {};
            containers.set(actor.ID, {
              id: actor.ID, name: labels.name ?? actor.ID, image: labels.image ?? '', labels, status: 'created', exitCode: 0, oomKilled: false,
              restartCount: 0, restartPolicy: 'no', createdAt: null, startedAt: null, finishedAt: null,
              commandable: s.allowCommands && (!s.filter || labels[s.filter.key] === s.filter.value),
            });
          }
          if (message.event.Action === 'destroy' && actor?.ID) containers.delete(actor.ID);
          if (outcome?.kind === 'flagged') setStatus({ flagged: status.flagged + 1 });
          setStatus({ containers: containers.size });
          break;
        }
        case 'inspect':
          containers.set(message.container.id, message.container);
          setStatus({ factsVersion: status.factsVersion + 1 });
          break;
        case 'engine':
          setStatus({ state: 'engine-down', message: message.message });
          break;
      }
    },
    bridge(open) {
      if (open) {
        if (status.state === 'bridge-lost') setStatus({ state: 'connecting', message: 'reconnected to the bridge; reading the engine…' });
      } else {
        setStatus({ state: 'bridge-lost', message: 'lost the bridge (is `container-lifecycle live` still running?); retrying…' });
      }
    },
    attach(c) {
      connection = c;
    },
    mirror: () => mirror,
    container: (name) => [...containers.values()].find((c) => c.name === name),
  };
}
