/**
 * Runs one random command sequence against a random architecture (`Architecture` on a
 * `SimulatedClock`) and checks, after every step, the invariants of `checker.ts` plus
 * what only the architecture knows: log entries, Compose order and conditions, scaling,
 * create/run, and save → parse → restore. Not a test file.
 */
import {
  Architecture,
  cliLine,
  commandError,
  createTestArchitecture,
  dockerStatus,
  inspectState,
  transitionContainer,
  type ArchitectureSpec,
  type ComposeAction,
  type ComposeProgress,
  type ContainerEntry,
  type InspectState,
  type LogEntry,
  type ServiceSpec,
} from '../../machines';
import { parseSavedArchitecture } from '../../machines/architecture/persistence';
import type { SimulatedClock, Subscription } from 'xstate';
import type { ArchStep } from './arbitraries';
import { KNOWN_BUGS } from './catalogue';
import { LifecycleChecker, subjectOf } from './checker';
import { expectedOutcome, summarize } from './oracle';
import { advanceClock, type CommandCounter } from './runs';

const json = (v: unknown) => JSON.stringify(v);
const flush = () => Promise.resolve();

/** Services Compose acts on (profiles). */
function activeServices(spec: ArchitectureSpec): ServiceSpec[] {
  return spec.services.filter((s) => s.profiles.length === 0 || s.profiles.some((p) => spec.activeProfiles.includes(p)));
}

export class ArchitectureRun {
  arch: Architecture;
  readonly clock: SimulatedClock;
  readonly checker: LifecycleChecker;
  private inspection: Subscription;
  private unlog: () => void;
  private readonly seen = new WeakSet<LogEntry>();
  /** Docker events listed in log entries appended since the inspector was attached. */
  private loggedEvents = 0;
  /** Inspector's message count when the current Architecture was attached. */
  private messagesAtAttach = 0;
  /** Timed commands in progress: the container they were given to, and when they end. */
  private readonly timedPending = new Map<string, { id: string; endsAt: number; cli: string }>();
  /** `# docker compose …: done|failed` lines since the last compose command. */
  private composeCompletions: string[] = [];

  constructor(spec: ArchitectureSpec, up: boolean, private readonly counter: CommandCounter) {
    const t = createTestArchitecture(spec, { up });
    this.arch = t.architecture;
    this.clock = t.clock;
    this.checker = new LifecycleChecker(() => this.clock.now());
    this.inspection = this.arch.actor.system.inspect(this.checker.observe);
    this.unlog = this.watch();
    this.adoptConstruction('docker compose');
  }

  /** The constructor ran before the inspector existed: replay its log entry into the stream checks and sweep. */
  private adoptConstruction(cliPrefix: string): void {
    this.markLogSeen();
    const first = this.arch.getLog()[0];
    if (!first || !first.cli.startsWith(cliPrefix)) this.checker.fail(`first log entry is ${json(first?.cli)}, expected ${cliPrefix}…`);
    for (const m of first?.events ?? []) this.checker.onMessage(m);
    this.sweep('after construction');
  }

  /** Entries already in the log belong to the construction, not to a step. */
  private markLogSeen(): void {
    for (const entry of this.arch.getLog()) this.seen.add(entry);
    this.loggedEvents = 0;
    this.messagesAtAttach = this.checker.stats.messages;
  }

  /**
   * The event history (docs/contracts.md §2) lists every Docker event once: as many events in
   * the log entries as the machines emitted. Call after microtasks ran (daemon entries).
   */
  checkLogComplete(where: string): void {
    const emitted = this.checker.stats.messages - this.messagesAtAttach;
    if (emitted !== this.loggedEvents) this.checker.fail(`${where}: the machines emitted ${emitted} Docker events, the log lists ${this.loggedEvents}`);
  }

  /** Every container's snapshot invariants (the inspector checks each change; this is the safety net). */
  sweep(where: string): void {
    for (const entry of this.arch.containers) {
      const actor = this.arch.containerActor(entry.name);
      if (!actor) {
        this.checker.fail(`${where}: ${entry.name} is listed but has no actor`);
        continue;
      }
      this.checker.adopt(actor, actor.getSnapshot());
      this.checker.checkSnapshot(actor.getSnapshot(), `${where}: ${entry.name}`);
    }
  }

