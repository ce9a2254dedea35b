/**
 * The differential driver: the same commands on the real engine and on machine twins
 * (`containerMachine` actors with the real container's ID and name), compared at quiet
 * moments. Reality leads: real events are read in arrival order from one stream; each
 * twin's own `SimulatedClock` is set to the time of that container's events only, so its
 * restart back-off fires at the real policy start (a loaded engine starts later than the
 * back-off); a command is sent to its twin at the time of its main real event (see
 * ANCHORS); a `die`/`oom` no command caused is fed to the twin as `exit`/`oom`.
 */
import { createActor, SimulatedClock } from 'xstate';
import {
  containerMachine,
  inspectState,
  outcomeOf,
  type ContainerEvent,
  type DockerEventMessage,
  type ProcessSpec,
  type RestartPolicy,
} from '../../machines';
import {
  createContainer,
  eventContainer,
  EventStream,
  IMAGE,
  inspect,
  runCommand,
  type CliOutcome,
  type Command,
  type ProcessKind,
  type RealState,
} from './realEngine';
import { dieWithoutExecDuration, errorTextToV29, eventLine, eventsToV29, used } from './versionTable';

/** The machine's model of each process kind (see realEngine.ts KINDS). */
const PROCESS: Record<ProcessKind, ProcessSpec> = {
  ignores: { onStopSignal: 'ignores' },
  traps: { onStopSignal: 'graceful', shutdownMs: 0, exitCode: 0 },
  init: { onStopSignal: 'exits' },
  // sh as PID 1 without a trap ignores SIGTERM and SIGHUP.
  crash: { onStopSignal: 'ignores' },
  oom: { onStopSignal: 'ignores' },
};

function machineEvent(command: Command): ContainerEvent {
  switch (command) {
    case 'start':
      return { type: 'start' };
    case 'stop -t 1':
      return { type: 'stop', timeoutSeconds: 1 };
    case 'kill':
      return { type: 'kill' };
    case 'kill -s SIGTERM':
      return { type: 'kill', signal: 'SIGTERM' };
    case 'kill -s SIGHUP':
      return { type: 'kill', signal: 'SIGHUP' };
    case 'pause':
      return { type: 'pause' };
    case 'unpause':
      return { type: 'unpause' };
    case 'restart -t 1':
      return { type: 'restart', timeoutSeconds: 1 };
    case 'rm':
      return { type: 'remove' };
    case 'rm -f':
      return { type: 'remove', force: true };
  }
}

/** Agreement counts per kind of check. */
export type CheckKind = 'status' | 'cli outcome' | 'error text' | 'exit code' | 'events' | 'restart count' | 'oom killed' | 'error field' | 'times' | 'pid';

export class Tally {
  readonly agree = new Map<CheckKind, number>();
  readonly total = new Map<CheckKind, number>();
  readonly differences: string[] = [];
  /** Gaps measured on the real engine, ms (reported, never asserted). */
  readonly timings = { backoffGaps: [] as number[], graceGaps: [] as number[], commandMs: [] as number[] };

  check(kind: CheckKind, ok: boolean, describe: () => string): void {
    this.total.set(kind, (this.total.get(kind) ?? 0) + 1);
    if (ok) this.agree.set(kind, (this.agree.get(kind) ?? 0) + 1);
    else this.differences.push(`[${kind}] ${describe()}`);
  }

  get checks(): number {
    let n = 0;
    for (const v of this.total.values()) n += v;
    return n;
  }

  report(): string {
    const lines = [...this.total.entries()].map(([k, t]) => `  ${k}: ${this.agree.get(k) ?? 0}/${t}`);
    const med = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(0) : '-');
    return [
      `${this.checks} checks, ${this.differences.length} differences outside the version table`,
      ...lines,
      `  version table uses: ${JSON.stringify(used)}`,
      `  real back-off gaps (die → policy start), ms: n=${this.timings.backoffGaps.length} median ${med(this.timings.backoffGaps)} [${this.timings.backoffGaps.map((x) => x.toFixed(0)).join(', ')}]`,
      `  real grace periods (kill 15 → kill 9), ms: n=${this.timings.graceGaps.length} median ${med(this.timings.graceGaps)}`,
      `  real command round trips, ms: n=${this.timings.commandMs.length} median ${med(this.timings.commandMs)}`,
    ].join('\n');
  }
}

