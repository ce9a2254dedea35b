/**
 * Real engine → machines. A state read (`docker ps -a` + `docker inspect`) becomes an
 * architecture whose containers are in those states, with their real IDs, networks and
 * times; each real event is then applied by the replay's own event application
 * (`applyRecordedEvent`), so a real event the machine thinks impossible is flagged exactly
 * as in a replayed log. The log shows the real events only (the machine's own are
 * consequences, applied quietly): one entry per event, or one per engine command for the
 * events of a stop, restart, kill or rm -f (`CommandRuns`). Only `create` is placed here
 * first: a new container takes its Compose slot (grouped under its service) with its real
 * ID, or a service of its own.
 */
import { dockerStatus, type ContainerEvent, type LoggedResult, type RecordedContainer } from '../../machines';
import type { SimulationClock } from '../model/clock/simulationClock';
import { containerKey } from '../model/events/containerKey';
import { parseJsonLine } from '../model/events/parseJsonLine';
import { splitAction } from '../model/events/splitAction';
import type { ParsedEvent } from '../model/events/types';
import { applyRecordedEvent, type ReplayMemory, type ReplayOutcome } from '../model/replay/applyEvent';
import { recordedContainer, recordedMessage } from '../model/replay/recordedFacts';
import { CommandRuns, type CommandRun, type RunTimers } from './commandRuns';
import { LiveArchitecture } from './liveArchitecture';
import { liveSpec, newService, slotOf, type Placeable } from './liveSpec';
import type { LiveContainer, LiveSettings } from './protocol';

/** `HH:MM:SS.mmm` (UTC) of a Unix ns time. */
function clockText(timeNano: number): string {
  return new Date(Math.floor(timeNano / 1e6)).toISOString().slice(11, 23);
}