  stop(): void {
    this.inspection.unsubscribe();
    this.unlog();
    this.arch.stop();
  }

  private containerAt(index: number): ContainerEntry | undefined {
    const list = this.arch.containers;
    return list.length === 0 ? undefined : list[index % list.length];
  }

  private serviceAt(index: number): ServiceSpec | undefined {
    const list = this.arch.spec.services;
    return list[index % list.length];
  }

  async step(step: ArchStep): Promise<void> {
    switch (step.k) {
      case 'send':
        return this.send(step.target, step);
      case 'missing': {
        this.counter.add(`missing:${step.event.type}`);
        const entry = this.arch.send('no-such-container', step.event);
        if (entry.outcome !== 'error' || entry.message !== 'No such container: no-such-container' || entry.events.length > 0) {
          this.checker.fail(`send to a missing container: ${json(entry)}`);
        }
        return;
      }
      case 'timed':
        return this.timed(step.target, step);
      case 'advance':
        this.counter.add('advance');
        await advanceClock(this.clock, step.ms, flush);
        return;
      case 'compose':
        return this.compose(step.action, step.wait);
      case 'scale':
        return this.scale(step.service, step.replicas);
      case 'create':
      case 'run':
        return this.createOrRun(step.k, step.service, step.replica);
      case 'restore':
        return this.restore();
    }
  }

  /**
   * `Architecture.send`: the log entry agrees with the daemon's rules and with the pure API.
   * A stop/restart that takes time, or anything sent while one is pending, is checked as
   * a timed command (`timed`).
   */
  private send(index: number, step: Extract<ArchStep, { k: 'send' }>): void {
    const target = this.containerAt(index);
    if (!target) return;
    const actor = this.arch.containerActor(target.name);
    if (!actor) return this.checker.fail(`${target.name} has no actor`);
    const live = ['running', 'paused'].includes(dockerStatus(actor.getSnapshot()));
    if (this.arch.getPending().has(target.name) || (live && (step.event.type === 'stop' || step.event.type === 'restart'))) {
      return this.timed(index, { ...step, k: 'timed' });
    }
    this.counter.add(`send:${step.event.type}`);
    const before = actor.getSnapshot();
    const now = this.clock.now();
    const expected = expectedOutcome(subjectOf(before), step.event);
    const pure = transitionContainer(before, step.event, { now });
    // The UI asks can() before sending: it must agree with the daemon's answer (docs/contracts.md §1).
    const can = before.can(step.event);
    const error = commandError(before, step.event);
    const entry = this.arch.send(target.name, step.event);
    const after = actor.getSnapshot();
    const where = `docker ${json(step.event)} on ${target.name} (${dockerStatus(before)})`;
    if (expected && entry.outcome !== expected.kind) this.checker.fail(`${where}: log outcome ${entry.outcome}, §2.3 says ${expected.kind} (${entry.message ?? ''})`);
    if (can !== (entry.outcome === 'ok')) this.checker.fail(`${where}: can() ${can} but the log says ${entry.outcome}`);
    if (error !== (entry.outcome === 'error' ? (entry.message ?? '') : null)) this.checker.fail(`${where}: commandError ${json(error)} but the log says ${entry.outcome} ${json(entry.message)}`);
    if (entry.outcome !== 'ok' && (after !== before || entry.events.length > 0)) this.checker.fail(`${where}: a refused command changed something`);
    if (entry.outcome === 'ok' && json(entry.events) !== json(pure.events)) {
      this.checker.fail(`${where}: log events ${json(entry.events.map(summarize))} ≠ pure ${json(pure.events.map(summarize))}`);
    }
    if (entry.container !== target.name || entry.kind !== 'command') this.checker.fail(`${where}: log entry ${json({ container: entry.container, kind: entry.kind })}`);
  }