const QUIET_MS = 350;
/** How long an OOM kill's `die` waits for its `oom` event before it is read as a plain exit, ms. */
const OOM_WAIT_MS = 3000;
/** Events of a command come before its API call returns, or this soon after (a `die` after `kill`). */
const COMMAND_SLACK_MS = 250;
/**
 * A command's main event: its twin is sent the command at this event's time, so that
 * StartedAt/FinishedAt line up (restart: the new start, 1 s after SIGTERM for a process
 * that ignores it; stop/kill: the exit). Other commands act at their last event.
 */
const ANCHORS: Record<Command, ReadonlySet<string>> = {
  start: new Set(['start']),
  'restart -t 1': new Set(['start']),
  'stop -t 1': new Set(['die', 'stop']),
  kill: new Set(['die']),
  'kill -s SIGTERM': new Set(['die']),
  'kill -s SIGHUP': new Set(['die']),
  'rm -f': new Set(['destroy']),
  rm: new Set(['destroy']),
  pause: new Set(),
  unpause: new Set(),
};
/** Docker handles an exit after containerd saw it: over a second later on a loaded 2-core host. */
const TIME_TOLERANCE_MS = 2500;
const ms = (m: DockerEventMessage) => m.timeNano / 1e6;

/** One container on both sides. */
class Twin {
  readonly machineEvents: DockerEventMessage[] = [];
  readonly realEvents: DockerEventMessage[] = [];
  /** Cursor of each side at the last comparison. */
  machineSeen = 0;
  realSeen = 0;
  /** A command waiting for its first real event. */
  /** `anchored`: the command was accepted and has a main event to wait for. */
  pending: { command: Command; event: ContainerEvent; since: number; returnedAt: number; anchored: boolean } | null = null;
  /** Time span of the last command's real events, ms (the machine acts at one instant). */
  lastSpanMs = 0;
  /** The CLI answer of the machine to the last command. */
  machineOutcome: CliOutcome | null = null;
  readonly actor;
  readonly clock = new SimulatedClock();
  oomSeen = false;
  /** When an unexplained `die exitCode=137` started waiting for its `oom` (see `apply`), ms. */
  oomWaitSince: number | null = null;
  /** This run's OOM kill was logged `die` first (version table: oomAfterDie); cleared by the next start. */
  oomLate = false;
  lastStateRealOom = false;
  lastDieMs = 0;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly kind: ProcessKind,
    readonly policy: RestartPolicy,
    createdAt: number,
  ) {
    this.clock.set(createdAt);
    this.actor = createActor(containerMachine, {
      input: { id, name, image: IMAGE, restartPolicy: policy, process: PROCESS[kind] },
      clock: this.clock,
    });
    this.actor.on('docker.event', ({ message }) => this.machineEvents.push(message));
    this.actor.start();
  }

  get status() {
    return inspectState(this.actor.getSnapshot()).Status;
  }

  /** Sends a command to the machine, recording its CLI outcome (a process event records none). */
  send(event: ContainerEvent): void {
    const outcome = outcomeOf(this.actor.getSnapshot(), event);
    if (event.type !== 'exit' && event.type !== 'oom') {
      this.machineOutcome = { kind: outcome.kind, message: outcome.kind === 'ok' ? '' : outcome.message, httpStatus: 0 };
    }
    if (outcome.kind === 'ok') this.actor.send(event);
  }
}

export class Differential {
  readonly twins: Twin[] = [];
  private processed = 0;

  constructor(
    readonly stream: EventStream,
    readonly tally: Tally,
    readonly label: string,
  ) {}

  /** `docker create` on the engine and a twin in `created` (the `create` event is the creator's, not compared). */
  async create(name: string, kind: ProcessKind, policy: RestartPolicy = 'no'): Promise<Twin> {
    const id = await createContainer(name, kind, policy);
    const twin = new Twin(id, name, kind, policy, Date.now());
    this.twins.push(twin);
    return twin;
  }

  private advance(twin: Twin, toMs: number): void {
    if (toMs > twin.clock.now()) twin.clock.set(toMs);
  }