/** The log heading of a real event: `# 19:02:03.123 engine: container pause shop-web-1`. */
function liveEntryCli(event: ParsedEvent): string {
  const m = event.message;
  const name = m.Actor.Attributes.name ?? m.Actor.ID.slice(0, 12);
  return `# ${m.timeNano ? `${clockText(m.timeNano)} ` : ''}engine: ${m.Type} ${m.Action} ${name}`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A raw `docker events` JSON message → the replay's parsed event (`line`: its number in this session). */
function toParsedEvent(raw: unknown, line: number): ParsedEvent | string {
  const result = parseJsonLine(JSON.stringify(raw));
  if (!result.ok) return result.reason;
  return { line, message: result.message, ...splitAction(result.message.Action) };
}

/** The clock's start for a state read: the oldest time in it (Unix ms). */
export function earliestTime(containers: readonly LiveContainer[], readAtNano: number): number {
  let earliest = readAtNano / 1e6;
  for (const c of containers) {
    for (const t of [c.createdAt, c.startedAt, c.finishedAt]) if (t !== null && t < earliest) earliest = t;
  }
  return earliest;
}

export class LiveMirror {
  readonly architecture: LiveArchitecture;
  private readonly memory: ReplayMemory = new Map();
  private count = 0;
  /** Outcome of each real event applied, in order (flagged ones are the disagreements). */
  readonly outcomes: ReplayOutcome[] = [];
  /** The runs of events that make one engine command, each logged as one entry. */
  private readonly runs: CommandRuns;

  /**
   * Builds the architecture for a state read. `clock` must not be running yet and must
   * start no later than the oldest container (see `earliestTime`); it ends at `readAtNano`.
   */
  constructor(
    readonly settings: LiveSettings,
    containers: readonly LiveContainer[],
    readAtNano: number,
    private readonly clock: SimulationClock,
    timers?: RunTimers,
  ) {
    const spec = liveSpec(settings, containers);
    this.runs = new CommandRuns((run) => this.logRun(run), timers);
    this.architecture = new LiveArchitecture(spec, { clock, createContainers: false, mode: 'live' }, this.runs);
    const arch = this.architecture;
    arch.logged(
      `# ${clockText(readAtNano)} docker ps -a + docker inspect: ${containers.length} container${containers.length === 1 ? '' : 's'}`,
      () => {
        for (const step of this.restoreSteps(containers, readAtNano / 1e6)) {
          this.advanceTo(step.at);
          step.run();
        }
        return undefined;
      },
      // A state read, not events: the machine's events that put each container in its state are not shown.
      { kind: 'replay', recorded: [] },
    );
    this.advanceTo(readAtNano / 1e6);
  }

  /** Applies one raw engine event; returns its outcome (or null when it is not a container event). */
  apply(raw: unknown): ReplayOutcome | null {
    const event = toParsedEvent(raw, ++this.count);
    if (typeof event === 'string' || event.message.Type !== 'container') return null;
    if (event.message.timeNano) this.advanceTo(event.message.timeNano / 1e6);
    const id = event.message.Actor.ID;
    let outcome: ReplayOutcome = { kind: 'info' };
    if (this.runs.claims(id, containerKey(event.message), event)) {
      // Part of one engine command: the node moves now, the command's entry comes when it is complete.
      outcome = this.architecture.quietly(() => this.applyOne(event));
      this.runs.add(id, event, outcome);
    } else {
      const shown = recordedMessage(event.message);
      this.architecture.logged(
        liveEntryCli(event),
        (): LoggedResult => {
          outcome = this.applyOne(event);
          return {
            ...(outcome.kind === 'flagged' ? { outcome: 'error' as const, message: outcome.note ?? 'not possible in this state' } : {}),
            ...(outcome.kind !== 'flagged' && outcome.note ? { message: outcome.note } : {}),
            ...(outcome.container ? { container: outcome.container } : {}),
          };
        },
        // `replay`: a recorded event, headed by its own time (as a replayed log's entries).
        { kind: 'replay', recorded: shown ? [shown] : [] },
      );
    }
    this.outcomes.push(outcome);
    return outcome;
  }

  private applyOne(event: ParsedEvent): ReplayOutcome {
    return event.baseAction === 'create' ? this.create(event) : applyRecordedEvent(this.architecture, event, this.memory);
  }

  /**
   * One engine command's entry: headed by the page's command (`docker stop web`, with
   * Docker's answer), or by the command its events show (`# 19:02:03.123 engine: docker
   * stop web`), holding its real events; a flagged event flags the entry.
   */
  private logRun(run: CommandRun): void {
    const recorded = run.events.flatMap((e) => recordedMessage(e.message) ?? []);
    const flagged = run.outcomes.filter((o) => o.kind === 'flagged').map((o) => o.note ?? 'not possible in this state');
    const reply = run.page?.reply;
    const first = run.events[0]?.message.timeNano;
    const cli = run.page ? run.page.cli : `# ${first ? `${clockText(first)} ` : ''}engine: ${run.cli}`;
    const container = run.outcomes.find((o) => o.container)?.container ?? run.name;
    const result = (): LoggedResult => {
      if (reply && !reply.ok) return { outcome: 'error', message: reply.message, ...(reply.by === 'bridge' ? { refusedBy: 'bridge' as const } : {}) };
      if (flagged.length > 0) return { outcome: 'error', message: flagged.join('; ') };
      if (reply) return { message: reply.status === 304 ? `Docker: nothing to do (304), ${reply.tookMs} ms` : `Docker answered after ${formatMs(reply.tookMs)}` };
      return {};
    };
    // A flagged run reads as a recorded event the machine disagrees with, whoever sent it.
    const kind = run.page && flagged.length === 0 ? 'command' : 'replay';
    this.architecture.logged(cli, result, { container, kind, recorded });
  }

  /** Logs the commands still open, then stops the architecture's actors. */
  stop(): void {
    this.runs.flush();
    this.architecture.stop();
  }

  /** A real `create`: the container's Compose slot (or its own service), with its real ID. */
  private create(event: ParsedEvent): ReplayOutcome {
    const key = containerKey(event.message);
    const existing = this.architecture.status(key);
    // Already there: the replay flags it, in its words.
    if (existing !== undefined && existing !== 'removed') return applyRecordedEvent(this.architecture, event, this.memory);
    const recorded = recordedContainer(event);
    const a = event.message.Actor.Attributes;
    this.place({ name: key, image: a.image ?? 'unknown', labels: recorded.labels ?? {} }, recorded);
    return { kind: 'applied', container: key };
  }

  /** Adds the service if needed and creates the container in its slot, as the engine has it (ID, labels, network when known). */
  private place(c: Placeable, recorded: RecordedContainer): void {
    const arch = this.architecture;
    const slot = slotOf(arch.spec, c);
    if (!arch.spec.services.some((s) => s.name === slot.service)) arch.addService(newService(slot, c));
    arch.create(slot.service, slot.replica, 'replay', recorded);
  }

  /**
   * The steps that put the read containers in their states, in time order across all of
   * them (the clock only moves forward): created at Created, started at StartedAt, then
   * paused (now) or exited at FinishedAt with its exit code (or OOM-killed).
   */
  private restoreSteps(containers: readonly LiveContainer[], readAtMs: number): Array<{ at: number; run: () => void }> {
    const steps: Array<{ at: number; run: () => void }> = [];
    for (const c of containers) {
      if (c.status === 'removing') continue;
      const created = c.createdAt ?? readAtMs;
      steps.push({ at: created, run: () => this.place(c, { id: c.id, labels: c.labels, ...(c.network !== undefined ? { network: c.network } : {}) }) });
      if (c.status === 'created' || c.startedAt === null) continue;
      const send = (event: ContainerEvent) => () => this.architecture.containerActor(c.name)?.send(event);
      const started = Math.max(created, c.startedAt);
      steps.push({ at: started, run: send({ type: 'start' }) });
      if (c.status === 'running') continue;
      if (c.status === 'paused') {
        steps.push({ at: readAtMs, run: send({ type: 'pause' }) });
        continue;
      }
      // exited, dead, or restarting (between two runs): the last run ended with this code.
      const finished = Math.max(started, c.finishedAt ?? started);
      steps.push({ at: finished, run: send(c.oomKilled ? { type: 'oom' } : { type: 'exit', exitCode: Math.min(255, Math.max(0, c.exitCode)) }) });
    }
    // Stable: a container's own steps keep their order at equal times.
    return steps.map((step, i) => ({ step, i })).sort((a, b) => a.step.at - b.step.at || a.i - b.i).map(({ step }) => step);
  }

  /** Moves the clock to `ms` if that is later (XState's simulated clock never goes back). */
  private advanceTo(ms: number): void {
    if (ms > this.clock.now()) this.clock.set(ms);
  }

  /** Docker status of `name` in the mirror. */
  status(name: string): string | undefined {
    const actor = this.architecture.containerActor(name);
    return actor ? dockerStatus(actor.getSnapshot()) : undefined;
  }
}