  /** `Architecture.send` of a timed command: a stop/restart of a live container waits for the process; anything else acts at once. */
  private timed(index: number, step: Extract<ArchStep, { k: 'timed' }>): void {
    const target = this.containerAt(index);
    if (!target) return;
    const actor = this.arch.containerActor(target.name);
    if (!actor) return;
    this.counter.add(`timed:${step.event.type}`);
    const pendingBefore = this.arch.getPending().get(target.name);
    const before = actor.getSnapshot();
    const expected = expectedOutcome(subjectOf(before), step.event);
    const entry = this.arch.send(target.name, step.event);
    const pendingNow = this.arch.getPending().get(target.name);
    const where = `timed ${json(step.event)} on ${target.name} (${dockerStatus(before)})`;
    if (!expected) return;
    const overrides = step.event.type === 'kill' || (step.event.type === 'remove' && step.event.force === true) || step.event.type === 'exit' || step.event.type === 'oom';
    if (pendingNow && pendingNow !== pendingBefore) {
      this.timedPending.set(target.name, { id: before.context.id, endsAt: pendingNow.endsAt, cli: cliLine(target.name, step.event) });
      if (expected.kind !== 'ok' || (step.event.type !== 'stop' && step.event.type !== 'restart')) this.checker.fail(`${where}: became pending`);
      if (actor.getSnapshot() !== before) this.checker.fail(`${where}: a pending command changed the container at once`);
      if (!(pendingNow.endsAt > pendingNow.startedAt)) this.checker.fail(`${where}: pending for no time`);
    } else if (pendingBefore && !overrides) {
      if (entry.outcome !== 'error') this.checker.fail(`${where}: accepted while ${json(pendingBefore.event)} is in progress`);
    } else if (entry.outcome !== expected.kind) {
      this.checker.fail(`${where}: outcome ${entry.outcome}, §2.3 says ${expected.kind}`);
    }
  }

  /** `docker compose <action>`, optionally run to its end: dependency order, conditions, end state (§6). */
  private async compose(action: ComposeAction, wait: boolean): Promise<void> {
    this.counter.add(`compose:${action}`);
    // A `docker stop|restart` still in progress (a timed `send`) finishes during the run and may
    // start a container again, as it would on a real host: no end-state check then.
    const concurrent = this.arch.getPending().size > 0;
    this.composeCompletions = [];
    const header = this.arch.compose(action);
    if (header.outcome !== 'ok' || !header.cli.startsWith(`docker compose ${action}`)) this.checker.fail(`compose ${action}: header ${json(header)}`);
    if (!wait) return;
    for (let i = 0; i < 8 && this.arch.getComposeProgress()?.status === 'running'; i++) await advanceClock(this.clock, 5_000, flush);
    const progress = this.arch.getComposeProgress();
    if (!progress || progress.action !== action) return this.checker.fail(`compose ${action}: no progress`);
    this.checkComposeOrder(action, progress.finished);
    await flush();
    const expectedCompletions = progress.status === 'running' ? 0 : 1;
    if (KNOWN_BUGS.composeCompletionLoggedTwice && this.composeCompletions.length === 2 && expectedCompletions === 1) {
      this.checker.knownBug('composeCompletionLoggedTwice');
    } else if (this.composeCompletions.length !== expectedCompletions) {
      this.checker.fail(`compose ${action} (${progress.status}): ${this.composeCompletions.length} completion log entries ${json(this.composeCompletions)}, expected ${expectedCompletions}`);
    }
    if (progress.status !== 'done' || concurrent) return;
    const spec = this.arch.spec;
    if (KNOWN_BUGS.composeOptionalDependencyEndsRun && (action === 'up' || action === 'start' || action === 'restart')) {
      // Known bug (knownBugs.test.ts): an optional dependency whose condition fails ends the run early.
      const optional = activeServices(spec).some((s) => s.dependsOn.some((d) => !d.required && d.condition !== 'service_started'));
      if (optional) {
        this.checker.knownBug('composeOptionalDependencyEndsRun');
        return;
      }
    }
    for (const service of activeServices(spec)) {
      for (const c of this.arch.ofService(service.name)) {
        const status = this.arch.status(c.name);
        const ok = (() => {
          switch (action) {
            case 'up':
              return status === 'running' || status === 'restarting';
            // start/restart act on the project's existing containers: a removed one is not listed.
            case 'start':
              return status === 'running' || status === 'restarting' || status === 'removed';
            case 'restart':
              return status === 'running' || status === 'removed';
            case 'stop':
            case 'kill':
              return status !== 'running' && status !== 'paused' && status !== 'restarting';
            case 'down':
              return status === 'removed';
            case 'pause':
              return status !== 'running' && status !== 'restarting';
            case 'unpause':
              return status !== 'paused';
          }
        })();
        if (!ok) this.checker.fail(`docker compose ${action} finished without error but ${c.name} is ${status} (§6)`);
      }
    }
  }