  /** Applies every real event not yet applied, in arrival order (see the file comment). */
  private apply(): void {
    const events = this.stream.events;
    for (; this.processed < events.length; this.processed++) {
      const e = events[this.processed]!;
      const twin = this.twins.find((t) => t.id === eventContainer(e));
      if (!twin) continue;
      if (e.Type === 'container' && e.Action === 'create') continue;
      twin.realEvents.push(e);
      const before = twin.status;
      // Only container events move the twin's clock: 20.10 connects the network long before
      // `start` on a loaded host, and the twin's back-off should fire at the real `start`.
      // While a command is in flight the clock waits for its main event (see `sendPending`).
      if (e.Type === 'container' && !twin.pending) this.advance(twin, ms(e));
      if (twin.status === 'running' && before === 'restarting') this.tally.timings.backoffGaps.push(ms(e) - twin.lastDieMs);
      if (e.Type === 'container' && e.Action === 'die') twin.lastDieMs = ms(e);
      if (e.Type === 'container' && e.Action === 'start') twin.oomLate = false;
      if (twin.pending && ms(e) > twin.pending.returnedAt + (twin.pending.anchored ? COMMAND_SLACK_MS : 0)) this.flush(twin, ms(e));
      if (twin.pending) {
        // A command in flight: its twin acts at the time of the command's main event.
        if (ms(e) >= twin.pending.since - 5 && e.Type === 'container' && ANCHORS[twin.pending.command].has(e.Action)) {
          this.sendPending(twin, ms(e));
        }
        continue;
      }
      // A die (oom) is explained when the twin has already emitted one the engine had not shown yet.
      const count = (list: DockerEventMessage[], action: string) => list.filter((m) => m.Type === 'container' && m.Action === action).length;
      const explained =
        e.Type === 'container' && count(twin.machineEvents, e.Action) >= count(twin.realEvents, e.Action);
      if (!explained && e.Type === 'container' && twin.status === 'running') {
        // Nothing the machine did explains this event: the process died by itself.
        if (e.Action === 'die' && twin.kind === 'oom' && e.Actor.Attributes.exitCode === '137') {
          // An OOM kill's `die` can be logged before its `oom` (version table: oomAfterDie):
          // wait up to OOM_WAIT_MS for the oom before reading the die as a plain exit.
          const oomLater = events.slice(this.processed + 1).some((x) => x.Type === 'container' && x.Action === 'oom' && eventContainer(x) === twin.id);
          if (!oomLater && (twin.oomWaitSince ??= Date.now()) + OOM_WAIT_MS > Date.now()) {
            twin.realEvents.pop();
            break;
          }
          twin.oomWaitSince = null;
          if (oomLater) {
            twin.oomLate = true;
            twin.send({ type: 'oom' });
            continue;
          }
        }
        if (e.Action === 'oom') twin.send({ type: 'oom' });
        else if (e.Action === 'die') twin.send({ type: 'exit', exitCode: Number(e.Actor.Attributes.exitCode) });
      }
    }
  }

  /**
   * The command had no main event: its twin acts at the time of the command's last event
   * (or when it was sent), before anything at `beforeMs` or later.
   */
  private flush(twin: Twin, beforeMs: number): void {
    const pending = twin.pending!;
    const mine = twin.realEvents.filter((e) => ms(e) >= pending.since - 5 && ms(e) < beforeMs);
    this.sendPending(twin, mine.length ? ms(mine[mine.length - 1]!) : pending.since);
  }

  /**
   * Sends the command in flight at `atMs`, or at the time it was issued when the twin is
   * in restart back-off: the command was sent before the back-off ended (see `command`),
   * however late the engine logs its events, so the twin's back-off must not fire first.
   */
  private sendPending(twin: Twin, atMs: number): void {
    const pending = twin.pending!;
    this.advance(twin, twin.status === 'restarting' ? pending.since : atMs);
    twin.send(pending.event);
    twin.pending = null;
    this.advance(twin, atMs);
  }

  /** Waits until no event came for QUIET_MS and no short-lived process is still up; applies events meanwhile. */
  async quiet(): Promise<void> {
    const deadline = Date.now() + 60_000;
    let lastEventAt = Date.now();
    for (;;) {
      const count = this.stream.events.length;
      await this.stream.next(QUIET_MS);
      this.apply();
      for (const twin of this.twins) {
        if (twin.pending && Date.now() > twin.pending.returnedAt + COMMAND_SLACK_MS) this.flush(twin, Number.POSITIVE_INFINITY);
      }
      const shortLived = this.twins.some((t) => (t.kind === 'crash' || t.kind === 'oom') && t.status === 'running' && !t.pending);
      // 20.10 releases the network after `die`, and connects it before `start`, sometimes
      // seconds apart on a loaded host: a container between the two is not quiet.
      const releasing = this.twins.some((t) => {
        const last = t.realEvents[t.realEvents.length - 1];
        return (last?.Type === 'container' && last.Action === 'die') || (last?.Type === 'network' && last.Action === 'connect');
      });
      // A die the twin emitted (a signal's default action) that the engine has not logged
      // yet: tini forwarding SIGTERM can take a while on a loaded host. Waited for up to 5 s.
      const dies = (list: DockerEventMessage[]) => list.filter((m) => m.Type === 'container' && m.Action === 'die').length;
      const owed = this.twins.some((t) => dies(t.machineEvents) > dies(t.realEvents)) && Date.now() - lastEventAt < 5000;
      const deferred = this.processed < this.stream.events.length;
      if (this.stream.events.length === count && !shortLived && !releasing && !owed && !deferred) return;
      if (this.stream.events.length !== count) lastEventAt = Date.now();
      if (Date.now() > deadline) throw new Error(`${this.label}: no quiet moment within 60 s`);
    }
  }