  /** up/start/restart visit dependencies first; stop/down visit dependents first (§6). */
  private checkComposeOrder(action: ComposeAction, finished: string[]): void {
    const spec = this.arch.spec;
    const active = new Set(activeServices(spec).map((s) => s.name));
    const position = new Map(finished.map((name, i) => [name, i]));
    for (const service of spec.services) {
      if (!active.has(service.name)) continue;
      for (const dep of service.dependsOn) {
        if (!active.has(dep.service)) continue;
        const s = position.get(service.name);
        const d = position.get(dep.service);
        if (action === 'up' || action === 'start' || (action === 'restart' && dep.restart)) {
          if (s !== undefined && (d === undefined || d > s)) this.checker.fail(`compose ${action}: ${service.name} finished before its dependency ${dep.service}: ${json(finished)}`);
        } else if (action === 'stop' || action === 'down') {
          if (d !== undefined && (s === undefined || s > d)) this.checker.fail(`compose ${action}: ${dep.service} finished before its dependent ${service.name}: ${json(finished)}`);
        }
      }
    }
  }

  /** Listens to the log and to Compose progress; returns the unsubscribe function. */
  private watch(): () => void {
    const offLog = this.arch.onLog((entries) => this.onLog(entries));
    const offCompose = this.arch.onCompose((progress) => {
      if (progress) this.checkComposeWaits(progress);
    });
    return () => {
      offLog();
      offCompose();
    };
  }

  /** `compose restart` keeps only `depends_on` entries with `restart: true` (§6): it waits on no other. */
  private checkComposeWaits(progress: ComposeProgress): void {
    if (progress.action !== 'restart') return;
    const spec = this.arch.spec;
    for (const { service, waitingFor } of progress.active) {
      if (!waitingFor) continue;
      const waited = this.arch.containers.find((c) => waitingFor.includes(` ${c.name} `))?.service;
      const edge = spec.services.find((s) => s.name === service)?.dependsOn.find((d) => d.service === waited);
      if (edge?.restart === true) continue;
      if (KNOWN_BUGS.composeRestartWaitsOnNonRestartDependency) this.checker.knownBug('composeRestartWaitsOnNonRestartDependency');
      else this.checker.fail(`compose restart: ${service} ${waitingFor} although that depends_on entry has restart: ${String(edge?.restart)} (§6)`);
    }
  }

  /** Log entries appended since the last call (the log only grows at its end). */
  private onLog(entries: readonly LogEntry[]): void {
    const fresh: LogEntry[] = [];
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      if (!entry || this.seen.has(entry)) break;
      this.seen.add(entry);
      fresh.unshift(entry);
    }
    for (const entry of fresh) {
      this.loggedEvents += entry.events.length;
      for (let i = 1; i < entry.events.length; i++) {
        if ((entry.events[i]?.timeNano ?? 0) < (entry.events[i - 1]?.timeNano ?? 0)) this.checker.fail(`log entry ${json(entry.cli)}: events out of time order`);
      }
      if (entry.cli.startsWith('# docker compose ')) this.composeCompletions.push(entry.cli);
      this.checkComposeStart(entry);
      this.checkTimedEnd(entry);
    }
  }

  /** A timed command, when its time is up, acts on the container it was given to, or on none. */
  private checkTimedEnd(entry: LogEntry): void {
    const name = entry.container;
    const record = name === undefined ? undefined : this.timedPending.get(name);
    if (!name || !record || entry.kind !== 'command' || entry.cli !== record.cli || entry.time !== record.endsAt) return;
    this.timedPending.delete(name);
    const id = this.arch.containerActor(name)?.getSnapshot().context.id;
    if (id === record.id || entry.events.length === 0) return; // a stop that ended without acting (killed, died) acted on nothing
    if (KNOWN_BUGS.pendingCommandHitsNewContainer) this.checker.knownBug('pendingCommandHitsNewContainer');
    else this.checker.fail(`${entry.cli}, pending on container ${record.id.slice(0, 12)}, acted on the new container ${id?.slice(0, 12)} named ${name}: ${entry.outcome} ${json(entry.events.map(summarize))}`);
  }

  /** A Compose start of a dependent happens only once its dependencies' conditions hold (§6). */
  private checkComposeStart(entry: LogEntry): void {
    if (entry.kind !== 'compose' || entry.outcome !== 'ok' || !entry.cli.startsWith('docker start ')) return;
    const action = this.arch.getComposeProgress()?.action;
    if (action !== 'up' && action !== 'start') return;
    const name = entry.container;
    const container = this.arch.containers.find((c) => c.name === name);
    const spec = this.arch.spec;
    const service = spec.services.find((s) => s.name === container?.service);
    if (!service) return;
    const active = new Set(activeServices(spec).map((s) => s.name));
    for (const dep of service.dependsOn) {
      if (!active.has(dep.service) || dep.condition === 'service_started') continue;
      const states = this.arch.ofService(dep.service).map((c) => {
        const actor = this.arch.containerActor(c.name);
        return { name: c.name, state: actor ? inspectState(actor.getSnapshot()) : undefined };
      });
      const holds = (state: InspectState | undefined) =>
        dep.condition === 'service_healthy' ? state?.Health?.Status === 'healthy' : state?.Status === 'exited' && state.ExitCode === 0;
      // A dependency has failed when one of its containers is gone, exited (healthy), has no
      // health check or is unhealthy, or exited non-zero (completed). An optional one
      // (`required: false`) that has failed is skipped with a warning (§6); otherwise the
      // dependent waits until every container meets the condition.
      const failed = (state: InspectState | undefined) =>
        !state || state.Status === 'removed' || (dep.condition === 'service_healthy'
          ? state.Status === 'exited' || state.Status === 'created' || !state.Health || (state.Health.Status === 'unhealthy' && state.Status === 'running')
          : state.Status === 'exited' && state.ExitCode !== 0);
      if (states.every((s) => holds(s.state)) || (!dep.required && states.some((s) => failed(s.state)))) continue;
      const detail = states.map((s) => `${s.name} ${s.state?.Status}/${s.state?.Health?.Status ?? '-'}/${s.state?.ExitCode}`).join(', ');
      this.checker.fail(`compose ${action} started ${name} before its dependency ${dep.service} met ${dep.condition} (required ${dep.required}): ${detail}`);
    }
  }

  /** `docker compose up -d --scale s=N`: exactly N slots, new ones started, dropped ones destroyed. */
  private scale(index: number, replicas: number): void {
    const service = this.serviceAt(index);
    if (!service) return;
    this.counter.add('scale');
    const before = new Map(this.arch.containers.map((c) => [c.id, c]));
    const entry = this.arch.scale(service.name, replicas);
    const where = `scale ${service.name}=${replicas}`;
    if (service.containerName !== undefined && replicas !== 1) {
      if (entry.outcome !== 'error') this.checker.fail(`${where}: a service with container_name scaled`);
      return;
    }
    if (entry.outcome !== 'ok') return this.checker.fail(`${where}: ${entry.outcome} ${entry.message ?? ''}`);
    // A service outside the active profiles has no containers to converge (Compose ignores it).
    if (!activeServices(this.arch.spec).some((s) => s.name === service.name)) return;
    const slots = this.arch.ofService(service.name);
    if (slots.length !== replicas || slots.some((c, i) => c.replica !== i + 1)) this.checker.fail(`${where}: slots ${json(slots.map((c) => c.replica))}`);
    for (const c of slots) {
      const status = this.arch.status(c.name);
      if (!before.has(c.id) && status !== 'running') this.checker.fail(`${where}: new replica ${c.name} is ${status}`);
      if (status === 'removed' || status === 'created') this.checker.fail(`${where}: ${c.name} is ${status} after up --scale`);
    }
    const now = new Set(this.arch.containers.map((c) => c.id));
    for (const [id, c] of before) {
      if (!now.has(id) && !this.checker.isDestroyed(id)) this.checker.fail(`${where}: ${c.name} was dropped without a destroy event`);
    }
  }

  /** `docker create` / `docker run -d` for a slot: refused while its container exists. */
  private createOrRun(kind: 'create' | 'run', index: number, replica: number): void {
    const service = this.serviceAt(index);
    if (!service) return;
    this.counter.add(kind);
    const slot = 1 + ((replica - 1) % Math.max(1, service.replicas));
    const current = this.arch.ofService(service.name).find((c) => c.replica === slot);
    const currentStatus = current ? this.arch.status(current.name) : undefined;
    const entry = kind === 'create' ? this.arch.create(service.name, slot) : this.arch.run(service.name, slot);
    const where = `${kind} ${service.name} #${slot} (was ${currentStatus ?? 'none'})`;
    if (current && currentStatus !== 'removed') {
      if (entry.outcome !== 'error' || !entry.message?.includes('is already in use by container')) this.checker.fail(`${where}: ${entry.outcome} ${entry.message ?? ''}`);
      return;
    }
    if (entry.outcome !== 'ok') return this.checker.fail(`${where}: ${entry.outcome} ${entry.message ?? ''}`);
    const created = this.arch.ofService(service.name).find((c) => c.replica === slot);
    if (!created || created.id === current?.id) return this.checker.fail(`${where}: no new container in the slot`);
    const status = this.arch.status(created.name);
    if (status !== (kind === 'create' ? 'created' : 'running')) this.checker.fail(`${where}: new container is ${status}`);
    if (entry.events[0]?.Action !== 'create') this.checker.fail(`${where}: events ${json(entry.events.map(summarize))} do not begin with create`);
  }

  /**
   * save → JSON → parseSavedArchitecture → a new Architecture on the same clock: nothing
   * changes. A save made during a Compose up/start holds it (`SavedArchitecture.compose`)
   * and the restored architecture runs it again: checked here as the compose step it is,
   * after the restore itself.
   */
  private restore(): Promise<void> | void {
    this.counter.add('save+restore');
    const progress = this.arch.getComposeProgress();
    const saved = this.arch.save();
    const underWay = progress?.status === 'running' && (progress.action === 'up' || progress.action === 'start') ? progress.action : undefined;
    if (saved.compose !== underWay) this.checker.fail(`save: compose ${json(saved.compose)} while the run is ${json(progress && { action: progress.action, status: progress.status })}`);
    const text = JSON.stringify(saved);
    const parsed = parseSavedArchitecture(text);
    if (!parsed.ok) return this.checker.fail(`parseSavedArchitecture refused a save: ${parsed.error}`);
    const before = this.arch.containers.map((c) => {
      const snapshot = this.arch.containerActor(c.name)?.getSnapshot();
      return { entry: c, value: json(snapshot?.value), context: json(snapshot?.context) };
    });
    const spec = json(this.arch.spec);
    this.stop();
    this.timedPending.clear(); // the CLIs waiting on them are gone with the old daemon
    const { compose, ...restore } = parsed.saved;
    this.arch = new Architecture(restore.spec, { restore, clock: this.clock });
    this.inspection = this.arch.actor.system.inspect(this.checker.observe);
    this.unlog = this.watch();
    this.markLogSeen();
    const first = this.arch.getLog()[0];
    if (!first || first.cli !== '# restored saved state' || first.events.length > 0) this.checker.fail(`restore log: ${json(first)}`);
    if (json(this.arch.spec) !== spec) this.checker.fail('restore changed the spec');
    const after = this.arch.containers;
    if (json(after) !== json(before.map((b) => b.entry))) this.checker.fail('restore changed the container list');
    for (const b of before) {
      const snapshot = this.arch.containerActor(b.entry.name)?.getSnapshot();
      if (json(snapshot?.value) !== b.value || json(snapshot?.context) !== b.context) {
        this.checker.fail(`restore changed ${b.entry.name}: ${b.value} → ${json(snapshot?.value)}`);
      }
      // The restored daemon re-arms the back-off, which starts over (types.ts `daemon.restore`).
      if (snapshot && dockerStatus(snapshot) === 'restarting') this.checker.backoffRearmed(b.entry.id);
    }
    this.sweep('after restore');
    if (compose) return this.compose(compose, false);
  }
}