  /**
   * Restart back-off left before the twin's policy start, ms (Infinity when not restarting).
   * Commands to a restarting container wait until at least `minMs` is left, so the real
   * restart cannot race them.
   */
  backoffLeft(twin: Twin): number {
    if (twin.status !== 'restarting') return Number.POSITIVE_INFINITY;
    const c = twin.actor.getSnapshot().context;
    return (c.finishedAt ?? 0) + c.restartDelayMs - Date.now();
  }

  /** Runs `command` on both sides, then compares at the next quiet moment. */
  async command(twin: Twin, command: Command): Promise<void> {
    await this.quiet();
    while (this.backoffLeft(twin) < 450) {
      await this.stream.next(200);
      await this.quiet();
    }
    const event = machineEvent(command);
    const since = Date.now();
    twin.machineOutcome = null;
    const real = await runCommand(twin.name, command);
    const anchored = real.kind === 'ok' && ANCHORS[command].size > 0;
    twin.pending = { command, event, since, returnedAt: Date.now(), anchored };
    if (real.kind !== 'ok') this.flush(twin, Number.POSITIVE_INFINITY);
    this.tally.timings.commandMs.push(Date.now() - since);
    await this.quiet();
    this.compareOutcome(twin, command, real);
    await this.compare(`${command}`);
  }

  /** Waits (real time) and lets the processes do what they do by themselves. */
  async wait(msToWait: number): Promise<void> {
    await sleep(msToWait);
    await this.quiet();
    await this.compare(`wait ${msToWait} ms`);
  }

  private compareOutcome(twin: Twin, command: Command, real: CliOutcome): void {
    const m = twin.machineOutcome!;
    const where = `${this.label} ${twin.name} ${command}`;
    this.tally.check('cli outcome', m.kind === real.kind, () => `${where}: machine ${m.kind} (${m.message}), engine ${real.kind} (${real.message})`);
    if (m.kind === 'error' && real.kind === 'error') {
      const realText = errorTextToV29(real.message, twin.name);
      this.tally.check('error text', realText === m.message, () => `${where}: machine "${m.message}", engine "${real.message}"`);
    }
  }

  /** Compares every twin with its container: events since the last comparison, `.State`, RestartCount. */
  async compare(after: string): Promise<void> {
    for (const twin of this.twins) {
      const where = `${this.label} ${twin.name} after ${after}`;
      const machine = twin.machineEvents.slice(twin.machineSeen);
      const real = twin.realEvents.slice(twin.realSeen);
      twin.machineSeen = twin.machineEvents.length;
      twin.realSeen = twin.realEvents.length;
      machine.forEach(dieWithoutExecDuration);
      for (let i = 0; i + 1 < real.length; i++) {
        if (real[i]!.Actor.Attributes.signal === '15' && real[i + 1]!.Actor.Attributes.signal === '9') {
          this.tally.timings.graceGaps.push(ms(real[i + 1]!) - ms(real[i]!));
        }
      }
      // The span of the last step that moved StartedAt/FinishedAt stays the slack until the next one.
      if (real.some((e) => e.Action === 'die' || e.Action === 'start')) twin.lastSpanMs = ms(real[real.length - 1]!) - ms(real[0]!);
      const machineLines = machine.map(eventLine);
      const realLines = eventsToV29(real.map(eventLine));
      const names = real.filter((e) => e.Type === 'container').every((e) => e.Actor.Attributes.name === twin.name && e.Actor.Attributes.image === IMAGE);
      this.tally.check(
        'events',
        names && machineLines.join(' | ') === realLines.join(' | '),
        () => `${where}: machine [${machineLines.join(', ')}], engine [${realLines.join(', ')}]`,
      );
      let state = await inspect(twin.id);
      // inspect can run ahead of the event stream (a start is visible before its event):
      // on a disagreement, let the events catch up once before comparing.
      for (let tries = 0; tries < 12 && !this.sameStatus(twin, state); tries++) {
        await this.stream.next(250);
        await this.quiet();
        state = await inspect(twin.id);
      }
      if (twin.realEvents.length > twin.realSeen || twin.machineEvents.length > twin.machineSeen) {
        const more = twin.machineEvents.slice(twin.machineSeen).map(eventLine);
        const moreReal = eventsToV29(twin.realEvents.slice(twin.realSeen).map(eventLine));
        twin.machineSeen = twin.machineEvents.length;
        twin.realSeen = twin.realEvents.length;
        this.tally.check('events', more.join(' | ') === moreReal.join(' | '), () => `${where} (late events): machine [${more.join(', ')}], engine [${moreReal.join(', ')}]`);
      }
      this.compareState(twin, where, state);
    }
  }

  private sameStatus(twin: Twin, real: RealState | null): boolean {
    const m = inspectState(twin.actor.getSnapshot());
    return real === null ? m.Status === 'removed' : m.Status === real.Status;
  }

  private compareState(twin: Twin, where: string, real: RealState | null): void {
    const m = inspectState(twin.actor.getSnapshot());
    const restartCount = twin.actor.getSnapshot().context.restartCount;
    const recent = () => ` (last engine events: ${twin.realEvents.slice(-4).map((e) => `${eventLine(e)}@${new Date(ms(e)).toISOString().slice(17, 23)}`).join(', ')})`;
    if (real === null || m.Status === 'removed') {
      this.tally.check('status', real === null && m.Status === 'removed', () => `${where}: machine ${m.Status}, engine ${real?.Status ?? 'removed'}`);
      return;
    }
    const status = (s: { Status: string; Running: boolean; Paused: boolean; Restarting: boolean; Dead: boolean }) =>
      `${s.Status} running=${s.Running} paused=${s.Paused} restarting=${s.Restarting} dead=${s.Dead}`;
    this.tally.check('status', status(m) === status(real), () => `${where}: machine ${status(m)}, engine ${status(real)}${recent()}`);
    this.tally.check('pid', (m.Pid > 0) === (real.Pid > 0), () => `${where}: machine Pid ${m.Pid}, engine Pid ${real.Pid}`);
    this.tally.check('exit code', m.ExitCode === real.ExitCode, () => `${where}: machine ExitCode ${m.ExitCode}, engine ${real.ExitCode}`);
    this.tally.check('error field', m.Error === real.Error, () => `${where}: machine Error "${m.Error}", engine "${real.Error}"`);
    this.tally.check('restart count', restartCount === real.RestartCount, () => `${where}: machine RestartCount ${restartCount}, engine ${real.RestartCount}`);
    let realOom = real.OOMKilled;
    // Version table: 20.10 keeps OOMKilled after the next start; v29 clears it.
    if (realOom && !m.OOMKilled && twin.oomSeen && m.Status === 'running') {
      used.oomKilledKept++;
      realOom = false;
    }
    // Version table (oomAfterDie): when 20.10 handled the exit before the OOM, it never sets OOMKilled.
    if (!realOom && m.OOMKilled && twin.oomLate && m.Status !== 'running') {
      used.oomAfterDie++;
      realOom = true;
    }
    if (m.OOMKilled) twin.oomSeen = true;
    this.tally.check('oom killed', m.OOMKilled === realOom, () => `${where}: machine OOMKilled ${m.OOMKilled}, engine ${real.OOMKilled}`);
    const near = (a: string, b: string) => {
      const zero = (t: string) => t.startsWith('0001-01-01');
      if (zero(a) || zero(b)) return zero(a) === zero(b);
      // The machine does a command at one instant; the engine spreads it over its events.
      return Math.abs(Date.parse(a) - Date.parse(b)) <= TIME_TOLERANCE_MS + twin.lastSpanMs;
    };
    this.tally.check(
      'times',
      near(m.StartedAt, real.StartedAt) && near(m.FinishedAt, real.FinishedAt),
      () => `${where}: machine StartedAt ${m.StartedAt} FinishedAt ${m.FinishedAt}, engine ${real.StartedAt} / ${real.FinishedAt}`,
    );
  }
}

function sleep(msToWait: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msToWait));
}
